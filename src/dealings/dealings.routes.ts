import { z } from "zod";
import { changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
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
];
