import { useState } from "react";
import { HAIP_PATHS, HAIP_ROLES, haipApi, questionnairesApi, type HaipPath, type HaipReport, type HaipReportSummary, type HaipRole } from "../../api/disclosures.ts";
import { orgApi } from "../../api/endpoints.ts";
import { todayIso } from "../../components/dates.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { Notice } from "../../components/Notice.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { fiscalYearOf, reportFor, yearChoices } from "./haip-logic.ts";

interface StartReportDialogProps {
  reports: readonly HaipReportSummary[];
  onClose(): void;
  onStarted(report: HaipReport): void;
}

/** Starts the report for a reporting year: the roles the organisation reports as, the path, the questionnaire, and whether to draft from data now. */
export function StartReportDialog({ reports, onClose, onStarted }: StartReportDialogProps) {
  const { t, lang } = useI18n();
  const org = useResource((signal) => orgApi.get(signal), "org");
  const questionnaires = useResource((signal) => questionnairesApi.list(signal), "questionnaires");
  const current = org.data ? fiscalYearOf(todayIso(), org.data.settings.fiscalYearStartMonth) : undefined;
  const [year, setYear] = useState<number>();
  const [roles, setRoles] = useState<HaipRole[]>(["deployer"]);
  const [path, setPath] = useState<HaipPath>("full");
  const [questionnaire, setQuestionnaire] = useState("");
  const [prefill, setPrefill] = useState(true);
  const chosenYear = year ?? current;

  const form = useFormSave({}, async () => {
    if (chosenYear === undefined) return;
    const [key, version] = questionnaire ? (JSON.parse(questionnaire) as [string, string]) : [];
    const report = await haipApi.create({ year: chosenYear, roles, path, prefill, ...(key && version ? { questionnaire: { key, version } } : {}) });
    onStarted(report);
  });
  const { errors } = form;
  const taken = chosenYear !== undefined && reportFor(reports, chosenYear) !== undefined;
  const toggle = (role: HaipRole, on: boolean) => setRoles((rs) => (on ? HAIP_ROLES.filter((r) => r === role || rs.includes(r)) : rs.filter((r) => r !== role)));

  return (
    <FormDialog
      title={t("disclosures.start.title")}
      onClose={onClose}
      testId="start-report-dialog"
      formId="start-report-form"
      form={form}
      submitLabel={t("disclosures.start.submit")}
      busyLabel={prefill ? t("disclosures.start.drafting") : t("common.creating")}
      submitTestId="start-report-submit"
      submitDisabled={chosenYear === undefined || roles.length === 0 || taken}
    >
      <Field label={t("disclosures.start.year")} hint={current !== undefined ? t("disclosures.start.yearHint", { year: t("disclosures.year", { year: current }) }) : undefined} error={errors.year}>
        <select className="input" value={chosenYear ?? ""} onChange={(e) => setYear(Number(e.target.value))} data-testid="start-report-year">
          {current === undefined && <option value="">{t("common.loading")}</option>}
          {current !== undefined &&
            yearChoices(current).map((y) => (
              <option key={y} value={y}>
                {t("disclosures.year", { year: y })}
              </option>
            ))}
        </select>
      </Field>
      {taken && <Notice kind="info">{t("disclosures.start.taken")}</Notice>}
      <fieldset className="fieldset-box" aria-describedby="start-report-roles-hint">
        <legend className="field__label">{t("disclosures.start.roles")}</legend>
        <p className="field__hint" id="start-report-roles-hint">
          {t("disclosures.start.rolesHint")}
        </p>
        {HAIP_ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" checked={roles.includes(role)} onChange={(e) => toggle(role, e.target.checked)} data-testid={`start-report-role-${role}`} />
            {t(`disclosures.role.${role}`)}
          </label>
        ))}
        {(errorFor(errors, "roles") || roles.length === 0) && <p className="field__error">{errorFor(errors, "roles") ?? t("disclosures.start.rolesNone")}</p>}
      </fieldset>
      <fieldset className="fieldset-box">
        <legend className="field__label">{t("disclosures.start.path")}</legend>
        {HAIP_PATHS.map((p) => (
          <label key={p} className="checkbox">
            <input type="radio" name="start-report-path" value={p} checked={path === p} onChange={() => setPath(p)} data-testid={`start-report-path-${p}`} />
            {t(`disclosures.path.${p}`)}
          </label>
        ))}
      </fieldset>
      {(questionnaires.data?.length ?? 0) > 1 && (
        <Field label={t("disclosures.start.questionnaire")} error={errors.questionnaire}>
          <select className="input" value={questionnaire} onChange={(e) => setQuestionnaire(e.target.value)} data-testid="start-report-questionnaire">
            {questionnaires.data!.map((q, i) => (
              <option key={`${q.key}@${q.version}`} value={i === 0 ? "" : JSON.stringify([q.key, q.version])}>
                {t("disclosures.questionnaire.option", { name: q.name[lang], version: q.version })}
              </option>
            ))}
          </select>
        </Field>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={prefill} onChange={(e) => setPrefill(e.target.checked)} data-testid="start-report-prefill" />
        {t("disclosures.start.prefill")}
      </label>
      <p className="field__hint">{t("disclosures.start.prefillHint")}</p>
    </FormDialog>
  );
}
