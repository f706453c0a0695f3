import { z } from "zod";
import { changeContextOf } from "../audit/audited.ts";
import { decideRegistration } from "../exchange/connections.service.ts";
import { connectionView, connectionViewOf, listConnections } from "../exchange/connections.store.ts";
import { envOf } from "../exchange/exchange.routes.ts";
import { defineRoute } from "../platform/http/route.ts";
import { intakeDetail, intakePage, intakeQuery, listIntake, readIntake } from "./intake.store.ts";

const idParams = z.strictObject({ id: z.string().min(1).max(100) });

export const oversightRoutes = [
  defineRoute({
    method: "get",
    path: "/api/oversight/registrations",
    summary: "Organisations registered with this authority, or asking to be, newest first",
    tag: "Oversight",
    access: { permission: "oversight.read" },
    response: z.array(connectionView),
    handler: async ({ deps, actor }) => (await listConnections(deps.db.kysely, actor.orgId, "member")).map(connectionViewOf),
  }),
  defineRoute({
    method: "post",
    path: "/api/oversight/registrations/:id/decision",
    summary: "Approve or refuse an organisation's registration; the organisation is told, signed",
    tag: "Oversight",
    access: { permission: "oversight.approve" },
    resource: "exchange_connection",
    params: idParams,
    body: z.strictObject({ decision: z.enum(["approved", "refused"]), note: z.string().max(2000).nullable().default(null) }),
    response: connectionView,
    handler: ({ deps, actor, params, body, requestId }) => decideRegistration(envOf(deps), changeContextOf(actor, requestId), params.id, body.decision, body.note),
  }),
  defineRoute({
    method: "get",
    path: "/api/oversight/intake",
    summary: "The intake queue: what organisations (and the public) sent this authority, newest first, with possible duplicates and the closest public case",
    tag: "Oversight",
    access: { permission: "oversight.read" },
    query: intakeQuery,
    response: intakePage,
    handler: ({ deps, actor, query }) => listIntake(deps.db.kysely, actor.orgId, query),
  }),
  defineRoute({
    method: "get",
    path: "/api/oversight/intake/:id",
    summary: "One submission: its document with the parts marked confidential, its versions, and the signed message that carried it",
    tag: "Oversight",
    access: { permission: "oversight.read" },
    resource: "oversight_intake",
    params: idParams,
    response: intakeDetail,
    handler: ({ deps, actor, params }) => readIntake(deps.db.kysely, actor.orgId, params.id),
  }),
];
