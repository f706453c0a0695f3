import { useId, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { toggle } from "./risk-form.ts";

export interface CheckOption {
  value: string;
  label: string;
  /** A second line (the other language's name, a status). */
  hint?: string | undefined;
  /** The text's language when it is not the UI's. */
  lang?: string | undefined;
  /** The hint's language when it is not the UI's (the other language's name). */
  hintLang?: string | undefined;
}

interface CheckListProps {
  legend: string;
  options: CheckOption[];
  value: string[];
  onChange(value: string[]): void;
  error?: string | undefined;
  /** Offer a filter box above the list once it is longer than this. */
  filterOver?: number;
  emptyMessage: string;
  testId?: string;
}

/**
 * A multi-choice as a scrollable list of checkboxes with a filter: unlike `<select multiple>`,
 * it needs no Ctrl-click and shows every choice's state at a glance.
 */
export function CheckList({ legend, options, value, onChange, error, filterOver = 8, emptyMessage, testId }: CheckListProps) {
  const { t, number } = useI18n();
  const [filter, setFilter] = useState("");
  const errorId = useId();
  const needle = filter.trim().toLowerCase();
  const shown = needle ? options.filter((o) => `${o.label} ${o.hint ?? ""}`.toLowerCase().includes(needle)) : options;
  return (
    <fieldset className={error ? "check-list field--invalid" : "check-list"} aria-describedby={error ? errorId : undefined} data-testid={testId}>
      <legend className="field__label">
        {legend}
        <span className="field__optional">{t("risks.form.chosen", { count: number(value.length) })}</span>
      </legend>
      {options.length > filterOver && (
        <input type="search" className="input check-list__filter" placeholder={t("risks.form.filter")} aria-label={t("risks.form.filterLabel", { list: legend })} value={filter} onChange={(e) => setFilter(e.target.value)} />
      )}
      {options.length === 0 ? (
        <p className="muted check-list__empty">{emptyMessage}</p>
      ) : (
        <ul className="check-list__items">
          {shown.map((o) => (
            <li key={o.value}>
              <label className="check-list__item">
                <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => onChange(toggle(value, o.value, e.target.checked))} value={o.value} />
                <span>
                  <span lang={o.lang}>{o.label}</span>
                  {o.hint && (
                    <span className="check-list__hint" lang={o.hintLang}>
                      {o.hint}
                    </span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
