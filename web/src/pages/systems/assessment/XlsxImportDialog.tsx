import { useState } from "react";
import { assessmentXlsxApi, type ApplyResult, type WorkbookReport } from "../../../api/assessments-xlsx.ts";
import { Dialog } from "../../../components/Dialog.tsx";
import { Notice } from "../../../components/Notice.tsx";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { useUploadAuth } from "../useUploadAuth.ts";
import { applyPlan, listedRows, workbookProblem } from "./xlsx-report.ts";
import { XlsxReportRow } from "./XlsxReportRow.tsx";
import "./assessment-xlsx.css";

interface XlsxImportDialogProps {
  assessmentId: string;
  onClose(): void;
  onApplied(result: ApplyResult): void;
}

/**
 * Excelから取り込む: choose a filled-in workbook, read what it would change (conflicts highlighted,
 * each with a choice to overwrite, invalid rows with their reasons), then confirm. Nothing is
 * written before the confirmation; the same file is sent again and compared anew then.
 */
export function XlsxImportDialog({ assessmentId, onClose, onApplied }: XlsxImportDialogProps) {
  const { t, lang, number, dateTime, errorMessage } = useI18n();
  const auth = useUploadAuth();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<WorkbookReport>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [overwrite, setOverwrite] = useState<Map<number, number>>(new Map());

  const read = async (chosen: File | undefined) => {
    setReport(undefined);
    setError(undefined);
    setOverwrite(new Map());
    setSkipInvalid(false);
    setFile(chosen);
    if (!chosen) return;
    setBusy(true);
    try {
      setReport(await assessmentXlsxApi.preview(assessmentId, chosen, auth));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      onApplied(await assessmentXlsxApi.apply(assessmentId, file, auth, { skipInvalid, overwrite }));
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const choose = (line: number, version: number, on: boolean) =>
    setOverwrite((m) => {
      const next = new Map(m);
      if (on) next.set(line, version);
      else next.delete(line);
      return next;
    });

  const plan = report ? applyPlan(report, overwrite, skipInvalid) : undefined;
  const rows = report ? listedRows(report, showUnchanged) : [];
  return (
    <Dialog
      title={t("assessments.xlsx.title")}
      onClose={onClose}
      testId="xlsx-import-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="button" className="button button--primary" disabled={busy || !plan || plan.blocked} onClick={() => void apply()} data-testid="xlsx-apply">
            {busy && report ? t("common.working") : t("assessments.xlsx.apply", { count: number(plan?.count ?? 0) })}
          </button>
        </>
      }
    >
      <div className="form">
        <p className="dialog-message">{t("assessments.xlsx.intro")}</p>
        <label className="field">
          <span className="field__label">{report ? t("assessments.xlsx.chooseAnother") : t("assessments.xlsx.file")}</span>
          <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void read(e.target.files?.[0])} disabled={busy} data-testid="xlsx-file" />
        </label>
        {busy && !report && <p className="muted">{t("assessments.xlsx.reading")}</p>}
        {error !== undefined && (
          <Notice kind="error" testId="xlsx-error">
            {workbookProblem(error, lang) ?? errorMessage(error)}
          </Notice>
        )}
        {report && plan && (
          <div className="xlsx-report" data-testid="xlsx-report">
            <p>
              {t("assessments.xlsx.summary", {
                change: number(report.counts.change),
                conflict: number(report.counts.conflict),
                invalid: number(report.counts.invalid),
                unchanged: number(report.counts.unchanged),
              })}
            </p>
            {report.exportedAt && <p className="muted">{t("assessments.xlsx.exportedAt", { date: dateTime(report.exportedAt) })}</p>}
            {report.counts.invalid > 0 && (
              <Notice kind="warning">
                {t("assessments.xlsx.invalidBlock")}
                <label className="checkbox">
                  <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} data-testid="xlsx-skip-invalid" />
                  {t("assessments.xlsx.skipInvalid")}
                </label>
              </Notice>
            )}
            {plan.count === 0 && report.counts.invalid === 0 && <Notice kind="info">{t("assessments.xlsx.nothing")}</Notice>}
            <label className="checkbox">
              <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} />
              {t("assessments.xlsx.showUnchanged")}
            </label>
            {rows.length > 0 && (
              <div className="table-wrap">
                <table className="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col" className="table__numeric">
                        {t("assessments.xlsx.col.line")}
                      </th>
                      <th scope="col">{t("assessments.xlsx.col.requirement")}</th>
                      <th scope="col">{t("assessments.xlsx.col.outcome")}</th>
                      <th scope="col">{t("assessments.xlsx.col.detail")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <XlsxReportRow key={r.line} row={r} overwrite={overwrite.has(r.line)} onOverwrite={(on) => r.conflict && choose(r.line, r.conflict.version, on)} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </div>
    </Dialog>
  );
}
