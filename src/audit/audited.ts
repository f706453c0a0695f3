import { sql, type Transaction } from "kysely";
import { ledgerAppend } from "../platform/metrics.ts";
import { loadPg, type Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../platform/authz.ts";
import { appendAudit, appendAuditSql, type AuditEvent } from "./audit.store.ts";

/** An audit event as a service describes it; the unit of work fills in who (unless the change names its own actor, as one batch of received messages does per sender) and which request. */
export type Change = Omit<AuditEvent, "actor" | "requestId" | "orgId"> & { orgId?: string; actor?: AuditEvent["actor"] };

export type RecordChange = (change: Change) => void;

/**
 * Appends what was recorded so far, still inside the transaction. Only bulk work needs it: an
 * import of 100,000 systems would otherwise hold 100,000 snapshots in memory and send them in one
 * statement at the end (measured: 4 GB of heap and 25 s of garbage collection on PostgreSQL).
 */
export type FlushChanges = () => Promise<void>;

/** Who a change is attributed to in the ledger. */
export type AuditActor = AuditEvent["actor"];

export function auditActorOf(actor: Actor): AuditActor {
  return { type: actor.kind === "token" ? "token" : "user", id: actor.tokenId ?? actor.userId, label: actor.label };
}

export const SYSTEM_ACTOR: AuditActor = { type: "system", id: null, label: "musubi" };

/** Who a change is made by, and in which organisation: a signed-in actor, or the CLI as `system`. */
export interface ChangeContext {
  actor: AuditActor;
  orgId: string;
  requestId?: string | null;
}

/** The change context of an authenticated API request. */
export function changeContextOf(actor: Actor, requestId: string): ChangeContext {
  return { actor: auditActorOf(actor), orgId: actor.orgId, requestId };
}

/**
 * Runs `work` in one transaction and appends what it recorded to the ledger in that same
 * transaction: the change and its audit entries commit together or not at all. Work that records
 * nothing writes nothing to the ledger.
 *
 * On PostgreSQL the append and the COMMIT travel in one message (see migration 0002), so the
 * organisation's chain lock is held only while the server appends and commits. The work itself
 * runs on a pinned connection inside BEGIN; it sees the same query API as a Kysely transaction.
 * A `flush` during the work appends the entries recorded so far and takes the chain lock then.
 */
/** An append of ledger entries, timed for the metrics (`musubi_ledger_append_seconds`). */
async function timed<T>(append: Promise<T>): Promise<T> {
  const end = ledgerAppend.startTimer();
  try {
    return await append;
  } finally {
    end();
  }
}

export async function audited<T>(
  db: Db,
  who: ChangeContext,
  work: (trx: Transaction<Database>, record: RecordChange, flush: FlushChanges) => Promise<T>,
): Promise<T> {
  const events: AuditEvent[] = [];
  const record: RecordChange = (change) =>
    events.push({ ...change, orgId: change.orgId ?? who.orgId, actor: change.actor ?? who.actor, requestId: who.requestId ?? null });

  if (db.dialect !== "postgres") {
    return db.kysely.transaction().execute(async (trx) => {
      const flush = async () => {
        if (events.length > 0) await timed(appendAudit(trx, db.dialect, events.splice(0)));
      };
      const result = await work(trx, record, flush);
      if (events.length > 0) await timed(appendAudit(trx, db.dialect, events));
      return result;
    });
  }
  return db.kysely.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      const trx = conn as unknown as Transaction<Database>;
      const flush = async () => {
        if (events.length > 0) await timed(appendAudit(trx, "postgres", events.splice(0)));
      };
      const result = await work(trx, record, flush);
      if (events.length > 0) await timed(sql.raw(`${appendAuditSql(events, loadPg().escapeLiteral)}; commit`).execute(conn));
      else await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}
