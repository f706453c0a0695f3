import { useState } from "react";
import { ApiError } from "../../../api/client.ts";
import { assessmentsApi, type AssessmentView } from "../../../api/systems.ts";
import type { BilingualText } from "../../../api/types.ts";
import { Dialog } from "../../../components/Dialog.tsx";
import { Field } from "../../../components/Field.tsx";
import { Notice } from "../../../components/Notice.tsx";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { plainText } from "../../../i18n/text.ts";

interface SignOffDialogProps {
  assessment: AssessmentView;
  name: BilingualText;
  onClose(): void;
  onSigned(): void;
  /** Filter the rows to those still open (after the server refused an incomplete assessment). */
  onShowOpen(): void;
}

/** 承認: a reviewer signs the assessment off, with a note; refused while rows are still open. */
export function SignOffDialog({ assessment: a, name, onClose, onSigned, onShowOpen }: SignOffDialogProps) {
  const { t, lang, number, errorMessage } = useI18n();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const open = (a.counts.not_started ?? 0) + (a.counts.in_progress ?? 0);
  const incomplete = error instanceof ApiError && error.code === "assessment_incomplete";

  const sign = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await assessmentsApi.signOff(a.id, a.version, note.trim() || undefined);
      onSigned();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t("systems.assess.signOffTitle", { framework: plainText(name, lang) })}
      onClose={onClose}
      testId="sign-off-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="button" className="button button--primary" disabled={busy || incomplete} onClick={() => void sign()} data-testid="sign-off-confirm">
            {busy ? t("common.working") : t("systems.assess.signOff")}
          </button>
        </>
      }
    >
      <div className="form">
        <p className="dialog-message">{t("systems.assess.signOffBody", { total: number(a.total) })}</p>
        {open > 0 && !incomplete && <Notice kind="warning">{t("systems.assess.openWarning", { count: number(open) })}</Notice>}
        {incomplete && (
          <Notice kind="error" testId="sign-off-incomplete">
            <strong>{t("systems.assess.incompleteTitle")}</strong>
            <p>{t("systems.assess.incompleteBody", { notStarted: number(a.counts.not_started ?? 0), inProgress: number(a.counts.in_progress ?? 0) })}</p>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                onShowOpen();
                onClose();
              }}
            >
              {t("systems.assess.showOpen")}
            </button>
          </Notice>
        )}
        {error !== undefined && !incomplete && <Notice kind="error">{errorMessage(error)}</Notice>}
        <Field label={t("systems.assess.signOffNote")} optional>
          <textarea className="input" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
