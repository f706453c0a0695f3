import { sql, type Kysely, type RawBuilder } from "kysely";
import type { AuditRow, Database } from "../db/schema.ts";
import type { AuditEntityType } from "./audit.actions.ts";

/** What the ledger shows instead of an internal id: the record's type, business code and name. */
export interface AuditRef {
  type: AuditEntityType;
  code: string | null;
  name: { ja: string; en: string };
  /** The record is gone; its name comes from the ledger's own snapshot of it. */
  deleted?: true;
}

/** Where the code and name of the record an id prefix names live. Constant SQL, never user text. */
interface RefSource {
  type: AuditEntityType;
  from: string;
  org: string;
  code: string | null;
  ja: string;
  en: string;
}

const onSystem = "join ai_systems s on s.org_id = r.org_id and s.id = r.system_id";
const SOURCES: Record<string, RefSource> = {
  usr: { type: "user", from: "users r", org: "r.org_id", code: null, ja: "r.display_name", en: "r.display_name" },
  dep: { type: "department", from: "departments r", org: "r.org_id", code: "r.code", ja: "r.name_ja", en: "r.name_en" },
  sys: { type: "system", from: "ai_systems r", org: "r.org_id", code: "r.code", ja: "r.name_ja", en: "r.name_en" },
  rsk: { type: "risk", from: "risks r", org: "r.org_id", code: "r.code", ja: "r.title_ja", en: "r.title_en" },
  ctl: { type: "control", from: "controls r", org: "r.org_id", code: "r.code", ja: "r.title_ja", en: "r.title_en" },
  inc: { type: "incident", from: "incidents r", org: "r.org_id", code: "r.code", ja: "r.title", en: "r.title" },
  tsk: { type: "task", from: "tasks r", org: "r.org_id", code: "r.code", ja: "r.title", en: "r.title" },
  vnd: { type: "vendor", from: "vendors r", org: "r.org_id", code: "r.code", ja: "r.name", en: "r.name" },
  evd: { type: "evidence", from: "evidence r", org: "r.org_id", code: null, ja: "r.title", en: "r.title" },
  apr: { type: "approval", from: "approvals r", org: "r.org_id", code: null, ja: "r.title", en: "r.title" },
  sch: { type: "schedule", from: "review_schedules r", org: "r.org_id", code: null, ja: "r.name", en: "r.name" },
  whk: { type: "webhook", from: "webhook_endpoints r", org: "r.org_id", code: null, ja: "r.url", en: "r.url" },
  tok: { type: "api_token", from: "api_tokens r", org: "r.org_id", code: null, ja: "r.name", en: "r.name" },
  imp: { type: "import", from: "import_jobs r", org: "r.org_id", code: null, ja: "r.file_name", en: "r.file_name" },
  org: { type: "organization", from: "organizations r", org: "r.id", code: null, ja: "r.name_ja", en: "r.name_en" },
  // An assessment and its rows are known by the system they assess.
  asm: { type: "assessment", from: `assessments r ${onSystem}`, org: "r.org_id", code: "s.code", ja: "s.name_ja", en: "s.name_en" },
  itm: { type: "assessment_item", from: `assessment_items r ${onSystem}`, org: "r.org_id", code: "s.code", ja: "s.name_ja", en: "s.name_en" },
};

/** A `newId` id (`usr_` + 20 Crockford base-32 characters) of a record a reader can be shown. */
const REF_ID = /^([a-z]{3})_[0-9a-hjkmnp-tv-z]{20}$/;

/** A page names at most this many records; beyond it the rest stay unnamed rather than slow. */
const MAX_REFS = 2000;

/** Actions whose entry holds a full snapshot of the record: where a deleted record's name survives. */
const SNAPSHOT_ACTIONS = ["system.created", "system.imported", "system.deleted", "risk.created", "risk.deleted", "control.created", "control.deleted", "vendor.created", "vendor.deleted", "department.created", "department.deleted", "evidence.created", "evidence.deleted", "user.created", "incident.filed", "task.created", "schedule.created", "schedule.deleted"];

