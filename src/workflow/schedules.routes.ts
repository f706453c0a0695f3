import { z } from "zod";
import { changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { idParams } from "../users/users.schema.ts";
import { createScheduleBody, runResult, scheduleView, updateScheduleBody } from "./schedules.schema.ts";
import { createSchedule, deleteSchedule, listSchedules, readSchedule, runSchedule, updateSchedule } from "./schedules.service.ts";

export const scheduleRoutes = [
  defineRoute({
    method: "get",
    path: "/api/review-schedules",
    summary: "Recurring review schedules, each with the period today falls in",
    tag: "workflow",
    access: { permission: "tasks.read" },
    response: z.array(scheduleView),
    handler: ({ deps, actor }) => listSchedules(deps.db.kysely, actor.orgId),
  }),
  defineRoute({
    method: "post",
    path: "/api/review-schedules",
    summary: "Schedule recurring reviews of every system or risk: per fiscal year (年度) or every N months",
    tag: "workflow",
    access: { permission: "schedules.manage" },
    body: createScheduleBody,
    response: scheduleView,
    status: 201,
    handler: ({ deps, actor, body, requestId }) => createSchedule(deps.db, changeContextOf(actor, requestId), body),
  }),
  defineRoute({
    method: "get",
    path: "/api/review-schedules/:id",
    summary: "One review schedule",
    tag: "workflow",
    access: { permission: "tasks.read" },
    resource: "schedule",
    params: idParams,
    response: scheduleView,
    handler: ({ deps, actor, params }) => readSchedule(deps.db.kysely, actor.orgId, params.id),
  }),
  defineRoute({
    method: "patch",
    path: "/api/review-schedules/:id",
    summary: "Rename, reassign, re-plan approvals, pause or resume a schedule",
    tag: "workflow",
    access: { permission: "schedules.manage" },
    resource: "schedule",
    params: idParams,
    body: updateScheduleBody,
    response: scheduleView,
    handler: ({ deps, actor, params, body, requestId }) => updateSchedule(deps.db, changeContextOf(actor, requestId), params.id, body),
  }),
  defineRoute({
    method: "delete",
    path: "/api/review-schedules/:id",
    summary: "Delete a schedule (tasks it created stay)",
    tag: "workflow",
    access: { permission: "schedules.manage" },
    resource: "schedule",
    params: idParams,
    status: 204,
    handler: ({ deps, actor, params, requestId }) => deleteSchedule(deps.db, changeContextOf(actor, requestId), params.id),
  }),
  defineRoute({
    method: "post",
    path: "/api/review-schedules/:id/run",
    summary: "Create the current period's review tasks now (the server also does this daily); safe to repeat",
    tag: "workflow",
    access: { permission: "schedules.manage" },
    resource: "schedule",
    params: idParams,
    response: runResult,
    handler: ({ deps, actor, params, requestId }) => runSchedule(deps.db, actor.orgId, params.id, undefined, changeContextOf(actor, requestId)),
  }),
];
