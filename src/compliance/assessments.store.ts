import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { COUNTERS, type CounterDeltas } from "./counters.ts";
import { combineControls, type ItemStatus } from "./statuses.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** Adds (sign 1) or removes (-1) one applicable row from the posture counters. */
export function countItem(d: CounterDeltas, framework: string, urn: string, effective: string, sign: number): void {
  d.add(COUNTERS.posture, `${framework}|${effective}`, sign);
  d.add(COUNTERS.requirement, `${urn}|${effective}`, sign);
}

/** Runs `fn` over `items` in chunks small enough for SQLite's bound-parameter limit. */
export async function inChunks<T>(items: readonly T[], size: number, fn: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

/** For each requirement, what its mapped controls say (absent when no control maps to it). One grouped read per 500 URNs. */
export async function controlStatusByUrn(db: Q, orgId: string, urns: readonly string[]): Promise<Map<string, ItemStatus | null>> {
  const statuses = new Map<string, string[]>();
  await inChunks([...new Set(urns)], 500, async (chunk) => {
    const rows = await db
      .selectFrom("control_requirements as cr")
      .innerJoin("controls as c", (j) => j.onRef("c.id", "=", "cr.control_id").on("c.org_id", "=", orgId))
      .select(["cr.requirement_urn", "c.status"])
      .where("cr.org_id", "=", orgId)
      .where("cr.requirement_urn", "in", chunk)
      .execute();
    for (const r of rows) {
      const list = statuses.get(r.requirement_urn);
      if (list) list.push(r.status);
      else statuses.set(r.requirement_urn, [r.status]);
    }
  });
  const out = new Map<string, ItemStatus | null>();
  for (const [urn, list] of statuses) out.set(urn, combineControls(list));
  return out;
}

/** Deletes every assessment of a system with its rows and evidence links, taking them out of the counters. */
export async function deleteAssessmentsOfSystem(trx: Transaction<Database>, orgId: string, systemId: string, d: CounterDeltas): Promise<void> {
  const assessments = await trx.selectFrom("assessments").select(["id", "framework_id"]).where("org_id", "=", orgId).where("system_id", "=", systemId).execute();
  if (assessments.length === 0) return;
  const items = await trx
    .selectFrom("assessment_items")
    .select(["id", "framework_id", "requirement_urn", "effective", "applicable"])
    .where("org_id", "=", orgId)
    .where("system_id", "=", systemId)
    .execute();
  for (const i of items) if (i.applicable === 1) countItem(d, i.framework_id, i.requirement_urn, i.effective, -1);
  for (const a of assessments) d.add(COUNTERS.assessed, a.framework_id, -1);
  await inChunks(items.map((i) => i.id), 500, async (ids) => {
    await trx.deleteFrom("evidence_links").where("org_id", "=", orgId).where("target_type", "=", "item").where("target_id", "in", ids).execute();
  });
  await trx.deleteFrom("assessment_items").where("org_id", "=", orgId).where("system_id", "=", systemId).execute();
  await trx.deleteFrom("assessments").where("org_id", "=", orgId).where("system_id", "=", systemId).execute();
}
