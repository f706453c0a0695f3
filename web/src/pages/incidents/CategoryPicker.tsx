import type { RiskTaxonomy } from "../../api/risks.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { toggle } from "./incident-form.ts";
import { categoryGroups } from "./categories.ts";

interface CategoryPickerProps {
  taxonomy: RiskTaxonomy | undefined;
  value: string[];
  onChange(next: string[]): void;
  error: string | undefined;
}

/**
 * MIT AI Risk Repository categories — domains, sub-domains and causes — as grouped checkboxes.
 * They classify the incident like the public cases, and make similar incidents rank higher.
 */
export function CategoryPicker({ taxonomy, value, onChange, error }: CategoryPickerProps) {
  const { t, lang } = useI18n();
  return (
    <fieldset className={error ? "incident-checks field--invalid" : "incident-checks"} data-testid="incident-categories">
      <legend className="field__label">{t("incidents.field.categories")}</legend>
      <p className="field__hint">{t("incidents.field.categoriesHint")}</p>
      {!taxonomy && <p className="muted">{t("common.loading")}</p>}
      {taxonomy && (
        <div className="incident-checks__list incident-checks__list--scroll incident-categories">
          {categoryGroups(taxonomy, lang).map((g) => (
            <div key={g.id} className="incident-categories__group" role="group" aria-label={g.name}>
              {g.options[0]?.depth !== 0 && <span className="incident-categories__heading">{g.name}</span>}
              {g.options.map((o) => (
                <label key={o.id} className={o.depth === 0 ? "checkbox incident-categories__domain" : "checkbox incident-checks__item--indent"}>
                  <input type="checkbox" value={o.id} checked={value.includes(o.id)} onChange={(e) => onChange(toggle(value, o.id, e.target.checked))} />
                  {o.code && <span className="table__mono">{o.code}</span>} {o.name}
                </label>
              ))}
            </div>
          ))}
        </div>
      )}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
