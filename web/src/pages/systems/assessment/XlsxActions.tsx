import { assessmentXlsxApi } from "../../../api/assessments-xlsx.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";

interface XlsxActionsProps {
  assessmentId: string;
  /** Whether the person may answer rows: only then is importing offered. */
  canImport: boolean;
  onImport(): void;
}

/** Excelに書き出す (a download in the UI language) and, for those who answer rows, Excelから取り込む. */
export function XlsxActions({ assessmentId, canImport, onImport }: XlsxActionsProps) {
  const { t, lang } = useI18n();
  return (
    <div className="xlsx-actions">
      <a className="button" href={assessmentXlsxApi.exportHref(assessmentId, lang)} download title={t("assessments.xlsx.exportHint")} data-testid="xlsx-export">
        {t("assessments.xlsx.export")}
      </a>
      {canImport && (
        <button type="button" className="button" onClick={onImport} data-testid="xlsx-import-open">
          {t("assessments.xlsx.import")}
        </button>
      )}
    </div>
  );
}
