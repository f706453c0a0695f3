import type { Kysely, Transaction } from "kysely";
import type { Database, Task } from "../db/schema.ts";
import { notFound } from "../platform/errors.ts";
import { readApprovals, userNames } from "./approvals.service.ts";
import { resolveSubjects } from "./subjects.ts";
import type { TaskView } from "./tasks.schema.ts";

type Q = Kysely<Database> | Transaction<Database>;

export async function getTaskRow(db: Q, orgId: string, id: string): Promise<Task> {
  const row = await db.selectFrom("tasks").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Views of task rows: their people, subjects and approvals in a handful of statements. */
export async function presentTasks(db: Q, orgId: string, rows: Task[], today: string): Promise<TaskView[]> {
  if (rows.length === 0) return [];
  const plans = new Map(rows.map((r) => [r.id, r.approval_plan ? (JSON.parse(r.approval_plan) as string[][]) : null]));
  const people = new Set<string>();
  for (const r of rows) for (const u of [r.assignee_id, r.completed_by, ...(plans.get(r.id)?.flat() ?? [])]) if (u) people.add(u);
  const [names, subjects, approvals] = await Promise.all([
    userNames(db, orgId, [...people]),
    resolveSubjects(db, orgId, rows.filter((r) => r.subject_type && r.subject_id).map((r) => ({ type: r.subject_type!, id: r.subject_id! }))),
    readApprovals(db, orgId, rows.map((r) => r.approval_id).filter((a): a is string => !!a)),
  ]);
  const person = (u: string | null) => (u ? { id: u, displayName: names.get(u) ?? u } : null);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    kind: r.kind as TaskView["kind"],
    title: r.title,
    description: r.description,
    subject: r.subject_type && r.subject_id ? (subjects.get(`${r.subject_type}:${r.subject_id}`) ?? { type: r.subject_type as never, id: r.subject_id, code: null, titleJa: null, titleEn: null }) : null,
    assignee: person(r.assignee_id),
    dueOn: r.due_on,
    overdue: r.active === 1 && r.due_on !== null && r.due_on < today,
    status: r.status as TaskView["status"],
    approvalPlan: plans.get(r.id)?.map((stage) => stage.map((u) => person(u)!)) ?? null,
    approval: r.approval_id ? (approvals.get(r.approval_id) ?? null) : null,
    createdBy: r.created_by,
    completedBy: person(r.completed_by),
    completedAt: r.completed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }));
}