function collectIds(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    const prefix = REF_ID.exec(value)?.[1];
    if (prefix && prefix in SOURCES) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectIds(v, into);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) collectIds(v, into);
  }
}

/** The ids a page of entries mentions: each entry's record, its actor, and the ids inside its before and after. */
export function referencedIds(rows: readonly AuditRow[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) {
    collectIds(r.entity_id, ids);
    collectIds(r.actor_id, ids);
    if (r.before_json) collectIds(JSON.parse(r.before_json), ids);
    if (r.after_json) collectIds(JSON.parse(r.after_json), ids);
  }
  return [...ids].slice(0, MAX_REFS);
}

function selectFrom(source: RefSource, orgId: string, ids: string[]): RawBuilder<unknown> {
  const code = sql.raw(source.code ?? "cast(null as text)");
  return sql`select ${sql.lit(source.type)} as type, r.id as id, ${code} as code, ${sql.raw(source.ja)} as name_ja, ${sql.raw(source.en)} as name_en from ${sql.raw(source.from)} where ${sql.raw(source.org)} = ${orgId} and r.id in (${sql.join(ids)})`;
}

interface RefRow {
  type: AuditEntityType;
  id: string;
  code: string | null;
  name_ja: string;
  name_en: string;
}

/** A record's code and name as its own ledger snapshot spelled them. */
function refFromSnapshot(type: AuditEntityType, snapshot: Record<string, unknown>): AuditRef | undefined {
  const text = (key: string) => (typeof snapshot[key] === "string" ? (snapshot[key] as string) : undefined);
  const ja = text("nameJa") ?? text("titleJa") ?? text("title") ?? text("name") ?? text("displayName");
  const en = text("nameEn") ?? text("titleEn") ?? ja;
  const code = text("code") ?? null;
  if (ja === undefined && code === null) return undefined;
  return { type, code, name: { ja: ja ?? "", en: en ?? "" }, deleted: true };
}

/**
 * Code and name of every record a page of entries mentions, by id, within `orgId` only: one
 * statement for the live records (a `union all` of one select per kind of id), and one more only
 * when some are gone, reading their names from the ledger's snapshots of them. Never one per row.
 *
 * ```sql
 * select 'user' as type, r.id, cast(null as text) as code, r.display_name as name_ja, …
 *   from users r where r.org_id = $1 and r.id in ($2, $3)
 * union all select 'department' as type, r.id, r.code, r.name_ja, r.name_en from departments r where …
 * ```
 */
export async function auditRefs(db: Kysely<Database>, orgId: string, rows: readonly AuditRow[]): Promise<Record<string, AuditRef>> {
  const ids = referencedIds(rows);
  const refs: Record<string, AuditRef> = {};
  if (ids.length === 0) return refs;
  const byPrefix = new Map<string, string[]>();
  for (const id of ids) {
    const prefix = id.slice(0, 3);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), id]);
  }
  const selects = [...byPrefix].map(([prefix, list]) => selectFrom(SOURCES[prefix]!, orgId, list));
  const live = await sql<RefRow>`${sql.join(selects, sql` union all `)}`.execute(db);
  for (const r of live.rows) refs[r.id] = { type: r.type, code: r.code, name: { ja: r.name_ja, en: r.name_en } };

  const missing = ids.filter((id) => !refs[id]);
  if (missing.length === 0) return refs;
  const gone = await db
    .selectFrom("audit_log")
    .select(["entity_type", "entity_id", "before_json", "after_json"])
    .where("org_id", "=", orgId)
    .where("entity_type", "in", [...new Set(missing.map((id) => SOURCES[id.slice(0, 3)]!.type))])
    .where("entity_id", "in", missing)
    .where("action", "in", SNAPSHOT_ACTIONS)
    .orderBy("seq", "asc")
    .execute();
  for (const g of gone) {
    const snapshot = JSON.parse(g.after_json ?? g.before_json ?? "null") as unknown;
    if (!g.entity_id || !snapshot || typeof snapshot !== "object") continue;
    const ref = refFromSnapshot(g.entity_type as AuditEntityType, snapshot as Record<string, unknown>);
    if (ref) refs[g.entity_id] = ref;
  }
  return refs;
}
