import { TRISTATE } from "../../api/incidents.ts";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { FormPartProps } from "./incident-form.ts";

/**
 * Whether personal data leaked, how many people it concerns and whether it was special
 * care-required. A leak (or a possible one) may have to be reported to the PPC under APPI Art. 26,
 * so the dialog says so the moment the answer is not "no".
 */
export function PersonalDataFields({ form, set, errors }: FormPartProps) {
  const { t } = useI18n();
  const involved = form.personalData !== "no";
  return (
    <fieldset className="incident-dialog__section">
      <legend className="incident-dialog__legend">{t("incidents.section.personalData")}</legend>
      <div className="form__row">
        <Field label={t("incidents.field.personalData")} error={errors.personalData}>
          <OptionSelect value={form.personalData} options={TRISTATE} label={(v) => t(`incidents.tristate.${v}`)} onChange={(personalData) => set({ personalData })} testId="incident-personal-data" />
        </Field>
        {involved && (
          <Field label={t("incidents.field.dataSubjects")} error={errors.dataSubjects} optional>
            <input className="input" type="number" min={0} step={1} inputMode="numeric" value={form.dataSubjects} onChange={(e) => set({ dataSubjects: e.target.value })} data-testid="incident-data-subjects" />
          </Field>
        )}
        {involved && (
          <Field label={t("incidents.field.sensitiveData")} hint={t("incidents.field.sensitiveDataHint")} error={errors.sensitiveData}>
            <OptionSelect value={form.sensitiveData} options={TRISTATE} label={(v) => t(`incidents.tristate.${v}`)} onChange={(sensitiveData) => set({ sensitiveData })} testId="incident-sensitive-data" />
          </Field>
        )}
      </div>
      {involved && (
        <Notice kind="warning" testId="incident-appi-hint">
          {t("incidents.appi.hint")}
        </Notice>
      )}
    </fieldset>
  );
}
