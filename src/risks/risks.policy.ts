import type { Kysely, Transaction } from "kysely";
import type { Database, Risk } from "../db/schema.ts";
import { type Actor, can } from "../platform/authz.ts";
import { AppError } from "../platform/errors.ts";

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Who may change one risk. Governance leads and administrators (`risks.manage`) change any risk; a
 * system owner changes the risks they own and the risks of systems they own, so the people closest
 * to a system keep its register current without being able to rewrite everyone else's.
 */
export async function assertCanEditRisk(db: Q, actor: Actor, risk: Pick<Risk, "owner_id" | "system_id">): Promise<void> {
  if (can(actor.role, "risks.manage")) return;
  if (can(actor.role, "risks.edit")) {
    if (risk.owner_id === actor.userId) return;
    if (risk.system_id && (await ownsSystem(db, actor, risk.system_id))) return;
  }
  throw new AppError(403, "forbidden", { permission: "risks.manage", reason: "not_owner" });
}

async function ownsSystem(db: Q, actor: Actor, systemId: string): Promise<boolean> {
  const s = await db
    .selectFrom("ai_systems")
    .select(["business_owner_id", "technical_owner_id"])
    .where("org_id", "=", actor.orgId)
    .where("id", "=", systemId)
    .executeTakeFirst();
  return !!s && (s.business_owner_id === actor.userId || s.technical_owner_id === actor.userId);
}
