import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { CODED_RECORDS, type CodedRecordType } from "./audit.actions.ts";

/** One record a business code names. */
export interface CodedRecord {
  type: CodedRecordType;
  id: string;
}

/** Record types that can be deleted, with the action whose `before` keeps the record's last code. */
const DELETIONS: Partial<Record<CodedRecordType, string>> = {
  system: "system.deleted",
  risk: "risk.deleted",
  control: "control.deleted",
  vendor: "vendor.deleted",
  department: "department.deleted",
};

/**
 * The spellings of a code a person may type: as typed, NFKC-folded (a full-width `ＩＮＣ－０００００３`
 * from a Japanese input method) and upper-cased (`inc-000003`).
 */
export function codeSpellings(text: string): string[] {
  const folded = text.trim().normalize("NFKC");
  return [...new Set([text.trim(), folded, folded.toUpperCase()])].filter(Boolean);
}

/**
 * The records of `orgId` that a business code (`AIS-000001`, `RSK-…`, `INC-…`, `VND-…`, `TSK-…`,
 * a control's or department's own code) names: never another organisation's. Live records in one
 * statement; when none matches, records deleted under that code, from their deletion entries.
 *
 * ```sql
 * select 'system' as type, id from ai_systems where org_id = $1 and code in ($2, $3)
 * union all select 'risk' as type, id from risks where org_id = $4 and code in ($5, $6) …
 * ```
 */
export async function recordsByCode(db: Kysely<Database>, orgId: string, text: string): Promise<CodedRecord[]> {
  const spellings = codeSpellings(text);
  if (spellings.length === 0) return [];
  const selects = Object.entries(CODED_RECORDS).map(
    ([type, table]) => sql`select ${sql.lit(type)} as type, id from ${sql.table(table)} where org_id = ${orgId} and code in (${sql.join(spellings)})`,
  );
  const live = await sql<CodedRecord>`${sql.join(selects, sql` union all `)}`.execute(db);
  if (live.rows.length > 0) return live.rows;

  const deletions = Object.entries(DELETIONS);
  // The ledger stores canonical JSON, so a deleted record's code reads `"code":"AIS-000001"` there.
  const patterns = spellings.map((s) => `%${`"code":${JSON.stringify(s)}`.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  const gone = await db
    .selectFrom("audit_log")
    .select(["entity_type", "entity_id", "before_json"])
    .where("org_id", "=", orgId)
    .where("entity_type", "in", deletions.map(([type]) => type))
    .where("action", "in", deletions.map(([, action]) => action))
    .where((eb) => eb.or(patterns.map((p) => sql<boolean>`${eb.ref("before_json")} like ${p} escape '\\'`)))
    .execute();
  // LIKE ignores case on SQLite: keep only the entries whose code is one of the spellings exactly.
  return gone
    .filter((g) => g.entity_id && spellings.includes((JSON.parse(g.before_json ?? "{}") as { code?: unknown }).code as string))
    .map((g) => ({ type: g.entity_type as CodedRecordType, id: g.entity_id! }));
}
