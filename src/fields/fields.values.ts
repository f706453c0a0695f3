import { sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from "kysely";
import type { CustomFieldsTable, Database } from "../db/schema.ts";
import { AppError } from "../platform/errors.ts";
import { fieldText, type FieldTextKey } from "../platform/http/field-messages.ts";
import { foldForSearch, matchesSearch } from "../platform/search-fold.ts";
import type { CustomInput, CustomValues, FieldEntity, FieldOption, FieldType } from "./fields.schema.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** A field definition as the value checks read it. */
export interface FieldDef {
  id: string;
  key: string;
  type: FieldType;
  options: FieldOption[];
  archived: boolean;
  labelJa: string;
  labelEn: string;
}

export function toDef(r: Selectable<CustomFieldsTable>): FieldDef {
  return { id: r.id, key: r.key, type: r.type as FieldType, options: JSON.parse(r.options), archived: r.archived_at !== null, labelJa: r.label_ja, labelEn: r.label_en };
}

/** Every field the organisation defined on this kind of record, archived ones too, in form order. */
export async function fieldDefs(db: Q, orgId: string, entity: FieldEntity): Promise<FieldDef[]> {
  const rows = await db.selectFrom("custom_fields").selectAll().where("org_id", "=", orgId).where("entity", "=", entity).orderBy("position").orderBy("key").execute();
  return rows.map(toDef);
}

/** The same, by key: what value checks, index rows and search words look fields up by. */
export async function fieldDefsByKey(db: Q, orgId: string, entity: FieldEntity): Promise<Map<string, FieldDef>> {
  return new Map((await fieldDefs(db, orgId, entity)).map((d) => [d.key, d]));
}

const MAX_TEXT: Partial<Record<FieldType, number>> = { text: 2000, long_text: 20_000, url: 2000 };
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function realDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * One value checked against its field: the value to store, or what is wrong with it. Text is
 * trimmed (an empty text is no value); a number must be finite; a multi-choice keeps each choice once.
 * A person is checked against the organisation's members by the caller.
 */
export function checkValue(def: FieldDef, raw: unknown): { value: string | number | string[] | null } | { problem: FieldTextKey } {
  switch (def.type) {
    case "text":
    case "long_text":
    case "url": {
      if (typeof raw !== "string") return { problem: def.type === "url" ? "custom_url" : "custom_text" };
      const v = raw.trim();
      if (v === "") return { value: null };
      if (v.length > MAX_TEXT[def.type]! || v.includes("\u0000")) return { problem: def.type === "url" ? "custom_url" : "custom_text" };
      if (def.type === "url" && !/^https?:\/\/[^\s]+$/i.test(v)) return { problem: "custom_url" };
      return { value: v };
    }
    case "number": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw.trim()) : Number.NaN;
      return Number.isFinite(n) && Math.abs(n) < 1e15 ? { value: n } : { problem: "custom_number" };
    }
    case "date":
      return typeof raw === "string" && realDay(raw.trim()) ? { value: raw.trim() } : { problem: "custom_date" };
    case "choice":
      return typeof raw === "string" && def.options.some((o) => o.value === raw) ? { value: raw } : { problem: "custom_choice" };
    case "multi_choice": {
      if (!Array.isArray(raw) || raw.some((v) => typeof v !== "string" || !def.options.some((o) => o.value === v))) return { problem: "custom_multi_choice" };
      const chosen = [...new Set(raw as string[])];
      return { value: chosen.length ? chosen : null };
    }
    case "person":
      return typeof raw === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? { value: raw } : { problem: "no_such_user" };
  }
}

/**
 * A record's custom values after `input` is applied to `current`: each given key is checked
 * against its field (unknown keys, retired fields and bad values are a 400 naming `body.custom.<key>`),
 * `null` clears. People must be active members of the organisation.
 */
