import type { Db } from "../db/connect.ts";
import type { AiSystem } from "../db/schema.ts";
import type { ImportField, Mapping } from "./io/import.mapping.ts";
import { rowMessages } from "./io/import.messages.ts";
import type { RowError } from "./io/import.validate.ts";
import type { CreateSystemInput } from "./systems.schema.ts";
import { withRecordFacts } from "./systems.record-facts.ts";
import { timeSlicer } from "../platform/time-slice.ts";
import { customKeyOf, isCustomTarget } from "../fields/fields.cells.ts";
import { readCustom } from "../fields/fields.values.ts";

/** What identifies a row's system already in the inventory: its code, or one of its names. */
export const UPSERT_KEYS = ["code", "nameJa", "nameEn"] as const;
export type UpsertKey = (typeof UPSERT_KEYS)[number];

/** A valid row as it will be written: a new system, or the system it updates (`existing`). */
export interface PlannedRow {
  line: number;
  input: CreateSystemInput;
  existing?: AiSystem;
}

/** One changed row for the preview: which fields change, from what to what. */
export interface RowChange {
  line: number;
  code: string;
  fields: { field: string; before: unknown; after: unknown }[];
}

export interface UpsertPlan {
  rows: PlannedRow[];
  counts: { new: number; changed: number; unchanged: number };
  /** The first changed rows, field by field. */
  changes: RowChange[];
  /** Rows refused by the plan: a key another row of the file has too. */
  errors: RowError[];
  /** Rows that look like a system already in the inventory (same name), imported as new without an upsert key. */
  warnings: RowError[];
}

const SAMPLE_CHANGES = 20;
/** Rows between two looks at the clock in a pass over the file or the inventory. */
const SLICE_CHECK = 500;
const READ_CHUNK = 500;

/** The input keys each import field fills, for deciding which of an existing system's fields the file speaks for. */
const KEYS_OF: Record<ImportField, (keyof CreateSystemInput)[]> = {
  code: ["code"], nameJa: ["nameJa"], nameEn: ["nameEn"], purpose: ["purpose"], businessOwnerEmail: ["businessOwnerId"], technicalOwnerEmail: ["technicalOwnerId"],
  departmentCode: ["departmentId"], businessOwnerName: [], technicalOwnerName: [], departmentNameJa: [], departmentNameEn: [], lifecycle: ["lifecycle"], profile: ["profile"], models: ["models"], datasets: ["datasets"], components: ["components"],
  vendors: ["vendors"], countries: ["countries"], tags: ["tags"], lastReviewedAt: ["lastReviewedAt"], nextReviewAt: ["nextReviewAt"],
};

