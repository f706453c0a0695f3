import { sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { controlStatusByUrn, countItem, inChunks } from "./assessments.store.ts";
import type { CounterDeltas } from "./counters.ts";

/**
 * After a control's status or mappings change, recomputes the effective status of every
 * unanswered row of the affected requirements across all systems — answer once, comply many —
 * and moves the counters with them. Rows a person (or an accepted inference) answered keep their
 * answer. Set-based: one grouped read per 500 URNs and one UPDATE per requirement whose derived
 * status changed, whatever the number of systems.
 */
export async function refreshFromControls(trx: Transaction<Database>, orgId: string, urns: readonly string[], d: CounterDeltas): Promise<number> {
  const unique = [...new Set(urns)];
  if (unique.length === 0) return 0;
  const derived = await controlStatusByUrn(trx, orgId, unique);
  let changed = 0;
  await inChunks(unique, 500, async (chunk) => {
    const groups = await trx
      .selectFrom("assessment_items")
      .select(["framework_id", "requirement_urn", "effective", "applicable", (eb) => eb.fn.countAll<number>().as("n")])
      .where("org_id", "=", orgId)
      .where("requirement_urn", "in", chunk)
      .where("answer", "is", null)
      .groupBy(["framework_id", "requirement_urn", "effective", "applicable"])
      .execute();
    const toUpdate = new Set<string>();
    for (const g of groups) {
      const next = derived.get(g.requirement_urn) ?? "not_started";
      if (next === g.effective) continue;
      toUpdate.add(g.requirement_urn);
      if (g.applicable === 1) {
        countItem(d, g.framework_id, g.requirement_urn, g.effective, -Number(g.n));
        countItem(d, g.framework_id, g.requirement_urn, next, Number(g.n));
      }
      changed += Number(g.n);
    }
    for (const urn of toUpdate) {
      const next = derived.get(urn) ?? "not_started";
      await trx
        .updateTable("assessment_items")
        .set({ effective: next })
        .where("org_id", "=", orgId)
        .where("requirement_urn", "=", urn)
        .where("answer", "is", null)
        .where(sql<boolean>`effective <> ${next}`)
        .execute();
    }
  });
  return changed;
}
