import { createHash } from "node:crypto";
import type { AuditRow } from "../db/schema.ts";

/** The `prev_hash` of the first entry in every organisation's chain. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * Canonical JSON (keys sorted at every depth, no whitespace) so that the same value always yields
 * the same bytes, whichever code path or database produced it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (value === undefined) return "null";
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

/**
 * SHA-256 over a fixed-order JSON array of every column but `hash`. `before_json`/`after_json`
 * are already canonical text, so verification re-hashes the stored strings without re-parsing.
 * The leading tag versions the format: a future change of fields gets a new tag, old entries keep theirs.
 */
export function hashEntry(e: Omit<AuditRow, "hash">): string {
  const payload = JSON.stringify([
    "musubi-audit-v1",
    e.org_id,
    e.seq,
    e.ts,
    e.actor_type,
    e.actor_id,
    e.actor_label,
    e.action,
    e.entity_type,
    e.entity_id,
    e.before_json,
    e.after_json,
    e.request_id,
    e.prev_hash,
  ]);
  return createHash("sha256").update(payload).digest("hex");
}
