import { useId } from "react";
import type { RiskTaxonomy } from "../../api/risks.ts";
import { Disclosure } from "../../components/Disclosure.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { toggleCategory } from "./risk-form.ts";
import { taxonomyText } from "./risk-taxonomy.ts";

interface CategoryPickerProps {
  taxonomy: RiskTaxonomy | undefined;
  value: string[];
  onChange(value: string[]): void;
  error?: string | undefined;
}

/**
 * The MIT AI Risk Repository classification: each domain with its sub-domains, then the causal
 * dimensions (entity, intent, timing). Names show in the UI language with the other underneath,
 * since the English is the source's wording and the Japanese Musubi's translation.
 */
export function CategoryPicker({ taxonomy, value, onChange, error }: CategoryPickerProps) {
  const { t, lang, number } = useI18n();
  const errorId = useId();
  const other = lang === "ja" ? "en" : "ja";
  const box = (id: string, name: { en: string; ja?: string }, strong = false, showId = true) => (
    <label className={strong ? "check-list__item category-picker__domain" : "check-list__item"}>
      <input type="checkbox" checked={value.includes(id)} onChange={(e) => onChange(toggleCategory(value, id, e.target.checked))} value={id} data-testid={`risk-category-${id}`} />
      <span>
        {showId && <span className="category-picker__id">{id}</span>}
        {taxonomyText(name, lang)}
        {name[other] && name[other] !== taxonomyText(name, lang) && (
          <span className="check-list__hint" lang={other}>
            {name[other]}
          </span>
        )}
      </span>
    </label>
  );
  return (
    <fieldset className={error ? "check-list category-picker field--invalid" : "check-list category-picker"} aria-describedby={error ? errorId : undefined} data-testid="risk-categories">
      <legend className="field__label">
        {t("risks.field.categories")}
        <span className="field__optional">{t("risks.form.chosen", { count: number(value.length) })}</span>
      </legend>
      {!taxonomy ? (
        <p className="muted check-list__empty">{t("risks.form.taxonomyUnavailable")}</p>
      ) : (
        <>
          <p className="field__hint">{t("risks.form.categoriesHint")}</p>
          <Disclosure summary={t("risks.form.domains")} defaultOpen>
            {() => (
              <div className="category-picker__groups">
                {taxonomy.domains.map((d) => (
                  <div key={d.id} className="category-picker__group">
                    {box(d.id, d.name, true)}
                    <ul className="check-list__items check-list__items--nested">
                      {d.subdomains.map((s) => (
                        <li key={s.id}>{box(s.id, s.name)}</li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            )}
          </Disclosure>
          <Disclosure summary={t("risks.form.causal")} defaultOpen={value.some((v) => !/^\d/.test(v))}>
            {() => (
              <div className="category-picker__groups">
                {taxonomy.causal.map((c) => (
                  <div key={c.id} className="category-picker__group" role="group" aria-label={taxonomyText(c.name, lang)}>
                    <p className="category-picker__dimension">{taxonomyText(c.name, lang)}</p>
                    <ul className="check-list__items check-list__items--nested">
                      {c.values.map((v) => (
                        <li key={v.id}>{box(v.id, v.name, false, false)}</li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            )}
          </Disclosure>
          <p className="muted category-picker__citation">{t("risks.form.taxonomySource", { title: taxonomyText(taxonomy.title, lang), licence: taxonomy.licence })}</p>
        </>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
