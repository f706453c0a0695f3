import { en } from "../../i18n/en.ts";

const ACTION_PREFIX = "audit.action.";
const ENTITY_PREFIX = "audit.entity.";

/** The ledger actions the UI can name, taken from the dictionary so a new one is added in one place. */
export const KNOWN_ACTIONS = Object.keys(en)
  .filter((k) => k.startsWith(ACTION_PREFIX))
  .map((k) => k.slice(ACTION_PREFIX.length));

export const KNOWN_ENTITY_TYPES = Object.keys(en)
  .filter((k) => k.startsWith(ENTITY_PREFIX))
  .map((k) => k.slice(ENTITY_PREFIX.length));

export { ACTION_PREFIX, ENTITY_PREFIX };

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
