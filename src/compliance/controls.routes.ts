import { changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { idParams } from "../users/users.schema.ts";
import { controlPage, controlView, createControlBody, listControlsQuery, updateControlBody } from "./controls.schema.ts";
import { createControl, deleteControl, listControls, readControl, updateControl } from "./controls.service.ts";

export const controlRoutes = [
  defineRoute({
    method: "get",
    path: "/api/controls",
    summary: "The organisation's controls (measures), each mapped to requirements in any framework",
    tag: "controls",
    cache: "ledger",
    access: { permission: "controls.read" },
    query: listControlsQuery,
    response: controlPage,
    handler: ({ deps, actor, query }) => listControls(deps.db.kysely, deps.library, actor.orgId, query),
  }),
  defineRoute({
    method: "post",
    path: "/api/controls",
    summary: "Create a control and map it to requirements",
    tag: "controls",
    access: { permission: "controls.manage" },
    body: createControlBody,
    response: controlView,
    status: 201,
    handler: ({ deps, actor, body, requestId }) => createControl(deps.db, deps.library, changeContextOf(actor, requestId), body),
  }),
  defineRoute({
    method: "get",
    path: "/api/controls/:id",
    summary: "One control with its requirements, evidence and the assessment rows it speaks for",
    tag: "controls",
    cache: "ledger",
    access: { permission: "controls.read" },
    resource: "control",
    params: idParams,
    response: controlView,
    handler: ({ deps, actor, params }) => readControl(deps.db.kysely, deps.library, actor.orgId, params.id),
  }),
  defineRoute({
    method: "patch",
    path: "/api/controls/:id",
    summary: "Change a control; a new status or mapping updates every unanswered row it maps to",
    tag: "controls",
    access: { permission: "controls.manage" },
    resource: "control",
    params: idParams,
    body: updateControlBody,
    response: controlView,
    handler: ({ deps, actor, params, body, requestId }) => updateControl(deps.db, deps.library, changeContextOf(actor, requestId), params.id, body),
  }),
  defineRoute({
    method: "delete",
    path: "/api/controls/:id",
    summary: "Delete a control (rows it spoke for fall back to their own answers)",
    tag: "controls",
    access: { permission: "controls.manage" },
    resource: "control",
    params: idParams,
    status: 204,
    handler: ({ deps, actor, params, requestId }) => deleteControl(deps.db, changeContextOf(actor, requestId), params.id),
  }),
];
