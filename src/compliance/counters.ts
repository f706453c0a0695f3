import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * Counter families. Each is a running total per organisation and key, changed in the same
 * transaction as the rows it counts, so the dashboard reads totals instead of grouping millions
 * of requirement statuses (see `recountCounters`, which rebuilds them from the rows).
 */
export const COUNTERS = {
  /** key: lifecycle stage */
  lifecycle: "systems.lifecycle",
  /** key: EU AI Act risk class, or `none` */
  euClass: "systems.eu_class",
  /** key: `class|date`; systems whose EU class applies only from that date (counted in `euClass` too) */
  euClassFrom: "systems.eu_class_from",
  /** key: framework id; systems with at least one requirement of it applying now or later */
  scope: "systems.framework",
  /** key: tag; systems carrying it (the inventory's exact total for a tag filter) */
  tag: "systems.tag",
  /** key: department id; systems of it */
  department: "systems.department",
  /** key: user id; systems it owns, as business or technical owner (counted once) */
  owner: "systems.owner",
  /** key: framework id; systems with an assessment against it */
  assessed: "assessments.framework",
  /** key: `framework|status`; applicable assessment rows by effective status */
  posture: "items.framework_status",
  /** key: `urn|status`; applicable assessment rows by requirement and effective status */
  requirement: "items.requirement_status",
  /** key: `likelihood|impact`; risks by inherent rating (the heat map's inherent view) */
  riskInherent: "risks.inherent",
  /** key: `likelihood|impact`; risks by residual rating where assessed, else inherent */
  riskCurrent: "risks.current",
} as const;
export type CounterName = (typeof COUNTERS)[keyof typeof COUNTERS];

/** The columns of a system the counters read. */
export type CountedSystem = Pick<Database["ai_systems"], "lifecycle" | "eu_class" | "eu_class_from" | "frameworks" | "tags" | "department_id" | "business_owner_id" | "technical_owner_id">;

/**
 * Every counter a system adds 1 to: one place, used by the running totals and by the recount,
 * so the two cannot disagree about what is counted.
 */
export function systemCounts(r: CountedSystem): [CounterName, string][] {
  const out: [CounterName, string][] = [[COUNTERS.lifecycle, r.lifecycle], [COUNTERS.euClass, r.eu_class ?? "none"]];
  if (r.eu_class && r.eu_class_from) out.push([COUNTERS.euClassFrom, `${r.eu_class}|${r.eu_class_from}`]);
  for (const fw of JSON.parse(r.frameworks) as string[]) out.push([COUNTERS.scope, fw]);
  for (const tag of new Set(JSON.parse(r.tags) as string[])) out.push([COUNTERS.tag, tag]);
  if (r.department_id) out.push([COUNTERS.department, r.department_id]);
  for (const owner of new Set([r.business_owner_id, r.technical_owner_id])) if (owner) out.push([COUNTERS.owner, owner]);
  return out;
}

/** The columns of a risk the counters read. */
export type CountedRisk = Pick<Database["risks"], "inherent_likelihood" | "inherent_impact" | "residual_likelihood" | "residual_impact">;

/** Every counter a risk adds 1 to (the two heat maps). */
export function riskCounts(r: CountedRisk): [CounterName, string][] {
  return [
    [COUNTERS.riskInherent, `${r.inherent_likelihood}|${r.inherent_impact}`],
    [COUNTERS.riskCurrent, `${r.residual_likelihood ?? r.inherent_likelihood}|${r.residual_impact ?? r.inherent_impact}`],
  ];
}

/** Pending changes to counters: `name\u0000key` → delta. */
export class CounterDeltas {
  readonly deltas = new Map<string, number>();

  add(name: CounterName, key: string, by: number): void {
    if (by === 0) return;
    const k = `${name}\u0000${key}`;
    this.deltas.set(k, (this.deltas.get(k) ?? 0) + by);
  }

  get size(): number {
    return this.deltas.size;
  }
}

/**
 * Applies the deltas with one upsert per 300 counters:
 * `INSERT … ON CONFLICT (org_id, name, key) DO UPDATE SET n = counters.n + excluded.n`.
 */
export async function applyCounters(trx: Transaction<Database> | Kysely<Database>, orgId: string, d: CounterDeltas): Promise<void> {
  const rows: Database["counters"][] = [];
  for (const [k, n] of d.deltas) {
    if (n === 0) continue;
    const cut = k.indexOf("\u0000");
    rows.push({ org_id: orgId, name: k.slice(0, cut), key: k.slice(cut + 1), n });
  }
  for (let i = 0; i < rows.length; i += 300) {
    await trx
      .insertInto("counters")
      .values(rows.slice(i, i + 300))
      .onConflict((oc) => oc.columns(["org_id", "name", "key"]).doUpdateSet({ n: sql`counters.n + excluded.n` }))
      .execute();
  }
}

/** One family of an organisation's counters: key → total. */
export async function readCounterFamily(db: Kysely<Database>, orgId: string, name: CounterName): Promise<Map<string, number>> {
  const rows = await db.selectFrom("counters").select(["key", "n"]).where("org_id", "=", orgId).where("name", "=", name).where("n", "<>", 0).execute();
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

/** Every counter of an organisation, by family. One statement, for the dashboard. */
export async function readAllCounters(db: Kysely<Database>, orgId: string): Promise<Map<string, Map<string, number>>> {
  const rows = await db.selectFrom("counters").select(["name", "key", "n"]).where("org_id", "=", orgId).where("n", "<>", 0).execute();
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let family = out.get(r.name);
    if (!family) out.set(r.name, (family = new Map()));
    family.set(r.key, Number(r.n));
  }
  return out;
}
