import { z } from "zod";
import { changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { acceptLibraryUpdate, libraryUpdatePreview, previewLibraryUpdate } from "./library-update.ts";
import { respondBody, respondToNotice } from "./dealings.service.ts";
import { answerBody, answerRequest, dealingDetail, dealingsQuery, dealingView, listDealings, readDealing } from "./dealings.service.ts";

const idParams = z.strictObject({ id: z.string().min(1).max(100) });

/** The organisation's register of dealings with government (行政対応台帳). */
export const dealingsRoutes = [
  defineRoute({
    method: "get",
    path: "/api/dealings",
    summary: "The register of dealings with government: requests for information, advisories and notices received from authorities, newest first",
    tag: "Exchange",
    access: { permission: "exchange.read" },
    query: dealingsQuery,
    response: z.array(dealingView),
    handler: ({ deps, actor, query }) => listDealings(deps.db.kysely, actor.orgId, query),
  }),
  defineRoute({
    method: "get",
    path: "/api/dealings/:id",
    summary: "One entry of the register: what the authority sent, and the answer with its receipt",
    tag: "Exchange",
    access: { permission: "exchange.read" },
    resource: "dealing",
    params: idParams,
    response: dealingDetail,
    handler: ({ deps, actor, params }) => readDealing(deps.db.kysely, actor.orgId, params.id),
  }),
  defineRoute({
    method: "post",
    path: "/api/dealings/:id/answer",
    summary: "Answer a request for information: the answers go back signed, with the parts marked confidential; the task is done",
    tag: "Exchange",
    access: { permission: "exchange.submit" },
    resource: "dealing",
    params: idParams,
    body: answerBody,
    response: dealingDetail,
    handler: ({ deps, actor, params, body, requestId }) => answerRequest(deps.db, changeContextOf(actor, requestId), actor.userId, params.id, body),
  }),
  defineRoute({
    method: "get",
    path: "/api/dealings/:id/library-update",
    summary: "What installing an advisory's library update would do: its diff against the installed version and the systems whose applicable requirements change (null for an entry without one)",
    tag: "Exchange",
    access: { permission: "exchange.read" },
    resource: "dealing",
    params: idParams,
    response: libraryUpdatePreview.nullable(),
    handler: ({ deps, actor, params, locale }) => previewLibraryUpdate(deps.db, deps.library, actor.orgId, actor.timeZone, params.id, locale),
  }),
  defineRoute({
    method: "post",
    path: "/api/dealings/:id/accept",
    summary: "Install an advisory's library update as one of the organisation's frameworks; each affected system's owner gets a review task",
    tag: "Exchange",
    access: { permission: "library.manage" },
    resource: "dealing",
    params: idParams,
    body: z.strictObject({ version: z.number().int().min(1) }),
    response: libraryUpdatePreview,
    handler: ({ deps, actor, params, body, requestId, locale }) => acceptLibraryUpdate(deps.db, deps.library, changeContextOf(actor, requestId), actor.userId, actor.timeZone, params.id, body.version, locale),
  }),
  defineRoute({
    method: "post",
    path: "/api/dealings/:id/respond",
    summary: "Respond to an authority's notice of a planned publication naming the organisation: sent back signed, attached to the publication",
    tag: "Exchange",
    access: { permission: "exchange.submit" },
    resource: "dealing",
    params: idParams,
    body: respondBody,
    response: dealingDetail,
    handler: ({ deps, actor, params, body, requestId }) => respondToNotice(deps.db, changeContextOf(actor, requestId), actor.userId, params.id, body),
  }),
];
