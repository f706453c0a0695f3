/** How one field of a ledger entry's record differs between `before` and `after`. */
export interface DiffRow {
  /** Dotted for nested objects: `settings.timezone`. */
  field: string;
  before: unknown;
  after: unknown;
  change: "added" | "removed" | "changed" | "same";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Nested objects become dotted fields (`settings.timezone`), so a diff names the leaf that changed;
 * arrays stay whole (a list of owners is one field).
 */
function flatten(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix) out.set(prefix, value);
    for (const key of keys) flatten(value[key], prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out.set(prefix, value);
  } else if (value !== null && value !== undefined) {
    out.set("", value);
  }
  return out;
}

/**
 * The fields of a ledger entry's `before` and `after` side by side, in the record's own order,
 * each marked added, removed, changed or the same (compared by value, not by reference). Empty
 * when the entry records no content.
 */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const a = flatten(before);
  const b = flatten(after);
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields.map((field) => {
    const inBefore = a.has(field);
    const inAfter = b.has(field);
    const change = !inBefore ? "added" : !inAfter ? "removed" : JSON.stringify(a.get(field)) === JSON.stringify(b.get(field)) ? "same" : "changed";
    return { field, before: a.get(field), after: b.get(field), change };
  });
}
