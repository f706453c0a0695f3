import { audited, SYSTEM_ACTOR } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { notify } from "../notify/notify.ts";
import { timeZoneOfSettings } from "../orgs/orgs.store.ts";
import { nowIso, todayIn } from "../platform/time.ts";

const BATCH = 500;

/**
 * Escalates what is overdue, once per item, recorded in the ledger as the system's act:
 * - an approval step past its due date passes to the next approver (the first approver of the next
 *   stage; for the last stage, an administrator or governance lead), who may then decide it;
 * - a task past its due date is brought to its assignee and to the first approver of its plan, or
 *   else to whoever created it.
 * "Past its due date" is by each organisation's own day, so work turns overdue at its midnight;
 * `day` fixes one day for every organisation instead (tests).
 */
export async function escalateOverdue(db: Db, day?: string): Promise<{ steps: number; tasks: number }> {
  let steps = 0;
  let tasks = 0;
  const now = new Date();
  for (const { id: orgId, settings } of await db.kysely.selectFrom("organizations").select(["id", "settings"]).execute()) {
    const today = day ?? todayIn(timeZoneOfSettings(settings), now);
    const r = await audited(db, { actor: SYSTEM_ACTOR, orgId }, async (trx, record) => {
      const late = await trx
        .selectFrom("approval_steps as s")
        .innerJoin("approvals as a", (j) => j.onRef("a.id", "=", "s.approval_id").on("a.org_id", "=", orgId))
        .select(["s.id", "s.approval_id", "s.stage", "s.approver_id", "s.due_on", "a.title", "a.subject_type", "a.subject_id"])
        .where("s.org_id", "=", orgId)
        .where("s.status", "=", "pending")
        .where("s.due_on", "<", today)
        .where("s.escalated_at", "is", null)
        .limit(BATCH)
        .execute();
      const leads = late.length ? await trx.selectFrom("users").select(["id"]).where("org_id", "=", orgId).where("status", "=", "active").where("role", "in", ["admin", "governance_lead"]).orderBy("role").orderBy("created_at").execute() : [];
      let n = 0;
      for (const s of late) {
        const next = await trx.selectFrom("approval_steps").select("approver_id").where("org_id", "=", orgId).where("approval_id", "=", s.approval_id).where("stage", "=", s.stage + 1).orderBy("id").executeTakeFirst();
        const to = next?.approver_id ?? leads.find((l) => l.id !== s.approver_id)?.id;
        if (!to) continue;
        await trx.updateTable("approval_steps").set({ escalated_to: to, escalated_at: nowIso() }).where("org_id", "=", orgId).where("id", "=", s.id).execute();
        record({ action: "approval.escalated", entityType: "approval", entityId: s.approval_id, after: { stepId: s.id, stage: s.stage, approverId: s.approver_id, escalatedTo: to, dueOn: s.due_on } });
        await notify(trx, orgId, { event: "approval.escalated", users: [to, s.approver_id], subject: { type: s.subject_type, id: s.subject_id }, title: { ja: `承認期限超過（エスカレーション）: ${s.title}`, en: `Approval overdue, escalated: ${s.title}` }, data: { approvalId: s.approval_id, stepId: s.id, escalatedTo: to } });
        n++;
      }
      const lateTasks = await trx.selectFrom("tasks").select(["id", "code", "title", "assignee_id", "created_by", "approval_plan", "due_on"]).where("org_id", "=", orgId).where("active", "=", 1).where("due_on", "<", today).where("escalated_at", "is", null).limit(BATCH).execute();
      for (const t of lateTasks) {
        const firstApprover = t.approval_plan ? (JSON.parse(t.approval_plan) as string[][])[0]?.[0] : undefined;
        const to = firstApprover ?? t.created_by;
        await trx.updateTable("tasks").set({ escalated_at: nowIso() }).where("org_id", "=", orgId).where("id", "=", t.id).execute();
        record({ action: "task.escalated", entityType: "task", entityId: t.id, after: { dueOn: t.due_on, assigneeId: t.assignee_id, escalatedTo: to } });
        await notify(trx, orgId, { event: "task.overdue", users: [t.assignee_id, to], subject: { type: "task", id: t.id }, title: { ja: `期限超過: ${t.code} ${t.title}`, en: `Overdue: ${t.code} ${t.title}` }, data: { taskId: t.id, dueOn: t.due_on } });
      }
      return { n, t: lateTasks.length };
    });
    steps += r.n;
    tasks += r.t;
  }
  return { steps, tasks };
}
