import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

type Q = Kysely<Database>;

/** How many of the system's ledger entries the card lists (newest first); `total` says how many there are. */
export const HISTORY_LIMIT = 20;

/**
 * The system's assessments with their applicable rows counted by effective status: one grouped
 * statement (an assessment with no applicable row comes back once, with a null status).
 */
export function readAssessmentCounts(db: Q, orgId: string, systemId: string) {
  return db
    .selectFrom("assessments as a")
    .leftJoin("assessment_items as i", (j) => j.onRef("i.assessment_id", "=", "a.id").on("i.org_id", "=", orgId).on("i.applicable", "=", 1))
    .select(["a.id", "a.framework_id", "a.framework_version", "a.signed_off_at", "i.effective", (eb) => eb.fn.count<number>("i.id").as("n")])
    .where("a.org_id", "=", orgId)
    .where("a.system_id", "=", systemId)
    .groupBy(["a.id", "a.framework_id", "a.framework_version", "a.signed_off_at", "i.effective"])
    .execute();
}

/** Risks registered against the system, by code. */
export function readSystemRisks(db: Q, orgId: string, systemId: string) {
  return db
    .selectFrom("risks")
    .select(["id", "code", "title_ja", "title_en", "status", "inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact", "treatment", "perspectives"])
    .where("org_id", "=", orgId)
    .where("system_id", "=", systemId)
    .orderBy("code")
    .execute();
}

/** The controls of every risk registered against the system: one joined statement, by control code. */
export function readSystemRiskControls(db: Q, orgId: string, systemId: string) {
  return db
    .selectFrom("risk_controls as rc")
    .innerJoin("risks as r", (j) => j.onRef("r.id", "=", "rc.risk_id").on("r.org_id", "=", orgId))
    .innerJoin("controls as c", (j) => j.onRef("c.id", "=", "rc.control_id").on("c.org_id", "=", orgId))
    .select(["rc.risk_id", "c.code", "c.title_ja", "c.title_en", "c.status"])
    .where("rc.org_id", "=", orgId)
    .where("r.system_id", "=", systemId)
    .orderBy("c.code")
    .execute();
}

/** Incidents linked to the system, most recently detected first. */
export function readSystemIncidents(db: Q, orgId: string, systemId: string) {
  return db
    .selectFrom("incident_links as l")
    .innerJoin("incidents as i", (j) => j.onRef("i.id", "=", "l.incident_id").on("i.org_id", "=", orgId))
    .select(["i.code", "i.title", "i.severity", "i.status", "i.occurred_at", "i.detected_at", "i.closed_at"])
    .where("l.org_id", "=", orgId)
    .where("l.target_type", "=", "system")
    .where("l.target_id", "=", systemId)
    .orderBy("i.detected_at", "desc")
    .orderBy("i.code", "desc")
    .execute();
}

/**
 * The system's latest ledger entries with who made them by name: the user, or an API token's user
 * (joined in the same statement, so the card never shows an id for a person).
 */
export function readSystemHistory(db: Q, orgId: string, systemId: string, limit = HISTORY_LIMIT) {
  return db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", (j) => j.onRef("u.id", "=", "a.actor_id").on("u.org_id", "=", orgId))
    .leftJoin("api_tokens as t", (j) => j.onRef("t.id", "=", "a.actor_id").on("t.org_id", "=", orgId))
    .leftJoin("users as tu", (j) => j.onRef("tu.id", "=", "t.user_id").on("tu.org_id", "=", orgId))
    .select(["a.seq", "a.ts", "a.actor_type", "a.actor_label", "a.action", "u.display_name as user_name", "tu.display_name as token_user_name"])
    .where("a.org_id", "=", orgId)
    .where("a.entity_type", "=", "system")
    .where("a.entity_id", "=", systemId)
    .orderBy("a.seq", "desc")
    .limit(limit)
    .execute();
}

/** How many ledger entries the system has. */
export async function countSystemHistory(db: Q, orgId: string, systemId: string): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("entity_type", "=", "system")
    .where("entity_id", "=", systemId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The organisation's ledger head: where the card's record stands in the hash chain. */
export async function readLedgerHead(db: Q, orgId: string): Promise<{ seq: number; hash: string }> {
  const row = await db.selectFrom("audit_log").select(["seq", "hash"]).where("org_id", "=", orgId).orderBy("seq", "desc").limit(1).executeTakeFirst();
  return { seq: Number(row?.seq ?? 0), hash: row?.hash ?? "" };
}
