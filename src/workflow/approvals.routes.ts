import { z } from "zod";
import { changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { todayIn } from "../platform/time.ts";
import { idParams } from "../users/users.schema.ts";
import { approvalView, createDelegationBody, decideBody, delegationView } from "./approvals.schema.ts";
import { decideApproval, readApproval } from "./approvals.service.ts";
import { createDelegation, deleteDelegation, listDelegations } from "./delegations.service.ts";

export const approvalRoutes = [
  defineRoute({
    method: "get",
    path: "/api/approvals/:id",
    summary: "One approval (稟議) with every step: approver, due date, escalation, decision and comment",
    tag: "workflow",
    access: { permission: "tasks.read" },
    resource: "approval",
    params: idParams,
    response: approvalView,
    handler: ({ deps, actor, params }) => readApproval(deps.db.kysely, actor.orgId, params.id),
  }),
  defineRoute({
    method: "post",
    path: "/api/approvals/:id/decide",
    summary: "Approve or reject my waiting step (as approver, delegate or escalation); recorded in the ledger",
    tag: "workflow",
    access: { permission: "approvals.decide" },
    resource: "approval",
    params: idParams,
    body: decideBody,
    response: approvalView,
    handler: ({ deps, actor, params, body, requestId }) => decideApproval(deps.db, actor, changeContextOf(actor, requestId), params.id, body, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "get",
    path: "/api/delegations",
    summary: "Delegations (代理) I gave or received; administrators see everyone's",
    tag: "workflow",
    access: { permission: "tasks.read" },
    response: z.array(delegationView),
    handler: ({ deps, actor }) => listDelegations(deps.db.kysely, actor.orgId, actor.role === "admin" ? {} : { userId: actor.userId }),
  }),
  defineRoute({
    method: "post",
    path: "/api/delegations",
    summary: "Let a delegate decide my approval steps between two dates (an administrator may do this for anyone)",
    tag: "workflow",
    access: { permission: "approvals.decide" },
    body: createDelegationBody,
    response: delegationView,
    status: 201,
    handler: ({ deps, actor, body, requestId }) => createDelegation(deps.db, actor, changeContextOf(actor, requestId), body),
  }),
  defineRoute({
    method: "delete",
    path: "/api/delegations/:id",
    summary: "End a delegation now",
    tag: "workflow",
    access: { permission: "approvals.decide" },
    resource: "delegation",
    params: idParams,
    status: 204,
    handler: ({ deps, actor, params, requestId }) => deleteDelegation(deps.db, actor, changeContextOf(actor, requestId), params.id),
  }),
];
