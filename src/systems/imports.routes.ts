import { z } from "zod";
import { changeContextOf } from "../audit/audited.ts";
import { fileNameOf } from "../compliance/evidence.routes.ts";
import { AppError } from "../platform/errors.ts";
import { defineRoute } from "../platform/http/route.ts";
import { todayIn } from "../platform/time.ts";
import { idParams } from "../users/users.schema.ts";
import { columnValuesBody, columnValuesView, commitBody, importOptions, importView, previewView, problemsQuery, readOptions, COMMIT_REFUSED, PROBLEMS_FILES, UNREADABLE } from "./imports.schema.ts";
import { commitImport, downloadProblems, importColumnValues, importDepsOf, previewImport, readImport, rereadImport, uploadImport } from "./imports.service.ts";
import { parseBomOffThread } from "./io/upload.offthread.ts";
import { exportQuery } from "./io/export.query.ts";
import { EXPORT_MEDIA_TYPES, exportInventory } from "./io/export.service.ts";
import { inventoryExportView } from "./io/export.views.ts";
import { systemView } from "./systems.schema.ts";
import { deletePreset, listPresets, presetBody, presetView, savePreset } from "./imports.presets.ts";
import { readSystem, updateSystem } from "./systems.service.ts";
import { fieldText } from "../platform/http/field-messages.ts";


const bomBody = z.strictObject({
  bom: z.record(z.string(), z.unknown()),
  /** With `commit` and the system's `version`, the models and datasets are added to the system. */
  commit: z.boolean().default(false),
  version: z.number().int().min(1).optional(),
});

const bomView = z.object({ format: z.enum(["cyclonedx", "spdx"]), specVersion: z.string(), models: z.array(z.unknown()), datasets: z.array(z.unknown()), warnings: z.array(z.unknown()), system: systemView.optional() });

