import type { ImportPreview } from "../../api/systems.ts";
import type { ImportTarget } from "./import-targets.ts";
import { useFieldWords } from "./useFieldWords.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** What an upsert changes, row by row: the system, and each field from what to what. */
export function ChangesTable({ target, changes }: { target: ImportTarget; changes: ImportPreview["changes"] }) {
  const { t, number } = useI18n();
  const words = useFieldWords(target);
  const text = (v: unknown) => (v === null || v === "" ? t("imports.changes.empty") : typeof v === "string" ? v : JSON.stringify(v));
  const fieldName = words.name;
  return (
    <div className="table-wrap error-table" data-testid="import-changes">
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col" className="table__numeric">
              {t("imports.col.line")}
            </th>
            <th scope="col">{t("imports.changes.system")}</th>
            <th scope="col">{t("imports.col.field")}</th>
            <th scope="col">{t("imports.changes.before")}</th>
            <th scope="col">{t("imports.changes.after")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.flatMap((c) =>
            c.fields.map((f, i) => (
              <tr key={`${c.line}:${f.field}`} data-line={c.line}>
                <td className="table__numeric">{i === 0 ? number(c.line) : ""}</td>
                <td>{i === 0 ? c.code : ""}</td>
                <td>{fieldName(f.field)}</td>
                <td className="import-changes__value">{text(f.before)}</td>
                <td className="import-changes__value">{text(f.after)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
