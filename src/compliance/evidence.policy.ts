import type { Kysely, Transaction } from "kysely";
import type { Database, Evidence } from "../db/schema.ts";
import { type Actor, can } from "../platform/authz.ts";
import { AppError } from "../platform/errors.ts";

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Who may change or delete one piece of evidence. Governance leads and administrators
 * (`evidence.manage_any`) change any; a system owner changes the evidence they recorded, and
 * evidence that supports only their own things (controls they own, assessment rows of systems they
 * own) — the same rule as for systems, risks and incidents, so nobody can quietly remove the proof
 * behind someone else's control.
 */
export async function assertCanChangeEvidence(db: Q, actor: Actor, evidence: Pick<Evidence, "id" | "created_by_id">): Promise<void> {
  if (can(actor.role, "evidence.manage_any")) return;
  if (can(actor.role, "evidence.manage")) {
    if (evidence.created_by_id === actor.userId) return;
    if (await supportsOnlyOwnThings(db, actor, evidence.id)) return;
  }
  throw new AppError(403, "forbidden", { permission: "evidence.manage_any", reason: "not_owner" });
}

/** True when the evidence has links and every one points at a control or assessment row the actor owns. */
async function supportsOnlyOwnThings(db: Q, actor: Actor, evidenceId: string): Promise<boolean> {
  const links = await db
    .selectFrom("evidence_links as l")
    .leftJoin("controls as c", (j) => j.onRef("c.id", "=", "l.target_id").on("l.target_type", "=", "control").onRef("c.org_id", "=", "l.org_id"))
    .leftJoin("assessment_items as i", (j) => j.onRef("i.id", "=", "l.target_id").on("l.target_type", "=", "item").onRef("i.org_id", "=", "l.org_id"))
    .leftJoin("ai_systems as s", (j) => j.onRef("s.id", "=", "i.system_id").onRef("s.org_id", "=", "l.org_id"))
    .select(["l.target_type", "c.owner_id", "s.business_owner_id", "s.technical_owner_id"])
    .where("l.org_id", "=", actor.orgId)
    .where("l.evidence_id", "=", evidenceId)
    .execute();
  return (
    links.length > 0 &&
    links.every((l) =>
      l.target_type === "control" ? l.owner_id === actor.userId : l.business_owner_id === actor.userId || l.technical_owner_id === actor.userId,
    )
  );
}
