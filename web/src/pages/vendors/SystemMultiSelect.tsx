import { useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { SystemOption } from "../../hooks/useOptions.ts";

interface SystemMultiSelectProps {
  value: string[];
  onChange(next: string[]): void;
  systems: readonly SystemOption[];
  /** Systems already chosen that are not among `systems`. */
  known?: readonly SystemOption[];
  error?: string | undefined;
}

/** Chooses the AI systems that depend on a vendor: a filterable list of checkboxes. */
export function SystemMultiSelect({ value, onChange, systems, known = [], error }: SystemMultiSelectProps) {
  const { t, lang, number } = useI18n();
  const [filter, setFilter] = useState("");
  const all = [...known.filter((k) => !systems.some((s) => s.id === k.id)), ...systems];
  const f = filter.trim().toLowerCase();
  const shown = all.filter((s) => !f || `${s.code} ${s.nameJa} ${s.nameEn}`.toLowerCase().includes(f));
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));

  return (
    <fieldset className="fieldset-box" data-testid="vendor-systems-select">
      <legend className="field__label">
        {t("vendors.field.systems")}
        <span className="count-badge">{number(value.length)}</span>
      </legend>
      <input
        type="search"
        className="input input--compact"
        placeholder={t("vendors.field.systemsFilter")}
        aria-label={t("vendors.field.systemsFilter")}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
      />
      {all.length === 0 ? (
        <p className="muted">{t("vendors.field.noSystems")}</p>
      ) : (
        <ul className="system-select__list">
          {shown.map((s) => (
            <li key={s.id}>
              <label className="checkbox">
                <input type="checkbox" checked={value.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} data-testid="vendor-system-option" value={s.id} />
                <span className="table__mono">{s.code}</span> {lang === "ja" ? s.nameJa : s.nameEn}
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
