/**
 * Timestamps are stored as fixed-width ISO-8601 UTC strings on both dialects, so they sort as text,
 * hash identically in the audit ledger and survive a backup/restore bit for bit.
 */
export function nowIso(): string {
  return new Date().toISOString();
}

export function isoPlus(ms: number, from: Date = new Date()): string {
  return new Date(from.getTime() + ms).toISOString();
}

const TOKYO_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date as YYYY-MM-DD in Japan: the default "as of" for applicability and due dates. */
export function todayInTokyo(now = new Date()): string {
  return TOKYO_DAY.format(now);
}
