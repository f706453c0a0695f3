import { useI18n } from "../../../i18n/I18nProvider.tsx";

export interface EntryColumn {
  key: string;
  label: string;
  kind: "text" | "checkbox" | "select";
  options?: readonly { value: string; label: string }[];
  required?: boolean;
}

type Entry = Record<string, string | boolean | undefined>;

interface EntryTableProps<T extends object> {
  title: string;
  columns: readonly EntryColumn[];
  rows: T[];
  blank: T;
  onChange(rows: T[]): void;
  /** Server messages by `<row>.<column>` (from `body.models.0.name`). */
  errors: Record<string, string>;
  testId: string;
}

/** An editable list of records (models, datasets, components): one row each, add and remove. */
export function EntryTable<T extends object>({ title, columns, rows, blank, onChange, errors, testId }: EntryTableProps<T>) {
  const { t } = useI18n();
  const set = (index: number, key: string, value: string | boolean) =>
    onChange(rows.map((row, i) => (i === index ? ({ ...row, [key]: value } as T) : row)));
  return (
    <fieldset className="entry-table" data-testid={testId}>
      <legend className="entry-table__title">{title}</legend>
      {rows.length === 0 ? (
        <p className="muted entry-table__empty">{t("systems.form.noEntries")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                    {c.required && <span aria-hidden="true" className="required-mark">*</span>}
                  </th>
                ))}
                <th scope="col" className="table__actions">
                  <span className="visually-hidden">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => {
                    const value = (row as Entry)[c.key];
                    const error = errors[`${i}.${c.key}`];
                    const label = t("systems.form.cellLabel", { column: c.label, row: i + 1 });
                    return (
                      <td key={c.key} className={error ? "field--invalid" : undefined}>
                        {c.kind === "checkbox" ? (
                          <input type="checkbox" aria-label={label} checked={value === true} onChange={(e) => set(i, c.key, e.target.checked)} />
                        ) : c.kind === "select" ? (
                          <select className="input input--compact" aria-label={label} value={typeof value === "string" ? value : ""} onChange={(e) => set(i, c.key, e.target.value)}>
                            <option value="">—</option>
                            {c.options?.map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <input className="input input--compact" aria-label={label} aria-invalid={error ? true : undefined} value={typeof value === "string" ? value : ""} onChange={(e) => set(i, c.key, e.target.value)} />
                        )}
                        {error && <p className="field__error">{error}</p>}
                      </td>
                    );
                  })}
                  <td className="table__actions">
                    <button type="button" className="button button--small button--danger-outline" aria-label={t("systems.form.removeRow", { row: i + 1 })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                      {t("systems.form.remove")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="button button--small entry-table__add" onClick={() => onChange([...rows, { ...blank }])}>
        {t("systems.form.addRow")}
      </button>
    </fieldset>
  );
}