/** Names compare as people read them: width, case and runs of spaces do not matter. */
export function foldKey(key: UpsertKey, value: string): string {
  return key === "code" ? value.trim() : value.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

function keyOf(key: UpsertKey, s: { code?: string | undefined; nameJa: string; nameEn: string }): string | undefined {
  const v = key === "code" ? s.code : s[key];
  return v === undefined || v === "" ? undefined : foldKey(key, v);
}

/** A stored system as the input that would create it (what an update is compared with). */
export function inputOf(r: AiSystem): CreateSystemInput {
  return {
    code: r.code, nameJa: r.name_ja, nameEn: r.name_en, purpose: r.purpose, businessOwnerId: r.business_owner_id, technicalOwnerId: r.technical_owner_id,
    departmentId: r.department_id, lifecycle: r.lifecycle as CreateSystemInput["lifecycle"], profile: JSON.parse(r.profile), models: JSON.parse(r.models),
    datasets: JSON.parse(r.datasets), components: JSON.parse(r.components), vendors: JSON.parse(r.vendors), countries: JSON.parse(r.countries),
    tags: JSON.parse(r.tags), lastReviewedAt: r.last_reviewed_at, nextReviewAt: r.next_review_at, custom: readCustom(r.custom),
  };
}

/**
 * Decides for each valid row whether it creates a system or updates one. With `upsertBy`, a row
 * whose key matches a system updates the fields its mapped columns fill — nothing else — and is
 * "unchanged" when they already hold those values; two rows with the same key are refused. Without
 * it every row is new, and one named like an existing system is flagged as a possible duplicate.
 */
export async function planUpsert(db: Db, orgId: string, valid: { line: number; input: CreateSystemInput; unnamed?: true }[], mapping: Mapping, upsertBy: UpsertKey | undefined, knownAlready?: KnownSystem[]): Promise<UpsertPlan> {
  const plan: UpsertPlan = { rows: [], counts: { new: 0, changed: 0, unchanged: 0 }, changes: [], errors: [], warnings: [] };
  const known = knownAlready ?? (await knownSystems(db, orgId));
  // SQLite answers on this thread without ever yielding: every pass over the file's rows or the
  // inventory gives way between slices, or matching 100,000 rows holds other requests for 0.3 s.
  const slicer = timeSlicer();
  if (!upsertBy) {
    flagLookalikes(plan, known, valid, mapping);
    for (const v of valid) plan.rows.push(v);
    plan.counts.new = valid.length;
    return plan;
  }
  const idByKey = new Map<string, string>();
  for (const [i, k] of known.entries()) {
    if (i % SLICE_CHECK === 0) await slicer.pause();
    const key = keyOf(upsertBy, { code: k.code, nameJa: k.name_ja, nameEn: k.name_en });
    if (key !== undefined && !idByKey.has(key)) idByKey.set(key, k.id);
  }
  const firstLine = new Map<string, number>();
  const matched: { line: number; input: CreateSystemInput; id: string }[] = [];
  const column = mapping.find((m) => m.field === upsertBy)?.column;
  const codeColumn = mapping.find((m) => m.field === "code")?.column;
  const knownCodes = new Set(known.map((k) => k.code));
  for (const [i, v] of valid.entries()) {
    if (i % SLICE_CHECK === 0) await slicer.pause();
    const key = keyOf(upsertBy, v.input);
    if (key !== undefined) {
      const first = firstLine.get(key);
      // A code standing in for a missing name matches nothing by name.
      if (v.unnamed && upsertBy !== "code") {
        plan.errors.push({ line: v.line, field: "nameJa", code: "name_required", message: rowMessages.name_required() });
        continue;
      }
      if (first !== undefined) {
        plan.errors.push({ line: v.line, ...(column && { column }), field: upsertBy, code: "duplicate_key", message: rowMessages.duplicate_key(key, first) });
        continue;
      }
      firstLine.set(key, v.line);
      const id = idByKey.get(key);
      if (id) {
        matched.push({ ...v, id });
        continue;
      }
    }
    if (v.unnamed) {
      plan.errors.push({ line: v.line, field: "nameJa", code: "name_required", message: rowMessages.name_required() });
      continue;
    }
    if (v.input.code !== undefined && knownCodes.has(v.input.code)) {
      plan.errors.push({ line: v.line, ...(codeColumn && { column: codeColumn }), field: "code", code: "code_taken", message: rowMessages.code_taken(v.input.code) });
      continue;
    }
    plan.rows.push(v);
    plan.counts.new++;
  }
  const fed = new Set(mapping.flatMap((m) => (isCustomTarget(m.field) ? [] : KEYS_OF[m.field])));
  const fedCustom = new Set(mapping.flatMap((m) => (isCustomTarget(m.field) ? [customKeyOf(m.field)] : [])));
  const words = matched.length > 0 ? await wordsFor(db, orgId) : new Map<string, string>();
  for (let i = 0; i < matched.length; i += READ_CHUNK) {
    await slicer.pause();
    const chunk = matched.slice(i, i + READ_CHUNK);
    // By primary key alone, the organisation checked on each row: SQLite without fresh statistics
    // answers `org_id = ? AND id IN (…)` by walking the organisation's index (13 s instead of 0.3 s
    // over 100,000 systems). The ids are the organisation's own (knownSystems), and a row of another
    // organisation could not come back as one of them.
    const rows = await db.kysely.selectFrom("ai_systems").selectAll().where("id", "in", chunk.map((m) => m.id)).execute();
    const byId = new Map(rows.filter((r) => r.org_id === orgId).map((r) => [r.id, r]));
    for (const [j, m] of chunk.entries()) {
      if (j % 100 === 0) await slicer.pause();
      const existing = byId.get(m.id);
      if (!existing) continue;
      const before = inputOf(existing);
      const after = mergeInput(before, m.input, fed, fedCustom);
      const fields = diff(before, after, words);
      if (fields.length === 0) {
        plan.counts.unchanged++;
        continue;
      }
      plan.counts.changed++;
      plan.rows.push({ line: m.line, input: after, existing });
      if (plan.changes.length < SAMPLE_CHANGES) plan.changes.push({ line: m.line, code: existing.code, fields });
    }
  }
  return plan;
}

const KNOWN_PAGE = 2_000;

/**
 * Every system's id, code and names, a page at a time, giving way between pages: on SQLite one
 * statement over 100,000 systems holds the server's only thread for a quarter of a second. Paged by
 * code, which the organisation's `(org_id, code)` index walks in order: paged by id, each page read
 * every system of the organisation and sorted them (60–100 ms a page, each a stall of the server).
 */
export type KnownSystem = { id: string; code: string; name_ja: string; name_en: string };

export async function knownSystems(db: Db, orgId: string): Promise<KnownSystem[]> {
  const out: KnownSystem[] = [];
  const slicer = timeSlicer();
  let after = "";
  for (;;) {
    const page = await db.kysely.selectFrom("ai_systems").select(["id", "code", "name_ja", "name_en"]).where("org_id", "=", orgId).where("code", ">", after).orderBy("org_id").orderBy("code").limit(KNOWN_PAGE).execute();
    for (const r of page) out.push(r);
    if (page.length < KNOWN_PAGE) return out;
    after = page[page.length - 1]!.code;
    await slicer.pause();
  }
}

/** The stored system with the fields the file speaks for replaced; the profile takes the record's purpose and countries, as on save. */
function mergeInput(before: CreateSystemInput, row: CreateSystemInput, fed: ReadonlySet<keyof CreateSystemInput>, fedCustom: ReadonlySet<string>): CreateSystemInput {
  const after: Record<string, unknown> = { ...before };
  for (const key of fed) if (key !== "code") after[key] = row[key];
  // The organisation's own fields the file has a column for take the file's value (a blank cell clears it); the others stay.
  if (fedCustom.size) {
    const custom = { ...before.custom };
    for (const key of fedCustom) {
      const v = row.custom?.[key];
      if (v === undefined || v === null) delete custom[key];
      else custom[key] = v;
    }
    after.custom = custom;
  }
  const merged = after as CreateSystemInput;
  return { ...merged, profile: withRecordFacts(merged.profile, merged) };
}

const COMPARED: (keyof CreateSystemInput)[] = ["nameJa", "nameEn", "purpose", "businessOwnerId", "technicalOwnerId", "departmentId", "lifecycle", "profile", "models", "datasets", "components", "vendors", "countries", "tags", "lastReviewedAt", "nextReviewAt"];

/** People and departments as the file names them (e-mail, code), so a change never shows a record id. */
async function wordsFor(db: Db, orgId: string): Promise<Map<string, string>> {
  const [users, departments] = await Promise.all([
    db.kysely.selectFrom("users").select(["id", "email"]).where("org_id", "=", orgId).execute(),
    db.kysely.selectFrom("departments").select(["id", "code"]).where("org_id", "=", orgId).execute(),
  ]);
  return new Map([...users.map((u) => [u.id, u.email] as const), ...departments.map((d) => [d.id, d.code] as const)]);
}

/** Changed fields named as the import names them (`businessOwnerEmail`, `departmentCode`), with e-mails and codes for ids. */
const SHOWN_AS: Partial<Record<keyof CreateSystemInput, ImportField>> = { businessOwnerId: "businessOwnerEmail", technicalOwnerId: "technicalOwnerEmail", departmentId: "departmentCode" };

function diff(before: CreateSystemInput, after: CreateSystemInput, words: ReadonlyMap<string, string>): RowChange["fields"] {
  const out: RowChange["fields"] = [];
  for (const key of COMPARED) {
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const shown = SHOWN_AS[key];
    if (shown) out.push({ field: shown, before: a === null ? null : (words.get(a as string) ?? a), after: b === null ? null : (words.get(b as string) ?? b) });
    else out.push({ field: key, before: a, after: b });
  }
  const was = before.custom ?? {};
  const now = after.custom ?? {};
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const a = was[key] ?? null;
    const b = now[key] ?? null;
    // A person is shown by e-mail, as the file names them.
    const shown = (v: unknown) => (typeof v === "string" ? (words.get(v) ?? v) : v);
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: `custom.${key}`, before: shown(a), after: shown(b) });
  }
  return out;
}

/** Without an upsert key: a row named exactly like a system already in the inventory is worth a look before it becomes a second one. */
function flagLookalikes(plan: UpsertPlan, known: { code: string; name_ja: string; name_en: string }[], valid: { line: number; input: CreateSystemInput }[], mapping: Mapping) {
  if (known.length === 0) return;
  const codeByName = new Map<string, string>();
  for (const k of known) for (const name of [k.name_ja, k.name_en]) codeByName.set(foldKey("nameJa", name), k.code);
  const column = mapping.find((m) => m.field === "nameJa")?.column ?? mapping.find((m) => m.field === "nameEn")?.column;
  for (const v of valid) {
    const code = codeByName.get(foldKey("nameJa", v.input.nameJa)) ?? codeByName.get(foldKey("nameEn", v.input.nameEn));
    if (code !== undefined) plan.warnings.push({ line: v.line, ...(column && { column }), field: "nameJa", code: "possible_duplicate", message: rowMessages.possible_duplicate(v.input.nameJa, code) });
  }
}
