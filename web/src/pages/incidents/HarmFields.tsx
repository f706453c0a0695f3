import { HARM_BASES, HARM_LEVELS, HARM_TYPES, RIGHTS } from "../../api/incidents.ts";
import { Field } from "../../components/Field.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { CheckboxGroup } from "./CheckboxGroup.tsx";
import type { FormPartProps } from "./incident-form.ts";

/**
 * The harm, in the CSET AI Harm Taxonomy's terms (level, kinds, on what basis it fell unequally),
 * the rights touched and the people affected — so the incident can be compared with public cases
 * and reported in the words regulators and the AI Incident Database use.
 */
export function HarmFields({ form, set, errors }: FormPartProps) {
  const { t } = useI18n();
  return (
    <fieldset className="incident-dialog__section">
      <legend className="incident-dialog__legend">{t("incidents.section.harm")}</legend>
      <Field label={t("incidents.field.harmLevel")} hint={t("incidents.field.harmLevelHint")} error={errors.harmLevel}>
        <OptionSelect value={form.harmLevel} options={HARM_LEVELS} label={(h) => t(`incidents.harmLevel.${h}`)} onChange={(harmLevel) => set({ harmLevel })} testId="incident-harm-level" />
      </Field>
      <CheckboxGroup
        legend={t("incidents.field.harmTypes")}
        options={HARM_TYPES.map((h) => ({ value: h, label: t(`incidents.harmType.${h}`) }))}
        value={form.harmTypes}
        onChange={(harmTypes) => set({ harmTypes })}
        error={errorFor(errors, "harmTypes")}
        testId="incident-harm-types"
      />
      <CheckboxGroup
        legend={t("incidents.field.harmBasis")}
        hint={t("incidents.field.harmBasisHint")}
        options={HARM_BASES.map((h) => ({ value: h, label: t(`incidents.harmBasis.${h}`) }))}
        value={form.harmBasis}
        onChange={(harmBasis) => set({ harmBasis })}
        error={errorFor(errors, "harmBasis")}
        testId="incident-harm-basis"
        scroll
      />
      <CheckboxGroup
        legend={t("incidents.field.rights")}
        hint={t("incidents.field.rightsHint")}
        options={RIGHTS.map((r) => ({ value: r, label: t(`incidents.right.${r}`) }))}
        value={form.rights}
        onChange={(rights) => set({ rights })}
        error={errorFor(errors, "rights")}
        testId="incident-rights"
      />
      <Field label={t("incidents.field.affectedParties")} hint={t("incidents.field.affectedPartiesHint")} error={errors.affectedParties} optional>
        <textarea className="input" rows={2} maxLength={4000} value={form.affectedParties} onChange={(e) => set({ affectedParties: e.target.value })} data-testid="incident-affected-parties" />
      </Field>
      <div className="form__row">
        <Field label={t("incidents.field.peopleAffected")} error={errors.peopleAffected} optional>
          <input className="input" type="number" min={0} step={1} inputMode="numeric" value={form.peopleAffected} onChange={(e) => set({ peopleAffected: e.target.value })} data-testid="incident-people-affected" />
        </Field>
        <Field label={t("incidents.field.injuries")} error={errors.injuries} optional>
          <input className="input" type="number" min={0} step={1} inputMode="numeric" value={form.injuries} onChange={(e) => set({ injuries: e.target.value })} data-testid="incident-injuries" />
        </Field>
        <Field label={t("incidents.field.livesLost")} error={errors.livesLost} optional>
          <input className="input" type="number" min={0} step={1} inputMode="numeric" value={form.livesLost} onChange={(e) => set({ livesLost: e.target.value })} data-testid="incident-lives-lost" />
        </Field>
      </div>
    </fieldset>
  );
}
