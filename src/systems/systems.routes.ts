import { z } from "zod";
import { assessProfile } from "../applicability/applicability.service.ts";
import { applicabilityReportView } from "../applicability/applicability.views.ts";
import { changeContextOf } from "../audit/audited.ts";
import { auditPageView, presentAuditPage } from "../audit/audit.routes.ts";
import { listAudit } from "../audit/audit.store.ts";
import { defineRoute } from "../platform/http/route.ts";
import { todayIn } from "../platform/time.ts";
import { idParams } from "../users/users.schema.ts";
import { BOM_MEDIA_TYPE, bomDownload, readSystemBom } from "./io/cyclonedx.export.ts";
import { createSystemBody, listSystemsQuery, systemPage, systemView, updateSystemBody } from "./systems.schema.ts";
import { createSystem, deleteSystem, readSystem, updateSystem } from "./systems.service.ts";
import { listSystems } from "./systems.store.ts";

const historyQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

const asOfQuery = z.strictObject({ asOf: z.iso.date().optional() });

/** The 422 of a write whose profile the library's questions refuse (`classifyProfile`). */
const invalidProfile = {
  description: "invalid_profile: a profile answer is not one the questions allow (unknown question or option, wrong type, bad date, too long) or answers contradict each other; details name each field (profile.<question>)",
};

export const aiSystemRoutes = [
  defineRoute({
    method: "get",
    path: "/api/systems",
    summary: "The AI-system inventory: filter, sort and search (JA/EN), paged",
    tag: "systems",
    cache: "ledger-daily",
    access: { permission: "systems.read" },
    query: listSystemsQuery,
    response: systemPage,
    handler: ({ deps, actor, query }) => listSystems(deps.db.kysely, actor.orgId, query, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "post",
    path: "/api/systems",
    summary: "Register an AI system; its profile is checked and classified",
    tag: "systems",
    access: { permission: "systems.edit" },
    body: createSystemBody,
    response: systemView,
    status: 201,
    responses: { 422: invalidProfile },
    handler: ({ deps, actor, body, locale, requestId }) => {
      // A system owner registering a system becomes its business owner unless they name one.
      const input = actor.role === "system_owner" && body.businessOwnerId === null ? { ...body, businessOwnerId: actor.userId } : body;
      return createSystem({ db: deps.db, library: deps.library, locale, asOf: todayIn(actor.timeZone) }, changeContextOf(actor, requestId), input);
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/systems/:id",
    summary: "One AI system with its profile, models, datasets, components and classification",
    tag: "systems",
    cache: "ledger",
    access: { permission: "systems.read" },
    resource: "system",
    params: idParams,
    response: systemView,
    handler: ({ deps, actor, params }) => readSystem(deps.db, actor.orgId, params.id),
  }),
  defineRoute({
    method: "patch",
    path: "/api/systems/:id",
    summary: "Change a system (optimistic concurrency: a stale version answers 409 with the current record)",
    tag: "systems",
    access: { permission: "systems.edit" },
    resource: "system",
    params: idParams,
    body: updateSystemBody,
    response: systemView,
    responses: { 422: invalidProfile },
    handler: ({ deps, actor, params, body, locale, requestId }) =>
      updateSystem({ db: deps.db, library: deps.library, locale, asOf: todayIn(actor.timeZone) }, changeContextOf(actor, requestId), actor, params.id, body),
  }),
  defineRoute({
    method: "delete",
    path: "/api/systems/:id",
    summary: "Delete a system and its assessments (the ledger keeps its history)",
    tag: "systems",
    access: { permission: "systems.manage" },
    resource: "system",
    params: idParams,
    status: 204,
    handler: ({ deps, actor, params, requestId }) => deleteSystem(deps.db, changeContextOf(actor, requestId), params.id),
  }),
  defineRoute({
    method: "get",
    path: "/api/systems/:id/history",
    summary: "Every recorded change to the system, newest first, from the audit ledger",
    tag: "systems",
    cache: "ledger",
    access: { permission: "systems.read" },
    resource: "system",
    params: idParams,
    query: historyQuery,
    response: auditPageView,
    handler: async ({ deps, actor, params, query }) => {
      await readSystem(deps.db, actor.orgId, params.id);
      const found = await listAudit(deps.db.kysely, actor.orgId, { entityType: "system", entityId: params.id }, { ...query, order: "desc" });
      return presentAuditPage(deps.db.kysely, actor.orgId, found, query);
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/systems/:id/bom",
    summary: "The system's models, datasets and third-party components as a CycloneDX 1.6 ML-BOM: a download, application/vnd.cyclonedx+json",
    tag: "systems",
    access: { permission: "systems.read" },
    resource: "system",
    params: idParams,
    files: [BOM_MEDIA_TYPE.split(";")[0]!],
    handler: async ({ deps, actor, params }) => bomDownload(await readSystemBom(deps.db.kysely, actor.orgId, params.id)),
  }),
  defineRoute({
    method: "get",
    path: "/api/systems/:id/applicability",
    summary: "What applies to the system as its stored profile stands, with the reasons",
    tag: "systems",
    cache: "ledger-daily",
    access: { permission: "systems.read" },
    resource: "system",
    params: idParams,
    query: asOfQuery,
    response: applicabilityReportView,
    responses: {
      422: { description: "invalid_profile: the stored profile no longer passes the library's questions (a library update removed a question or option it answers); details name each field (facts.<question>)" },
    },
    handler: async ({ deps, actor, params, query, locale }) => {
      const system = await readSystem(deps.db, actor.orgId, params.id);
      return assessProfile(deps.library, system.profile, query.asOf ?? todayIn(actor.timeZone), locale);
    },
  }),
];
