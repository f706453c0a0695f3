import { useState } from "react";
import { incidentsApi, type IncidentView } from "../../api/incidents.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { DialogFooter } from "../../components/DialogFooter.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { taskPath } from "../tasks/task-paths.ts";
import { activeActions, openActionsOf } from "./incident-rules.ts";

interface CloseDialogProps {
  incident: IncidentView;
  onClose(): void;
  onClosed(incident: IncidentView): void;
}

/**
 * Closes the incident with a closing note — the "Act" step. The server refuses while corrective or
 * preventive actions are still active; its message and those actions are shown so they can be finished.
 * Closing also asks each linked risk's owner to re-review the risk.
 */
export function CloseDialog({ incident, onClose, onClosed }: CloseDialogProps) {
  const { t, label } = useI18n();
  const [note, setNote] = useState("");
  const pending = activeActions(incident.actions);

  const form = useFormSave({ version: incident.version, onDone: onClose }, async (version) => {
    onClosed(await incidentsApi.close(incident.id, { version, note: note.trim() }));
  });
  const { error, errors, formError } = form;
  const open = openActionsOf(error);

  return (
    <Dialog
      title={t("incidents.close.title", { code: incident.code })}
      onClose={onClose}
      testId="close-dialog"
      footer={<DialogFooter onCancel={onClose} label={t("incidents.close.confirm")} busy={form.busy} busyLabel={t("common.working")} onConfirm={form.onSubmit} disabled={!note.trim()} lockCancel testId="close-confirm" />}
    >
      <div className="form">
        <p className="dialog-message">{t("incidents.close.explain")}</p>
        {pending.length > 0 && error === undefined && (
          <Notice kind="warning" testId="close-pending-actions">
            {t("incidents.close.pending", { count: pending.length })}
          </Notice>
        )}
        {formError && (
          <Notice kind="error" testId="close-error">
            <p className="incident-notice__text">{formError}</p>
            {open.length > 0 && (
              <ul className="plain-list" data-testid="close-open-actions">
                {open.map((a) => (
                  <li key={a.id}>
                    <Link to={taskPath(a.id)} className="table__mono">
                      {a.code}
                    </Link>{" "}
                    <span>{incident.actions.find((x) => x.id === a.id)?.title ?? ""}</span>{" "}
                    <span className="muted">{label("tasks.status.", a.status)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Notice>
        )}
        <Field label={t("incidents.close.note")} hint={t("incidents.close.noteHint")} error={errors.note}>
          <textarea className="input" rows={4} required maxLength={8000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="close-note" />
        </Field>
      </div>
    </Dialog>
  );
}