export async function applyCustom(db: Q, orgId: string, entity: FieldEntity, input: CustomInput | undefined, current: CustomValues = {}): Promise<CustomValues> {
  if (!input || Object.keys(input).length === 0) return current;
  const defs = await fieldDefsByKey(db, orgId, entity);
  const next: CustomValues = { ...current };
  const problems: { field: string; message: string }[] = [];
  const people: { key: string; id: string }[] = [];
  for (const [key, raw] of Object.entries(input)) {
    const def = defs.get(key);
    const field = `body.custom.${key}`;
    if (!def) {
      problems.push({ field, message: fieldText("no_such_field") });
      continue;
    }
    if (raw === null) {
      delete next[key];
      continue;
    }
    if (def.archived) {
      problems.push({ field, message: fieldText("field_archived") });
      continue;
    }
    const checked = checkValue(def, raw);
    if ("problem" in checked) problems.push({ field, message: fieldText(checked.problem) });
    else if (checked.value === null) delete next[key];
    else {
      next[key] = checked.value;
      if (def.type === "person") people.push({ key, id: checked.value as string });
    }
  }
  if (people.length) {
    const found = await db.selectFrom("users").select("id").where("org_id", "=", orgId).where("status", "=", "active").where("id", "in", people.map((p) => p.id)).execute();
    const ok = new Set(found.map((u) => u.id));
    for (const p of people) if (!ok.has(p.id)) problems.push({ field: `body.custom.${p.key}`, message: fieldText("no_such_user") });
  }
  if (problems.length) throw new AppError(400, "validation_failed", problems);
  return next;
}

/** Input values as stored: a `null` (clear) in an input for a new record is simply no value. */
export function storedValues(input: CustomInput | undefined): CustomValues {
  const out: CustomValues = {};
  for (const [k, v] of Object.entries(input ?? {})) if (v !== null) out[k] = v;
  return out;
}

/** What a filter compares for one stored value: numbers in one spelling, everything else as stored. */
export function valueKey(type: FieldType, v: string | number): string | null {
  if (type === "text" || type === "long_text" || type === "url") return null;
  return typeof v === "number" ? String(v) : v;
}

export function optionWords(def: FieldDef, value: string): string {
  const o = def.options.find((x) => x.value === value);
  return o ? `${o.labelJa} ${o.labelEn} ${o.value}` : value;
}

/** The index rows for one record's values: one per value (per choice of a multi-choice). */
export function indexRows(orgId: string, recordId: string, values: CustomValues, defs: ReadonlyMap<string, FieldDef>) {
  const rows: { org_id: string; field_id: string; record_id: string; seq: number; value_key: string | null; search_text: string }[] = [];
  for (const [key, v] of Object.entries(values)) {
    const def = defs.get(key);
    if (!def) continue;
    const items = Array.isArray(v) ? v : [v];
    items.forEach((item, seq) => {
      const words = def.type === "choice" || def.type === "multi_choice" ? optionWords(def, String(item)) : def.type === "person" ? "" : String(item);
      rows.push({ org_id: orgId, field_id: def.id, record_id: recordId, seq, value_key: valueKey(def.type, item), search_text: foldForSearch(words) });
    });
  }
  return rows;
}

/**
 * A record's custom values as search reads them, to add to the record's own folded search text
 * (systems and incidents keep one): text as written, choices with their labels. An option
 * relabelled later is written again into every record holding it (`fields.relabel.ts`).
 */
export function customSearchText(values: CustomValues, defs: ReadonlyMap<string, FieldDef>): string {
  const words = indexRows("", "", values, defs)
    .map((r) => r.search_text)
    .filter(Boolean);
  return words.length ? `\n${words.join("\n")}` : "";
}

/** {@link customSearchText} for a record being saved: no query at all when it holds no custom value. */
export async function customSearchWords(db: Q, orgId: string, entity: FieldEntity, values: CustomValues): Promise<string> {
  return Object.keys(values).length ? customSearchText(values, await fieldDefsByKey(db, orgId, entity)) : "";
}

