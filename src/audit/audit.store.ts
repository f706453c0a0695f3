import { sql, type Kysely, type Transaction } from "kysely";
import type { DialectName } from "../db/connect.ts";
import type { AuditRow, Database } from "../db/schema.ts";
import { nowIso } from "../platform/time.ts";
import { recordsByCode } from "./audit.codes.ts";
import { canonicalJson, GENESIS_HASH, hashEntry } from "./audit.hash.ts";

/** One state change to record: who did what to which record, and the record before and after. */
export interface AuditEvent {
  orgId: string;
  actor: { type: "user" | "token" | "system"; id: string | null; label: string | null };
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/**
 * Appends events to their organisations' chains inside the caller's transaction, so the entries
 * commit or roll back with the change they describe. Appends to one chain are serialised: SQLite
 * has a single writer and chains here; PostgreSQL chains in `musubi_audit_append` under a
 * transaction-scoped advisory lock per organisation (and the primary key on (org_id, seq) would
 * refuse a fork regardless). Returns how many entries were written.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  dialect: DialectName,
  events: readonly AuditEvent[],
): Promise<number> {
  const ts = nowIso();
  for (const [orgId, orgEvents] of groupByOrg(events)) {
    if (dialect === "postgres") {
      await sql`select musubi_audit_append(${orgId}, ${ts}, ${eventsJson(orgEvents)}::json)`.execute(trx);
    } else {
      await appendChained(trx, orgId, ts, orgEvents);
    }
  }
  return events.length;
}

/**
 * The same append as one SQL text, for PostgreSQL's unit of work to send together with its COMMIT
 * (values are inlined as escaped literals: a multi-statement message cannot carry parameters).
 */
export function appendAuditSql(events: readonly AuditEvent[], escapeLiteral: (text: string) => string): string {
  const ts = nowIso();
  return [...groupByOrg(events)]
    .map(([orgId, orgEvents]) => `select musubi_audit_append(${escapeLiteral(orgId)}, ${escapeLiteral(ts)}, ${escapeLiteral(eventsJson(orgEvents))}::json)`)
    .join("; ");
}

/** Organisations in a fixed order, so two transactions touching the same two chains cannot deadlock. */
function groupByOrg(events: readonly AuditEvent[]): [string, AuditEvent[]][] {
  const byOrg = new Map<string, AuditEvent[]>();
  for (const e of events) {
    const list = byOrg.get(e.orgId);
    if (list) list.push(e);
    else byOrg.set(e.orgId, [e]);
  }
  return [...byOrg].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The per-entry columns `musubi_audit_append` expects, in its order. */
function eventsJson(events: readonly AuditEvent[]): string {
  return JSON.stringify(
    events.map((e) => [
      e.actor.type,
      e.actor.id,
      e.actor.label,
      e.action,
      e.entityType,
      e.entityId,
      e.before === undefined ? null : canonicalJson(e.before),
      e.after === undefined ? null : canonicalJson(e.after),
      e.requestId ?? null,
    ]),
  );
}

async function appendChained(trx: Transaction<Database>, orgId: string, ts: string, events: readonly AuditEvent[]) {
  const head = await trx
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .where("org_id", "=", orgId)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS_HASH;
  const rows: AuditRow[] = events.map((e) => {
    seq += 1;
    const row: Omit<AuditRow, "hash"> = {
      org_id: orgId,
      seq,
      ts,
      actor_type: e.actor.type,
      actor_id: e.actor.id,
      actor_label: e.actor.label,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      before_json: e.before === undefined ? null : canonicalJson(e.before),
      after_json: e.after === undefined ? null : canonicalJson(e.after),
      request_id: e.requestId ?? null,
      prev_hash: prev,
    };
    prev = hashEntry(row);
    return { ...row, hash: prev };
  });
  // Chunked so a large batch stays under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    await trx.insertInto("audit_log").values(rows.slice(i, i + 500)).execute();
  }
}

export interface AuditFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  /** A business code (`INC-000003`): the entries of the organisation's record that carries it. */
  code?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

/**
 * A page of one organisation's ledger, newest first by default, and the total matching. A `code`
 * is resolved to its record within `orgId` first; a code no record of the organisation carries
 * matches nothing.
 */
export async function listAudit(
  db: Kysely<Database>,
  orgId: string,
  filter: AuditFilter,
  page: { limit: number; offset: number; order: "asc" | "desc" },
): Promise<{ rows: AuditRow[]; total: number }> {
  const records = filter.code === undefined ? undefined : await recordsByCode(db, orgId, filter.code);
  if (records?.length === 0) return { rows: [], total: 0 };
  let q = db.selectFrom("audit_log").where("org_id", "=", orgId);
  if (filter.action) q = q.where("action", "=", filter.action);
  if (filter.entityType) q = q.where("entity_type", "=", filter.entityType);
  if (filter.entityId) q = q.where("entity_id", "=", filter.entityId);
  if (records) q = q.where((eb) => eb.or(records.map((r) => eb.and([eb("entity_type", "=", r.type), eb("entity_id", "=", r.id)]))));
  if (filter.actorId) q = q.where("actor_id", "=", filter.actorId);
  if (filter.from) q = q.where("ts", ">=", filter.from);
  if (filter.to) q = q.where("ts", "<", filter.to);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy("seq", page.order).limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
