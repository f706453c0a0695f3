import type { LinkedRecord } from "../../api/incidents.ts";
import { Field } from "../../components/Field.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { FormPartProps } from "./incident-form.ts";
import type { LinkOptions } from "./useIncidentOptions.ts";

interface LinkFieldsProps extends FormPartProps {
  options: LinkOptions;
  /** The links the incident already has: offered even when beyond the first 200 of a list. */
  current: LinkOptions;
}

/** The AI systems involved, the risks that materialised and the controls that failed. */
export function LinkFields({ form, set, errors, options, current }: LinkFieldsProps) {
  const { t } = useI18n();
  return (
    <fieldset className="incident-dialog__section">
      <legend className="incident-dialog__legend">{t("incidents.section.links")}</legend>
      <p className="field__hint">{t("incidents.field.linksHint")}</p>
      <div className="form__row">
        <LinkSelect
          label={t("incidents.field.systems")}
          records={merge(options.systems, current.systems)}
          value={form.systemIds}
          onChange={(systemIds) => set({ systemIds })}
          error={errorFor(errors, "systemIds")}
          testId="incident-systems"
        />
        <LinkSelect
          label={t("incidents.field.risks")}
          records={merge(options.risks, current.risks)}
          value={form.riskIds}
          onChange={(riskIds) => set({ riskIds })}
          error={errorFor(errors, "riskIds")}
          testId="incident-risks"
        />
        <LinkSelect
          label={t("incidents.field.controls")}
          records={merge(options.controls, current.controls)}
          value={form.controlIds}
          onChange={(controlIds) => set({ controlIds })}
          error={errorFor(errors, "controlIds")}
          testId="incident-controls"
        />
      </div>
    </fieldset>
  );
}

/** The list's records plus those linked already that the list did not include. */
function merge(listed: LinkedRecord[], linked: LinkedRecord[]): LinkedRecord[] {
  const ids = new Set(listed.map((r) => r.id));
  return [...listed, ...linked.filter((r) => !ids.has(r.id))];
}

interface LinkSelectProps {
  label: string;
  records: LinkedRecord[];
  value: string[];
  onChange(ids: string[]): void;
  error: string | undefined;
  testId: string;
}

/** A multiple select of records by code and title in the UI language. */
function LinkSelect({ label, records, value, onChange, error, testId }: LinkSelectProps) {
  const { t, lang } = useI18n();
  return (
    <Field label={label} hint={t("incidents.field.multiHint")} error={error} optional>
      <select
        className="input incident-multi"
        multiple
        size={Math.min(6, Math.max(3, records.length))}
        value={value}
        onChange={(e) => onChange(Array.from(e.target.selectedOptions, (o) => o.value))}
        data-testid={testId}
      >
        {records.map((r) => (
          <option key={r.id} value={r.id}>
            {`${r.code} ${(lang === "ja" ? r.titleJa || r.titleEn : r.titleEn || r.titleJa) ?? ""}`}
          </option>
        ))}
      </select>
    </Field>
  );
}
