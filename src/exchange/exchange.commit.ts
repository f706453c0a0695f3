import type { Transaction } from "kysely";
import { audited, type RecordChange } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import { storeSubmissions, type PreparedSubmission } from "../oversight/intake.receive.ts";
import { markAnswered } from "../oversight/requests.service.ts";
import { GroupCommit } from "../platform/group-commit.ts";
import type { ConnectionRow } from "./connections.store.ts";
import type { From } from "./exchange.inbox.ts";
import type { VerifiedMessage } from "./exchange.message.ts";
import type { ExchangeEnv } from "./exchange.party.ts";
import { acceptMany, type Acceptance, type Accepting } from "./exchange.replay.ts";

/** The organisation a message is addressed to. */
export interface Org {
  id: string;
  slug: string;
  kind: string;
}

/** What a message's handler gets: the verified message, the recipient, the sender's connection (if any). */
export interface Received {
  env: ExchangeEnv;
  org: Org;
  conn: ConnectionRow | undefined;
  message: VerifiedMessage;
  jws: string;
  receivedAt: string;
  from: From;
  selfParty: string;
}

/**
 * How a verified message is stored: a submission to an authority (stored with the others received
 * at the same time, `storeSubmissions`), or anything else by its own function.
 */
export type Handler = { submission: PreparedSubmission } | { store: (trx: Transaction<Database>, ctx: Received, record: RecordChange) => Promise<Record<string, unknown>> };

/** A verified message, its receipt signed, waiting to be stored. */
export interface Incoming {
  ctx: Received;
  accept: Accepting;
  handler: Handler;
}

const committers = new WeakMap<Db, GroupCommit<Incoming, Acceptance>>();

/**
 * The receiving transactions of a database, grouped per recipient organisation: messages that
 * arrive while the organisation's previous ones are being stored are stored together — one
 * transaction, one ledger append (the ledger is one hash chain per organisation, so its appends
 * are one at a time however many arrive), one commit. One batch per organisation at a time: two
 * measured slower, each smaller batch paying the same round trips (docs/benchmarks.md, control
 * tower, intake).
 */
export function committerFor(db: Db): GroupCommit<Incoming, Acceptance> {
  let c = committers.get(db);
  if (!c) committers.set(db, (c = new GroupCommit((orgId, batch) => storeIncoming(db, orgId, batch))));
  return c;
}

/**
 * Stores messages received for one organisation, in one transaction: each one's jti and receipt
 * (`acceptMany`), then what it carries, then its `exchange.message_received` ledger entry under
 * its sender's name. A replay is answered as such and stores nothing; a copy of a message stored
 * before gets that one's receipt.
 */
async function storeIncoming(db: Db, orgId: string, batch: readonly Incoming[]): Promise<Acceptance[]> {
  const sender = (i: Incoming) => ({ type: "system" as const, id: null, label: i.accept.sender.slice(0, 200) });
  return audited(db, { actor: sender(batch[0]!), orgId }, async (trx, record) => {
    const accepted = await acceptMany(trx, orgId, batch.map((i) => i.accept));
    const fresh = batch.filter((_, k) => {
      const a = accepted[k]!;
      return !("replayed" in a) && !a.retry;
    });
    const submissions = fresh.filter((i): i is Incoming & { handler: { submission: PreparedSubmission } } => "submission" in i.handler);
    const ids = await storeSubmissions(trx, submissions.map((i) => ({ orgId, conn: i.ctx.conn!, message: i.ctx.message, jws: i.ctx.jws, receivedAt: i.ctx.receivedAt, prepared: i.handler.submission })));
    const intakeOf = new Map<Incoming, string>(submissions.map((i, k) => [i, ids[k]!]));
    for (const i of fresh) {
      const { claims } = i.ctx.message;
      const as: RecordChange = (change) => record({ ...change, actor: change.actor ?? sender(i) });
      let entity: Record<string, unknown>;
      if ("store" in i.handler) entity = await i.handler.store(trx, i.ctx, as);
      else {
        const intake = intakeOf.get(i)!;
        const p = i.handler.submission;
        if (p.kind === "rfi-answer") await markAnswered(trx, orgId, i.ctx.conn!.id, String(p.envelope.document.reference), intake, i.ctx.receivedAt);
        entity = { intake };
      }
      as({
        action: "exchange.message_received",
        entityType: "exchange_message",
        entityId: claims.jti,
        after: { kind: claims.kind, schema: claims.schema, sender: claims.iss, idempotencyKey: claims.idempotencyKey, payloadSha256: claims.payloadSha256, ...entity },
      });
    }
    return accepted;
  });
}
