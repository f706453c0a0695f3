import { changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { idParams } from "../users/users.schema.ts";
import { fileNameOf } from "./evidence.routes.ts";
import { exportAssessmentXlsx } from "./assessments.xlsx.export.ts";
import { applyWorkbook, assertCanImport, previewWorkbook } from "./assessments.xlsx.import.ts";
import { readAssessmentWorkbook } from "./assessments.xlsx.read.ts";
import { applyResult, applyXlsxQuery, exportXlsxQuery, workbookReport } from "./assessments.xlsx.schema.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Why an uploaded workbook is refused whole before any row is compared. */
const UNREADABLE_WORKBOOK =
  "workbook_mismatch: the file is not a workbook Musubi exported for an assessment (details.reason says why), or import_unreadable: it cannot be opened as Excel at all";

/**
 * The assessment's Excel round trip: a workbook to fill in, a report of what it would change, and
 * the change itself. The file travels as the raw request body both times (header x-file-name), so
 * nothing is kept between preview and apply: apply compares again and writes what is true then.
 */
export const assessmentXlsxRoutes = [
  defineRoute({
    method: "get",
    path: "/api/assessments/:id/xlsx",
    summary: "The assessment as an Excel workbook to fill in (instructions, rows with a status drop-down, hidden versions for the re-import), in the caller's language",
    tag: "assessments",
    access: { permission: "assessments.read" },
    resource: "assessment",
    params: idParams,
    query: exportXlsxQuery,
    files: [XLSX],
    handler: async ({ deps, actor, params, query, locale }) => {
      const { bytes, fileName } = await exportAssessmentXlsx(deps, actor.orgId, params.id, query.lang ?? locale);
      return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": XLSX, "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" } });
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/assessments/:id/xlsx/preview",
    summary: "Compare a filled-in workbook (raw body, header x-file-name) with the assessment: per row unchanged, change, conflict or invalid; writes nothing",
    tag: "assessments",
    access: { permission: "assessments.answer" },
    resource: "assessment",
    params: idParams,
    upload: true,
    response: workbookReport,
    responses: { 422: { description: UNREADABLE_WORKBOOK } },
    handler: async ({ deps, actor, params, body, c }) => {
      await assertCanImport(deps.db.kysely, actor, params.id);
      const wb = await readAssessmentWorkbook(body as unknown as Uint8Array, fileNameOf(c.req.header("x-file-name")), deps.config.importLimits);
      return previewWorkbook(deps.db, deps.library, actor, params.id, wb);
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/assessments/:id/xlsx/apply",
    summary: "Write a filled-in workbook's changes in one transaction, each as an answer from the UI; all or none (422 import_has_errors) unless skipInvalid; conflicts skipped unless named in overwrite",
    tag: "assessments",
    access: { permission: "assessments.answer" },
    resource: "assessment",
    params: idParams,
    query: applyXlsxQuery,
    upload: true,
    response: applyResult,
    responses: { 422: { description: `${UNREADABLE_WORKBOOK}; or import_has_errors: some rows are invalid and skipInvalid is false (details carry the rows' report), and nothing is written` } },
    handler: async ({ deps, actor, params, query, body, c, requestId }) => {
      await assertCanImport(deps.db.kysely, actor, params.id);
      const wb = await readAssessmentWorkbook(body as unknown as Uint8Array, fileNameOf(c.req.header("x-file-name")), deps.config.importLimits);
      return applyWorkbook(deps.db, deps.library, changeContextOf(actor, requestId), actor, params.id, wb, { skipInvalid: query.skipInvalid, overwrite: query.overwrite });
    },
  }),
];
