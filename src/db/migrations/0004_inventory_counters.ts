import { sql, type Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Running totals of systems per tag, department and owner, so that the inventory can give the
 * exact number of systems for any one filter without counting rows. Existing systems are counted
 * here once; from now on every write keeps the totals (`systemCounts` in compliance/counters.ts).
 * Also indexes for the overdue-review count and the sort by class. The families' names are written out: a migration must not change when the code does.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  // "Reviews overdue" counts systems past their review date that are not retired: with the stage
  // in the index, the count is an index range read, not a visit to every row.
  // Sorting by EU AI Act class breaks ties by id, as every inventory sort does; 0003's class index
  // ends in the code (for the class filter), so that sort needed a full sort of the organisation.
  await db.schema.createIndex("ai_systems_org_eu_class_id").ifNotExists().on("ai_systems").columns(["org_id", "eu_class", "id"]).execute();
  await db.schema.createIndex("ai_systems_org_review_stage").ifNotExists().on("ai_systems").columns(["org_id", "next_review_at", "lifecycle"]).execute();
  const totals = new Map<string, number>();
  const add = (orgId: string, name: string, key: string) => {
    const k = JSON.stringify([orgId, name, key]);
    totals.set(k, (totals.get(k) ?? 0) + 1);
  };
  const rows = await db.selectFrom("ai_systems").select(["org_id", "tags", "department_id", "business_owner_id", "technical_owner_id"]).execute();
  for (const r of rows) {
    for (const tag of new Set(JSON.parse(r.tags) as string[])) add(r.org_id, "systems.tag", tag);
    if (r.department_id) add(r.org_id, "systems.department", r.department_id);
    for (const owner of new Set([r.business_owner_id, r.technical_owner_id])) if (owner) add(r.org_id, "systems.owner", owner);
  }
  const values = [...totals].map(([k, n]) => {
    const [org_id, name, key] = JSON.parse(k) as [string, string, string];
    return { org_id, name, key, n };
  });
  for (let i = 0; i < values.length; i += 300) {
    await db
      .insertInto("counters")
      .values(values.slice(i, i + 300))
      .onConflict((oc) => oc.columns(["org_id", "name", "key"]).doUpdateSet({ n: sql`excluded.n` }))
      .execute();
  }
}
