import { z } from "zod";
import { changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { todayIn } from "../platform/time.ts";
import { idParams } from "../users/users.schema.ts";
import { QUESTIONS, TOPICS } from "./questionnaire.ts";
import { createVendorBody, listVendorsQuery, reviewVendorBody, updateVendorBody, vendorPage, vendorView } from "./vendors.schema.ts";
import { createVendor, deleteVendor, listVendors, readVendor, reviewVendor, updateVendor } from "./vendors.service.ts";

const text = z.object({ ja: z.string(), en: z.string() });

export const vendorRoutes = [
  defineRoute({
    method: "get",
    path: "/api/vendor-questionnaire",
    summary: "The due-diligence questions, by topic (Musubi's topics and wording)",
    tag: "vendors",
    access: { permission: "vendors.read" },
    response: z.object({ topics: z.record(z.string(), text), questions: z.array(z.object({ id: z.string(), topic: z.string(), critical: z.boolean(), ja: z.string(), en: z.string() })), note: text }),
    handler: async () => ({
      topics: TOPICS,
      questions: [...QUESTIONS],
      note: {
        ja: "トピックと質問文はMusubiによるものです。経済産業省の契約チェックリストの項目や本文はMusubiのライブラリに含まれておらず、その引用や要約ではありません。",
        en: "The topics and the questions are Musubi's own wording. The items and text of METI's contract checklist are not in Musubi's library; this is neither a quotation nor a summary of them.",
      },
    }),
  }),
  defineRoute({
    method: "get",
    path: "/api/vendors",
    summary: "Vendors of third-party AI tools and services, with rating, contract dates and dependent systems",
    tag: "vendors",
    cache: "ledger-daily",
    access: { permission: "vendors.read" },
    query: listVendorsQuery,
    response: vendorPage,
    handler: ({ deps, actor, query }) => listVendors(deps.db.kysely, actor.orgId, query, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "post",
    path: "/api/vendors",
    summary: "Register a vendor (its first review falls due today)",
    tag: "vendors",
    access: { permission: "vendors.manage" },
    body: createVendorBody,
    response: vendorView,
    status: 201,
    handler: ({ deps, actor, body, requestId }) => createVendor(deps.db, changeContextOf(actor, requestId), body, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "get",
    path: "/api/vendors/:id",
    summary: "One vendor with its systems and latest review",
    tag: "vendors",
    cache: "ledger-daily",
    access: { permission: "vendors.read" },
    resource: "vendor",
    params: idParams,
    response: vendorView,
    handler: ({ deps, actor, params }) => readVendor(deps.db.kysely, actor.orgId, params.id, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "patch",
    path: "/api/vendors/:id",
    summary: "Change a vendor: details, contract dates, cadence, dependent systems",
    tag: "vendors",
    access: { permission: "vendors.manage" },
    resource: "vendor",
    params: idParams,
    body: updateVendorBody,
    response: vendorView,
    handler: ({ deps, actor, params, body, requestId }) => updateVendor(deps.db, changeContextOf(actor, requestId), params.id, body, actor.timeZone),
  }),
  defineRoute({
    method: "delete",
    path: "/api/vendors/:id",
    summary: "Delete a vendor and its reviews",
    tag: "vendors",
    access: { permission: "vendors.manage" },
    resource: "vendor",
    params: idParams,
    status: 204,
    handler: ({ deps, actor, params, requestId }) => deleteVendor(deps.db, changeContextOf(actor, requestId), params.id),
  }),
  defineRoute({
    method: "post",
    path: "/api/vendors/:id/reviews",
    summary: "Record a due-diligence review: answers, gaps, suggested and decided rating; recorded in the ledger",
    tag: "vendors",
    access: { permission: "vendors.manage" },
    resource: "vendor",
    params: idParams,
    body: reviewVendorBody,
    response: vendorView,
    status: 201,
    handler: ({ deps, actor, params, body, requestId }) => reviewVendor(deps.db, actor, changeContextOf(actor, requestId), params.id, body, todayIn(actor.timeZone)),
  }),
];
