import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ImportTarget, WizardPreview } from "./import-targets.ts";

/** The first valid rows as they would be registered: the line, then the columns the target shows (a system's code, names, lifecycle and tags; an incident's id, title, severity, status and date). */
export function PreviewSample({ target, sample }: { target: ImportTarget; sample: WizardPreview["sample"] }) {
  const { t, number, label, dateTime, day } = useI18n();
  const words = { label, day, dateTime: (iso: string) => dateTime(iso) };
  return (
    <div className="table-wrap sample-table" data-testid="import-sample">
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col" className="table__numeric">
              {t("imports.col.line")}
            </th>
            {target.sample.map((c) => (
              <th key={c.header} scope="col">
                {t(c.header)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sample.map((row) => (
            <tr key={row.line}>
              <td className="table__numeric">{number(row.line)}</td>
              {target.sample.map((c) => {
                const text = c.cell(row, words);
                return (
                  <td key={c.header} className={c.mono ? "table__mono" : undefined} lang={c.lang}>
                    {text || (c.empty && <span className="muted">{t(c.empty)}</span>)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
