import { useState } from "react";
import { RIGHTS, type Right } from "../../api/incidents.ts";
import { oversightApi, type CaseDetail } from "../../api/oversight.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { CheckboxGroup } from "../incidents/CheckboxGroup.tsx";

interface CaseDialogProps {
  /** Submissions to group into the case at once (rows chosen in the queue); may be empty. */
  intakeIds: readonly string[];
  onClose(): void;
  onSaved(saved: CaseDetail): void;
}

/** Opens a case of rights infringement: its titles in both languages, a summary, the rights affected. */
export function CaseDialog({ intakeIds, onClose, onSaved }: CaseDialogProps) {
  const { t, number } = useI18n();
  const [titleJa, setTitleJa] = useState("");
  const [titleEn, setTitleEn] = useState("");
  const [summary, setSummary] = useState("");
  const [rights, setRights] = useState<Right[]>([]);
  const form = useFormSave({ onDone: onClose }, async () => {
    onSaved(await oversightApi.createCase({ titleJa: titleJa.trim(), titleEn: titleEn.trim(), summary: summary.trim(), rights, intakeIds: [...intakeIds] }));
  });
  const { errors } = form;
  return (
    <FormDialog title={t("oversight.cases.create")} onClose={onClose} testId="case-dialog" formId="case-form" form={form} submitLabel={t("oversight.cases.createSubmit")} submitTestId="case-save">
      {intakeIds.length > 0 && <p className="field__hint" data-testid="case-dialog-count">{t("oversight.cases.withSubmissions", { count: number(intakeIds.length) })}</p>}
      <Field label={t("oversight.cases.titleJa")} error={errors.titleJa}>
        <input className="input" lang="ja" required maxLength={300} value={titleJa} onChange={(e) => setTitleJa(e.target.value)} data-testid="case-title-ja" />
      </Field>
      <Field label={t("oversight.cases.titleEn")} error={errors.titleEn}>
        <input className="input" lang="en" required maxLength={300} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} data-testid="case-title-en" />
      </Field>
      <Field label={t("oversight.cases.summary")} error={errors.summary} optional>
        <textarea className="input" rows={4} maxLength={20000} value={summary} onChange={(e) => setSummary(e.target.value)} data-testid="case-summary" />
      </Field>
      <CheckboxGroup
        legend={t("oversight.cases.rights")}
        options={RIGHTS.map((r) => ({ value: r, label: t(`incidents.right.${r}`) }))}
        value={rights}
        onChange={setRights}
        error={errorFor(errors, "rights")}
        testId="case-rights"
      />
    </FormDialog>
  );
}
