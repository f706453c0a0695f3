import { defineRoute } from "../platform/http/route.ts";
import { pdfLanguage } from "../platform/pdf/pdf.http.ts";
import { idParams } from "../users/users.schema.ts";
import { readReportJob, reportJobFile, startReportJob } from "./report-jobs.ts";
import { renderOffThread } from "./reports.offthread.ts";
import { fileResponse, produceReport } from "./reports.produce.ts";
import { boardQuery, complianceQuery, REPORT_FILES, REPORT_JOB_FILES, reportJobBody, reportJobView, type ReportRequest } from "./reports.schema.ts";
import { AppError } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";

/**
 * The management reports: a framework's compliance report and the board report, as a PDF or a
 * workbook in Japanese or English — downloaded at once, or written by a job whose progress is
 * polled (the board report of a large organisation takes seconds). Everyone who may read the
 * dashboard may read them: they show the same organisation-wide figures and the lists behind them.
 */
export const reportRoutes = [
  defineRoute({
    method: "get",
    path: "/api/reports/compliance",
    files: REPORT_FILES,
    summary: "A framework's compliance report (posture across assessed systems, each system's sign-off, gaps, evidence and controls) as PDF or XLSX, in `lang` or the caller's language",
    tag: "reports",
    access: { permission: "dashboard.read" },
    query: complianceQuery,
    handler: async ({ deps, actor, query }) => {
      const lang = await pdfLanguage(deps.db.kysely, actor, query.lang);
      return fileResponse(await produceReport({ db: deps.db.kysely, library: deps.library }, actor.orgId, { kind: "compliance", params: { framework: query.framework }, format: query.format, lang }, { renderer: renderOffThread }));
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/reports/board",
    files: REPORT_FILES,
    summary: "The board report for a period (default: the organisation's current fiscal year) as PDF or XLSX, in `lang` or the caller's language",
    tag: "reports",
    access: { permission: "dashboard.read" },
    query: boardQuery,
    handler: async ({ deps, actor, query }) => {
      const lang = await pdfLanguage(deps.db.kysely, actor, query.lang);
      const params = { ...(query.from && { from: query.from }), ...(query.to && { to: query.to }) };
      return fileResponse(await produceReport({ db: deps.db.kysely, library: deps.library }, actor.orgId, { kind: "board", params, format: query.format, lang }, { renderer: renderOffThread }));
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/reports/jobs",
    summary: "Write a report — or every AI system card as gzip-compressed JSON Lines (kind system-cards) — in the background: 202 with the job; poll GET /api/reports/jobs/:id, then download its file. One job at a time per organisation (409 report_in_progress)",
    tag: "reports",
    access: { permission: "dashboard.read" },
    body: reportJobBody,
    response: reportJobView,
    status: 202,
    handler: async ({ deps, actor, body, c }) => {
      const lang = await pdfLanguage(deps.db.kysely, actor, body.lang);
      const { framework, from, to } = body.params;
      if (body.kind === "compliance" && !framework) throw new AppError(400, "validation_failed", [{ field: "body.params.framework", code: "required", message: fieldText("no_such_framework") }]);
      // The cards come one way only (JSON Lines); a report is a PDF or a workbook.
      if (body.kind !== "system-cards" && body.format === "jsonl") throw new AppError(400, "validation_failed", [{ field: "body.format", code: "invalid_value", message: fieldText("report_format") }]);
      const format = body.format === "jsonl" ? "pdf" : body.format;
      const req: ReportRequest =
        body.kind === "system-cards"
          ? { kind: "system-cards", params: {}, format: "jsonl", lang }
          : body.kind === "compliance"
            ? { kind: "compliance", params: { framework: framework! }, format, lang }
            : { kind: "board", params: { ...(from && { from }), ...(to && { to }) }, format, lang };
      const { job } = await startReportJob({ db: deps.db, library: deps.library, dataDir: deps.config.dataDir, logger: deps.logger }, actor, req);
      return c.json(job, 202);
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/reports/jobs/:id",
    summary: "A report job's status and progress (steps done of all, the step under way in Japanese and English), and its file once done",
    tag: "reports",
    access: { permission: "dashboard.read" },
    resource: "report_job",
    params: idParams,
    response: reportJobView,
    handler: ({ deps, actor, params }) => readReportJob(deps.db, actor.orgId, params.id),
  }),
  defineRoute({
    method: "get",
    path: "/api/reports/jobs/:id/file",
    files: REPORT_JOB_FILES,
    summary: "The finished report's file (409 report_not_ready before it is done); kept for a day",
    tag: "reports",
    access: { permission: "dashboard.read" },
    resource: "report_job",
    params: idParams,
    handler: async ({ deps, actor, params }) => fileResponse(await reportJobFile({ db: deps.db, dataDir: deps.config.dataDir }, actor.orgId, params.id)),
  }),
];
