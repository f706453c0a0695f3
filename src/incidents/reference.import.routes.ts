import { z } from "zod";
import { changeContextOf } from "../audit/audited.ts";
import { fileNameOf } from "../compliance/evidence.routes.ts";
import { defineRoute } from "../platform/http/route.ts";
import { problemsQuery, readOptions, COMMIT_REFUSED, PROBLEMS_FILES, UNREADABLE } from "../systems/imports.schema.ts";
import { downloadProblems, importDepsOf } from "../systems/imports.service.ts";
import { idParams } from "../users/users.schema.ts";
import {
  commitReferenceImport,
  deleteOwnSource,
  previewReferenceImport,
  readReferenceImport,
  referenceCommitBody,
  referenceImportBody,
  referenceImportView,
  referencePreviewView,
  rereadReferenceImport,
  uploadReferenceImport,
} from "./reference.import.service.ts";


const sourceParams = z.strictObject({ id: z.string().min(1).max(80) });

/**
 * An organisation's import of a public incident register as reference cases of a named source:
 * the same reading of files as its incident register's import, seen by this organisation only.
 */
export const referenceImportRoutes = [
  defineRoute({
    method: "post",
    path: "/api/reference-incidents/imports",
    responses: UNREADABLE,
    summary: "Upload a public incident register (CSV in UTF-8 or Shift_JIS, .xlsx or JSON; raw body, header x-file-name) to import as this organisation's reference cases; its columns and a suggested mapping come back",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    upload: true,
    response: referenceImportView,
    status: 201,
    handler: ({ deps, actor, body, c, requestId }) => uploadReferenceImport(importDepsOf(deps), changeContextOf(actor, requestId), body as unknown as Uint8Array, fileNameOf(c.req.header("x-file-name"))),
  }),
  defineRoute({
    method: "get",
    path: "/api/reference-incidents/imports/:id",
    summary: "A reference-case import's status and report",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    resource: "reference_import",
    params: idParams,
    response: referenceImportView,
    handler: ({ deps, actor, params }) => readReferenceImport(importDepsOf(deps), actor.orgId, params.id),
  }),
  defineRoute({
    method: "post",
    path: "/api/reference-incidents/imports/:id/read",
    responses: UNREADABLE,
    summary: "Read the uploaded register again another way (encoding, sheet, header rows, rows to skip, records path)",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    resource: "reference_import",
    params: idParams,
    body: readOptions,
    response: referenceImportView,
    handler: ({ deps, actor, params, body }) => rereadReferenceImport(importDepsOf(deps), actor.orgId, params.id, body),
  }),
  defineRoute({
    method: "post",
    path: "/api/reference-incidents/imports/:id/preview",
    responses: UNREADABLE,
    summary: "Read every row as a case of the named source: the rows left out and why, how many cases it replaces, a sample; nothing is imported",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    resource: "reference_import",
    params: idParams,
    body: referenceImportBody,
    response: referencePreviewView,
    handler: ({ deps, actor, params, body }) => previewReferenceImport(importDepsOf(deps), actor.orgId, params.id, body),
  }),
  defineRoute({
    method: "post",
    path: "/api/reference-incidents/imports/:id/commit",
    responses: COMMIT_REFUSED,
    summary: "Import the register as this organisation's reference cases of the named source, replacing that source's earlier cases and no other's, in one transaction (rows with a problem are left out and listed)",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    resource: "reference_import",
    params: idParams,
    body: referenceCommitBody,
    response: referenceImportView,
    handler: ({ deps, actor, params, body, requestId }) => commitReferenceImport(importDepsOf(deps), changeContextOf(actor, requestId), params.id, body),
  }),
  defineRoute({
    method: "get",
    path: "/api/reference-incidents/imports/:id/problems",
    files: PROBLEMS_FILES,
    summary: "Every row the reference-case import's last check left out, and why, as CSV or XLSX in the person's language",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    resource: "reference_import",
    params: idParams,
    query: problemsQuery,
    handler: ({ deps, actor, params, query, locale }) => downloadProblems(importDepsOf(deps), actor.orgId, params.id, query.format, query.lang ?? locale, "reference"),
  }),
  defineRoute({
    method: "delete",
    path: "/api/reference-incidents/sources/:id",
    summary: "Remove one of this organisation's own reference sources and its cases (a source shared by the installation cannot be removed here)",
    tag: "incidents",
    access: { permission: "incidents.manage" },
    resource: "reference_source",
    params: sourceParams,
    status: 204,
    handler: async ({ deps, actor, params, requestId }) => {
      await deleteOwnSource(importDepsOf(deps), changeContextOf(actor, requestId), params.id);
      return null;
    },
  }),
];
