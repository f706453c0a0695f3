import { useState } from "react";
import { oversightApi, type AdvisoryView } from "../../api/oversight.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { audienceInput, audienceReady, NO_AUDIENCE, type AudienceChoice } from "./audience-logic.ts";
import { AudienceFields } from "./AudienceFields.tsx";
import type { AudienceOptions } from "./useAudienceOptions.ts";

interface AdvisoryDialogProps {
  options: AudienceOptions;
  onClose(): void;
  onSaved(saved: AdvisoryView): void;
}

/** Drafts an advisory in both languages for its audience; nothing leaves the authority until a supervisor sends it. */
export function AdvisoryDialog({ options, onClose, onSaved }: AdvisoryDialogProps) {
  const { t } = useI18n();
  const [titleJa, setTitleJa] = useState("");
  const [titleEn, setTitleEn] = useState("");
  const [bodyJa, setBodyJa] = useState("");
  const [bodyEn, setBodyEn] = useState("");
  const [audience, setAudience] = useState<AudienceChoice>(NO_AUDIENCE);
  const form = useFormSave({ onDone: onClose }, async () => {
    onSaved(await oversightApi.draftAdvisory({ titleJa: titleJa.trim(), titleEn: titleEn.trim(), bodyJa: bodyJa.trim(), bodyEn: bodyEn.trim(), ...audienceInput(audience) }));
  });
  const { errors } = form;
  return (
    <FormDialog title={t("oversight.advisories.create")} onClose={onClose} testId="advisory-dialog" formId="advisory-form" form={form} submitLabel={t("oversight.advisories.createSubmit")} submitTestId="advisory-save" submitDisabled={!audienceReady(audience)}>
      <p className="field__hint">{t("oversight.advisories.explain")}</p>
      <Field label={t("oversight.field.titleJa")} error={errors.titleJa}>
        <input className="input" lang="ja" required maxLength={300} value={titleJa} onChange={(e) => setTitleJa(e.target.value)} data-testid="advisory-title-ja" />
      </Field>
      <Field label={t("oversight.field.titleEn")} error={errors.titleEn}>
        <input className="input" lang="en" required maxLength={300} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} data-testid="advisory-title-en" />
      </Field>
      <Field label={t("oversight.field.bodyJa")} error={errors.bodyJa}>
        <textarea className="input" lang="ja" rows={5} maxLength={50000} value={bodyJa} onChange={(e) => setBodyJa(e.target.value)} data-testid="advisory-body-ja" />
      </Field>
      <Field label={t("oversight.field.bodyEn")} error={errors.bodyEn}>
        <textarea className="input" lang="en" rows={5} maxLength={50000} value={bodyEn} onChange={(e) => setBodyEn(e.target.value)} data-testid="advisory-body-en" />
      </Field>
      <AudienceFields value={audience} onChange={setAudience} options={options} errors={errors} testId="advisory-audience" />
    </FormDialog>
  );
}
