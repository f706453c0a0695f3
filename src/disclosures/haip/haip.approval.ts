import type { Transaction } from "kysely";
import type { RecordChange } from "../../audit/audited.ts";
import type { Approval, Database } from "../../db/schema.ts";
import { nowIso } from "../../platform/time.ts";

/** What an approval's outcome does to the report it was asked for: approved, or back to draft. */
export async function haipApprovalSettled(trx: Transaction<Database>, record: RecordChange, approval: Approval, outcome: "approved" | "rejected" | "cancelled"): Promise<void> {
  if (outcome === "cancelled") return;
  const row = await trx.selectFrom("haip_reports").selectAll().where("org_id", "=", approval.org_id).where("id", "=", approval.subject_id).executeTakeFirst();
  if (!row || row.status !== "in_review" || row.approval_id !== approval.id) return;
  const status = outcome === "approved" ? "approved" : "draft";
  await trx.updateTable("haip_reports").set({ status, updated_at: nowIso(), version: row.version + 1 }).where("org_id", "=", row.org_id).where("id", "=", row.id).execute();
  record({ action: outcome === "approved" ? "haip_report.approved" : "haip_report.returned", entityType: "haip_report", entityId: row.id, before: { status: row.status }, after: { status, approvalId: approval.id } });
}

