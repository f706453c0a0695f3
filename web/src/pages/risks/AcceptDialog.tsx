import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { risksApi, type RiskView } from "../../api/risks.ts";
import { addDays, addMonths, todayIso } from "../../components/dates.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { fetchAcceptanceCheck, myBars } from "./acceptance-check.ts";

interface AcceptDialogProps {
  risk: RiskView;
  onClose(): void;
  onSaved(risk: RiskView): void;
}

/**
 * Accept the risk as it stands until a date, with the reason: a decision recorded in the ledger.
 * Under the organisation's segregation of duties (on by default) the risk's owner, and whoever
 * registered or rated it, cannot make it: the dialog asks the server who is barred before anyone
 * types, disables the submit with the reason, and words the server's refusals (`self_approval`,
 * `acceptance_by_assessor`) rather than showing a bare error.
 */
export function AcceptDialog({ risk, onClose, onSaved }: AcceptDialogProps) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const today = todayIso();
  const [expiresOn, setExpiresOn] = useState(() => addMonths(today, 12));
  const [note, setNote] = useState("");
  const check = useResource((signal) => fetchAcceptanceCheck(risk.id, signal), `${risk.id}@${risk.version}`);
  const bars = myBars(check.data, session.user.id);

  const form = useFormSave({ version: risk.version, onDone: onClose }, async (version) => {
    onSaved(await risksApi.accept(risk.id, { version, expiresOn, note: note.trim() }));
  });
  const { error, errors } = form;

  const refusedAsOwner = error instanceof ApiError && error.code === "self_approval";
  const refusedAsAssessor = error instanceof ApiError && error.code === "acceptance_by_assessor";
  const owner = refusedAsOwner || bars.includes("owner");
  const assessor = !owner && (refusedAsAssessor || bars.length > 0);
  const formError = refusedAsOwner || refusedAsAssessor ? undefined : form.formError;

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
      submitDisabled={check.loading || owner || assessor}
    >
      {owner && (
        <Notice kind="error" testId="risk-self-approval">
          <strong>{t("risks.accept.selfTitle")}</strong> {t("risks.accept.selfBody")}
        </Notice>
      )}
      {assessor && (
        <Notice kind="error" testId="risk-sod-assessor">
          <strong>{t("risks.sod.assessorTitle")}</strong> {t("risks.sod.assessorBody")}
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
