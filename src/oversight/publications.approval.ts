import type { Transaction } from "kysely";
import type { RecordChange } from "../audit/audited.ts";
import type { Approval, Database } from "../db/schema.ts";
import { nowIso } from "../platform/time.ts";

/** What the 稟議 decides for a publication: approved (ready to publish), or back to draft. */
export async function publicationApprovalSettled(trx: Transaction<Database>, record: RecordChange, approval: Approval, outcome: "approved" | "rejected" | "cancelled"): Promise<void> {
  if (outcome === "cancelled") return;
  const row = await trx.selectFrom("oversight_publications").select(["id", "org_id", "status", "approval_id", "version", "response", "response_due"]).where("org_id", "=", approval.org_id).where("id", "=", approval.subject_id).executeTakeFirst();
  if (!row || row.status !== "in_review" || row.approval_id !== approval.id) return;
  // Returned: back to where it was before it was submitted (noticed, when an organisation was given notice).
  const status = outcome === "approved" ? "approved" : row.response_due ? "noticed" : "draft";
  await trx.updateTable("oversight_publications").set({ status, updated_at: nowIso(), version: row.version + 1 }).where("org_id", "=", row.org_id).where("id", "=", row.id).execute();
  record({ action: outcome === "approved" ? "oversight.publication_approved" : "oversight.publication_returned", entityType: "oversight_publication", entityId: row.id, before: { status: row.status }, after: { status, approvalId: approval.id } });
}
