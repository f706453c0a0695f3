import { useState, type FormEvent } from "react";
import { ACTION_KINDS, incidentsApi, MAX_APPROVAL_STAGES, type ActionKind, type IncidentView } from "../../api/incidents.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useOwners } from "../controls/useOwners.ts";
import { ApprovalPlanEditor } from "./ApprovalPlanEditor.tsx";
import { errorFor } from "./incident-form.ts";
import { approvalPlanOf } from "./incident-rules.ts";

interface ActionDialogProps {
  incident: IncidentView;
  onClose(): void;
  onSaved(incident: IncidentView): void;
}

/**
 * Opens a corrective or preventive action (CAPA) on the incident: a task for someone, with a due
 * date and, when its completion must be signed off, an approval plan of up to three stages.
 */
export function ActionDialog({ incident, onClose, onSaved }: ActionDialogProps) {
  const { t, errorMessage } = useI18n();
  const { can } = useSignedIn();
  const users = useOwners(can("users.read"));
  const [kind, setKind] = useState<ActionKind>("corrective");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [assigneeId, setAssigneeId] = useState(incident.owner?.id ?? "");
  const [dueOn, setDueOn] = useState("");
  const [stages, setStages] = useState<string[][]>(() => Array.from({ length: MAX_APPROVAL_STAGES }, () => []));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = await incidentsApi.addAction(incident.id, {
        kind,
        title: title.trim(),
        description: description.trim(),
        assigneeId: assigneeId || null,
        dueOn: dueOn || null,
        approvalPlan: approvalPlanOf(stages),
      });
      onSaved(saved);
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;
  const owner = incident.owner;

  return (
    <Dialog
      title={t("incidents.action.dialogTitle", { code: incident.code })}
      onClose={onClose}
      testId="action-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="action-form" className="button button--primary" disabled={busy} data-testid="action-save">
            {busy ? t("common.saving") : t("incidents.action.save")}
          </button>
        </>
      }
    >
      <form id="action-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <Field label={t("incidents.action.kind")} hint={t(`incidents.action.kindHint.${kind}`)} error={errors.kind}>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as ActionKind)} data-testid="action-kind">
            {ACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`incidents.actionKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("incidents.action.title")} error={errors.title}>
          <input className="input" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="action-title" />
        </Field>
        <Field label={t("incidents.action.description")} error={errors.description} optional>
          <textarea className="input" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="action-description" />
        </Field>
        <div className="form__row">
          <Field label={t("incidents.action.assignee")} error={errors.assigneeId} optional>
            <select className="input" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} data-testid="action-assignee">
              <option value="">{t("incidents.action.unassigned")}</option>
              {owner && !users.some((u) => u.id === owner.id) && <option value={owner.id}>{owner.displayName}</option>}
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("incidents.action.dueOn")} error={errors.dueOn} optional>
            <input className="input" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} data-testid="action-due" />
          </Field>
        </div>
        <ApprovalPlanEditor users={users} stages={stages} onChange={setStages} error={errorFor(errors, "approvalPlan")} />
      </form>
    </Dialog>
  );
}
