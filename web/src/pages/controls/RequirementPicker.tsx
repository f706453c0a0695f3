import { useState } from "react";
import type { RequirementRef } from "../../api/compliance.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { useDebounced } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useFrameworkOptions } from "../assessment-items/useFrameworkOptions.ts";
import { groupByFramework } from "./control-paths.ts";
import { RequirementResults } from "./RequirementResults.tsx";
import { useRowCounts } from "./useRowCounts.ts";

interface RequirementPickerProps {
  value: RequirementRef[];
  onChange(next: RequirementRef[]): void;
  error?: string | undefined;
}

/**
 * Chooses the requirements a control answers: searches the library in Japanese or English and
 * shows the chosen ones as removable chips by framework, with what the control will then cover.
 */
export function RequirementPicker({ value, onChange, error }: RequirementPickerProps) {
  const { t, number } = useI18n();
  const frameworks = useFrameworkOptions();
  const [text, setText] = useState("");
  const [framework, setFramework] = useState("");
  const q = useDebounced(text.trim(), 300);
  const chosen = new Set(value.map((r) => r.urn));
  const groups = groupByFramework(value);
  const rows = useRowCounts(value.map((r) => r.urn));

  return (
    <fieldset className="fieldset-box" data-testid="requirement-picker">
      <legend className="field__label">{t("controls.picker.label")}</legend>
      <p className="field__hint">{t("controls.picker.hint")}</p>
      <div className="req-picker__search">
        <input
          type="search"
          className="input"
          placeholder={t("controls.picker.placeholder")}
          aria-label={t("controls.picker.placeholder")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          // Enter searches (it already does as you type); it must not submit the dialog's form.
          onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
          data-testid="requirement-search"
        />
        <select className="input" aria-label={t("controls.picker.framework")} value={framework} onChange={(e) => setFramework(e.target.value)}>
          <option value="">{t("controls.filter.allFrameworks")}</option>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      {q && <RequirementResults key={`${q}\n${framework}`} q={q} framework={framework} chosen={chosen} onAdd={(ref) => onChange([...value, ref])} />}
      <p className="req-picker__coverage" aria-live="polite" data-testid="picker-coverage">
        {value.length === 0
          ? t("controls.picker.none")
          : t("controls.coverage.long", {
              requirements: number(value.length),
              frameworks: number(groups.length),
              rows: rows === undefined ? "…" : number(rows),
            })}
      </p>
      {groups.map((g) => (
        <div key={g.framework} className="req-picker__group">
          <span className="framework-badge">
            <LocalText text={g.items[0]!.frameworkName} mark="none" />
          </span>
          <ul className="choice-chips">
            {g.items.map((r) => (
              <li key={r.urn} className="choice-chip req-chip" data-testid="requirement-chip" data-urn={r.urn}>
                <LocalText text={r.label} mark="none" />
                {r.title && (
                  <span className="req-chip__title">
                    <LocalText text={r.title} mark="compact" />
                  </span>
                )}
                <button type="button" className="choice-chip__remove" aria-label={t("controls.picker.remove")} onClick={() => onChange(value.filter((x) => x.urn !== r.urn))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
