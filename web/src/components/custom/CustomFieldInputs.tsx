import type { FieldView } from "../../api/fields.ts";
import type { UserView } from "../../api/types.ts";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Field } from "../Field.tsx";
import { PersonSelect } from "../PersonSelect.tsx";
import type { CustomDraft } from "./custom-values.ts";
import { fieldLabel, optionLabel } from "./custom-values.ts";
import "./custom.css";

interface CustomFieldInputsProps {
  /** The organisation's current fields on this kind of record, in form order. */
  fields: readonly FieldView[];
  draft: CustomDraft;
  onChange(next: CustomDraft): void;
  /** The form's field errors (`custom.<key>` for these). */
  errors: Record<string, string>;
  /** People a person field offers. */
  users: readonly UserView[];
}

const MAX: Partial<Record<FieldView["type"], number>> = { text: 2000, long_text: 20000, url: 2000 };

/**
 * The organisation's own fields in a record's form, after the built-in ones, under a heading that
 * says they are the organisation's: one input per field, of its type, with its help text.
 */
export function CustomFieldInputs({ fields, draft, onChange, errors, users }: CustomFieldInputsProps) {
  const { t, lang } = useI18n();
  if (fields.length === 0) return null;
  const set = (key: string, value: string | string[]) => onChange({ ...draft, [key]: value });
  return (
    <fieldset className="custom-fields" data-testid="custom-field-inputs">
      <legend className="custom-fields__legend">{t("fields.section")}</legend>
      {fields.map((f) => {
        const label = fieldLabel(f, lang);
        const help = (lang === "ja" ? f.helpJa : f.helpEn) || undefined;
        const error = errorFor(errors, `custom.${f.key}`);
        const text = typeof draft[f.key] === "string" ? (draft[f.key] as string) : "";
        if (f.type === "multi_choice") {
          const chosen = Array.isArray(draft[f.key]) ? (draft[f.key] as string[]) : [];
          return (
            <fieldset key={f.key} className={error ? "custom-fields__choices field--invalid" : "custom-fields__choices"} data-testid={`custom-${f.key}`}>
              <legend className="field__label">{label}</legend>
              {help && <p className="field__hint">{help}</p>}
              {f.options.map((o) => (
                <label key={o.value} className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.includes(o.value)}
                    onChange={(e) => set(f.key, e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))}
                  />
                  {optionLabel(f.options, o.value, lang)}
                </label>
              ))}
              {error && <p className="field__error">{t("field.error", { label, message: error })}</p>}
            </fieldset>
          );
        }
        return (
          <Field key={f.key} label={label} hint={help} error={error} optional>
            {f.type === "long_text" ? (
              <textarea className="input" rows={4} maxLength={MAX.long_text} value={text} onChange={(e) => set(f.key, e.target.value)} data-testid={`custom-${f.key}`} />
            ) : f.type === "choice" ? (
              <select className="input" value={text} onChange={(e) => set(f.key, e.target.value)} data-testid={`custom-${f.key}`}>
                <option value="">{t("fields.noValue")}</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {optionLabel(f.options, o.value, lang)}
                  </option>
                ))}
              </select>
            ) : f.type === "person" ? (
              <PersonSelect value={text} onChange={(id) => set(f.key, id)} users={users} emptyLabel={t("fields.noValue")} testId={`custom-${f.key}`} />
            ) : (
              <input
                className="input"
                type={f.type === "date" ? "date" : f.type === "url" ? "url" : "text"}
                inputMode={f.type === "number" ? "decimal" : undefined}
                maxLength={MAX[f.type]}
                value={text}
                onChange={(e) => set(f.key, e.target.value)}
                data-testid={`custom-${f.key}`}
              />
            )}
          </Field>
        );
      })}
    </fieldset>
  );
}
