import { changeContextOf } from "../audit/audited.ts";
import { fileNameOf } from "../compliance/evidence.routes.ts";
import { defineRoute } from "../platform/http/route.ts";
import { problemsQuery, readOptions, COMMIT_REFUSED, PROBLEMS_FILES, UNREADABLE } from "../systems/imports.schema.ts";
import { downloadProblems, importDepsOf } from "../systems/imports.service.ts";
import { idParams } from "../users/users.schema.ts";
import {
  commitIncidentImport,
  incidentColumnValues,
  incidentCommitBody,
  incidentImportOptions,
  incidentImportView,
  incidentPreviewView,
  incidentValuesBody,
  incidentValuesView,
  previewIncidentImport,
  readIncidentImport,
  rereadIncidentImport,
  uploadIncidentImport,
} from "./incidents.import.service.ts";



/** The incident register's import: the inventory import's reading of files, with incident fields. */
export const incidentImportRoutes = [
  defineRoute({
    method: "post",
    path: "/api/incidents/imports",
    responses: UNREADABLE,
    summary: "Upload an incident register (CSV in UTF-8 or Shift_JIS, .xlsx or JSON; raw body, header x-file-name) and get its columns and a suggested mapping",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    upload: true,
    response: incidentImportView,
    status: 201,
    handler: ({ deps, actor, body, c, requestId }) =>
      uploadIncidentImport(importDepsOf(deps), changeContextOf(actor, requestId), body as unknown as Uint8Array, fileNameOf(c.req.header("x-file-name"))),
  }),
  defineRoute({
    method: "get",
    path: "/api/incidents/imports/:id",
    summary: "An incident import's status and report",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    resource: "incident_import",
    params: idParams,
    response: incidentImportView,
    handler: ({ deps, actor, params }) => readIncidentImport(importDepsOf(deps), actor.orgId, params.id),
  }),
  defineRoute({
    method: "post",
    path: "/api/incidents/imports/:id/read",
    responses: UNREADABLE,
    summary: "Read the uploaded incident register again another way (encoding, sheet, header rows, rows to skip, records path)",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    resource: "incident_import",
    params: idParams,
    body: readOptions,
    response: incidentImportView,
    handler: ({ deps, actor, params, body }) => rereadIncidentImport(importDepsOf(deps), actor.orgId, params.id, body),
  }),
  defineRoute({
    method: "post",
    path: "/api/incidents/imports/:id/values",
    responses: UNREADABLE,
    summary: "The distinct severity or status words of a column, with Musubi's reading of each",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    resource: "incident_import",
    params: idParams,
    body: incidentValuesBody,
    response: incidentValuesView,
    handler: ({ deps, actor, params, body }) => incidentColumnValues(importDepsOf(deps), actor.orgId, params.id, body),
  }),
  defineRoute({
    method: "post",
    path: "/api/incidents/imports/:id/preview",
    responses: UNREADABLE,
    summary: "Check every row of the incident register against the mapping: problems by row and column, rows already imported, a sample; nothing is filed",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    resource: "incident_import",
    params: idParams,
    body: incidentImportOptions,
    response: incidentPreviewView,
    handler: ({ deps, actor, params, body }) => previewIncidentImport(importDepsOf(deps), actor, params.id, body),
  }),
  defineRoute({
    method: "post",
    path: "/api/incidents/imports/:id/commit",
    responses: COMMIT_REFUSED,
    summary: "File the register's incidents in one transaction (422 import_has_errors with the report unless skipInvalid); quiet by default: one notice for the import",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    resource: "incident_import",
    params: idParams,
    body: incidentCommitBody,
    response: incidentImportView,
    handler: ({ deps, actor, params, body, requestId }) => commitIncidentImport(importDepsOf(deps), actor, changeContextOf(actor, requestId), params.id, body),
  }),
  defineRoute({
    method: "get",
    path: "/api/incidents/imports/:id/problems",
    files: PROBLEMS_FILES,
    summary: "Every problem the incident import's last check found, as CSV or XLSX in the person's language",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    resource: "incident_import",
    params: idParams,
    query: problemsQuery,
    handler: ({ deps, actor, params, query, locale }) => downloadProblems(importDepsOf(deps), actor.orgId, params.id, query.format, query.lang ?? locale, "incidents"),
  }),
];
