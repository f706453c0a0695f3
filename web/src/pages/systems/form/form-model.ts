import type { CustomValues, FieldView } from "../../../api/fields.ts";
import type { ComponentEntry, DatasetEntry, Lifecycle, ModelEntry, SystemFields, SystemPatch, SystemView } from "../../../api/systems.ts";
import { customInputOf, type CustomDraft } from "../../../components/custom/custom-values.ts";
import { vendorLinksOf } from "../../../api/vendors.ts";
import type { MessageKey } from "../../../i18n/en.ts";

/** The system form's state: every field as the inputs hold it (empty strings, not nulls). */
export interface SystemDraft {
  code: string;
  nameJa: string;
  nameEn: string;
  purpose: string;
  businessOwnerId: string;
  technicalOwnerId: string;
  departmentId: string;
  lifecycle: Lifecycle;
  lastReviewedAt: string;
  nextReviewAt: string;
  tags: string[];
  countries: string[];
  /** The register vendors the system is linked to, by id. */
  vendorIds: string[];
  /** Vendor names recorded as text (not linked to the register), kept until linked or removed. */
  vendors: string[];
  models: ModelEntry[];
  datasets: DatasetEntry[];
  components: ComponentEntry[];
}

export type DraftField = keyof SystemDraft;

/** The fields in the order the form and the conflict view show them. */
export const DRAFT_FIELDS: readonly DraftField[] = [
  "nameJa",
  "nameEn",
  "code",
  "purpose",
  "lifecycle",
  "businessOwnerId",
  "technicalOwnerId",
  "departmentId",
  "lastReviewedAt",
  "nextReviewAt",
  "tags",
  "countries",
  "vendorIds",
  "vendors",
  "models",
  "datasets",
  "components",
];

export function emptyDraft(): SystemDraft {
  return {
    code: "",
    nameJa: "",
    nameEn: "",
    purpose: "",
    businessOwnerId: "",
    technicalOwnerId: "",
    departmentId: "",
    lifecycle: "planning",
    lastReviewedAt: "",
    nextReviewAt: "",
    tags: [],
    countries: [],
    vendorIds: [],
    vendors: [],
    models: [],
    datasets: [],
    components: [],
  };
}

export function draftOf(s: SystemView): SystemDraft {
  return {
    code: s.code,
    nameJa: s.nameJa,
    nameEn: s.nameEn,
    purpose: s.purpose,
    businessOwnerId: s.businessOwner?.id ?? "",
    technicalOwnerId: s.technicalOwner?.id ?? "",
    departmentId: s.department?.id ?? "",
    lifecycle: s.lifecycle,
    lastReviewedAt: s.lastReviewedAt ?? "",
    nextReviewAt: s.nextReviewAt ?? "",
    tags: s.tags,
    countries: s.countries,
    vendorIds: vendorLinksOf(s).map((v) => v.id),
    vendors: s.vendors,
    models: s.models,
    datasets: s.datasets,
    components: s.components,
  };
}

/** An entry without its blank optional texts (the API trims and would store them as ""). */
function compact<T extends object>(entry: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry)) {
    const value = typeof v === "string" ? v.trim() : v;
    if (value !== "" && value !== undefined) out[k] = value;
  }
  return out as T;
}

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** What a field sends: trimmed text, null for an empty reference or date, entries without blanks. */
function wire(draft: SystemDraft, field: DraftField): unknown {
  switch (field) {
    case "businessOwnerId":
    case "technicalOwnerId":
    case "departmentId":
    case "lastReviewedAt":
    case "nextReviewAt":
      return orNull(draft[field]);
    case "models":
    case "datasets":
    case "components":
      return draft[field].map((e) => compact(e));
    case "tags":
    case "countries":
    case "vendors":
      return draft[field];
    case "vendorIds":
      return [...draft.vendorIds].sort();
    case "lifecycle":
      return draft.lifecycle;
    default:
      return draft[field].trim();
  }
}

/** The dictionary key of a field's label: the system's own, or the vendor register's for the vendor fields. */
export function fieldLabelKey(field: DraftField): MessageKey {
  if (field === "vendorIds") return "systems.field.vendors";
  if (field === "vendors") return "vendors.systemField.unlinked";
  return `systems.field.${field}`;
}

/** The body of a create: every field, with `code` left out when blank (the server then numbers it). */
export function createBody(draft: SystemDraft): SystemFields {
  const body = Object.fromEntries(DRAFT_FIELDS.map((f) => [f, wire(draft, f)])) as Record<string, unknown>;
  if (body.code === "") delete body.code;
  return { ...body, profile: {} } as unknown as SystemFields;
}

/** The fields whose value (as sent) differs between two drafts. */
export function changedFields(a: SystemDraft, b: SystemDraft): DraftField[] {
  return DRAFT_FIELDS.filter((f) => JSON.stringify(wire(a, f)) !== JSON.stringify(wire(b, f)));
}

/** A patch with only what the user changed since `base`, so a concurrent change to other fields survives. */
export function patchBody(base: SystemDraft, draft: SystemDraft, version: number): SystemPatch {
  const patch: Record<string, unknown> = { version };
  for (const f of changedFields(base, draft)) patch[f] = wire(draft, f);
  return patch as SystemPatch;
}

/**
 * The user's changes (relative to the version they loaded) laid over the version someone else
 * saved meanwhile: their other changes stay, the user's win where both touched a field.
 */
export function reapply(base: SystemDraft, mine: SystemDraft, theirs: SystemDraft): SystemDraft {
  const next = { ...theirs } as Record<DraftField, unknown>;
  for (const f of changedFields(base, mine)) next[f] = mine[f];
  return next as unknown as SystemDraft;
}

/**
 * The custom values the user changed relative to the version they loaded, as drafts: what stays
 * of their edits when they re-apply them over someone else's version (the other fields take
 * that version's values).
 */
export function changedCustom(fields: readonly FieldView[], mine: CustomDraft, before: CustomValues | undefined): CustomDraft {
  const changed = customInputOf(fields, mine, before) ?? {};
  return Object.fromEntries(Object.keys(changed).map((key) => [key, mine[key] ?? ""]));
}

/** A field's value as one line of text, for the conflict view. */
export function describeField(draft: SystemDraft, field: DraftField, names: (field: DraftField, id: string) => string): string {
  if (field === "vendorIds") return draft.vendorIds.map((id) => names(field, id)).join(", ");
  const value = draft[field];
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === "string" ? v : Object.values(compact(v as object)).filter((x) => typeof x === "string").join(" / "))).join(", ");
  }
  if (field === "businessOwnerId" || field === "technicalOwnerId" || field === "departmentId") return value ? names(field, value as string) : "";
  return String(value);
}