export const importRoutes = [
  defineRoute({
    method: "post",
    path: "/api/imports",
    responses: UNREADABLE,
    summary: "Upload an inventory file (CSV in UTF-8 or Shift_JIS, or .xlsx; raw body, header x-file-name) and get its columns and a suggested mapping",
    tag: "imports",
    access: { permission: "systems.import" },
    upload: true,
    response: importView,
    status: 201,
    handler: ({ deps, actor, body, c, requestId }) =>
      uploadImport(importDepsOf(deps), changeContextOf(actor, requestId), body as unknown as Uint8Array, fileNameOf(c.req.header("x-file-name"))),
  }),
  defineRoute({
    method: "get",
    path: "/api/imports/:id",
    summary: "An import's status and progress",
    tag: "imports",
    access: { permission: "systems.import" },
    resource: "import",
    params: idParams,
    response: importView,
    handler: ({ deps, actor, params }) => readImport(importDepsOf(deps), actor.orgId, params.id),
  }),
  defineRoute({
    method: "post",
    path: "/api/imports/:id/read",
    responses: UNREADABLE,
    summary: "Read the uploaded file again with another encoding, sheet or header row: its columns, a sample and a suggested mapping",
    tag: "imports",
    access: { permission: "systems.import" },
    resource: "import",
    params: idParams,
    body: readOptions,
    response: importView,
    handler: ({ deps, actor, params, body }) => rereadImport(importDepsOf(deps), actor.orgId, params.id, body),
  }),
  defineRoute({
    method: "post",
    path: "/api/imports/:id/preview",
    responses: UNREADABLE,
    summary: "Validate every row with a column mapping: counts, the row-level report and a sample",
    tag: "imports",
    access: { permission: "systems.import" },
    resource: "import",
    params: idParams,
    body: importOptions,
    response: previewView,
    handler: ({ deps, actor, params, body }) => previewImport(importDepsOf(deps), actor.orgId, params.id, body),
  }),
  defineRoute({
    method: "post",
    path: "/api/imports/:id/commit",
    responses: COMMIT_REFUSED,
    summary: "Import all rows or none (422 import_has_errors) unless skipInvalid; runs in the background, poll GET /api/imports/:id",
    tag: "imports",
    access: { permission: "systems.import" },
    resource: "import",
    params: idParams,
    body: commitBody,
    response: importView,
    status: 202,
    handler: async ({ deps, actor, params, body, requestId, c }) => {
      const { job } = await commitImport(importDepsOf(deps), changeContextOf(actor, requestId), params.id, body);
      return c.json(job, 202);
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/imports/:id/values",
    responses: UNREADABLE,
    summary: "The distinct values of one column (list fields item by item), how many rows hold each, and what Musubi reads each as, to confirm or translate in the mapping",
    tag: "imports",
    access: { permission: "systems.import" },
    resource: "import",
    params: idParams,
    body: columnValuesBody,
    response: columnValuesView,
    handler: ({ deps, actor, params, body }) => importColumnValues(importDepsOf(deps), actor.orgId, params.id, body),
  }),
  defineRoute({
    method: "get",
    path: "/api/imports/:id/problems",
    files: PROBLEMS_FILES,
    summary: "Every problem the import's last validation found (errors and warnings, each naming row, column and field), as CSV (UTF-8 with BOM) or Excel in the person's language; 404 when there were none",
    tag: "imports",
    access: { permission: "systems.import" },
    resource: "import",
    params: idParams,
    query: problemsQuery,
    handler: ({ deps, actor, params, query, locale }) => downloadProblems(importDepsOf(deps), actor.orgId, params.id, query.format, query.lang ?? locale),
  }),
  defineRoute({
    method: "get",
    path: "/api/import-presets",
    summary: "The organisation's saved import settings (mapping with value translations and split rules, rows to leave out, upsert key), by name",
    tag: "imports",
    access: { permission: "systems.import" },
    response: z.array(presetView),
    handler: ({ deps, actor }) => listPresets(deps.db, actor.orgId),
  }),
  defineRoute({
    method: "post",
    path: "/api/import-presets",
    summary: "Save import settings under a name (a preset of that name is replaced)",
    tag: "imports",
    access: { permission: "systems.import" },
    body: presetBody,
    response: presetView,
    status: 201,
    handler: ({ deps, actor, body, requestId }) => savePreset(deps.db, changeContextOf(actor, requestId), body),
  }),
  defineRoute({
    method: "delete",
    path: "/api/import-presets/:id",
    summary: "Delete a saved import preset",
    tag: "imports",
    access: { permission: "systems.import" },
    resource: "import_preset",
    params: idParams,
    status: 204,
    handler: ({ deps, actor, params, requestId }) => deletePreset(deps.db, changeContextOf(actor, requestId), params.id),
  }),
  defineRoute({
    method: "get",
    path: "/api/systems/export",
    summary: "The inventory (same filters as the list) as CSV (UTF-8 with BOM), Excel or JSON: for people in their language (default), or for re-import without loss (audience=machine)",
    tag: "systems",
    access: { permission: "systems.read" },
    query: exportQuery,
    files: EXPORT_MEDIA_TYPES,
    response: inventoryExportView,
    handler: ({ deps, actor, query, locale }) => exportInventory(deps, actor.orgId, query, locale),
  }),
  defineRoute({
    method: "post",
    path: "/api/systems/:id/cyclonedx",
    summary: "Read models and datasets from a CycloneDX 1.6/1.7 ML-BOM (validated against the official schema) or an SPDX 3.0 AI/dataset BOM (JSON-LD); with commit, add them to the system",
    tag: "systems",
    access: { permission: "systems.edit" },
    resource: "system",
    params: idParams,
    body: bomBody,
    response: bomView,
    responses: {
      422: { description: "import_invalid_bom: the file is neither a CycloneDX 1.6/1.7 BOM that passes the official schema nor an SPDX 3.0 document with AI or dataset packages; details.message says why in both languages" },
    },
    handler: async ({ deps, actor, params, body, locale, requestId }) => {
      const current = await readSystem(deps.db, actor.orgId, params.id);
      const parsed = await parseBomOffThread(body.bom, deps.config.importLimits);
      if (!body.commit) return parsed;
      if (body.version === undefined) throw new AppError(400, "validation_failed", [{ field: "body.version", message: fieldText("version_needed") }]);
      const known = new Set(current.models.map((m) => m.bomRef ?? `${m.name}@${m.version ?? ""}`));
      const models = [...current.models, ...parsed.models.filter((m) => !known.has(m.bomRef ?? `${m.name}@${m.version ?? ""}`))];
      const names = new Set(current.datasets.map((d) => d.name));
      const datasets = [...current.datasets, ...parsed.datasets.filter((d) => !names.has(d.name))];
      const system = await updateSystem({ db: deps.db, library: deps.library, locale, asOf: todayIn(actor.timeZone) }, changeContextOf(actor, requestId), actor, params.id, { version: body.version, models, datasets });
      return { ...parsed, system };
    },
  }),
];
