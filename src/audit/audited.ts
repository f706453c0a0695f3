import type { Transaction } from "kysely";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../platform/authz.ts";
import { appendAudit, type AuditEvent } from "./audit.store.ts";

/** An audit event as a service describes it; the unit of work fills in who and which request. */
export type Change = Omit<AuditEvent, "actor" | "requestId" | "orgId"> & { orgId?: string };

export type RecordChange = (change: Change) => void;

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
 * transaction: the change and its audit entry commit together or not at all. Work that records
 * nothing writes nothing to the ledger.
 */
export async function audited<T>(
  db: Db,
  who: ChangeContext,
  work: (trx: Transaction<Database>, record: RecordChange) => Promise<T>,
): Promise<T> {
  return db.kysely.transaction().execute(async (trx) => {
    const events: AuditEvent[] = [];
    const result = await work(trx, (change) =>
      events.push({ ...change, orgId: change.orgId ?? who.orgId, actor: who.actor, requestId: who.requestId ?? null }),
    );
    if (events.length > 0) await appendAudit(trx, db.dialect, events);
    return result;
  });
}
