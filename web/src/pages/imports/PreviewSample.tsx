import type { ImportPreview, Lifecycle } from "../../api/systems.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

const text = (v: unknown) => (typeof v === "string" ? v : Array.isArray(v) ? v.filter((x) => typeof x === "string").join(", ") : "");

/** The first valid rows as they would be registered: line, code, names, lifecycle and tags. */
export function PreviewSample({ sample }: { sample: ImportPreview["sample"] }) {
  const { t, number } = useI18n();
  return (
    <div className="table-wrap sample-table" data-testid="import-sample">
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col" className="table__numeric">
              {t("imports.col.line")}
            </th>
            <th scope="col">{t("imports.field.code")}</th>
            <th scope="col">{t("imports.field.nameJa")}</th>
            <th scope="col">{t("imports.field.nameEn")}</th>
            <th scope="col">{t("imports.field.lifecycle")}</th>
            <th scope="col">{t("imports.field.tags")}</th>
          </tr>
        </thead>
        <tbody>
          {sample.map((row) => (
            <tr key={row.line}>
              <td className="table__numeric">{number(row.line)}</td>
              <td className="table__mono">{text(row.code) || <span className="muted">{t("imports.autoCode")}</span>}</td>
              <td lang="ja">{text(row.nameJa)}</td>
              <td lang="en">{text(row.nameEn)}</td>
              <td>{typeof row.lifecycle === "string" ? t(`systems.lifecycle.${row.lifecycle as Lifecycle}`) : ""}</td>
              <td>{text(row.tags)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
