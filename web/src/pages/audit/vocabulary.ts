import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditAction, type AuditEntityType } from "../../../../src/audit/audit.actions.ts";

const ACTION_PREFIX = "audit.action.";
const ENTITY_PREFIX = "audit.entity.";

/**
 * Every action the server writes, grouped by the record type it is written with: taken from the
 * server's own catalogue, so the filter offers a new action as soon as the server can write it.
 */
export const ACTION_GROUPS: readonly { type: AuditEntityType; actions: readonly AuditAction[] }[] = AUDIT_ENTITY_TYPES.map((type) => ({
  type,
  actions: AUDIT_ACTIONS[type],
}));

export const KNOWN_ENTITY_TYPES: readonly AuditEntityType[] = AUDIT_ENTITY_TYPES;

export { ACTION_PREFIX, ENTITY_PREFIX };

/** A `newId` id (`inc_` + 20 base-32 characters): typed into the record box, it filters by id, not code. */
export const INTERNAL_ID = /^[a-z]{3}_[0-9a-hjkmnp-tv-z]{20}$/;

/**
 * A `YYYY-MM-DD` from a date input as the UTC instant the local day starts; `endOfDay` gives the
 * start of the next day, because the API's `to` is exclusive and the user means "up to and including".
 */
export function dayToUtc(day: string, endOfDay = false): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (endOfDay ? 1 : 0));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
