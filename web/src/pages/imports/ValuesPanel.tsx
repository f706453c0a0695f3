import { useEffect, useRef, useState } from "react";
import { optionLabel } from "../../components/custom/custom-values.ts";
import { useFieldWords } from "./useFieldWords.ts";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { readingOf, translationOf, withTranslation, type ColumnMapping } from "./import-model.ts";
import type { ImportTarget, WizardJob, WizardSettings, WizardValues } from "./import-targets.ts";

interface ValuesPanelProps {
  target: ImportTarget;
  job: WizardJob;
  settings: WizardSettings;
  entry: ColumnMapping;
  onChange(entry: ColumnMapping): void;
  onClose(): void;
}

/** The select's "no translation" choice; no field's value looks like it. */
const AS_READ = "@as-read";

/**
 * One column's values as the file holds them, what Musubi reads each as, and the person's
 * translation of each — a value of a closed set (a lifecycle stage, a severity, a status) from the
 * list, any other field as text; a value left blank in the translation counts as absent.
 */
export function ValuesPanel({ target, job, settings, entry, onChange, onClose }: ValuesPanelProps) {
  const { t, number, label, errorMessage, lang } = useI18n();
  const words = useFieldWords(target);
  const [values, setValues] = useState<WizardValues>();
  const [error, setError] = useState<unknown>();
  const heading = useRef<HTMLHeadingElement>(null);
  const reading = readingOf(settings);
  const key = JSON.stringify([entry.column, entry.field, entry.split, reading]);

  useEffect(() => {
    let live = true;
    setValues(undefined);
    target.calls.values(job.id, reading, entry).then(
      (v) => live && setValues(v),
      (err) => live && setError(err),
    );
    return () => {
      live = false;
    };
    // Only what changes the list re-reads it; translations do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => heading.current?.focus(), [entry.column]);

  const custom = words.def(entry.field);
  // A choice field of the organisation's offers its options; a multi-choice column is listed item by item.
  const customChoices = custom && (custom.type === "choice" || custom.type === "multi_choice") ? custom.options : undefined;
  const closed = target.choices[entry.field];
  const choices = customChoices ? customChoices.map((o) => o.value) : closed?.values;
  const shown = (value: string | null) =>
    value === null ? t("imports.values.refused") : customChoices ? optionLabel(customChoices, value, lang) : closed ? label(closed.prefix, value) : value;

  return (
    <section className="values-panel" aria-labelledby="values-panel-title" data-testid="values-panel">
      <h3 id="values-panel-title" className="card__subtitle" tabIndex={-1} ref={heading}>
        {t("imports.values.title", { column: entry.column, field: words.name(entry.field) })}
      </h3>
      <p className="field__hint">{t("imports.values.hint")}</p>
      {error !== undefined && <Notice kind="error">{errorMessage(error)}</Notice>}
      {!values && error === undefined && <p className="muted">{t("common.loading")}</p>}
      {values && (
        <>
          <div className="table-wrap">
            <table className="table table--compact" data-testid="values-table">
              <thead>
                <tr>
                  <th scope="col">{t("imports.values.inFile")}</th>
                  <th scope="col" className="table__numeric">
                    {t("imports.values.rows")}
                  </th>
                  <th scope="col">{t("imports.values.reading")}</th>
                  <th scope="col">{t("imports.values.translation")}</th>
                </tr>
              </thead>
              <tbody>
                {values.values.map((v) => {
                  const current = translationOf(entry, v.value);
                  const name = t("imports.values.translationFor", { value: v.value });
                  const set = (to: string | undefined) => onChange(withTranslation(entry, v.value, to));
                  return (
                    <tr key={v.value} data-value={v.value}>
                      <th scope="row">{v.value}</th>
                      <td className="table__numeric">{number(v.rows)}</td>
                      <td className={v.reading === null ? "values-panel__refused" : undefined}>{shown(v.reading)}</td>
                      <td>
                        {choices ? (
                          <select className="input input--compact" aria-label={name} value={current ?? AS_READ} onChange={(e) => set(e.target.value === AS_READ ? undefined : e.target.value)}>
                            <option value={AS_READ}>{t("imports.values.asRead")}</option>
                            {choices.map((c) => (
                              <option key={c} value={c}>
                                {shown(c)}
                              </option>
                            ))}
                            <option value="">{t("imports.values.absent")}</option>
                          </select>
                        ) : (
                          <input className="input input--compact" aria-label={name} value={current ?? ""} placeholder={v.reading ?? ""} maxLength={500} onChange={(e) => set(e.target.value === "" ? undefined : e.target.value)} />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted">
            {values.blank > 0 && t("imports.values.blank", { count: number(values.blank) })} {values.more > 0 && t("imports.values.more", { count: number(values.more) })}
          </p>
        </>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose} data-testid="values-close">
          {t("imports.values.close")}
        </button>
      </div>
    </section>
  );
}
