import type { Kysely, Transaction } from "kysely";
import { audited, type ChangeContext, type RecordChange } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Approval, ApprovalStep, Database } from "../db/schema.ts";
import type { Actor } from "../platform/authz.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { addDays, nowIso } from "../platform/time.ts";
import { notify } from "../notify/notify.ts";
import type { ApprovalView } from "./approvals.schema.ts";
import { approvalSettled } from "./approvals.effects.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** Calendar days each stage has before it is escalated. */
export const STEP_DAYS = 5;

/**
 * Starts an approval (稟議) inside the caller's transaction: stage 1's approvers are asked now,
 * later stages wait their turn. The plan is recorded in the ledger as asked.
 */
export async function startApproval(
  trx: Transaction<Database>,
  record: RecordChange,
  orgId: string,
  a: { subjectType: string; subjectId: string; title: string; plan: string[][]; requestedBy: string | null; today: string },
): Promise<string> {
  const id = newId("apr");
  const now = nowIso();
  await trx.insertInto("approvals").values({ id, org_id: orgId, subject_type: a.subjectType, subject_id: a.subjectId, title: a.title, status: "pending", stage: 1, requested_by: a.requestedBy, created_at: now, decided_at: null, version: 1 }).execute();
  const steps: ApprovalStep[] = a.plan.flatMap((approvers, s) =>
    approvers.map((u) => ({ id: newId("aps"), org_id: orgId, approval_id: id, stage: s + 1, approver_id: u, status: s === 0 ? "pending" : "waiting", due_on: s === 0 ? addDays(a.today, STEP_DAYS) : null, escalated_to: null, escalated_at: null, decided_by: null, decided_at: null, comment: null })),
  );
  await trx.insertInto("approval_steps").values(steps).execute();
  record({ action: "approval.requested", entityType: "approval", entityId: id, after: { subjectType: a.subjectType, subjectId: a.subjectId, plan: a.plan, requestedBy: a.requestedBy } });
  await notify(trx, orgId, { event: "approval.requested", users: a.plan[0]!, subject: { type: a.subjectType, id: a.subjectId }, title: { ja: `承認依頼: ${a.title}`, en: `Approval requested: ${a.title}` }, data: { approvalId: id, stage: 1 } });
  return id;
}

/** Users whose pending steps `userId` may decide today as their delegate (代理). */
async function principalsOf(db: Q, orgId: string, userId: string, today: string): Promise<string[]> {
  const rows = await db.selectFrom("delegations").select("principal_id").where("org_id", "=", orgId).where("delegate_id", "=", userId).where("starts_on", "<=", today).where("ends_on", ">=", today).execute();
  return rows.map((r) => r.principal_id);
}

/**
 * Decides the caller's step of the current stage: as the approver, as a delegate of the approver, or
 * as the person an overdue step was escalated to — in that order of preference. The requester never
 * decides their own request. A rejection ends the approval; the last approval of the last stage
 * approves it; either way the subject is told (see approvals.effects.ts).
 */
