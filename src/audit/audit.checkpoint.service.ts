import fs from "node:fs";
import type { Kysely, Transaction } from "kysely";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import { outboxRow, subscribed } from "../notify/notify.ts";
import { audited, SYSTEM_ACTOR } from "./audited.ts";
import { appendCheckpoints, checkpointFile } from "./audit.checkpoint-file.ts";
import { signCheckpoint, type Checkpoint } from "./audit.checkpoint.ts";
import { ensureSigningKey } from "./audit.keys.ts";
import { enqueueForAuthorities } from "../oversight/witness.ts";

/** The ledger action (and webhook event) of a checkpoint; its entry covers the head *before* it. */
export const CHECKPOINT_ACTION = "audit.checkpoint";
/** The entity type of checkpoint entries: the ledger's (org_id, entity_type, entity_id) index finds them. */
export const CHECKPOINT_ENTITY = "audit_checkpoint";

export interface CheckpointRun {
  signed: Checkpoint[];
  /** Organisations whose head was already checkpointed (nothing happened since). */
  skipped: number;
  keyId: string;
}

/**
 * Signs the head of every organisation's chain (or one's) that moved since its last checkpoint, and
 * keeps each checkpoint in three places: the append-only file in the data folder (flushed before
 * the transaction commits), the organisation's own ledger (an `audit.checkpoint` entry, so it
 * travels with exports and backups) and the outbox, for each webhook endpoint subscribed to
 * `audit.checkpoint` — the witnesses that keep a copy where nobody at this instance can reach it.
 *
 * All in one transaction: 1,000 organisations cost one commit, not a thousand.
 */
export async function createCheckpoints(db: Db, dataDir: string, opts: { orgId?: string; now?: Date } = {}): Promise<CheckpointRun> {
  const key = ensureSigningKey(dataDir);
  const time = (opts.now ?? new Date()).toISOString();
  const run: CheckpointRun = { signed: [], skipped: 0, keyId: key.keyId };
  await audited(db, { actor: SYSTEM_ACTOR, orgId: opts.orgId ?? "" }, async (trx, record) => {
    const heads = await chainHeads(trx, opts.orgId);
    // A head that is itself a checkpoint entry: nothing happened since the last checkpoint.
    const moved = heads.filter((h) => h.action !== CHECKPOINT_ACTION);
    run.skipped = heads.length - moved.length;
    run.signed = moved.map((h) => signCheckpoint(key, { org: h.org_id, seq: Number(h.seq), hash: h.hash }, time));
    if (run.signed.length === 0) return;
    appendCheckpoints(dataDir, run.signed);
    for (const c of run.signed) {
      record({ orgId: c.org, action: CHECKPOINT_ACTION, entityType: CHECKPOINT_ENTITY, entityId: String(c.seq), after: c });
    }
    await enqueueForWitnesses(trx, run.signed, key.info.publicKey);
    await enqueueForAuthorities(trx, run.signed, key.info.publicKey);
  });
  return run;
}

/**
 * Runs {@link createCheckpoints} when the last run is at least `everyMs` ago: the later of the
 * checkpoint file's last write, the signing key's creation (so a new instance first signs one
 * interval after it started) and `lastRun` (this process's own last run, which may have found
 * nothing to sign). Restarts do not postpone a checkpoint, and several processes do not multiply it.
 */
export async function checkpointIfDue(db: Db, dataDir: string, everyMs: number, opts: { lastRun?: number; now?: Date } = {}): Promise<CheckpointRun | undefined> {
  const now = (opts.now ?? new Date()).getTime();
  const key = ensureSigningKey(dataDir);
  const file = checkpointFile(dataDir);
  const fileTime = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
  const last = Math.max(fileTime, Date.parse(key.info.createdAt), opts.lastRun ?? 0);
  if (now - last < everyMs) return undefined;
  return createCheckpoints(db, dataDir, opts.now ? { now: opts.now } : {});
}

/**
 * The ledger's checkpoint entries of some organisations (`seq` is the recording entry's), found
 * through the (org_id, entity_type, entity_id) index:
 * `select seq, after_json from audit_log where org_id in (…) and entity_type = 'audit_checkpoint'
 * and action = 'audit.checkpoint'`. No ORDER BY: sorting by (org_id, seq) made SQLite walk the
 * primary key — every entry of every organisation — instead of seeking that index.
 */
export function checkpointEntries(k: Kysely<Database>, orgIds: readonly string[]) {
  return k
    .selectFrom("audit_log")
    .select(["seq", "after_json"])
    .where("org_id", "in", orgIds)
    .where("entity_type", "=", CHECKPOINT_ENTITY)
    .where("action", "=", CHECKPOINT_ACTION);
}

/** Each organisation's last entry, in one query (one index seek per organisation). */
function chainHeads(trx: Transaction<Database>, orgId: string | undefined) {
  let q = trx
    .selectFrom("organizations as o")
    .innerJoin("audit_log as a", (join) =>
      join
        .onRef("a.org_id", "=", "o.id")
        .on("a.seq", "=", (eb) => eb.selectFrom("audit_log as m").select((m) => m.fn.max("m.seq").as("head")).whereRef("m.org_id", "=", "o.id")),
    )
    .select(["a.org_id", "a.seq", "a.hash", "a.action"])
    .orderBy("a.org_id");
  if (orgId !== undefined) q = q.where("o.id", "=", orgId);
  return q.execute();
}

/** Outbox rows for the endpoints subscribed to `audit.checkpoint` (two queries whatever the count). */
async function enqueueForWitnesses(trx: Transaction<Database>, checkpoints: readonly Checkpoint[], publicKey: string): Promise<void> {
  const byOrg = new Map(checkpoints.map((c) => [c.org, c]));
  const orgs = [...byOrg.keys()];
  const rows: Database["outbox"][] = [];
  for (let i = 0; i < orgs.length; i += 500) {
    const endpoints = await trx
      .selectFrom("webhook_endpoints")
      .select(["id", "org_id", "events"])
      .where("org_id", "in", orgs.slice(i, i + 500))
      .where("active", "=", 1)
      .execute();
    for (const e of endpoints) {
      if (!subscribed(JSON.parse(e.events) as string[], CHECKPOINT_ACTION)) continue;
      const c = byOrg.get(e.org_id)!;
      rows.push(
        outboxRow(e.org_id, "webhook", e.id, CHECKPOINT_ACTION, {
          event: CHECKPOINT_ACTION,
          occurredAt: c.time,
          orgId: e.org_id,
          subject: { type: CHECKPOINT_ENTITY, id: String(c.seq) },
          title: { ja: `監査台帳チェックポイント #${c.seq}`, en: `Audit ledger checkpoint #${c.seq}` },
          data: { checkpoint: c, publicKey },
        }),
      );
    }
  }
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto("outbox").values(rows.slice(i, i + 200)).execute();
}
