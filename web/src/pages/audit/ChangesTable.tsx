import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ShownChange } from "./changes.ts";

/** The fields an entry changed: label, before, after. Shared by the ledger and a system's history. */
export function ChangesTable({ rows }: { rows: ShownChange[] }) {
  const { t } = useI18n();
  return (
    <table className="diff">
      <thead>
        <tr>
          <th scope="col">{t("audit.details.field")}</th>
          <th scope="col">{t("audit.details.before")}</th>
          <th scope="col">{t("audit.details.after")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} className={`diff__row diff__row--${row.change}`} data-change={row.change} data-field={row.field}>
            <th scope="row" className="diff__field">
              {row.label}
            </th>
            <td className="diff__before">{row.before ?? "—"}</td>
            <td className="diff__after">{row.after ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
