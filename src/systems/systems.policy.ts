import type { AiSystem } from "../db/schema.ts";
import { type Actor, can } from "../platform/authz.ts";
import { AppError } from "../platform/errors.ts";

/**
 * Who may change one system. Holding `systems.manage` lets governance leads and administrators
 * change any system; a system owner may change only the systems they are named owner of, so the
 * inventory's owners stay accountable for their own records.
 */
export function canEditSystem(actor: Actor, row: Pick<AiSystem, "business_owner_id" | "technical_owner_id">): boolean {
  if (can(actor.role, "systems.manage")) return true;
  if (!can(actor.role, "systems.edit")) return false;
  return row.business_owner_id === actor.userId || row.technical_owner_id === actor.userId;
}

export function assertCanEditSystem(actor: Actor, row: Pick<AiSystem, "business_owner_id" | "technical_owner_id">): void {
  if (!canEditSystem(actor, row)) throw new AppError(403, "forbidden", { permission: "systems.manage", reason: "not_owner" });
}
