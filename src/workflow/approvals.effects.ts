import type { Transaction } from "kysely";
import type { RecordChange } from "../audit/audited.ts";
import type { Approval, Database } from "../db/schema.ts";
import { notify } from "../notify/notify.ts";
import { nowIso } from "../platform/time.ts";
import { haipApprovalSettled } from "../disclosures/haip/haip.approval.ts";
import { publicationApprovalSettled } from "../oversight/publications.approval.ts";

/**
 * What an approval's outcome does to its subject. A HAIP report is approved or returned to draft. A task asked for approval when completed: an
 * approval completes it, a rejection sends it back to its assignee with the approver's comment.
 */
export async function approvalSettled(trx: Transaction<Database>, record: RecordChange, approval: Approval, outcome: "approved" | "rejected" | "cancelled"): Promise<void> {
  if (approval.subject_type === "haip_report") return haipApprovalSettled(trx, record, approval, outcome);
  if (approval.subject_type === "oversight_publication") return publicationApprovalSettled(trx, record, approval, outcome);
  if (approval.subject_type !== "task" || outcome === "cancelled") return;
  const task = await trx.selectFrom("tasks").selectAll().where("org_id", "=", approval.org_id).where("id", "=", approval.subject_id).executeTakeFirst();
  if (!task || task.status !== "awaiting_approval" || task.approval_id !== approval.id) return;
  const now = nowIso();
  const status = outcome === "approved" ? "done" : "in_progress";
  await trx
    .updateTable("tasks")
    .set({ status, active: status === "done" ? 0 : 1, completed_at: status === "done" ? now : null, completed_by: status === "done" ? task.completed_by : null, updated_at: now, version: task.version + 1 })
    .where("org_id", "=", task.org_id)
    .where("id", "=", task.id)
    .execute();
  record({ action: status === "done" ? "task.completed" : "task.returned", entityType: "task", entityId: task.id, before: { status: task.status }, after: { status, approvalId: approval.id } });
  await notify(trx, task.org_id, {
    event: status === "done" ? "task.completed" : "task.returned",
    users: [task.assignee_id, task.created_by],
    subject: { type: "task", id: task.id },
    title: status === "done" ? { ja: `承認済み・完了: ${task.code} ${task.title}`, en: `Approved and done: ${task.code} ${task.title}` } : { ja: `差し戻し: ${task.code} ${task.title}`, en: `Returned: ${task.code} ${task.title}` },
    data: { taskId: task.id, approvalId: approval.id },
  });
}
