import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

/** The kinds of record a prefilled answer can rest on. */
export const SOURCE_KINDS = ["risks", "controls", "evidence", "assessments", "vendor-reviews", "systems", "incidents", "approvals", "users", "ledger", "publications"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The ledger entries that are the report's own making: editing the report must not make its ledger answer stale. */
export const OWN_ENTITY_TYPES = ["haip_report", "publication", "questionnaire"] as const;

/**
 * A fingerprint of everything of one kind the organisation holds: how many rows and when the last
 * one changed. A prefilled answer keeps the fingerprints it was written from; when one differs
 * now, a record it rests on was added, changed or removed, and the answer is flagged. One grouped
 * statement per kind, however many records — this is what keeps the check cheap at 100,000 rows.
 */
export async function readStamps(db: Kysely<Database>, orgId: string, kinds: readonly SourceKind[]): Promise<Map<SourceKind, string>> {
  const out = new Map<SourceKind, string>();
  await Promise.all(
    [...new Set(kinds)].map(async (kind) => {
      out.set(kind, await stampOf(db, orgId, kind));
    }),
  );
  return out;
}

async function stampOf(db: Kysely<Database>, orgId: string, kind: SourceKind): Promise<string> {
  const k = db as Kysely<any>;
  const agg = async (table: string, changed: string) => {
    let q = k.selectFrom(table).select([sql<number>`count(*)`.as("n"), sql<string | null>`max(${sql.raw(changed)})`.as("at")]).where("org_id", "=", orgId);
    // The report's own approval is not a source of its governance answer, nor its own publication of its transparency answer.
    if (table === "approvals") q = q.where("subject_type", "<>", "haip_report");
    if (table === "publications") q = q.where("kind", "=", "system-card");
    const row = await q.executeTakeFirst();
    return `${Number(row?.n ?? 0)}@${row?.at ?? "-"}`;
  };
  switch (kind) {
    case "risks": return agg("risks", "updated_at");
    case "controls": return agg("controls", "updated_at");
    case "evidence": return agg("evidence", "updated_at");
    case "assessments": return agg("assessments", "updated_at");
    case "vendor-reviews": return agg("vendor_reviews", "created_at");
    case "systems": return agg("ai_systems", "updated_at");
    case "incidents": return agg("incidents", "updated_at");
    case "approvals": return agg("approvals", "coalesce(decided_at, created_at)");
    case "users": return agg("users", "updated_at");
    case "publications": return agg("publications", "coalesce(withdrawn_at, published_at)");
    case "ledger": {
      const row = await db
        .selectFrom("audit_log")
        .select([sql<number>`count(*)`.as("n"), sql<string | null>`max(ts)`.as("at")])
        .where("org_id", "=", orgId)
        .where("entity_type", "not in", [...OWN_ENTITY_TYPES])
        .where((eb) => eb.not(eb.and([eb("entity_type", "=", "approval"), eb("entity_id", "in", eb.selectFrom("approvals").select("id").where("org_id", "=", orgId).where("subject_type", "=", "haip_report"))])))
        .executeTakeFirst();
      return `${Number(row?.n ?? 0)}@${row?.at ?? "-"}`;
    }
  }
}
