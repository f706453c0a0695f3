import type { FieldView } from "../../api/fields.ts";
import type { UserView } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { PersonSelect } from "../PersonSelect.tsx";
import { fieldLabel, optionLabel } from "./custom-values.ts";

/** Field types a list filters on exactly; free text is found by the search box instead. */
const FILTERABLE = new Set<FieldView["type"]>(["number", "date", "choice", "multi_choice", "person"]);

interface CustomFilterProps {
  fields: readonly FieldView[];
  /** The key filtered on, or "". */
  field: string;
  value: string;
  onChange(field: string, value: string): void;
  users: readonly UserView[];
}

/**
 * A list's filter on one of the organisation's own fields: which field, then its value (a choice
 * from its options, a person, a date or a number). Nothing when no field can be filtered on.
 */
export function CustomFilter({ fields, field, value, onChange, users }: CustomFilterProps) {
  const { t, lang } = useI18n();
  const usable = fields.filter((f) => FILTERABLE.has(f.type) && !f.archived);
  if (usable.length === 0) return null;
  const def = usable.find((f) => f.key === field);
  const valueLabel = def ? `${fieldLabel(def, lang)}: ${t("fields.filterValue")}` : t("fields.filterValue");
  return (
    <div className="custom-filter" data-testid="custom-filter">
      <select className="input" aria-label={t("fields.filter")} value={field} onChange={(e) => onChange(e.target.value, "")} data-testid="custom-filter-field">
        <option value="">{t("fields.filterNone")}</option>
        {usable.map((f) => (
          <option key={f.key} value={f.key}>
            {fieldLabel(f, lang)}
          </option>
        ))}
      </select>
      {def &&
        (def.type === "choice" || def.type === "multi_choice" ? (
          <select className="input" aria-label={valueLabel} value={value} onChange={(e) => onChange(field, e.target.value)} data-testid="custom-filter-value">
            <option value="">{t("fields.noValue")}</option>
            {def.options.map((o) => (
              <option key={o.value} value={o.value}>
                {optionLabel(def.options, o.value, lang)}
              </option>
            ))}
          </select>
        ) : def.type === "person" ? (
          <PersonSelect value={value} onChange={(id) => onChange(field, id)} users={users} emptyLabel={t("fields.noValue")} aria-label={valueLabel} testId="custom-filter-value" />
        ) : (
          <input
            className="input input--narrow"
            aria-label={valueLabel}
            type={def.type === "date" ? "date" : "text"}
            inputMode={def.type === "number" ? "decimal" : undefined}
            defaultValue={value}
            onBlur={(e) => onChange(field, e.target.value.trim())}
            onKeyDown={(e) => {
              if (e.key === "Enter") onChange(field, e.currentTarget.value.trim());
            }}
            data-testid="custom-filter-value"
          />
        ))}
    </div>
  );
}

/** The query a list sends for the filter: both parts, or neither (a field without a value filters nothing yet). */
export function customFilterQuery(field: string, value: string): { customField?: string; customValue?: string } {
  return field && value ? { customField: field, customValue: value } : {};
}
