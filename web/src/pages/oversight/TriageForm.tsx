import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { RIGHTS, SEVERITIES } from "../../api/incidents.ts";
import { oversightApi, TRIAGE_STATUSES, type IntakeDetail } from "../../api/oversight.ts";
import { Card } from "../../components/Card.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PersonSelect } from "../../components/PersonSelect.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { CheckboxGroup } from "../incidents/CheckboxGroup.tsx";
import { intakeHeadline } from "./intake-documents.ts";
import { changesAnything, draftOf, triageChanges, type TriageDraft } from "./triage-logic.ts";
import type { TriageOptions } from "./useTriageOptions.ts";
import type { ValueWords } from "./useValueWords.ts";

interface TriageFormProps {
  item: IntakeDetail;
  options: TriageOptions;
  words: ValueWords;
  onSaved(next: IntakeDetail): void;
  /** Someone else triaged it meanwhile: the page loads the submission as it is now, the form keeps what was chosen. */
  onConflict(): void;
}

/**
 * The analyst's decision on a submission: status, severity, sector, rights affected, who works
 * on it, its case, or the submission it repeats. Only what changed is sent; the trends follow.
 */
export function TriageForm({ item, options, words, onSaved, onConflict }: TriageFormProps) {
  const { t, lang, dateTime } = useI18n();
  const [draft, setDraft] = useState<TriageDraft>(() => draftOf(item));
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<TriageDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const changes = triageChanges(item, draft);
  const form = useFormSave({}, async () => {
    try {
      onSaved(await oversightApi.triage(item.id, changes));
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") onConflict();
      throw err;
    }
  });
  const { errors } = form;
  const others = options.submissions.filter((s) => s.id !== item.id);
  const knownDuplicate = draft.duplicateOf && !others.some((s) => s.id === draft.duplicateOf);
  const knownCase = draft.caseId && !options.cases.some((c) => c.id === draft.caseId);

  return (
    <Card title={t("oversight.triage.title")} titleId="triage-title" testId="triage-form">
      <form className="form" onSubmit={form.onSubmit} noValidate>
        {form.formError && <Notice kind="error" testId="triage-error">{form.formError}</Notice>}
        {saved && <Notice kind="success" testId="triage-saved">{t("oversight.triage.saved")}</Notice>}
        <Field label={t("oversight.col.status")} error={errors.status}>
          <OptionSelect value={draft.status} options={TRIAGE_STATUSES} label={(s) => t(`oversight.status.${s}`)} onChange={(status) => set({ status })} testId="triage-status" />
        </Field>
        <Field label={t("oversight.col.severity")} error={errors.severity}>
          <OptionSelect value={draft.severity} options={SEVERITIES} label={(s) => t(`incidents.severity.${s}`)} emptyLabel={t("oversight.triage.noSeverity")} onChange={(severity) => set({ severity })} testId="triage-severity" />
        </Field>
        <Field label={t("oversight.col.sector")} error={errors.sector}>
          <select className="input" value={draft.sector} onChange={(e) => set({ sector: e.target.value })} data-testid="triage-sector">
            <option value="">{t("oversight.sector.unspecified")}</option>
            {words.vocabulary.sectors.map((s) => (
              <option key={s.value} value={s.value}>
                {words.sector(s.value)}
              </option>
            ))}
          </select>
        </Field>
        <CheckboxGroup legend={t("oversight.part.rights")} options={RIGHTS.map((r) => ({ value: r, label: t(`incidents.right.${r}`) }))} value={draft.rights} onChange={(rights) => set({ rights })} error={errorFor(errors, "rights")} testId="triage-rights" />
        <Field label={t("oversight.triage.assignee")} error={errors.assigneeId}>
          <PersonSelect value={draft.assigneeId} onChange={(assigneeId) => set({ assigneeId })} users={options.people} emptyLabel={t("oversight.triage.unassigned")} testId="triage-assignee" />
        </Field>
        <Field label={t("oversight.triage.case")} error={errors.caseId}>
          <select className="input" value={draft.caseId} onChange={(e) => set({ caseId: e.target.value })} data-testid="triage-case">
            <option value="">{t("oversight.links.noCase")}</option>
            {knownCase && <option value={draft.caseId}>{t("oversight.triage.currentCase")}</option>}
            {options.cases.map((c) => (
              <option key={c.id} value={c.id}>
                {`${c.code} ${plainText(c.title, lang)}`}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("oversight.triage.duplicateOf")} hint={t("oversight.triage.duplicateHint")} error={errors.duplicateOf}>
          <select className="input" value={draft.duplicateOf} onChange={(e) => set({ duplicateOf: e.target.value })} data-testid="triage-duplicate">
            <option value="">{t("oversight.triage.notDuplicate")}</option>
            {knownDuplicate && <option value={draft.duplicateOf}>{t("oversight.triage.currentDuplicate")}</option>}
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {t("oversight.triage.submissionOption", { headline: intakeHeadline(s, t), sender: s.sender ? s.sender.name[lang] : t("oversight.sender.public"), at: dateTime(s.receivedAt, "date") })}
              </option>
            ))}
          </select>
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={form.busy || !changesAnything(changes)} data-testid="triage-save">
            {form.busy ? t("common.saving") : t("oversight.triage.save")}
          </button>
        </div>
      </form>
    </Card>
  );
}
