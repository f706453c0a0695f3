import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { risksApi, type RiskView } from "../../api/risks.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { addDays, addMonths, isoToday } from "./risk-form.ts";

interface AcceptDialogProps {
  risk: RiskView;
  onClose(): void;
  onSaved(risk: RiskView): void;
}

/**
 * Accept the risk as it stands until a date, with the reason: a decision recorded in the ledger.
 * The risk's owner cannot make it (segregation of duties): the dialog warns before trying and
 * explains the server's `self_approval` refusal in words rather than as a bare error.
 */
export function AcceptDialog({ risk, onClose, onSaved }: AcceptDialogProps) {
  const { t, errorMessage } = useI18n();
  const { session } = useSignedIn();
  const today = isoToday();
  const [expiresOn, setExpiresOn] = useState(() => addMonths(today, 12));
  const [note, setNote] = useState("");
  const [version, setVersion] = useState(risk.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const ownRisk = risk.owner?.id === session.user.id;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = await risksApi.accept(risk.id, { version, expiresOn, note: note.trim() });
      onSaved(saved);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") setVersion(err.currentRecord<RiskView>()?.version ?? version);
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  const selfApproval = error instanceof ApiError && error.code === "self_approval";
  const formError = error !== undefined && !selfApproval && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;

  return (
    <Dialog
      title={t("risks.accept.title", { code: risk.code })}
      size="small"
      onClose={onClose}
      testId="risk-accept-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="risk-accept-form" className="button button--primary" disabled={busy} data-testid="risk-accept-submit">
            {busy ? t("common.working") : t("risks.accept.submit")}
          </button>
        </>
      }
    >
      <form id="risk-accept-form" className="form" onSubmit={submit} noValidate>
        {selfApproval ? (
          <Notice kind="error" testId="risk-self-approval">
            <strong>{t("risks.accept.selfTitle")}</strong> {t("risks.accept.selfBody")}
          </Notice>
        ) : (
          ownRisk && (
            <Notice kind="warning" testId="risk-own-warning">
              <strong>{t("risks.accept.selfTitle")}</strong> {t("risks.accept.selfBody")}
            </Notice>
          )
        )}
        {formError && <Notice kind="error">{formError}</Notice>}
        <p className="dialog-message">{t("risks.accept.lead")}</p>
        <Field label={t("risks.accept.expiresOn")} hint={t("risks.accept.expiresHint")} error={errors.expiresOn}>
          <input type="date" className="input" required min={addDays(today, 1)} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} data-testid="risk-accept-expires" />
        </Field>
        <Field label={t("risks.accept.reason")} hint={t("risks.accept.reasonHint")} error={errors.note}>
          <textarea className="input" rows={4} required maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="risk-accept-note" />
        </Field>
      </form>
    </Dialog>
  );
}
