import { z } from "zod";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../platform/authz.ts";
import { approvalView } from "./approvals.schema.ts";
import { readApprovals } from "./approvals.service.ts";
import { taskView } from "./tasks.schema.ts";
import { presentTasks } from "./tasks.store.ts";

export const myWorkView = z.object({
  /** Active tasks assigned to me, soonest due first (undated last), at most `limit`. */
  tasks: z.array(taskView),
  activeTotal: z.number().int(),
  overdueTotal: z.number().int(),
  /** Approvals with a step waiting for me: as approver, as delegate (代理), or escalated to me. */
  approvals: z.array(approvalView.extend({ via: z.enum(["approver", "delegate", "escalation"]) })),
});
export type MyWork = z.infer<typeof myWorkView>;
export const myWorkQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/**
 * The "my tasks" page. Every statement walks an index that leads with (organisation, person), so
 * the answer costs the same with a thousand tasks in the database or a million. `today` is the
 * organisation's day: what is overdue turns at its midnight.
 */
export async function myWork(db: Kysely<Database>, actor: Actor, limit: number, today: string): Promise<MyWork> {
  const { orgId, userId } = actor;
  const mine = db.selectFrom("tasks").where("org_id", "=", orgId).where("assignee_id", "=", userId).where("active", "=", 1);
  const [dated, counts, overdue, principals] = await Promise.all([
    mine.selectAll().where("due_on", "is not", null).orderBy("due_on").orderBy("id").limit(limit).execute(),
    mine.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    mine.select((eb) => eb.fn.countAll<number>().as("n")).where("due_on", "<", today).executeTakeFirstOrThrow(),
    db.selectFrom("delegations").select("principal_id").where("org_id", "=", orgId).where("delegate_id", "=", userId).where("starts_on", "<=", today).where("ends_on", ">=", today).execute(),
  ]);
  const undated = dated.length < limit ? await mine.selectAll().where("due_on", "is", null).orderBy("id").limit(limit - dated.length).execute() : [];

  const deciders = [userId, ...principals.map((p) => p.principal_id)];
  const [asApprover, asEscalation] = await Promise.all([
    db.selectFrom("approval_steps").select(["approval_id", "approver_id"]).where("org_id", "=", orgId).where("approver_id", "in", deciders).where("status", "=", "pending").limit(200).execute(),
    db.selectFrom("approval_steps").select(["approval_id", "approver_id"]).where("org_id", "=", orgId).where("escalated_to", "=", userId).where("status", "=", "pending").limit(200).execute(),
  ]);
  const via = new Map<string, "approver" | "delegate" | "escalation">();
  for (const s of asEscalation) via.set(s.approval_id, "escalation");
  for (const s of asApprover) if (via.get(s.approval_id) !== "approver") via.set(s.approval_id, s.approver_id === userId ? "approver" : "delegate");
  const approvals = await readApprovals(db, orgId, [...via.keys()]);
  return {
    tasks: await presentTasks(db, orgId, [...dated, ...undated], today),
    activeTotal: Number(counts.n),
    overdueTotal: Number(overdue.n),
    approvals: [...approvals.values()]
      .filter((a) => a.status === "pending" && a.requestedBy?.id !== userId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((a) => ({ ...a, via: via.get(a.id)! })),
  };
}
