import { useState } from "react";
import { UPSERT_KEYS, type UpsertKey, type ImportEncoding, type ImportSettings } from "../../api/systems.ts";
import { Disclosure } from "../../components/Disclosure.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { duplicateFields, fieldOf, missingFields, SPLIT_CHOICES, splitChoiceOf, withColumn, withEntry, withSplit } from "./import-model.ts";
import { SampleTable } from "./SampleTable.tsx";
import { ValuesPanel } from "./ValuesPanel.tsx";
import { PresetsBar } from "./PresetsBar.tsx";
import { FieldDialog } from "../fields/FieldDialog.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useFieldWords } from "./useFieldWords.ts";
import { EMPTY_SOURCE, sourceProblems } from "./reference-source.ts";
import { SourceFields } from "./SourceFields.tsx";
import type { ImportTarget, WizardJob, WizardSettings } from "./import-targets.ts";

interface MappingStepProps {
  target: ImportTarget;
  job: WizardJob;
  settings: WizardSettings;
  busy: boolean;
  onChange(settings: WizardSettings): void;
  onPreview(): void;
  onRestart(): void;
}

const SAMPLE_VALUES = 3;
/** A path as the user would type it: code, the same in both languages. */
const RECORDS_PATH_EXAMPLE = "data.items";
/** The most rows a header may span (the server's own bound). */
const MAX_HEADER_ROWS = 5;
/** The field select's "define a new field for this column" choice; no field is named like it. */
const NEW_FIELD = "@new-field";

/**
 * Step 2: how the file is read (encoding, sheet, header row) and which field each column feeds;
 * for the inventory also what is done with systems already there, saved settings and the
 * organisation's own fields; for a public register the source its cases are imported as (what
 * the target offers).
 */
