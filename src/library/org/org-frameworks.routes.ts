import { z } from "zod";
import { changeContextOf } from "../../audit/audited.ts";
import { fileNameOf } from "../../compliance/evidence.routes.ts";
import { defineRoute } from "../../platform/http/route.ts";
import { orgFrameworkTemplate } from "./org-frameworks.xlsx.ts";
import { SOURCE_FORMATS } from "./org-frameworks.parse.ts";
import { addOrgFramework, listOrgFrameworks, removeOrgFramework } from "./org-frameworks.service.ts";

const view = z.object({
  framework: z.string(),
  version: z.string(),
  previousVersion: z.string().nullable(),
  name: z.object({ ja: z.string().nullable(), en: z.string().nullable() }),
  kind: z.string(),
  nodes: z.number().int(),
  requirements: z.number().int(),
  rules: z.number().int(),
  crosswalkEdges: z.number().int(),
  sourceFormat: z.enum(SOURCE_FORMATS),
  sha256: z.string(),
  createdAt: z.string(),
});

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const versionParams = z.strictObject({ framework: z.string().regex(/^org-[a-z0-9-]+$/), version: z.string().regex(/^[A-Za-z0-9._-]+$/) });

/** Frameworks an organisation writes itself: visible only to it, and used like the shipped library. */
export const orgFrameworkRoutes = [
  defineRoute({
    method: "get",
    path: "/api/library/own",
    summary: "The organisation's own frameworks (every version), which only it sees and which its assessments, controls, crosswalks and applicability use like the shipped library",
    tag: "library",
    access: { permission: "library.read" },
    response: z.array(view),
    handler: ({ deps, actor }) => listOrgFrameworks(deps.db.kysely, actor.orgId),
  }),
  defineRoute({
    method: "get",
    path: "/api/library/own/template.xlsx",
    summary: "The Excel template for writing a framework: its facts, its requirements as a tree, when it applies (in the rule language of the shipped rules) and how it maps to other frameworks",
    tag: "library",
    access: { permission: "library.read" },
    files: [XLSX],
    handler: async () =>
      new Response(new Uint8Array(await orgFrameworkTemplate()), {
        headers: { "content-type": XLSX, "content-disposition": 'attachment; filename="musubi-framework-template.xlsx"' },
      }),
  }),
  defineRoute({
    method: "post",
    path: "/api/library/own",
    summary: "Add a framework (or a new version of one) from the Excel template, a library JSON/YAML file or bundle, or an OSCAL catalog or resolved profile; checked like the shipped library; the file name goes in X-File-Name",
    responses: { 422: { description: "import_unreadable: an Excel file that cannot be opened or lacks the template's sheets" } },
    tag: "library",
    access: { permission: "library.manage" },
    upload: true,
    status: 201,
    response: view,
    handler: ({ deps, actor, body, c, requestId, locale }) => addOrgFramework(deps.db, deps.library.base ?? deps.library, changeContextOf(actor, requestId), actor.userId, body as unknown as Uint8Array, fileNameOf(c.req.header("x-file-name") ?? "framework").slice(0, 200), locale),
  }),
  defineRoute({
    method: "delete",
    path: "/api/library/own/:framework/:version",
    summary: "Remove a version added by mistake; refused while an assessment, a control or another of the organisation's files uses it",
    tag: "library",
    access: { permission: "library.manage" },
    params: versionParams,
    status: 204,
    handler: ({ deps, actor, params, requestId }) => removeOrgFramework(deps.db, deps.library.base ?? deps.library, changeContextOf(actor, requestId), params.framework, params.version),
  }),
];
