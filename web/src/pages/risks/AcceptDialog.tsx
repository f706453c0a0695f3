import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { risksApi, type RiskView } from "../../api/risks.ts";
import { addDays, addMonths, todayIso } from "../../components/dates.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";

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
  const { t } = useI18n();
  const { session } = useSignedIn();
  const today = todayIso();
  const [expiresOn, setExpiresOn] = useState(() => addMonths(today, 12));
  const [note, setNote] = useState("");
  const ownRisk = risk.owner?.id === session.user.id;

  const form = useFormSave({ version: risk.version, onDone: onClose }, async (version) => {
    onSaved(await risksApi.accept(risk.id, { version, expiresOn, note: note.trim() }));
  });
  const { error, errors } = form;

  // The server's `self_approval` refusal is explained in words, not shown as a bare error.
  const selfApproval = error instanceof ApiError && error.code === "self_approval";
  const formError = selfApproval ? undefined : form.formError;

  return (
    <FormDialog
      title={t("risks.accept.title", { code: risk.code })}
      size="small"
      onClose={onClose}
      testId="risk-accept-dialog"
      formId="risk-accept-form"
      form={{ ...form, formError: undefined }}
      submitLabel={t("risks.accept.submit")}
      busyLabel={t("common.working")}
      submitTestId="risk-accept-submit"
    >
      {(selfApproval || ownRisk) && (
        <Notice kind={selfApproval ? "error" : "warning"} testId={selfApproval ? "risk-self-approval" : "risk-own-warning"}>
          <strong>{t("risks.accept.selfTitle")}</strong> {t("risks.accept.selfBody")}
        </Notice>
      )}
      {formError && <Notice kind="error">{formError}</Notice>}
      <p className="dialog-message">{t("risks.accept.lead")}</p>
      <Field label={t("risks.accept.expiresOn")} hint={t("risks.accept.expiresHint")} error={errors.expiresOn}>
        <input type="date" className="input" required min={addDays(today, 1)} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} data-testid="risk-accept-expires" />
      </Field>
      <Field label={t("risks.accept.reason")} hint={t("risks.accept.reasonHint")} error={errors.note}>
        <textarea className="input" rows={4} required maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="risk-accept-note" />
      </Field>
    </FormDialog>
  );
}
