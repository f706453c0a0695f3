import type { IncidentReport } from "../incidents/report.schema.ts";
import { incidentReportWorkbook } from "./incident.xlsx.ts";
import type { Lang } from "./reports.format.ts";
import { fileResponse } from "./reports.produce.ts";
import { writeXlsx } from "./reports.xlsx.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The incident report as an Excel download in `lang` (`GET /api/incidents/:id/report?format=xlsx`). */
export async function incidentReportXlsxResponse(report: IncidentReport, lang: Lang): Promise<Response> {
  return fileResponse({ bytes: await writeXlsx(incidentReportWorkbook(report, lang)), fileName: `${report.incident.code}-report.xlsx`, contentType: XLSX });
}
