/** How one field of a ledger entry's record differs between `before` and `after`. */
export interface DiffRow {
  field: string;
  before: string | undefined;
  after: string | undefined;
  change: "added" | "removed" | "changed" | "same";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Nested objects become dotted fields (`settings.timezone`), so a diff names the leaf that changed. */
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

function show(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? String(value);
}

/**
 * The fields of a ledger entry's `before` and `after` side by side, in the record's own order,
 * each marked added, removed, changed or the same. Empty when the entry records no content.
 */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const a = flatten(before);
  const b = flatten(after);
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields.map((field) => {
    const inBefore = a.has(field);
    const inAfter = b.has(field);
    const beforeText = inBefore ? show(a.get(field)) : undefined;
    const afterText = inAfter ? show(b.get(field)) : undefined;
    const change = !inBefore ? "added" : !inAfter ? "removed" : beforeText === afterText ? "same" : "changed";
    return { field, before: beforeText, after: afterText, change };
  });
}
