import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { AiSystem, Database } from "../db/schema.ts";
import { vendorLinksOf, type VendorLink } from "../vendors/vendor-links.ts";
import { likePattern, MAX_LIMIT, type Page } from "../platform/pagination.ts";
import { COUNTERS, type CounterName } from "../compliance/counters.ts";
import type { ListSystemsQuery, SystemRow, SystemView } from "./systems.schema.ts";
import { foldForSearch, matchesSearch } from "../platform/search-fold.ts";
import { allCandidates, indexedCandidates, SORT_CANDIDATES_UP_TO } from "../search/search.index.ts";
import { customFilter, readCustom } from "../fields/fields.values.ts";

type Q = Kysely<Database> | Transaction<Database>;

export { foldForSearch };

/** What `q` matches: names, code, purpose, tags and vendors (and custom values, added by the caller), folded once at write time. */
export function searchTextOf(s: { code: string; nameJa: string; nameEn: string; purpose: string; tags: string[]; vendors: string[] }): string {
  return foldForSearch([s.code, s.nameJa, s.nameEn, s.tags.join(" "), s.vendors.join(" "), s.purpose].join("\n"));
}

/**
 * One select with the owners and department joined in, shared by the list and the detail read so
 * a page of any size is one statement (no per-row look-ups).
 */
function selectSystems(db: Q, orgId: string) {
  return db
    .selectFrom("ai_systems as s")
    .leftJoin("users as bo", (j) => j.onRef("bo.id", "=", "s.business_owner_id").on("bo.org_id", "=", orgId))
    .leftJoin("users as tec", (j) => j.onRef("tec.id", "=", "s.technical_owner_id").on("tec.org_id", "=", orgId))
    .leftJoin("departments as d", (j) => j.onRef("d.id", "=", "s.department_id").on("d.org_id", "=", orgId))
    .where("s.org_id", "=", orgId);
}

const JOINED = [
  "bo.display_name as bo_name",
  "bo.email as bo_email",
  "tec.display_name as tec_name",
  "tec.email as tec_email",
  "d.code as d_code",
  "d.name_ja as d_name_ja",
  "d.name_en as d_name_en",
] as const;

type Joined = {
  bo_name: string | null;
  bo_email: string | null;
  tec_name: string | null;
  tec_email: string | null;
  d_code: string | null;
  d_name_ja: string | null;
  d_name_en: string | null;
};

function person(id: string | null, name: string | null, email: string | null) {
  return id && name !== null ? { id, displayName: name, email: email ?? "" } : null;
}

function department(r: AiSystem & Joined) {
  return r.department_id && r.d_code !== null
    ? { id: r.department_id, code: r.d_code, nameJa: r.d_name_ja ?? "", nameEn: r.d_name_en ?? "" }
    : null;
}

