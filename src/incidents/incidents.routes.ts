import { z } from "zod";
import { changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { todayIn } from "../platform/time.ts";
import { idParams } from "../users/users.schema.ts";
import { actionBody, closeIncidentBody, createIncidentBody, incidentPage, incidentView, listIncidentsQuery, timelineBody, updateIncidentBody } from "./incidents.schema.ts";
import { addAction, addTimelineEntry, closeIncident, createIncident, listIncidents, readIncident, updateIncident } from "./incidents.service.ts";
import { intakeAlerts, intakeBody, intakeResult } from "./intake.ts";
import { buildIncidentReport } from "./report.ts";
import { REPORT_CSP, renderIncidentReportHtml } from "./report.html.ts";
import { renderIncidentReportPdf } from "./report.pdf.ts";
import { LOCALES } from "../platform/i18n.ts";
import { pdfResponse } from "../platform/pdf/pdf.http.ts";
import { IncidentReport } from "./report.schema.ts";
import { incidentReportXlsxResponse } from "../reports/incident.xlsx.response.ts";

export const incidentRoutes = [
  defineRoute({
    method: "get",
    path: "/api/incidents",
    summary: "Incidents, newest first; filter by status, severity, system, category or personal data",
    tag: "incidents",
    cache: "ledger",
    access: { permission: "incidents.read" },
    query: listIncidentsQuery,
    response: incidentPage,
    handler: ({ deps, actor, query }) => listIncidents(deps.db.kysely, actor.orgId, query),
  }),
  defineRoute({
    method: "post",
    path: "/api/incidents",
    summary: "File an incident (web form or API)",
    example: {
      body: {
        title: "採用選考AIが特定の学校の応募者を一律に低く評価していた",
        summary: "書類選考の補助に使うスコアリングで、特定の学校の出身者の点数が他と比べて一律に低いことが人事部の確認で分かった。",
        severity: "high",
        detectedAt: "2026-11-20",
        harmTypes: ["rights_violation", "protected_characteristic"],
        personalData: "yes",
      },
    },
    tag: "incidents",
    access: { permission: "incidents.report" },
    body: createIncidentBody,
    response: incidentView,
    status: 201,
    handler: ({ deps, actor, body, requestId }) => createIncident(deps.db, actor, changeContextOf(actor, requestId), body, actor.kind === "token" ? "api" : "web", todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "post",
    path: "/api/incidents/intake",
    summary: "Inbound alerts from monitoring tools (Musubi's shape or Alertmanager's); a repeat adds to the timeline",
    tag: "incidents",
    access: { permission: "incidents.report" },
    body: intakeBody,
    response: intakeResult,
    handler: ({ deps, actor, body, requestId }) => intakeAlerts(deps.db, actor, changeContextOf(actor, requestId), body),
  }),
  defineRoute({
    method: "get",
    path: "/api/incidents/:id",
    summary: "One incident with its links, actions and timeline",
    tag: "incidents",
    access: { permission: "incidents.read" },
    resource: "incident",
    params: idParams,
    response: incidentView,
    handler: ({ deps, actor, params }) => readIncident(deps.db.kysely, actor.orgId, params.id, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "get",
    path: "/api/incidents/:id/report",
    summary: "The regulator-ready report: JSON (musubi-incident-report/1, schema in library/schema), a bilingual HTML document, or a PDF or XLSX in one language (`lang`, else the caller's own)",
    tag: "incidents",
    access: { permission: "incidents.read" },
    resource: "incident",
    params: idParams,
    query: z.strictObject({ format: z.enum(["json", "html", "pdf", "xlsx"]).default("json"), lang: z.enum(LOCALES).optional() }),
    response: IncidentReport,
    files: ["application/json", "text/html", "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    handler: async ({ deps, actor, params, query }) => {
      const me = await deps.db.kysely.selectFrom("users").select(["display_name", "email", "locale"]).where("org_id", "=", actor.orgId).where("id", "=", actor.userId).executeTakeFirstOrThrow();
      const report = await buildIncidentReport(deps.db.kysely, deps.library, actor.orgId, params.id, { name: me.display_name, email: me.email });
      if (query.format === "json") return report;
      if (query.format === "xlsx") return incidentReportXlsxResponse(report, query.lang ?? (me.locale === "en" ? "en" : "ja"));
      if (query.format === "pdf") return pdfResponse(await renderIncidentReportPdf(report, query.lang ?? (me.locale === "en" ? "en" : "ja")), `${report.incident.code}-report.pdf`);
      return new Response(renderIncidentReportHtml(report), { headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": REPORT_CSP, "content-disposition": `inline; filename="${report.incident.code}-report.html"` } });
    },
  }),
  defineRoute({
    method: "patch",
    path: "/api/incidents/:id",
    summary: "Update an incident: facts, harms, rights, personal data, root cause, links, status",
    tag: "incidents",
    access: { permission: "incidents.report" },
    resource: "incident",
    params: idParams,
    body: updateIncidentBody,
    response: incidentView,
    handler: ({ deps, actor, params, body, requestId }) => updateIncident(deps.db, actor, changeContextOf(actor, requestId), params.id, body, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "post",
    path: "/api/incidents/:id/timeline",
    summary: "Add a dated entry to the incident's timeline",
    tag: "incidents",
    access: { permission: "incidents.report" },
    resource: "incident",
    params: idParams,
    body: timelineBody,
    response: incidentView,
    status: 201,
    handler: ({ deps, actor, params, body, requestId }) => addTimelineEntry(deps.db, actor, changeContextOf(actor, requestId), params.id, body, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "post",
    path: "/api/incidents/:id/actions",
    summary: "Open a corrective or preventive action (a task, optionally with an approval plan)",
    tag: "incidents",
    access: { permission: "incidents.report" },
    resource: "incident",
    params: idParams,
    body: actionBody,
    response: incidentView,
    status: 201,
    handler: ({ deps, actor, params, body, requestId }) => addAction(deps.db, actor, changeContextOf(actor, requestId), params.id, body, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "post",
    path: "/api/incidents/:id/close",
    summary: "Close the incident once its actions are done; each linked risk gets a re-review task",
    tag: "incidents",
    access: { permission: "incidents.report" },
    resource: "incident",
    params: idParams,
    body: closeIncidentBody,
    response: incidentView,
    handler: ({ deps, actor, params, body, requestId }) => closeIncident(deps.db, actor, changeContextOf(actor, requestId), params.id, body, todayIn(actor.timeZone)),
  }),
];
