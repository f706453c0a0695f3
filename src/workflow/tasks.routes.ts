import { z } from "zod";
import { audited, changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { todayIn } from "../platform/time.ts";
import { idParams } from "../users/users.schema.ts";
import { listComments } from "./comments.ts";
import { myWork, myWorkQuery, myWorkView } from "./my-work.ts";
import { commentBody, commentView, completeTaskBody, createTaskBody, listTasksQuery, taskPage, taskView, updateTaskBody } from "./tasks.schema.ts";
import { addComment, completeTask, createTask, listTasks, readTask, updateTask } from "./tasks.service.ts";
import { getTaskRow } from "./tasks.store.ts";

export const taskRoutes = [
  defineRoute({
    method: "get",
    path: "/api/my/tasks",
    summary: "My work: active tasks assigned to me and approvals waiting for me",
    tag: "workflow",
    access: { permission: "tasks.read" },
    query: myWorkQuery,
    response: myWorkView,
    handler: ({ deps, actor, query }) => myWork(deps.db.kysely, actor, query.limit, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "get",
    path: "/api/tasks",
    summary: "Tasks, filtered by assignee (`me`), status, kind, subject or overdue",
    tag: "workflow",
    access: { permission: "tasks.read" },
    query: listTasksQuery,
    response: taskPage,
    handler: ({ deps, actor, query }) => listTasks(deps.db.kysely, actor, query, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "post",
    path: "/api/tasks",
    summary: "Create a task, optionally on a record and with an approval plan for its completion",
    tag: "workflow",
    access: { permission: "tasks.edit" },
    body: createTaskBody,
    response: taskView,
    status: 201,
    handler: ({ deps, actor, body, requestId }) => createTask(deps.db, actor, changeContextOf(actor, requestId), body, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "get",
    path: "/api/tasks/:id",
    summary: "One task with its subject, approval plan and approval",
    tag: "workflow",
    access: { permission: "tasks.read" },
    resource: "task",
    params: idParams,
    response: taskView,
    handler: ({ deps, actor, params }) => readTask(deps.db.kysely, actor.orgId, params.id, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "patch",
    path: "/api/tasks/:id",
    summary: "Change a task: title, assignee, due date, approval plan, or start / cancel it",
    tag: "workflow",
    access: { permission: "tasks.edit" },
    resource: "task",
    params: idParams,
    body: updateTaskBody,
    response: taskView,
    handler: ({ deps, actor, params, body, requestId }) => updateTask(deps.db, actor, changeContextOf(actor, requestId), params.id, body, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "post",
    path: "/api/tasks/:id/complete",
    summary: "Complete a task; with an approval plan it waits for the approval (稟議) instead",
    tag: "workflow",
    access: { permission: "tasks.edit" },
    resource: "task",
    params: idParams,
    body: completeTaskBody,
    response: taskView,
    handler: ({ deps, actor, params, body, requestId }) => completeTask(deps.db, actor, changeContextOf(actor, requestId), params.id, body, todayIn(actor.timeZone)),
  }),
  defineRoute({
    method: "get",
    path: "/api/tasks/:id/comments",
    summary: "Comments on a task, oldest first",
    tag: "workflow",
    access: { permission: "tasks.read" },
    resource: "task",
    params: idParams,
    response: z.array(commentView),
    handler: async ({ deps, actor, params }) => {
      await getTaskRow(deps.db.kysely, actor.orgId, params.id);
      return listComments(deps.db.kysely, actor.orgId, "task", params.id);
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/tasks/:id/comments",
    summary: "Comment on a task (recorded in the ledger)",
    tag: "workflow",
    access: { permission: "tasks.edit" },
    resource: "task",
    params: idParams,
    body: commentBody,
    response: z.array(commentView),
    status: 201,
    handler: async ({ deps, actor, params, body, requestId }) => {
      await audited(deps.db, changeContextOf(actor, requestId), async (trx, record) => {
        await getTaskRow(trx, actor.orgId, params.id);
        const id = await addComment(trx, actor.orgId, "task", params.id, actor.userId, body.body);
        record({ action: "comment.added", entityType: "task", entityId: params.id, after: { commentId: id, body: body.body } });
      });
      return listComments(deps.db.kysely, actor.orgId, "task", params.id);
    },
  }),
];
