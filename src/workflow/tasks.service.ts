import { sql, type Kysely, type Transaction } from "kysely";
import { audited, type ChangeContext, type RecordChange } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database, Task } from "../db/schema.ts";
import { notify } from "../notify/notify.ts";
import { type Actor, can, isRole } from "../platform/authz.ts";
import { AppError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { containsText, type Page } from "../platform/pagination.ts";
import { nextInSequence } from "../platform/sequence.ts";
import { nowIso } from "../platform/time.ts";
import { cancelApproval, startApproval } from "./approvals.service.ts";
import { checkSubject } from "./subjects.ts";
import { assertCanEditTask } from "./tasks.policy.ts";
import type { CreateTaskInput, ListTasksQuery, SubjectType, TaskView, UpdateTaskInput } from "./tasks.schema.ts";
import { getTaskRow, presentTasks } from "./tasks.store.ts";

type Q = Kysely<Database> | Transaction<Database>;
type Problem = { field: string; message: string };

/** Task codes are only ever drawn from the sequence (never typed), so they need no clash check. */
export const taskCode = (n: number) => `TSK-${String(n).padStart(6, "0")}`;

/** The fields of a new task; the workflow fills in the rest. */
export interface NewTask {
  kind: Task["kind"];
  title: string;
  description?: string;
  subjectType: string | null;
  subjectId: string | null;
  assigneeId: string | null;
  dueOn: string | null;
  approvalPlan?: string[][] | null;
  createdBy: string | null;
  scheduleId?: string | null;
  period?: string | null;
}

/**
 * Inserts a task inside the caller's transaction, records it and tells its assignee. Used by the
 * API and by the workflow itself (incident actions, risk re-reviews, recurring reviews).
 */
export async function insertTask(trx: Transaction<Database>, record: RecordChange, orgId: string, t: NewTask, opts: { notify?: boolean } = {}): Promise<Task> {
  const now = nowIso();
  const row: Task = {
    id: newId("tsk"),
    org_id: orgId,
    code: taskCode(await nextInSequence(trx, orgId, "task_code")),
    kind: t.kind,
    title: t.title,
    description: t.description ?? "",
    subject_type: t.subjectType,
    subject_id: t.subjectId,
    assignee_id: t.assigneeId,
    due_on: t.dueOn,
    status: "open",
    active: 1,
    approval_plan: t.approvalPlan ? JSON.stringify(t.approvalPlan) : null,
    approval_id: null,
    schedule_id: t.scheduleId ?? null,
    period: t.period ?? null,
    created_by: t.createdBy,
    completed_by: null,
    completed_at: null,
    escalated_at: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await trx.insertInto("tasks").values(row).execute();
  record({ action: "task.created", entityType: "task", entityId: row.id, after: snapshot(row) });
  if (opts.notify !== false && row.assignee_id && row.assignee_id !== t.createdBy) {
    await notify(trx, orgId, { event: "task.assigned", users: [row.assignee_id], subject: { type: "task", id: row.id }, title: { ja: `タスクの割当て: ${row.code} ${row.title}`, en: `Task assigned: ${row.code} ${row.title}` }, data: { taskId: row.id, dueOn: row.due_on } });
  }
  return row;
}

export const snapshot = (t: Task) => ({ code: t.code, kind: t.kind, title: t.title, subjectType: t.subject_type, subjectId: t.subject_id, assigneeId: t.assignee_id, dueOn: t.due_on, status: t.status, approvalPlan: t.approval_plan ? JSON.parse(t.approval_plan) : null });

/** Assignees and approvers must be active people of the organisation; approvers must hold `approvals.decide`. */
export async function checkPeople(trx: Transaction<Database>, orgId: string, assigneeId: string | null | undefined, plan: string[][] | null | undefined): Promise<void> {
  const ids = [...new Set([assigneeId, ...(plan?.flat() ?? [])].filter((u): u is string => !!u))];
  if (ids.length === 0) return;
  const users = new Map((await trx.selectFrom("users").select(["id", "role"]).where("org_id", "=", orgId).where("status", "=", "active").where("id", "in", ids).execute()).map((u) => [u.id, u.role]));
  const problems: Problem[] = [];
  if (assigneeId && !users.has(assigneeId)) problems.push({ field: "body.assigneeId", message: "No active user with this id in the organisation" });
  plan?.forEach((stage, s) =>
    stage.forEach((u, i) => {
      const role = users.get(u);
      if (!role) problems.push({ field: `body.approvalPlan.${s}.${i}`, message: "No active user with this id in the organisation" });
      else if (!isRole(role) || !can(role, "approvals.decide")) problems.push({ field: `body.approvalPlan.${s}.${i}`, message: `A ${role} cannot approve` });
    }),
  );
  if (problems.length) throw new AppError(400, "validation_failed", problems);
}

export async function createTask(db: Db, actor: Actor, who: ChangeContext, input: CreateTaskInput, today: string): Promise<TaskView> {
  const id = await audited(db, who, async (trx, record) => {
    await checkSubject(trx, who.orgId, input.subjectType, input.subjectId);
    await checkPeople(trx, who.orgId, input.assigneeId, input.approvalPlan);
    const row = await insertTask(trx, record, who.orgId, { ...input, createdBy: actor.userId });
    return row.id;
  });
  return readTask(db.kysely, who.orgId, id, today);
}

export async function readTask(db: Q, orgId: string, id: string, today: string): Promise<TaskView> {
  return (await presentTasks(db, orgId, [await getTaskRow(db, orgId, id)], today))[0]!;
}

export async function updateTask(db: Db, actor: Actor, who: ChangeContext, id: string, input: UpdateTaskInput, today: string): Promise<TaskView> {
  await audited(db, who, async (trx, record) => {
    const before = await getTaskRow(trx, who.orgId, id);
    if (before.version !== input.version) throw new AppError(409, "conflict", { current: await readTask(trx, who.orgId, id, today) });
    assertCanEditTask(actor, before);
    if (before.active === 0) throw new AppError(409, "already_decided", { status: before.status });
    await checkPeople(trx, who.orgId, input.assigneeId, input.approvalPlan);
    const status = input.status ?? before.status;
    const next: Task = {
      ...before,
      title: input.title ?? before.title,
      description: input.description ?? before.description,
      assignee_id: input.assigneeId !== undefined ? input.assigneeId : before.assignee_id,
      due_on: input.dueOn !== undefined ? input.dueOn : before.due_on,
      approval_plan: input.approvalPlan !== undefined ? (input.approvalPlan ? JSON.stringify(input.approvalPlan) : null) : before.approval_plan,
      status,
      active: status === "cancelled" ? 0 : 1,
      escalated_at: input.dueOn !== undefined ? null : before.escalated_at,
      updated_at: nowIso(),
      version: before.version + 1,
    };
    // Cancelling, or moving a task back, withdraws the approval it was waiting for.
    if (before.status === "awaiting_approval" && input.status && before.approval_id) {
      await cancelApproval(trx, record, who.orgId, before.approval_id);
    }
    await trx.updateTable("tasks").set(next).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: status === "cancelled" ? "task.cancelled" : "task.updated", entityType: "task", entityId: id, before: snapshot(before), after: snapshot(next) });
    if (next.assignee_id && next.assignee_id !== before.assignee_id && next.assignee_id !== actor.userId) {
      await notify(trx, who.orgId, { event: "task.assigned", users: [next.assignee_id], subject: { type: "task", id }, title: { ja: `タスクの割当て: ${next.code} ${next.title}`, en: `Task assigned: ${next.code} ${next.title}` }, data: { taskId: id } });
    }
  });
  return readTask(db.kysely, who.orgId, id, today);
}

