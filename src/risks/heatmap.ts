import { sql, type Kysely } from "kysely";
import { COUNTERS, readCounterFamily } from "../compliance/counters.ts";
import type { Database } from "../db/schema.ts";
import { readRiskMatrix } from "./matrix.service.ts";
import type { HeatmapView } from "./risks.schema.ts";

/**
 * Risks per matrix cell. The organisation's map is read from the running counters (a few dozen
 * rows whatever the register's size); one system's map groups that system's risks.
 */
export async function riskHeatmap(db: Kysely<Database>, orgId: string, basis: "inherent" | "current", systemId?: string): Promise<HeatmapView> {
  const { matrix } = await readRiskMatrix(db, orgId);
  const counts = matrix.likelihood.map(() => matrix.impact.map(() => 0));
  const put = (l: number, i: number, n: number) => {
    if (counts[l - 1]?.[i - 1] !== undefined) counts[l - 1]![i - 1]! += n;
  };
  if (systemId) {
    const l = basis === "inherent" ? sql<number>`inherent_likelihood` : sql<number>`coalesce(residual_likelihood, inherent_likelihood)`;
    const i = basis === "inherent" ? sql<number>`inherent_impact` : sql<number>`coalesce(residual_impact, inherent_impact)`;
    const rows = await db
      .selectFrom("risks")
      .select([l.as("l"), i.as("i"), (eb) => eb.fn.countAll<number>().as("n")])
      .where("org_id", "=", orgId)
      .where("system_id", "=", systemId)
      .groupBy([l, i])
      .execute();
    for (const r of rows) put(Number(r.l), Number(r.i), Number(r.n));
  } else {
    const family = await readCounterFamily(db, orgId, basis === "inherent" ? COUNTERS.riskInherent : COUNTERS.riskCurrent);
    for (const [key, n] of family) {
      const [l, i] = key.split("|").map(Number);
      put(l!, i!, n);
    }
  }
  const byBand = matrix.bands.map((b) => ({ id: b.id, n: 0 }));
  let total = 0;
  counts.forEach((row, l) =>
    row.forEach((n, i) => {
      total += n;
      byBand[matrix.cells[l]![i]!]!.n += n;
    }),
  );
  return { basis, total, counts, byBand };
}
