import type { CustomValues, FieldView } from "../../api/fields.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { fieldLabel, valueText } from "./custom-values.ts";
import "./custom.css";

interface CustomFieldFactsProps {
  /** The organisation's fields on this kind of record, retired ones included (their values still show). */
  fields: readonly FieldView[];
  values: CustomValues;
  /** A person field's member by id. */
  personName(id: string): string | undefined;
}

/**
 * A record's values in the organisation's own fields, as a card of terms and values: links open,
 * dates and numbers in the reader's language, a retired field marked as such. Nothing when the
 * record holds no value in any of them.
 */
export function CustomFieldFacts({ fields, values, personName }: CustomFieldFactsProps) {
  const { t, lang, day, number } = useI18n();
  const shown = fields.filter((f) => values[f.key] !== undefined);
  if (shown.length === 0) return null;
  return (
    <section className="card" aria-label={t("fields.section")} data-testid="custom-field-facts">
      <h2 className="card__title">{t("fields.section")}</h2>
      <dl className="facts">
        {shown.map((f) => {
          const v = values[f.key]!;
          const text = f.type === "date" && typeof v === "string" ? day(v) : valueText(f, v, lang, personName, number);
          return (
            <div key={f.key} className="custom-facts__item">
              <dt>
                {fieldLabel(f, lang)}
                {f.archived && <span className="muted"> {t("fields.retiredMark")}</span>}
              </dt>
              <dd className={f.type === "long_text" ? "pre-text" : undefined}>
                {f.type === "url" && typeof v === "string" ? (
                  <a href={v} target="_blank" rel="noopener noreferrer">
                    {v}
                  </a>
                ) : (
                  text
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
