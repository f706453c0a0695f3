import { z } from "zod";
import { audited, changeContextOf } from "../../audit/audited.ts";
import { defineRoute } from "../../platform/http/route.ts";
import { pdfLanguage } from "../../platform/pdf/pdf.http.ts";
import { todayIn } from "../../platform/time.ts";
import { haipDiff, haipDiffView } from "./haip.diff.ts";
import { buildHaipDocument, HaipReportDocument } from "./haip.document.ts";
import { exportHaip, HAIP_EXPORT_FORMATS } from "./haip.export.ts";
import { listReports, readReport } from "./haip.read.ts";
import { answerBody, answerParams, createReportBody, haipReportSummary, haipReportView, prefillBody, reportIdParams, submitBody, versionBody } from "./haip.schema.ts";
import { createReport, prefillReport, publishReport, submitReport, updateAnswer, withdrawSubmission } from "./haip.service.ts";
import { listQuestionnaires, loadQuestionnaire } from "./questionnaire.ts";
import { QuestionnaireFile } from "./questionnaire.schema.ts";

const BASE = "/api/disclosures/haip-reports";

/** The media types the report's document is sent as, by `format`: json, html, pdf, docx (haip.export.ts). */
const HAIP_DOCUMENT_FILES = ["application/json", "text/html", "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"] as const;

/** The HAIP transparency report: one per reporting year, drafted from data, edited, approved (稟議) and published. */
export const haipRoutes = [
  defineRoute({
    method: "get",
    path: "/api/disclosures/questionnaires",
    summary: "Questionnaires a report can be written against: Musubi's own HAIP questionnaire (its wording marked as Musubi's) and any the organisation loaded",
    tag: "disclosures",
    access: { permission: "disclosures.read" },
    response: z.array(QuestionnaireFile),
    handler: ({ deps, actor }) => listQuestionnaires(deps.db.kysely, actor.orgId),
  }),
  defineRoute({
    method: "post",
    path: "/api/disclosures/questionnaires",
    summary: "Load a questionnaire file (musubi-questionnaire/1, schema in library/schema) — e.g. the official HAIP questions — without a new release; checked before it is kept",
    tag: "disclosures",
    access: { permission: "disclosures.publish" },
    upload: true,
    status: 201,
    response: QuestionnaireFile,
    handler: async ({ deps, actor, body, requestId, locale }) =>
      audited(deps.db, changeContextOf(actor, requestId), async (trx, record) => {
        const q = await loadQuestionnaire(trx, actor.orgId, actor.userId, body as unknown as Uint8Array, (id, version) => deps.library.frameworks.get(id)?.has(version) ?? false, locale);
        record({ action: "questionnaire.loaded", entityType: "questionnaire", entityId: `${q.key}@${q.version}`, after: { key: q.key, version: q.version, wording: q.wording, questions: q.questions.length } });
        return q;
      }),
  }),
  defineRoute({
    method: "get",
    path: BASE,
    summary: "The organisation's HAIP transparency reports, newest reporting year first",
    tag: "disclosures",
    access: { permission: "disclosures.read" },
    response: z.array(haipReportSummary),
    handler: ({ deps, actor }) => listReports(deps.db.kysely, actor.orgId),
  }),
  defineRoute({
    method: "post",
    path: BASE,
    summary: "Start the report for a reporting year (the organisation's fiscal year), for the roles it reports as; drafts every answer Musubi's data supports unless prefill is false",
    tag: "disclosures",
    access: { permission: "disclosures.edit" },
    body: createReportBody,
    status: 201,
    response: haipReportView,
    handler: ({ deps, actor, body, requestId }) => createReport(deps.db, deps.library, actor.userId, changeContextOf(actor, requestId), body),
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/:id`,
    summary: "A report with its sections, questions (wording origin marked), answers, what each drafted answer rests on and whether those records changed since, its approval and publications",
    tag: "disclosures",
    access: { permission: "disclosures.read" },
    resource: "haip_report",
    params: reportIdParams,
    response: haipReportView,
    handler: ({ deps, actor, params }) => readReport(deps.db.kysely, actor.orgId, params.id),
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/:id/prefill`,
    summary: "Draft answers again from Musubi's data (all, or the questions named); answers people edited keep their words unless replaceEdited",
    tag: "disclosures",
    access: { permission: "disclosures.edit" },
    resource: "haip_report",
    params: reportIdParams,
    body: prefillBody,
    response: haipReportView,
    handler: ({ deps, actor, params, body, requestId }) => prefillReport(deps.db, deps.library, changeContextOf(actor, requestId), params.id, body),
  }),
  defineRoute({
    method: "put",
    path: `${BASE}/:id/answers/:questionId`,
    summary: "Save one answer (Japanese and English); the answer's own version guards against overwriting a colleague's edit",
    tag: "disclosures",
    access: { permission: "disclosures.edit" },
    resource: "haip_report",
    params: answerParams,
    body: answerBody,
    response: haipReportView,
    handler: ({ deps, actor, params, body, requestId }) => updateAnswer(deps.db, actor.userId, changeContextOf(actor, requestId), params.id, params.questionId, body),
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/:id/submit`,
    summary: "Ask for the report's approval (稟議): stages of approvers, in order",
    tag: "disclosures",
    access: { permission: "disclosures.edit" },
    resource: "haip_report",
    params: reportIdParams,
    body: submitBody,
    response: haipReportView,
    handler: ({ deps, actor, params, body, requestId }) => submitReport(deps.db, actor.userId, changeContextOf(actor, requestId), params.id, body, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/:id/withdraw-submission`,
    summary: "Take the report back from approval to edit it (its pending approval is cancelled)",
    tag: "disclosures",
    access: { permission: "disclosures.edit" },
    resource: "haip_report",
    params: reportIdParams,
    body: versionBody,
    response: haipReportView,
    handler: ({ deps, actor, params, body, requestId }) => withdrawSubmission(deps.db, changeContextOf(actor, requestId), params.id, body),
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/:id/publish`,
    summary: "Publish the approved report: a frozen, numbered snapshot hashed into the ledger and served on the public trust page",
    tag: "disclosures",
    access: { permission: "disclosures.publish" },
    resource: "haip_report",
    params: reportIdParams,
    body: versionBody,
    response: haipReportView,
    handler: ({ deps, actor, params, body, requestId }) => publishReport(deps.db, actor.userId, changeContextOf(actor, requestId), params.id, body),
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/:id/diff`,
    summary: "What changed since the previous reporting year's published report, question by question",
    tag: "disclosures",
    access: { permission: "disclosures.read" },
    resource: "haip_report",
    params: reportIdParams,
    response: haipDiffView,
    handler: ({ deps, actor, params }) => haipDiff(deps.db.kysely, actor.orgId, params.id),
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/:id/document`,
    summary: "The report as a document: JSON (musubi-haip-report/1, schema in library/schema), a bilingual HTML page, PDF or Word (DOCX)",
    tag: "disclosures",
    access: { permission: "disclosures.read" },
    resource: "haip_report",
    params: reportIdParams,
    query: z.strictObject({ format: z.enum(HAIP_EXPORT_FORMATS).default("json"), lang: z.enum(["ja", "en"]).optional() }),
    files: HAIP_DOCUMENT_FILES,
    response: HaipReportDocument,
    handler: async ({ deps, actor, params, query }) => {
      const view = await readReport(deps.db.kysely, actor.orgId, params.id);
      const doc: HaipReportDocument = await buildHaipDocument(deps.db.kysely, actor.orgId, view, null);
      return exportHaip(doc, query.format, await pdfLanguage(deps.db.kysely, actor, query.lang));
    },
  }),
];