export function MappingStep({ target, job, settings, busy, onChange, onPreview, onRestart }: MappingStepProps) {
  const { t, number } = useI18n();
  const headers = job.headers ?? [];
  const sample = job.sample ?? [];
  const duplicates = duplicateFields(settings.mapping, target.mergedFields);
  const missing = missingFields(settings.mapping, target.required);
  const canDefine = useSignedIn().can("fields.manage") && target.offers.customFields;
  const [reloadFields, setReloadFields] = useState(0);
  const [definingFor, setDefiningFor] = useState<string>();
  const words = useFieldWords(target, reloadFields);
  const fieldName = words.name;
  const currentCustom = words.custom.filter((f) => !f.archived);
  const [valuesOf, setValuesOf] = useState<string>();
  const [skipRows, setSkipRows] = useState(settings.skipRows ?? "");
  const editing = settings.mapping.find((m) => m.column === valuesOf);
  const source = settings.source ?? EMPTY_SOURCE;
  const problems = target.offers.source ? sourceProblems(source) : {};
  const sourceBlocked = Object.keys(problems).length > 0;
  const [attempt, setAttempt] = useState(0);
  /** The preview, unless the source is not yet fit to send: then its fields say what is missing. */
  const preview = () => {
    if (sourceBlocked) setAttempt((n) => n + 1);
    else onPreview();
  };
  const splitName = (c: string) => (c === "default" || c === "none" ? t(`imports.split.${c}`) : c === "\n" ? t("imports.split.newline") : t("imports.split.on", { separator: c }));

  /** A mapped column's split rule (list fields) and the way to its values and their translations. */
  function howRead(column: string) {
    const entry = settings.mapping.find((m) => m.column === column);
    if (!entry || (!target.hasValues(entry.field) && !target.listFields.has(entry.field))) return <span className="muted">—</span>;
    const translated = Object.keys(entry.values ?? {}).length;
    const choice = splitChoiceOf(entry);
    const choices = (SPLIT_CHOICES as readonly string[]).includes(choice) ? SPLIT_CHOICES : [...SPLIT_CHOICES, choice];
    return (
      <div className="mapping-table__rules">
        {(target.listFields.has(entry.field) || words.def(entry.field)?.type === "multi_choice") && (
          <select className="input input--compact" aria-label={t("imports.splitFor", { column })} value={choice} onChange={(e) => onChange({ ...settings, mapping: withEntry(settings.mapping, withSplit(entry, e.target.value)) })} data-testid="import-split">
            {choices.map((c) => (
              <option key={c} value={c}>
                {splitName(c)}
              </option>
            ))}
          </select>
        )}
        {target.hasValues(entry.field) && (
          <button type="button" className="button button--small" onClick={() => setValuesOf(column)} aria-label={t("imports.values.openFor", { column })} data-testid="import-values">
            {translated > 0 ? t("imports.values.translated", { count: number(translated) }) : t("imports.values.open")}
          </button>
        )}
      </div>
    );
  }

  return (
    <section className="card import-step" data-testid="import-mapping">
      <h2 className="card__title">{t("imports.map.title")}</h2>
      <dl className="facts import-step__facts">
        <dt>{t("imports.file")}</dt>
        <dd>
          {job.fileName} {job.format && <span className="tag tag--neutral">{t(`imports.format.${job.format}`)}</span>}
        </dd>
        <dt>{t("imports.rows")}</dt>
        <dd data-testid="import-row-count">{number(job.total)}</dd>
      </dl>
      {target.offers.source && <SourceFields source={source} problems={problems} attempt={attempt} onChange={(next) => onChange({ ...settings, source: next })} />}
      <div className="form__row import-step__options">
        {job.format === "csv" && (
          <label className="field">
            <span className="field__label">{t("imports.encoding")}</span>
            <select className="input" value={settings.encoding ?? "utf-8"} onChange={(e) => onChange({ ...settings, encoding: e.target.value as ImportEncoding })} data-testid="import-encoding">
              {(["utf-8", "shift_jis"] as const).map((enc) => (
                <option key={enc} value={enc}>
                  {t(`imports.encoding.${enc}`)}
                  {job.encoding === enc ? t("imports.detected") : ""}
                </option>
              ))}
            </select>
          </label>
        )}
        {job.sheets && job.sheets.length > 0 && (
          <label className="field">
            <span className="field__label">{t("imports.sheet")}</span>
            <select className="input" value={settings.sheet ?? job.sheet ?? job.sheets[0]} onChange={(e) => onChange({ ...settings, sheet: e.target.value })}>
              {job.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        {job.format === "json" && (
          <label className="field">
            <span className="field__label">{t("imports.recordsPath")}</span>
            <input className="input" defaultValue={settings.recordsPath ?? job.recordsPath ?? ""} maxLength={300} onBlur={(e) => e.target.value.trim() !== (settings.recordsPath ?? "") && onChange({ ...settings, recordsPath: e.target.value.trim() || undefined })} aria-describedby="import-records-path-hint" data-testid="import-records-path" />
            <span className="field__hint" id="import-records-path-hint">
              {t("imports.recordsPathHint")} <code>{RECORDS_PATH_EXAMPLE}</code>
            </span>
          </label>
        )}
        {job.format !== "json" && (
        <label className="field">
          <span className="field__label">{t("imports.headerRow")}</span>
          <input type="number" min={1} max={100} className="input input--narrow" value={settings.headerRow ?? 1} onChange={(e) => onChange({ ...settings, headerRow: Math.max(1, Number(e.target.value) || 1) })} data-testid="import-header-row" />
        </label>
        )}
        {job.format !== "json" && (
        <label className="field">
          <span className="field__label">{t("imports.headerRows")}</span>
          <input
            type="number"
            min={1}
            max={MAX_HEADER_ROWS}
            className="input input--narrow"
            value={settings.headerRows ?? job.headerRows ?? 1}
            onChange={(e) => {
              const n = Math.min(MAX_HEADER_ROWS, Math.max(1, Number(e.target.value) || 1));
              onChange({ ...settings, headerRows: n > 1 ? n : undefined });
            }}
            aria-describedby="import-header-rows-hint"
            data-testid="import-header-rows"
          />
          <span className="field__hint" id="import-header-rows-hint">
            {t("imports.headerRowsHint")}
          </span>
        </label>
        )}
      </div>
      <div className="form__row">
        {target.offers.upsert && (
        <label className="field">
          <span className="field__label">{t("imports.upsertBy")}</span>
          <select className="input" value={settings.upsertBy ?? ""} onChange={(e) => onChange({ ...settings, upsertBy: (e.target.value || undefined) as UpsertKey | undefined })} aria-describedby="import-upsert-hint" data-testid="import-upsert-by">
            <option value="">{t("imports.upsertBy.none")}</option>
            {UPSERT_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`imports.upsertBy.${k}`)}
              </option>
            ))}
          </select>
          <span className="field__hint" id="import-upsert-hint">
            {t("imports.upsertByHint")}
          </span>
        </label>
        )}
        {target.offers.createMissing && (
        <fieldset className="field import-create-missing">
          <legend className="field__label">{t("imports.createMissing")}</legend>
          {(["departments", "owners"] as const).map((what) => (
            <label key={what} className="checkbox">
              <input
                type="checkbox"
                checked={settings.createMissing?.includes(what) ?? false}
                onChange={(e) => {
                  const next = new Set(settings.createMissing ?? []);
                  if (e.target.checked) next.add(what);
                  else next.delete(what);
                  onChange({ ...settings, createMissing: next.size ? [...next] : undefined });
                }}
                data-testid={`import-create-${what}`}
              />
              {t(`imports.createMissing.${what}`)}
            </label>
          ))}
        </fieldset>
        )}
        <label className="field">
          <span className="field__label">{t("imports.skipRows")}</span>
          <input
            className="input"
            value={skipRows}
            placeholder="2-3, 10"
            maxLength={2000}
            onChange={(e) => setSkipRows(e.target.value)}
            onBlur={() => skipRows !== (settings.skipRows ?? "") && onChange({ ...settings, skipRows: skipRows.trim() || undefined })}
            aria-describedby="import-skip-rows-hint"
            data-testid="import-skip-rows"
          />
          <span className="field__hint" id="import-skip-rows-hint">
            {t("imports.skipRowsHint")}
          </span>
        </label>
      </div>
      <p className="field__hint">{t("imports.optionsHint")}</p>
      {/* Saved settings are the inventory's (its fields, upsert key, creation): only its target offers them. */}
      {target.offers.presets && <PresetsBar settings={settings as ImportSettings} headers={headers} onApply={onChange} />}
      <div className="table-wrap">
        <table className="table table--compact mapping-table" data-testid="mapping-table">
          <thead>
            <tr>
              <th scope="col">{t("imports.col.column")}</th>
              <th scope="col">{t("imports.col.field")}</th>
              <th scope="col">{t("imports.col.howRead")}</th>
              <th scope="col">{t("imports.col.sample")}</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((h, i) => (
              <tr key={`${i}:${h}`} data-column={h}>
                <th scope="row" className="mapping-table__column">
                  {h}
                </th>
                <td>
                  <select
                    className="input input--compact"
                    aria-label={t("imports.fieldFor", { column: h })}
                    value={fieldOf(settings.mapping, h)}
                    onChange={(e) => (e.target.value === NEW_FIELD ? setDefiningFor(h) : onChange({ ...settings, mapping: withColumn(settings.mapping, headers, h, e.target.value) }))}
                  >
                    <option value="">{t("imports.skipColumn")}</option>
                    {target.fields.map((f) => (
                      <option key={f} value={f}>
                        {fieldName(f)}
                      </option>
                    ))}
                    {currentCustom.length > 0 && (
                      <optgroup label={t("imports.customFields")}>
                        {currentCustom.map((f) => (
                          <option key={f.key} value={`custom.${f.key}`}>
                            {fieldName(`custom.${f.key}`)}
                          </option>
                        ))}
                      </optgroup>
                    )}
                    {canDefine && <option value={NEW_FIELD}>{t("imports.newField")}</option>}
                  </select>
                </td>
                <td className="mapping-table__how">{howRead(h)}</td>
                <td className="mapping-table__sample">
                  {sample
                    .slice(0, SAMPLE_VALUES)
                    .map((row) => row[i] ?? "")
                    .filter((v) => v !== "")
                    .join(" / ") || <span className="muted">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {definingFor !== undefined && (
        <FieldDialog
          initial={{ entity: "system", labelJa: definingFor, labelEn: definingFor }}
          onClose={() => setDefiningFor(undefined)}
          onSaved={(saved) => {
            setReloadFields((n) => n + 1);
            onChange({ ...settings, mapping: withColumn(settings.mapping, headers, definingFor, `custom.${saved.key}`) });
          }}
        />
      )}
      {editing && target.hasValues(editing.field) && <ValuesPanel target={target} job={job} settings={settings} entry={editing} onChange={(entry) => onChange({ ...settings, mapping: withEntry(settings.mapping, entry) })} onClose={() => setValuesOf(undefined)} />}
      {duplicates.length > 0 && <Notice kind="error">{t("imports.duplicate", { fields: duplicates.map(fieldName).join(t("imports.separator")) })}</Notice>}
      {missing.length > 0 && <Notice kind={target.requiredToPreview ? "error" : "warning"}>{t(target.words.missing, { fields: missing.map(fieldName).join(t("imports.separator")) })}</Notice>}
      <Disclosure summary={t("imports.showSample", { count: number(sample.length) })}>{() => <SampleTable headers={headers} rows={sample} />}</Disclosure>
      <div className="form__actions">
        <button type="button" className="button" onClick={onRestart}>
          {t("imports.another")}
        </button>
        <button type="button" className="button button--primary" disabled={busy || duplicates.length > 0 || settings.mapping.length === 0 || (target.requiredToPreview && missing.length > 0)} onClick={preview} data-testid="import-preview">
          {busy ? t("common.working") : t("imports.preview")}
        </button>
      </div>
    </section>
  );
}