/** The index rows of a record just created: nothing to replace, and no query when it holds no custom value. */
export async function indexNewRecord(trx: Q, orgId: string, entity: FieldEntity, recordId: string, values: CustomValues): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await insertIndexRows(trx, indexRows(orgId, recordId, values, await fieldDefsByKey(trx, orgId, entity)));
}

const INSERT_CHUNK = 200;

/** Replaces the index rows of records whose custom values were written (their `custom` column is the caller's). */
export async function reindexCustom(trx: Q, orgId: string, entity: FieldEntity, records: readonly { id: string; custom: CustomValues }[], defs?: readonly FieldDef[]): Promise<void> {
  if (records.length === 0) return;
  const byKey = defs ? new Map(defs.map((d) => [d.key, d])) : await fieldDefsByKey(trx, orgId, entity);
  const ids = records.map((r) => r.id);
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    await trx.deleteFrom("custom_field_values").where("org_id", "=", orgId).where("record_id", "in", ids.slice(i, i + INSERT_CHUNK)).execute();
  }
  await insertIndexRows(trx, records.flatMap((r) => indexRows(orgId, r.id, r.custom, byKey)));
}

/** Writes index rows a statement per {@link INSERT_CHUNK} (a record may have a hundred values). */
export async function insertIndexRows(trx: Q, rows: ReturnType<typeof indexRows>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto("custom_field_values").values(rows.slice(i, i + INSERT_CHUNK)).execute();
}

/** Forgets the index rows of a deleted record. */
export async function dropCustom(trx: Q, orgId: string, recordId: string): Promise<void> {
  await trx.deleteFrom("custom_field_values").where("org_id", "=", orgId).where("record_id", "=", recordId).execute();
}

/** A record's stored values (the JSON of its `custom` column). */
export function readCustom(json: string | null | undefined): CustomValues {
  if (!json) return {};
  const v = JSON.parse(json) as unknown;
  return v && typeof v === "object" && !Array.isArray(v) ? (v as CustomValues) : {};
}

/**
 * The list filter `customField=<key>&customValue=<value>`: the records (by `idColumn`) holding the
 * value, found through the index. An unknown key, or a free-text field, is a 400 on `query.customField`.
 */
export async function customFilter(db: Q, orgId: string, entity: FieldEntity, idColumn: string, key: string | undefined, value: string | undefined): Promise<RawBuilder<boolean> | undefined> {
  if (key === undefined && value === undefined) return undefined;
  if (key === undefined || value === undefined) throw new AppError(400, "validation_failed", [{ field: key === undefined ? "query.customField" : "query.customValue", message: "Required" }]);
  const def = (await fieldDefs(db, orgId, entity)).find((d) => d.key === key);
  if (!def) throw new AppError(400, "validation_failed", [{ field: "query.customField", message: fieldText("no_such_field") }]);
  const wanted = def.type === "number" && Number.isFinite(Number(value)) ? String(Number(value)) : value;
  if (def.type === "text" || def.type === "long_text" || def.type === "url") {
    return sql<boolean>`${sql.ref(idColumn)} in (select record_id from custom_field_values where org_id = ${orgId} and field_id = ${def.id} and ${matchesSearch("search_text", value)})`;
  }
  return sql<boolean>`${sql.ref(idColumn)} in (select record_id from custom_field_values where org_id = ${orgId} and field_id = ${def.id} and value_key = ${wanted})`;
}

/**
 * Search over the custom values of one kind of record (risks, vendors: systems and incidents keep
 * theirs in their own search text): the records (by `idColumn`) with a value containing `q`. Only
 * that kind's fields are read, through the index, not every value of the organisation.
 */
export function customSearch(orgId: string, entity: FieldEntity, idColumn: string, q: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(idColumn)} in (select record_id from custom_field_values where org_id = ${orgId} and field_id in (select id from custom_fields where org_id = ${orgId} and entity = ${entity}) and ${matchesSearch("search_text", q)})`;
}
