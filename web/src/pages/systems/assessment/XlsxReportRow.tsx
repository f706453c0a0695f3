import type { FieldChange, ReportRow } from "../../../api/assessments-xlsx.ts";
import { LocalText } from "../../../components/LocalText.tsx";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { shownText } from "./xlsx-report.ts";

interface XlsxReportRowProps {
  row: ReportRow;
  /** For a conflict that may be overwritten: whether the person chose the workbook's values. */
  overwrite: boolean;
  onOverwrite(on: boolean): void;
}

/** "Status: Not started → Met", one line per field, in the UI language. */
function Changes({ changes }: { changes: FieldChange[] }) {
  const { t, lang } = useI18n();
  return (
    <ul className="plain-list xlsx-report__changes">
      {changes.map((c) => (
        <li key={c.field}>
          {t("assessments.xlsx.change", {
            field: c.label[lang],
            from: shownText(c.from, lang) ?? t("assessments.xlsx.blank"),
            to: shownText(c.to, lang) ?? t("assessments.xlsx.blank"),
          })}
        </li>
      ))}
    </ul>
  );
}

/** One row of the preview: its row number in the sheet, requirement, outcome and what it means. */
export function XlsxReportRow({ row, overwrite, onOverwrite }: XlsxReportRowProps) {
  const { t, lang, number } = useI18n();
  return (
    <tr className={`xlsx-report__row xlsx-report__row--${row.outcome}`} data-testid={`xlsx-row-${row.line}`} data-outcome={row.outcome}>
      <td className="table__numeric">{number(row.line)}</td>
      <td>{row.requirement ? <LocalText text={row.requirement.label} mark="compact" /> : <span className="muted">{t("assessments.xlsx.rowAdded")}</span>}</td>
      <td>
        <span className={`tag xlsx-report__outcome xlsx-report__outcome--${row.outcome}`}>{t(`assessments.xlsx.outcome.${row.outcome}`)}</span>
      </td>
      <td>
        {row.changes.length > 0 && <Changes changes={row.changes} />}
        {row.changedInMusubi && <p className="muted">{t("assessments.xlsx.changedInMusubi")}</p>}
        {row.conflict && (
          <>
            <p className="xlsx-report__heading">{t("assessments.xlsx.conflict.musubi")}</p>
            <Changes changes={row.conflict.musubi} />
            <p className="xlsx-report__heading">{t("assessments.xlsx.conflict.workbook")}</p>
            <Changes changes={row.conflict.workbook} />
            {row.conflict.canOverwrite ? (
              <label className="checkbox">
                <input type="checkbox" checked={overwrite} onChange={(e) => onOverwrite(e.target.checked)} data-testid={`xlsx-overwrite-${row.line}`} />
                {t("assessments.xlsx.conflict.overwrite")}
              </label>
            ) : null}
            {!overwrite && <p className="muted">{t("assessments.xlsx.conflict.kept")}</p>}
          </>
        )}
        {row.problems.length > 0 && (
          <ul className="plain-list xlsx-report__problems">
            {row.problems.map((p, i) => (
              <li key={i} lang={lang}>
                {p.message[lang]}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