/** A system row as the API shows it, with the register vendors it is linked to. */
export function presentSystem(r: AiSystem & Joined, vendorLinks: VendorLink[]): SystemView {
  return {
    id: r.id,
    code: r.code,
    nameJa: r.name_ja,
    nameEn: r.name_en,
    purpose: r.purpose,
    businessOwner: person(r.business_owner_id, r.bo_name, r.bo_email),
    technicalOwner: person(r.technical_owner_id, r.tec_name, r.tec_email),
    department: department(r),
    lifecycle: r.lifecycle as SystemView["lifecycle"],
    profile: JSON.parse(r.profile),
    models: JSON.parse(r.models),
    datasets: JSON.parse(r.datasets),
    components: JSON.parse(r.components),
    vendors: JSON.parse(r.vendors),
    vendorLinks,
    countries: JSON.parse(r.countries),
    tags: JSON.parse(r.tags),
    lastReviewedAt: r.last_reviewed_at,
    nextReviewAt: r.next_review_at,
    euClass: r.eu_class,
    euClassFrom: r.eu_class_from,
    frameworks: JSON.parse(r.frameworks),
    classifiedOn: r.classified_on,
    custom: readCustom(r.custom),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

const ROW_COLUMNS = [
  "s.id",
  "s.code",
  "s.name_ja",
  "s.name_en",
  "s.business_owner_id",
  "s.department_id",
  "s.lifecycle",
  "s.eu_class",
  "s.eu_class_from",
  "s.next_review_at",
  "s.tags",
  "s.custom",
  "s.updated_at",
  "s.version",
] as const;

type ListedRow = Pick<AiSystem, "id" | "code" | "name_ja" | "name_en" | "business_owner_id" | "department_id" | "lifecycle" | "eu_class" | "eu_class_from" | "next_review_at" | "tags" | "custom" | "updated_at" | "version"> & Joined;

function presentRow(r: ListedRow): SystemRow {
  return {
    id: r.id,
    code: r.code,
    nameJa: r.name_ja,
    nameEn: r.name_en,
    businessOwner: person(r.business_owner_id, r.bo_name, r.bo_email),
    department: department(r as AiSystem & Joined),
    lifecycle: r.lifecycle as SystemRow["lifecycle"],
    euClass: r.eu_class,
    euClassFrom: r.eu_class_from,
    nextReviewAt: r.next_review_at,
    tags: JSON.parse(r.tags),
    custom: readCustom(r.custom),
    updatedAt: r.updated_at,
    version: r.version,
  };
}

const SORT_COLUMNS = {
  code: "s.code",
  nameJa: "s.name_ja",
  nameEn: "s.name_en",
  euClass: "s.eu_class",
  nextReviewAt: "s.next_review_at",
  updatedAt: "s.updated_at",
} as const;

/** A JSON-array text column contains the string `value` (as a whole element). */
function jsonListHas(column: string, value: string) {
  return sql<boolean>`${sql.ref(column)} like ${likePattern(JSON.stringify(value))} escape '\\'`;
}

/**
 * Above this many matches past the offset, a total that would have to be counted row by row is
 * given as "at least" (`totalCapped`): counting 40,000 search hits costs more than the page does.
 */
export const COUNT_CAP = 1_000;

/** The inventory's filters on `ai_systems` alone (no joins): what both the page's ids and the count use. */
function filtered(db: Q, orgId: string, q: ListSystemsQuery, today: string, custom?: RawBuilder<boolean>, indexed?: RawBuilder<boolean>) {
  let base = db.selectFrom("ai_systems as m").where("m.org_id", "=", orgId);
  if (q.lifecycle) base = base.where("m.lifecycle", "=", q.lifecycle);
  if (q.euClass) base = q.euClass === "none" ? base.where("m.eu_class", "is", null) : base.where("m.eu_class", "=", q.euClass);
  if (q.departmentId) base = base.where("m.department_id", "=", q.departmentId);
  if (q.ownerId) {
    const owner = q.ownerId;
    base = base.where((eb) => eb.or([eb("m.business_owner_id", "=", owner), eb("m.technical_owner_id", "=", owner)]));
  }
  if (q.tag) base = base.where(jsonListHas("m.tags", q.tag));
  if (q.framework) base = base.where(jsonListHas("m.frameworks", q.framework));
  if (q.reviewOverdue === true) base = base.where("m.next_review_at", "<", today).where("m.lifecycle", "<>", "retired");
  if (q.reviewOverdue === false) base = base.where((eb) => eb.or([eb("m.next_review_at", "is", null), eb("m.next_review_at", ">=", today)]));
  if (custom) base = base.where(custom);
  if (indexed) base = base.where(indexed);
  if (q.q) base = base.where(matchesSearch("m.search_text", q.q));
  return base;
}

/**
 * The running total that answers "how many systems match" exactly when at most one of the
 * counted filters is set (none: every system, read as the sum over lifecycle stages).
 */
function counterFor(q: ListSystemsQuery): { name: CounterName; key?: string } | undefined {
  if (q.q || q.reviewOverdue !== undefined || q.customField !== undefined) return undefined;
  const set: { name: CounterName; key: string }[] = [];
  if (q.lifecycle) set.push({ name: COUNTERS.lifecycle, key: q.lifecycle });
  if (q.euClass) set.push({ name: COUNTERS.euClass, key: q.euClass });
  if (q.framework) set.push({ name: COUNTERS.scope, key: q.framework });
  if (q.tag) set.push({ name: COUNTERS.tag, key: q.tag });
  if (q.departmentId) set.push({ name: COUNTERS.department, key: q.departmentId });
  if (q.ownerId) set.push({ name: COUNTERS.owner, key: q.ownerId });
  if (set.length === 0) return { name: COUNTERS.lifecycle };
  return set.length === 1 ? set[0] : undefined;
}

/**
 * How many systems match: from the running totals when one counted filter (or none) is set;
 * otherwise counted, exactly when `exact` is asked for (the dashboard), else up to
 * `offset + COUNT_CAP` matches. One statement either way.
 */
async function countSystems(db: Q, orgId: string, q: ListSystemsQuery, today: string, exact: boolean, countCap: number, custom?: RawBuilder<boolean>, indexed?: RawBuilder<boolean>): Promise<{ total: number; capped: boolean }> {
  const counter = counterFor(q);
  if (counter) {
    let read = db.selectFrom("counters").select((eb) => eb.fn.coalesce(eb.fn.sum<number>("n"), sql<number>`0`).as("n")).where("org_id", "=", orgId).where("name", "=", counter.name);
    if (counter.key !== undefined) read = read.where("key", "=", counter.key);
    return { total: Number((await read.executeTakeFirstOrThrow()).n), capped: false };
  }
  const base = filtered(db, orgId, q, today, custom, indexed);
  if (exact) return { total: Number((await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n), capped: false };
  const cap = q.offset + countCap;
  const row = await db
    .selectFrom(base.select(sql<number>`1`.as("one")).limit(cap + 1).as("m"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/**
 * A page of the inventory and how many systems match: three statements whatever the page size.
 * Filters and sorts use the indexes of migrations 0003 and 0004; `q` reads its candidates from the
 * text index (migration 0027) where there is one.
 */
export async function listSystems(db: Q, orgId: string, q: ListSystemsQuery, today: string, opts: { exactTotal?: boolean; countCap?: number } = {}): Promise<Page<SystemRow>> {
  const desc = q.sort.startsWith("-");
  const column = SORT_COLUMNS[(desc ? q.sort.slice(1) : q.sort) as keyof typeof SORT_COLUMNS];
  const direction = desc ? "desc" : "asc";
  const custom = await customFilter(db, orgId, "system", "m.id", q.customField, q.customValue);
  const indexed = q.q ? await indexedCandidates(db, orgId, "system", "m.id", q.q) : undefined;
  // The page's ids first (an index walk over `ai_systems` alone, skipping the offset), then those
  // rows with their owners and department by primary key: a single joined statement lets the
  // planner walk every system in sort order and join each one, which costs 100 times more.
  const pageIds = (by?: RawBuilder<boolean>) =>
    filtered(db, orgId, q, today, custom, by)
      .select("m.id")
      .orderBy(column.replace("s.", "m.") as never, direction)
      .orderBy("m.id", direction)
      .limit(q.limit)
      .offset(q.offset)
      .execute();
  let ids: { id: string }[];
  let count: { total: number; capped: boolean };
  const exact = opts.exactTotal === true;
  const countCap = opts.countCap ?? COUNT_CAP;
  let fromIndex = indexed && (await countSystems(db, orgId, q, today, exact, countCap, custom, indexed.where));
  let candidates = indexed?.where;
  if (indexed?.partial && !(fromIndex?.capped && !exact)) {
    // Some candidates only, and too few of them matched to settle the count: all of them, if not too many.
    candidates = await allCandidates(db, orgId, "system", "m.id", q.q!);
    fromIndex = candidates && (await countSystems(db, orgId, q, today, exact, countCap, custom, candidates));
  }
  if (candidates && fromIndex) {
    // Searching: counted from the text index's candidates first (some of them only, for a common
    // word on PostgreSQL: enough matches among them prove the capped count). Few matches are then
    // read from the candidates and sorted; many are found sooner by walking the sort order, where they are dense.
    count = fromIndex;
    ids = await pageIds(!count.capped && count.total <= SORT_CANDIDATES_UP_TO ? candidates : undefined);
  } else {
    [ids, count] = await Promise.all([pageIds(), countSystems(db, orgId, q, today, exact, countCap, custom)]);
  }
  const found = ids.length === 0 ? [] : await selectSystems(db, orgId).where("s.id", "in", ids.map((r) => r.id)).select(ROW_COLUMNS).select(JOINED).execute();
  const byId = new Map((found as ListedRow[]).map((r) => [r.id, r]));
  const rows = ids.map((r) => byId.get(r.id)).filter((r): r is ListedRow => r !== undefined);
  return { items: rows.map(presentRow), total: count.total, ...(count.capped ? { totalCapped: true } : {}), limit: q.limit, offset: q.offset };
}

/** One system with its owners, department and linked vendors, or undefined when it is not in this organisation. */
export async function findSystem(db: Q, orgId: string, id: string): Promise<SystemView | undefined> {
  const row = await selectSystems(db, orgId).selectAll("s").select(JOINED).where("s.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const links = await vendorLinksOf(db, orgId, [id]);
  return presentSystem(row as AiSystem & Joined, links.get(id) ?? []);
}

/** Full records of a page of ids, in the order given: two statements (rows, vendor links), for exports. */
export async function findSystems(db: Q, orgId: string, ids: readonly string[]): Promise<SystemView[]> {
  if (ids.length === 0) return [];
  const [rows, links] = await Promise.all([selectSystems(db, orgId).selectAll("s").select(JOINED).where("s.id", "in", ids).execute(), vendorLinksOf(db, orgId, ids)]);
  const byId = new Map(rows.map((r) => [r.id, presentSystem(r as AiSystem & Joined, links.get(r.id) ?? [])]));
  return ids.map((id) => byId.get(id)).filter((v): v is SystemView => v !== undefined);
}

/**
 * Every system matching the list filters, as full records, for exports: read a page of 200 ids at
 * a time and their records in one statement per page, so no long transaction is held open.
 */
export async function exportSystems(db: Q, orgId: string, filters: Omit<ListSystemsQuery, "limit" | "offset">, today: string): Promise<SystemView[]> {
  const records: SystemView[] = [];
  for (let offset = 0; ; offset += MAX_LIMIT) {
    const page = await listSystems(db, orgId, { ...filters, limit: MAX_LIMIT, offset }, today);
    records.push(...(await findSystems(db, orgId, page.items.map((r) => r.id))));
    if (page.items.length < MAX_LIMIT) return records;
  }
}

/** The stored row alone, for writes that need the previous values. */
export function getSystemRow(db: Q, orgId: string, id: string): Promise<AiSystem | undefined> {
  return db.selectFrom("ai_systems").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
}
