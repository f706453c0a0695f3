import { contentDisposition } from "../platform/http/download.ts";
import { z } from "zod";
import { audited, changeContextOf } from "../audit/audited.ts";
import { AppError } from "../platform/errors.ts";
import { defineRoute } from "../platform/http/route.ts";
import { todayIn } from "../platform/time.ts";
import { idParams } from "../users/users.schema.ts";
import { createEvidenceBody, evidencePage, evidenceView, linkTarget, listEvidenceQuery, updateEvidenceBody, uploadedFile } from "./evidence.schema.ts";
import { createEvidence, deleteEvidence, linkEvidence, listEvidence, readEvidence, updateEvidence } from "./evidence.service.ts";
import { findOrgFile, readStoredFile, recordOrgFile, storeFile } from "./files.store.ts";
import { fieldText } from "../platform/http/field-messages.ts";

/** `x-file-name` is URI-encoded so Japanese names survive HTTP headers. */
export function fileNameOf(header: string | undefined): string {
  let name = "upload";
  try {
    name = decodeURIComponent(header ?? "upload");
  } catch {
    throw new AppError(400, "validation_failed", [{ field: "headers.x-file-name", message: fieldText("file_name_encoding") }]);
  }
  name = name.replace(/[\u0000-\u001f/\\]/g, "_").trim().slice(0, 255);
  return name || "upload";
}


const linkParams = z.strictObject({ id: z.string().min(1).max(64), type: z.enum(["control", "item"]), targetId: z.string().min(1).max(64) });

export const evidenceRoutes = [
  defineRoute({
    method: "post",
    path: "/api/files",
    summary: "Upload a file (raw body, header x-file-name); stored content-addressed by SHA-256",
    tag: "evidence",
    access: { permission: "evidence.manage" },
    upload: true,
    response: uploadedFile,
    status: 201,
    handler: async ({ deps, actor, body, c, requestId }) => {
      const bytes = body as unknown as Uint8Array;
      if (bytes.byteLength === 0) throw new AppError(400, "validation_failed", [{ field: "body", message: fieldText("file_empty") }]);
      const name = fileNameOf(c.req.header("x-file-name"));
      const mediaType = (c.req.header("content-type") ?? "application/octet-stream").split(";")[0]!.trim().slice(0, 200) || "application/octet-stream";
      const stored = storeFile(deps.config.dataDir, bytes);
      await audited(deps.db, changeContextOf(actor, requestId), async (trx, record) => {
        await recordOrgFile(trx, actor.orgId, stored);
        record({ action: "file.stored", entityType: "file", entityId: stored.sha256, after: { sha256: stored.sha256, size: stored.size, name, mediaType } });
      });
      return { ...stored, name, mediaType };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/evidence",
    summary: "Evidence: files, links and notes with their validity",
    tag: "evidence",
    cache: "ledger-daily",
    access: { permission: "evidence.read" },
    query: listEvidenceQuery,
    response: evidencePage,
    handler: ({ deps, actor, query }) => listEvidence(deps.db.kysely, actor.orgId, query, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "post",
    path: "/api/evidence",
    summary: "Record evidence (a file uploaded to /api/files, a link or a note) and link it to controls or assessment rows",
    tag: "evidence",
    access: { permission: "evidence.manage" },
    body: createEvidenceBody,
    response: evidenceView,
    status: 201,
    handler: async ({ deps, actor, body, requestId }) => {
      const id = await createEvidence(deps.db, changeContextOf(actor, requestId), body, actor.userId);
      return readEvidence(deps.db.kysely, actor.orgId, id, todayIn(actor.timeZone));
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/evidence/:id",
    summary: "One piece of evidence",
    tag: "evidence",
    cache: "ledger-daily",
    access: { permission: "evidence.read" },
    resource: "evidence",
    params: idParams,
    response: evidenceView,
    handler: ({ deps, actor, params }) => readEvidence(deps.db.kysely, actor.orgId, params.id, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "get",
    path: "/api/evidence/:id/file",
    summary: "Download an evidence file: always as application/octet-stream with its name, never as the media type recorded at upload, so a browser saves it rather than renders it",
    tag: "evidence",
    access: { permission: "evidence.read" },
    resource: "evidence",
    params: idParams,
    files: ["application/octet-stream"],
    handler: async ({ deps, actor, params }) => {
      const e = await readEvidence(deps.db.kysely, actor.orgId, params.id, todayIn(actor.timeZone));
      // Only bytes the organisation itself uploaded are ever served to it.
      if (!e.file || !(await findOrgFile(deps.db.kysely, actor.orgId, e.file.sha256))) throw new AppError(404, "not_found");
      const bytes = readStoredFile(deps.config.dataDir, e.file.sha256);
      return new Response(new Uint8Array(bytes), {
        headers: { "content-type": "application/octet-stream", "content-disposition": contentDisposition(e.file.name), "x-content-sha256": e.file.sha256, "cache-control": "no-store" },
      });
    },
  }),
  defineRoute({
    method: "patch",
    path: "/api/evidence/:id",
    summary: "Change an evidence record's title, note, link or validity",
    tag: "evidence",
    access: { permission: "evidence.manage" },
    resource: "evidence",
    params: idParams,
    body: updateEvidenceBody,
    response: evidenceView,
    handler: async ({ deps, actor, params, body, requestId }) => {
      await updateEvidence(deps.db, changeContextOf(actor, requestId), actor, params.id, body);
      return readEvidence(deps.db.kysely, actor.orgId, params.id, todayIn(actor.timeZone));
    },
  }),
  defineRoute({
    method: "delete",
    path: "/api/evidence/:id",
    summary: "Delete an evidence record and its links",
    tag: "evidence",
    access: { permission: "evidence.manage" },
    resource: "evidence",
    params: idParams,
    status: 204,
    handler: ({ deps, actor, params, requestId }) => deleteEvidence(deps.db, changeContextOf(actor, requestId), actor, params.id),
  }),
  defineRoute({
    method: "post",
    path: "/api/evidence/:id/links",
    summary: "Link evidence to a control or an assessment row",
    tag: "evidence",
    access: { permission: "evidence.manage" },
    resource: "evidence",
    params: idParams,
    body: linkTarget,
    response: evidenceView,
    handler: async ({ deps, actor, params, body, requestId }) => {
      await linkEvidence(deps.db, changeContextOf(actor, requestId), actor, params.id, body, true);
      return readEvidence(deps.db.kysely, actor.orgId, params.id, todayIn(actor.timeZone));
    },
  }),
  defineRoute({
    method: "delete",
    path: "/api/evidence/:id/links/:type/:targetId",
    summary: "Unlink evidence from a control or an assessment row",
    tag: "evidence",
    access: { permission: "evidence.manage" },
    resource: "evidence",
    params: linkParams,
    status: 204,
    handler: ({ deps, actor, params, requestId }) => linkEvidence(deps.db, changeContextOf(actor, requestId), actor, params.id, { type: params.type, id: params.targetId }, false),
  }),
];
