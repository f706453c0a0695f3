import { toggle } from "./incident-form.ts";

interface CheckboxGroupProps<T extends string> {
  legend: string;
  options: readonly { value: T; label: string; indent?: boolean }[];
  value: readonly T[];
  onChange(next: T[]): void;
  error?: string | undefined;
  hint?: string | undefined;
  testId: string;
  /** A long list scrolls inside a box instead of stretching the dialog. */
  scroll?: boolean;
}

/** A labelled set of checkboxes for a multi-valued vocabulary (harm types, rights, categories). */
export function CheckboxGroup<T extends string>({ legend, options, value, onChange, error, hint, testId, scroll }: CheckboxGroupProps<T>) {
  return (
    <fieldset className={error ? "incident-checks field--invalid" : "incident-checks"} data-testid={testId}>
      <legend className="field__label">{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      <div className={scroll ? "incident-checks__list incident-checks__list--scroll" : "incident-checks__list"}>
        {options.map((o) => (
          <label key={o.value} className={o.indent ? "checkbox incident-checks__item incident-checks__item--indent" : "checkbox incident-checks__item"}>
            <input type="checkbox" value={o.value} checked={value.includes(o.value)} onChange={(e) => onChange(toggle(value, o.value, e.target.checked))} />
            {o.label}
          </label>
        ))}
      </div>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