/**
 * Marks a task done — or, when it has an approval plan, asks for approval first (稟議): the task
 * waits, and the approval's outcome completes it or sends it back.
 */
export async function completeTask(db: Db, actor: Actor, who: ChangeContext, id: string, input: { version: number; comment?: string | undefined }, today: string): Promise<TaskView> {
  await audited(db, who, async (trx, record) => {
    const before = await getTaskRow(trx, who.orgId, id);
    if (before.version !== input.version) throw new AppError(409, "conflict", { current: await readTask(trx, who.orgId, id, today) });
    assertCanEditTask(actor, before);
    if (before.status !== "open" && before.status !== "in_progress") throw new AppError(409, "already_decided", { status: before.status });
    const now = nowIso();
    if (input.comment) await addComment(trx, who.orgId, "task", id, actor.userId, input.comment);
    if (before.approval_plan) {
      const approvalId = await startApproval(trx, record, who.orgId, { subjectType: "task", subjectId: id, title: `${before.code} ${before.title}`, plan: JSON.parse(before.approval_plan), requestedBy: actor.userId, today });
      await trx.updateTable("tasks").set({ status: "awaiting_approval", approval_id: approvalId, completed_by: actor.userId, updated_at: now, version: before.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
      record({ action: "task.submitted", entityType: "task", entityId: id, before: { status: before.status }, after: { status: "awaiting_approval", approvalId } });
      return;
    }
    await trx.updateTable("tasks").set({ status: "done", active: 0, completed_by: actor.userId, completed_at: now, updated_at: now, version: before.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "task.completed", entityType: "task", entityId: id, before: { status: before.status }, after: { status: "done" } });
  });
  return readTask(db.kysely, who.orgId, id, today);
}

/**
 * Completes the open review tasks of a subject: reviewing a risk is what its review task asks for,
 * so doing the review closes the task wherever it was done.
 */
export async function completeReviewTasks(trx: Transaction<Database>, record: RecordChange, orgId: string, subjectType: SubjectType, subjectId: string, by: string | null): Promise<void> {
  const open = await trx.selectFrom("tasks").select(["id", "status", "version"]).where("org_id", "=", orgId).where("subject_type", "=", subjectType).where("subject_id", "=", subjectId).where("kind", "=", "review").where("status", "in", ["open", "in_progress"]).execute();
  const now = nowIso();
  for (const t of open) {
    await trx.updateTable("tasks").set({ status: "done", active: 0, completed_by: by, completed_at: now, updated_at: now, version: t.version + 1 }).where("org_id", "=", orgId).where("id", "=", t.id).execute();
    record({ action: "task.completed", entityType: "task", entityId: t.id, before: { status: t.status }, after: { status: "done", by: `${subjectType}.reviewed` } });
  }
}

/**
 * Completes one open task as a consequence of something done elsewhere (answering a request of an
 * authority completes the task that asked for the answer), recorded with what did it.
 */
export async function completeTaskFor(trx: Transaction<Database>, record: RecordChange, orgId: string, taskId: string, by: string | null, because: string): Promise<void> {
  const task = await trx.selectFrom("tasks").select(["status", "version"]).where("org_id", "=", orgId).where("id", "=", taskId).executeTakeFirst();
  if (!task || (task.status !== "open" && task.status !== "in_progress")) return;
  const now = nowIso();
  await trx.updateTable("tasks").set({ status: "done", active: 0, completed_by: by, completed_at: now, updated_at: now, version: task.version + 1 }).where("org_id", "=", orgId).where("id", "=", taskId).execute();
  record({ action: "task.completed", entityType: "task", entityId: taskId, before: { status: task.status }, after: { status: "done", by: because } });
}

export async function addComment(trx: Q, orgId: string, subjectType: string, subjectId: string, authorId: string | null, body: string): Promise<string> {
  const id = newId("cmt");
  await trx.insertInto("comments").values({ id, org_id: orgId, subject_type: subjectType, subject_id: subjectId, author_id: authorId, body, created_at: nowIso() }).execute();
  return id;
}

const SORTS = { code: "code", updatedAt: "updated_at", createdAt: "created_at" } as const;

export async function listTasks(db: Q, actor: Actor, q: ListTasksQuery, today: string): Promise<Page<TaskView>> {
  const orgId = actor.orgId;
  let base = db.selectFrom("tasks").where("org_id", "=", orgId);
  if (q.assigneeId) base = base.where("assignee_id", "=", q.assigneeId === "me" ? actor.userId : q.assigneeId);
  if (q.active) base = base.where("active", "=", q.active === "true" ? 1 : 0);
  if (q.status) base = base.where("status", "=", q.status);
  if (q.kind) base = base.where("kind", "=", q.kind);
  if (q.subjectType) base = base.where("subject_type", "=", q.subjectType);
  if (q.subjectId) base = base.where("subject_id", "=", q.subjectId);
  if (q.overdue) base = base.where("active", "=", 1).where("due_on", "<", today);
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([containsText("code", text), containsText("title", text), containsText("description", text)]));
  }
  const desc = q.sort.startsWith("-");
  const field = desc ? q.sort.slice(1) : q.sort;
  const dir = desc ? "desc" : "asc";
  const ordered = field === "dueOn" ? base.orderBy(sql`case when due_on is null then 1 else 0 end`).orderBy("due_on", dir) : base.orderBy(SORTS[field as keyof typeof SORTS], dir);
  const [rows, count] = await Promise.all([
    ordered.selectAll().orderBy("id").limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: await presentTasks(db, orgId, rows, today), total: Number(count.n), limit: q.limit, offset: q.offset };
}
