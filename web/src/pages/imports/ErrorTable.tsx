import type { ImportRowError } from "../../api/systems.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ImportTarget } from "./import-targets.ts";
import { useFieldWords } from "./useFieldWords.ts";

/** Row-level problems: line in the file, column, field and the message in the UI language. */
export function ErrorTable({ target, errors, testId = "import-errors" }: { target: ImportTarget; errors: ImportRowError[]; testId?: string }) {
  const { t, lang, number } = useI18n();
  const words = useFieldWords(target);
  return (
    <div className="table-wrap error-table" data-testid={testId}>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col" className="table__numeric">
              {t("imports.col.line")}
            </th>
            <th scope="col">{t("imports.col.column")}</th>
            <th scope="col">{t("imports.col.field")}</th>
            <th scope="col">{t("imports.col.message")}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i} data-line={e.line}>
              <td className="table__numeric">{number(e.line)}</td>
              <td>{e.column ?? "—"}</td>
              <td>{e.field ? words.name(e.field) : "—"}</td>
              <td lang={lang}>{e.message[lang] || e.message.en || e.message.ja}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
