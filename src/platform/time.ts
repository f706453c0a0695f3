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
