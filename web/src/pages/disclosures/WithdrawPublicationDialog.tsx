import { useState } from "react";
import { publicationsApi, type Publication } from "../../api/disclosures.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

interface WithdrawPublicationDialogProps {
  publication: Publication;
  onClose(): void;
  onWithdrawn(): void;
}

/** Takes a publication off the trust page, with the reason the ledger keeps beside its snapshot. */
export function WithdrawPublicationDialog({ publication, onClose, onWithdrawn }: WithdrawPublicationDialogProps) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState("");
  const form = useFormSave({ onDone: onClose }, async () => {
    await publicationsApi.withdraw(publication.id, reason.trim());
    onWithdrawn();
  });
  return (
    <FormDialog
      title={t("disclosures.publication.withdrawTitle")}
      onClose={onClose}
      testId="withdraw-publication-dialog"
      size="small"
      formId="withdraw-publication-form"
      form={form}
      submitLabel={t("disclosures.publication.withdraw")}
      submitTestId="withdraw-publication-submit"
      submitDisabled={reason.trim() === ""}
    >
      <p className="dialog-message">{t("disclosures.publication.withdrawLead", { title: publication.title[lang] })}</p>
      <Field label={t("disclosures.publication.reasonLabel")} hint={t("disclosures.publication.reasonHint")} error={form.errors.reason}>
        <textarea className="input" rows={3} maxLength={2000} required value={reason} onChange={(e) => setReason(e.target.value)} data-testid="withdraw-reason" />
      </Field>
    </FormDialog>
  );
}
