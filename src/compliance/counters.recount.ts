import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { COUNTERS, riskCounts, systemCounts } from "./counters.ts";

/**
 * The counters an organisation should have, computed from the rows themselves with GROUP BY: the
 * reference the running totals are tested against (and a repair tool, should they ever drift).
 */
export async function expectedCounters(db: Kysely<Database>, orgId: string): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  const add = (name: string, key: string, n: number) => {
    if (n === 0) return;
    let f = out.get(name);
    if (!f) out.set(name, (f = new Map()));
    f.set(key, (f.get(key) ?? 0) + n);
  };
  const systems = await db
    .selectFrom("ai_systems")
    .select(["lifecycle", "eu_class", "eu_class_from", "frameworks", "tags", "department_id", "business_owner_id", "technical_owner_id"])
    .where("org_id", "=", orgId)
    .execute();
  for (const s of systems) for (const [name, key] of systemCounts(s)) add(name, key, 1);
  const assessed = await db.selectFrom("assessments").select(["framework_id", (eb) => eb.fn.countAll<number>().as("n")]).where("org_id", "=", orgId).groupBy("framework_id").execute();
  for (const a of assessed) add(COUNTERS.assessed, a.framework_id, Number(a.n));
  const items = await db
    .selectFrom("assessment_items")
    .select(["framework_id", "requirement_urn", "effective", (eb) => eb.fn.countAll<number>().as("n")])
    .where("org_id", "=", orgId)
    .where("applicable", "=", 1)
    .groupBy(["framework_id", "requirement_urn", "effective"])
    .execute();
  for (const i of items) {
    add(COUNTERS.posture, `${i.framework_id}|${i.effective}`, Number(i.n));
    add(COUNTERS.requirement, `${i.requirement_urn}|${i.effective}`, Number(i.n));
  }
  const risks = await db.selectFrom("risks").select(["inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"]).where("org_id", "=", orgId).execute();
  for (const r of risks) for (const [name, key] of riskCounts(r)) add(name, key, 1);
  return out;
}
