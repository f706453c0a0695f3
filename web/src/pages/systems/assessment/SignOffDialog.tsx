import { useState } from "react";
import { ApiError } from "../../../api/client.ts";
import { assessmentsApi, type AssessmentView } from "../../../api/systems.ts";
import type { BilingualText } from "../../../api/types.ts";
import { Dialog } from "../../../components/Dialog.tsx";
import { Field } from "../../../components/Field.tsx";
import { Notice } from "../../../components/Notice.tsx";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { plainText } from "../../../i18n/text.ts";
import type { SignOffCheck } from "./sign-off-gate.ts";

interface SignOffDialogProps {
  assessment: AssessmentView;
  name: BilingualText;
  /** Who may not sign under segregation of duties; undefined while loading. */
  check: SignOffCheck | undefined;
  onClose(): void;
  onSigned(): void;
  /** Filter the rows to those still open (after the server refused an incomplete assessment). */
  onShowOpen(): void;
}

/**
 * 承認: a reviewer signs the assessment off, with a note. Opened only when every row is answered
 * (the header disables it otherwise); it states the segregation-of-duties rule as the server
 * applies it, and still explains the server's refusals if the rows changed meanwhile.
 */
export function SignOffDialog({ assessment: a, name, check, onClose, onSigned, onShowOpen }: SignOffDialogProps) {
  const { t, lang, number, errorMessage } = useI18n();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const incomplete = error instanceof ApiError && error.code === "assessment_incomplete";
  const answered = error instanceof ApiError && error.code === "sign_off_by_answerer";
  const names = check?.barred.map((u) => u.displayName) ?? [];

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
          <button type="button" className="button button--primary" disabled={busy || incomplete || answered} onClick={() => void sign()} data-testid="sign-off-confirm">
            {busy ? t("common.working") : t("systems.assess.signOff")}
          </button>
        </>
      }
    >
      <div className="form">
        <p className="dialog-message">{t("systems.assess.signOffBody", { total: number(a.total) })}</p>
        {check?.segregationOfDuties && !answered && (
          <p className="dialog-message" data-testid="sign-off-sod">
            {names.length > 0 ? t("systems.assess.sodRule", { names: new Intl.ListFormat(lang, { type: "conjunction" }).format(names) }) : t("systems.assess.sodRuleNobody")}
          </p>
        )}
        {answered && (
          <Notice kind="error" testId="sign-off-answered">
            <strong>{t("systems.assess.answeredTitle")}</strong>
            <p>{t("systems.assess.blockedAnswered")}</p>
          </Notice>
        )}
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
        {error !== undefined && !incomplete && !answered && <Notice kind="error">{errorMessage(error)}</Notice>}
        <Field label={t("systems.assess.signOffNote")} optional>
          <textarea className="input" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
