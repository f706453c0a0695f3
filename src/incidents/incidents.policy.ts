import type { Incident } from "../db/schema.ts";
import { type Actor, can } from "../platform/authz.ts";
import { AppError } from "../platform/errors.ts";

/**
 * Who may work an incident: governance leads and administrators any incident; others who may
 * report incidents, the ones they own — the owner runs the investigation and its actions.
 */
export function assertCanWorkIncident(actor: Actor, incident: Pick<Incident, "owner_id">): void {
  if (can(actor.role, "incidents.manage")) return;
  if (can(actor.role, "incidents.report") && incident.owner_id === actor.userId) return;
  throw new AppError(403, "forbidden", { permission: "incidents.manage", reason: "not_owner" });
}
