import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import type { Database, Risk } from "../db/schema.ts";
import { readSegregation } from "../orgs/orgs.service.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** Why a person may not accept a risk: they carry it, registered it, or set or changed its rating. */
export const ACCEPTANCE_BARS = ["owner", "registered", "rated"] as const;
export type AcceptanceBar = (typeof ACCEPTANCE_BARS)[number];

/** Who may not accept the risk under the organisation's segregation of duties, and why. */
export const acceptanceCheck = z.object({
  /** The organisation's `segregationOfDuties.riskAcceptance` rule. */
  segregationOfDuties: z.boolean(),
  /** Empty when the rule is off. */
  barred: z.array(z.object({ id: z.string(), displayName: z.string(), reasons: z.array(z.enum(ACCEPTANCE_BARS)) })),
});
export type AcceptanceCheck = z.infer<typeof acceptanceCheck>;

type Snapshot = { inherent?: unknown; residual?: unknown } | null;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const parse = (json: string | null): Snapshot => (json === null ? null : (JSON.parse(json) as Snapshot));

/** Whether a ledger entry on a risk set or changed its rating (inherent or residual). */
export function ratedIn(action: string, before: Snapshot, after: Snapshot): boolean {
  if (action === "risk.created") return true;
  if (action === "risk.updated") return !same(before?.inherent, after?.inherent) || !same(before?.residual, after?.residual);
  if (action === "risk.reviewed") return !same(before?.residual, after?.residual);
  return false;
}

/**
 * Who may not accept the risk when the organisation's `segregationOfDuties.riskAcceptance` is on:
 * its owner, the person who registered it, and everyone who set or changed its inherent or
 * residual rating — read from the ledger, so an API token counts as its user and the demo's or
 * CLI's `system` actor as nobody. Acceptance judges the rating against the organisation's
 * appetite, so it must come from someone who neither carries the risk nor produced the rating.
 * The same reading decides the acceptance itself (see `acceptRisk`).
 */
export async function readAcceptanceCheck(db: Q, orgId: string, risk: Pick<Risk, "id" | "owner_id">): Promise<AcceptanceCheck> {
  if (!(await readSegregation(db, orgId)).riskAcceptance) return { segregationOfDuties: false, barred: [] };
  const entries = await db
    .selectFrom("audit_log")
    .select(["action", "actor_type", "actor_id", "before_json", "after_json"])
    .where("org_id", "=", orgId)
    .where("entity_type", "=", "risk")
    .where("entity_id", "=", risk.id)
    .where("action", "in", ["risk.created", "risk.updated", "risk.reviewed"])
    .execute();
  const byUser = new Map<string, Set<AcceptanceBar>>();
  const byToken = new Map<string, Set<AcceptanceBar>>();
  const add = (to: Map<string, Set<AcceptanceBar>>, id: string, why: Iterable<AcceptanceBar>) => to.set(id, new Set([...(to.get(id) ?? []), ...why]));
  if (risk.owner_id) add(byUser, risk.owner_id, ["owner"]);
  for (const e of entries) {
    const to = e.actor_type === "user" ? byUser : e.actor_type === "token" ? byToken : undefined;
    if (!to || e.actor_id === null) continue;
    if (ratedIn(e.action, parse(e.before_json), parse(e.after_json))) add(to, e.actor_id, [e.action === "risk.created" ? "registered" : "rated"]);
  }
  if (byToken.size > 0) {
    const tokens = await db.selectFrom("api_tokens").select(["id", "user_id"]).where("org_id", "=", orgId).where("id", "in", [...byToken.keys()]).execute();
    for (const t of tokens) add(byUser, t.user_id, byToken.get(t.id)!);
  }
  if (byUser.size === 0) return { segregationOfDuties: true, barred: [] };
  const users = await db.selectFrom("users").select(["id", "display_name"]).where("org_id", "=", orgId).where("id", "in", [...byUser.keys()]).orderBy("display_name").orderBy("id").execute();
  return {
    segregationOfDuties: true,
    barred: users.map((u) => ({ id: u.id, displayName: u.display_name, reasons: ACCEPTANCE_BARS.filter((r) => byUser.get(u.id)!.has(r)) })),
  };
}
