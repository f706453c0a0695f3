import type { AuditEntry } from "../../api/types.ts";
import { en } from "../../i18n/en.ts";
import { diffRecords } from "./diff.ts";
import { profileValueText, valueText } from "./values.ts";
import { humanise, idText, isInternalId, refText, type LedgerWords } from "./words.ts";

/** One field an entry changed, as a reader sees it. */
export interface ShownChange {
  field: string;
  label: string;
  before: string | undefined;
  after: string | undefined;
  change: "added" | "removed" | "changed";
}

/** Bookkeeping every snapshot carries; the ledger's own columns already say when and which version. */
const HIDDEN = new Set(["version", "createdAt", "updatedAt", "stepId", "reviewId", "commentId", "delivery"]);

const PROFILE = "profile.";

/** A field's label: the record type's own, the ledger's, the profile question's, else made readable. */
export function fieldLabel(type: string, field: string, words: LedgerWords): string {
  const own = words.maybe(`audit.field.${type}.${field}`) ?? words.maybe(`audit.field.${field}`);
  if (own) return own;
  if (field.startsWith(PROFILE)) {
    const question = words.question(field.slice(PROFILE.length));
    if (question) return `${words.t("audit.field.profile")} › ${question.label}`;
  }
  return field
    .split(".")
    .map((part) => words.maybe(`audit.field.${part}`) ?? humanise(part))
    .join(" › ");
}

const FIELD_PREFIX = "audit.field.";
/** Fields in the order the dictionary lists them (code and name first), not the ledger's alphabetical one. */
const FIELD_ORDER = new Map(
  Object.keys(en)
    .filter((k) => k.startsWith(FIELD_PREFIX))
    .map((k, i) => [k.slice(FIELD_PREFIX.length), i]),
);
const rank = (field: string) => FIELD_ORDER.get(field) ?? FIELD_ORDER.get(field.split(".")[0] ?? "") ?? FIELD_ORDER.size;

/** Empty values: a created record's blank fields are not news. */
const isBlank = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * The fields an entry changed, labelled and put into words; fields that stayed the same, blank
 * fields of a created or deleted record, bookkeeping, and the record's own id are left out.
 */
export function entryChanges(entry: AuditEntry, words: LedgerWords): ShownChange[] {
  const show = (field: string, value: unknown) => {
    if (value === undefined) return undefined;
    return field.startsWith(PROFILE) ? profileValueText(field.slice(PROFILE.length), value, words) : valueText(field.split(".").at(-1) ?? field, value, words, entry.entityType);
  };
  const out: ShownChange[] = [];
  for (const row of diffRecords(entry.before, entry.after)) {
    if (row.change === "same" || HIDDEN.has(row.field)) continue;
    if (row.before === entry.entityId || row.after === entry.entityId) continue;
    if (row.change !== "changed" && isBlank(row.before) && isBlank(row.after)) continue;
    const before = show(row.field, row.before);
    const after = show(row.field, row.after);
    if (before === after) continue;
    out.push({ field: row.field, label: fieldLabel(entry.entityType, row.field, words), before, after, change: row.change });
  }
  // Stable: fields of equal rank (a profile's answers) keep the record's order.
  return out.sort((a, b) => rank(a.field) - rank(b.field));
}

function snapshotName(entry: AuditEntry, words: LedgerWords): string | undefined {
  const snap = (entry.after ?? entry.before) as Record<string, unknown> | null;
  if (!snap || typeof snap !== "object") return undefined;
  const text = (key: string) => (typeof snap[key] === "string" && snap[key] ? (snap[key] as string) : undefined);
  const name = (words.lang === "en" ? text("nameEn") ?? text("titleEn") : undefined) ?? text("nameJa") ?? text("titleJa") ?? text("title") ?? text("name") ?? text("displayName") ?? text("fileName");
  const code = text("code");
  return code && name ? `${code} ${name}` : (name ?? code);
}

/**
 * How the entry's record is named in the ledger: its code and name from the page's `refs`, else
 * from the entry's own snapshot (a deleted record), else nothing — never its internal id.
 */
export function recordName(entry: AuditEntry, words: LedgerWords): string | undefined {
  const id = entry.entityId;
  if (!id) return undefined;
  const ref = words.refs[id];
  if (ref) return refText(ref, words);
  if (entry.entityType === "audit_checkpoint") return words.t("audit.record.checkpoint", { seq: id });
  const fromSnapshot = snapshotName(entry, words);
  if (fromSnapshot) return fromSnapshot;
  return isInternalId(id) ? idText(id, words) : undefined;
}
