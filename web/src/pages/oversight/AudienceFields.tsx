import { useId } from "react";
import { AUDIENCES } from "../../api/oversight.ts";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { approvedOrganisations, type AudienceChoice } from "./audience-logic.ts";
import type { AudienceOptions } from "./useAudienceOptions.ts";

interface AudienceFieldsProps {
  value: AudienceChoice;
  onChange(next: AudienceChoice): void;
  options: AudienceOptions;
  /** The server's messages by field (`audience`, `sector`, `connectionId`). */
  errors: Record<string, string>;
  testId: string;
}

/** Who it goes to: every registered organisation, those of one sector, or one organisation (approved registrations only). */
export function AudienceFields({ value, onChange, options, errors, testId }: AudienceFieldsProps) {
  const { t, lang } = useI18n();
  const name = useId();
  const organisations = approvedOrganisations(options.registrations, lang);
  return (
    <>
      <fieldset className="fieldset-box" data-testid={testId}>
        <legend className="field__label">{t("oversight.audience.label")}</legend>
        <p className="field__hint">{t("oversight.audience.hint")}</p>
        {AUDIENCES.map((type) => (
          <label key={type} className="checkbox">
            <input type="radio" name={name} value={type} checked={value.type === type} onChange={() => onChange({ ...value, type })} data-testid={`${testId}-${type}`} />
            {t(`oversight.audience.${type}`)}
          </label>
        ))}
        {errors.audience && <p className="field__error">{errors.audience}</p>}
      </fieldset>
      {value.type === "sector" && (
        <Field label={t("oversight.audience.sector")} error={errors.sector}>
          <select className="input" value={value.sector} onChange={(e) => onChange({ ...value, sector: e.target.value })} data-testid={`${testId}-sector-select`}>
            <option value="">{t("oversight.audience.choose")}</option>
            {options.sectors.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label[lang]}
              </option>
            ))}
          </select>
        </Field>
      )}
      {value.type === "one" && (
        <Field label={t("oversight.audience.organisation")} error={errors.connectionId} hint={options.loaded && organisations.length === 0 ? t("oversight.audience.noOrganisations") : undefined}>
          <select className="input" value={value.connectionId} onChange={(e) => onChange({ ...value, connectionId: e.target.value })} data-testid={`${testId}-organisation-select`}>
            <option value="">{t("oversight.audience.choose")}</option>
            {organisations.map((r) => (
              <option key={r.id} value={r.id}>
                {plainText(r.counterpart.name, lang)}
              </option>
            ))}
          </select>
        </Field>
      )}
    </>
  );
}
