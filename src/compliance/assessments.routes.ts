import { z } from "zod";
import { changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { todayIn } from "../platform/time.ts";
import { idParams } from "../users/users.schema.ts";
import { readSystem } from "../systems/systems.service.ts";
import { listItems, presentAssessments, readAssessment, readItem } from "./assessments.read.ts";
import {
  assessmentList,
  assessmentView,
  createAssessmentBody,
  itemPage,
  itemView,
  listAllItemsQuery,
  listItemsQuery,
  signOffBody,
  signOffCheck,
  updateItemBody,
} from "./assessments.schema.ts";
import { acceptInference, acceptInferenceBody, inferenceQuery, inferenceView, previewInference } from "./inference.ts";
import { readSignOffCheck } from "./assessments.segregation.ts";
import { acknowledgeChanges, createAssessment, resyncSystem, signOffAssessment, updateItem } from "./assessments.service.ts";

export const assessmentRoutes = [
  defineRoute({
    method: "get",
    path: "/api/systems/:id/assessments",
    summary: "The system's assessments, one per framework, with their status counts",
    tag: "assessments",
    cache: "ledger",
    access: { permission: "assessments.read" },
    resource: "system",
    params: idParams,
    response: assessmentList,
    handler: async ({ deps, actor, params }) => {
      await readSystem(deps.db, actor.orgId, params.id);
      const rows = await deps.db.kysely.selectFrom("assessments").selectAll().where("org_id", "=", actor.orgId).where("system_id", "=", params.id).orderBy("framework_id").execute();
      return { items: await presentAssessments(deps.db.kysely, deps.library, actor.orgId, rows) };
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/systems/:id/assessments",
    responses: { 422: { description: "not_in_scope: the framework does not apply to the system as its profile stands, so there is nothing to assess" } },
    summary: "Start an assessment against a framework in scope: one row per applicable requirement",
    tag: "assessments",
    access: { permission: "assessments.answer" },
    resource: "system",
    params: idParams,
    body: createAssessmentBody,
    response: assessmentView,
    status: 201,
    handler: ({ deps, actor, params, body, requestId }) => createAssessment(deps.db, deps.library, changeContextOf(actor, requestId), actor, params.id, body.framework, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "post",
    path: "/api/systems/:id/resync",
    summary: "Re-evaluate the stored profile with today's library and date and update the assessments",
    tag: "assessments",
    access: { permission: "assessments.answer" },
    resource: "system",
    params: idParams,
    response: z.object({ added: z.number().int(), removed: z.number().int() }),
    handler: ({ deps, actor, params, requestId }) => resyncSystem(deps.db, deps.library, changeContextOf(actor, requestId), actor, params.id, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "get",
    path: "/api/assessments/:id",
    summary: "One assessment with its status counts and pending changes",
    tag: "assessments",
    cache: "ledger",
    access: { permission: "assessments.read" },
    resource: "assessment",
    params: idParams,
    response: assessmentView,
    handler: ({ deps, actor, params }) => readAssessment(deps.db.kysely, deps.library, actor.orgId, params.id),
  }),
  defineRoute({
    method: "get",
    path: "/api/assessments/:id/items",
    summary: "The assessment's rows with mapped controls and evidence, paged",
    tag: "assessments",
    cache: "ledger-daily",
    access: { permission: "assessments.read" },
    resource: "assessment",
    params: idParams,
    query: listItemsQuery,
    response: itemPage,
    handler: async ({ deps, actor, params, query }) => {
      await readAssessment(deps.db.kysely, deps.library, actor.orgId, params.id);
      return listItems(deps.db.kysely, deps.library, actor.orgId, { ...query, assessmentId: params.id }, todayIn(actor.timeZone));
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/assessments/:id/sign-off-check",
    summary: "What a sign-off waits for: open rows, and who may not sign under segregation of duties",
    tag: "assessments",
    cache: "ledger",
    access: { permission: "assessments.read" },
    resource: "assessment",
    params: idParams,
    response: signOffCheck,
    handler: ({ deps, actor, params }) => readSignOffCheck(deps.db.kysely, actor.orgId, params.id),
  }),
  defineRoute({
    method: "post",
    path: "/api/assessments/:id/sign-off",
    summary: "Sign the assessment off (every applicable row answered; by someone who answered none, when segregation of duties is on)",
    tag: "assessments",
    access: { permission: "assessments.sign_off" },
    resource: "assessment",
    params: idParams,
    body: signOffBody,
    response: assessmentView,
    handler: ({ deps, actor, params, body, requestId }) => signOffAssessment(deps.db, deps.library, changeContextOf(actor, requestId), actor, params.id, body),
  }),
  defineRoute({
    method: "post",
    path: "/api/assessments/:id/acknowledge",
    summary: "Clear the newly-applicable / no-longer-applies marks after review",
    tag: "assessments",
    access: { permission: "assessments.answer" },
    resource: "assessment",
    params: idParams,
    response: assessmentView,
    handler: ({ deps, actor, params, requestId }) => acknowledgeChanges(deps.db, deps.library, changeContextOf(actor, requestId), actor, params.id),
  }),
  defineRoute({
    method: "get",
    path: "/api/assessment-items",
    summary: "Assessment rows across the organisation (the dashboard's drill-downs)",
    tag: "assessments",
    cache: "ledger-daily",
    access: { permission: "assessments.read" },
    query: listAllItemsQuery,
    response: itemPage,
    handler: ({ deps, actor, query }) => listItems(deps.db.kysely, deps.library, actor.orgId, query, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "patch",
    path: "/api/assessment-items/:id",
    summary: "Answer one row: status, justification, owner, due date, comment",
    example: { body: { version: 3, status: "partially_met", justification: "人による最終判断の手順はあるが、記録の保存期間が未定", dueDate: "2027-03-31" } },
    tag: "assessments",
    access: { permission: "assessments.answer" },
    resource: "assessment_item",
    params: idParams,
    body: updateItemBody,
    response: itemView,
    handler: async ({ deps, actor, params, body, requestId }) => {
      await updateItem(deps.db, changeContextOf(actor, requestId), actor, params.id, body);
      return readItem(deps.db.kysely, deps.library, actor.orgId, params.id, todayIn(actor.timeZone));
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/assessments/:id/inference",
    summary: "Proposed statuses for unanswered rows, inferred through the crosswalks from another assessment of the same system",
    tag: "assessments",
    cache: "ledger",
    access: { permission: "assessments.read" },
    resource: "assessment",
    params: idParams,
    query: inferenceQuery,
    response: inferenceView,
    handler: ({ deps, actor, params, query }) => previewInference(deps.db.kysely, deps.library, actor.orgId, params.id, query.from),
  }),
  defineRoute({
    method: "post",
    path: "/api/assessments/:id/inference",
    summary: "Accept chosen proposals; rows a person answered are never overwritten",
    tag: "assessments",
    access: { permission: "assessments.answer" },
    resource: "assessment",
    params: idParams,
    body: acceptInferenceBody,
    response: z.object({ accepted: z.number().int() }),
    handler: ({ deps, actor, params, body, requestId }) => acceptInference(deps.db, deps.library, changeContextOf(actor, requestId), actor, params.id, body),
  }),
];