export async function decideApproval(db: Db, actor: Actor, who: ChangeContext, id: string, input: { decision: "approve" | "reject"; comment?: string | undefined }, today: string): Promise<ApprovalView> {
  await audited(db, who, async (trx, record) => {
    const approval = await trx.selectFrom("approvals").selectAll().where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!approval) throw notFound();
    if (approval.status !== "pending") throw new AppError(409, "already_decided", { status: approval.status });
    if (approval.requested_by === actor.userId) throw new AppError(403, "self_approval", { reason: "requester" });
    const pending = await trx.selectFrom("approval_steps").selectAll().where("org_id", "=", who.orgId).where("approval_id", "=", id).where("stage", "=", approval.stage).where("status", "=", "pending").execute();
    const principals = await principalsOf(trx, who.orgId, actor.userId, today);
    const mine =
      pending.find((s) => s.approver_id === actor.userId) ??
      pending.find((s) => principals.includes(s.approver_id)) ??
      pending.find((s) => s.escalated_to === actor.userId);
    if (!mine) throw new AppError(403, "not_approver");
    const via = mine.approver_id === actor.userId ? "approver" : principals.includes(mine.approver_id) ? "delegate" : "escalation";
    const now = nowIso();
    const status = input.decision === "approve" ? "approved" : "rejected";
    await trx.updateTable("approval_steps").set({ status, decided_by: actor.userId, decided_at: now, comment: input.comment ?? null }).where("org_id", "=", who.orgId).where("id", "=", mine.id).execute();
    record({ action: `approval.step_${status}`, entityType: "approval", entityId: id, after: { stage: mine.stage, stepId: mine.id, approverId: mine.approver_id, decidedBy: actor.userId, via, comment: input.comment ?? null } });

    const subject = { type: approval.subject_type, id: approval.subject_id };
    if (status === "rejected") {
      await settle(trx, record, approval, "rejected", now);
      return;
    }
    if (pending.length > 1) return; // others of this stage still to decide
    const next = await trx.selectFrom("approval_steps").select(["id", "approver_id"]).where("org_id", "=", who.orgId).where("approval_id", "=", id).where("stage", "=", approval.stage + 1).execute();
    if (next.length === 0) {
      await settle(trx, record, approval, "approved", now);
      return;
    }
    await trx.updateTable("approval_steps").set({ status: "pending", due_on: addDays(today, STEP_DAYS) }).where("org_id", "=", who.orgId).where("approval_id", "=", id).where("stage", "=", approval.stage + 1).execute();
    await trx.updateTable("approvals").set({ stage: approval.stage + 1, version: approval.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    await notify(trx, who.orgId, { event: "approval.requested", users: next.map((n) => n.approver_id), subject, title: { ja: `承認依頼: ${approval.title}`, en: `Approval requested: ${approval.title}` }, data: { approvalId: id, stage: approval.stage + 1 } });
  });
  return readApproval(db.kysely, who.orgId, id);
}

/** Ends an approval: undecided steps are skipped, the outcome is recorded, and the subject reacts. */
async function settle(trx: Transaction<Database>, record: RecordChange, approval: Approval, outcome: "approved" | "rejected" | "cancelled", now: string): Promise<void> {
  await trx.updateTable("approval_steps").set({ status: "skipped" }).where("org_id", "=", approval.org_id).where("approval_id", "=", approval.id).where("status", "in", ["pending", "waiting"]).execute();
  await trx.updateTable("approvals").set({ status: outcome, decided_at: now, version: approval.version + 1 }).where("org_id", "=", approval.org_id).where("id", "=", approval.id).execute();
  record({ action: `approval.${outcome}`, entityType: "approval", entityId: approval.id, after: { subjectType: approval.subject_type, subjectId: approval.subject_id } });
  await approvalSettled(trx, record, approval, outcome);
}

/** Withdraws a pending approval (its subject was cancelled or changed). */
export async function cancelApproval(trx: Transaction<Database>, record: RecordChange, orgId: string, id: string): Promise<void> {
  const approval = await trx.selectFrom("approvals").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (approval?.status === "pending") await settle(trx, record, approval, "cancelled", nowIso());
}

export async function readApprovals(db: Q, orgId: string, ids: readonly string[]): Promise<Map<string, ApprovalView>> {
  const out = new Map<string, ApprovalView>();
  if (ids.length === 0) return out;
  const approvals = await db.selectFrom("approvals").selectAll().where("org_id", "=", orgId).where("id", "in", [...ids]).execute();
  const steps = await db.selectFrom("approval_steps").selectAll().where("org_id", "=", orgId).where("approval_id", "in", [...ids]).orderBy("stage").orderBy("id").execute();
  const userIds = new Set<string>();
  for (const a of approvals) if (a.requested_by) userIds.add(a.requested_by);
  for (const s of steps) for (const u of [s.approver_id, s.escalated_to, s.decided_by]) if (u) userIds.add(u);
  const names = await userNames(db, orgId, [...userIds]);
  const person = (u: string | null) => (u ? { id: u, displayName: names.get(u) ?? u } : null);
  for (const a of approvals) {
    const mine = steps.filter((s) => s.approval_id === a.id);
    out.set(a.id, {
      id: a.id,
      subjectType: a.subject_type,
      subjectId: a.subject_id,
      title: a.title,
      status: a.status as ApprovalView["status"],
      stage: a.stage,
      stages: Math.max(0, ...mine.map((s) => s.stage)),
      requestedBy: person(a.requested_by),
      steps: mine.map((s) => ({
        id: s.id,
        stage: s.stage,
        approver: person(s.approver_id)!,
        status: s.status as ApprovalView["steps"][number]["status"],
        dueOn: s.due_on,
        escalatedTo: person(s.escalated_to),
        escalatedAt: s.escalated_at,
        decidedBy: person(s.decided_by),
        decidedAt: s.decided_at,
        comment: s.comment,
      })),
      createdAt: a.created_at,
      decidedAt: a.decided_at,
      version: a.version,
    });
  }
  return out;
}

export async function readApproval(db: Q, orgId: string, id: string): Promise<ApprovalView> {
  const found = (await readApprovals(db, orgId, [id])).get(id);
  if (!found) throw notFound();
  return found;
}

export async function userNames(db: Q, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "display_name"]).where("org_id", "=", orgId).where("id", "in", [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
