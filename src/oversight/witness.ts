import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import type { RecordChange } from "../audit/audited.ts";
import { parseCheckpoint, signatureProblem, type Checkpoint } from "../audit/audit.checkpoint.ts";
import { parsePublicKey } from "../audit/audit.keys.ts";
import type { Database } from "../db/schema.ts";
import type { ConnectionRow } from "../exchange/connections.store.ts";
import { queueOutgoingMany } from "../exchange/exchange.outgoing.ts";
import { notify } from "../notify/notify.ts";
import { AppError, notFound } from "../platform/errors.ts";

/** A ledger checkpoint as it travels to the authorities an organisation is registered with (kind `ledger-checkpoint`). */
export const WITNESS_SCHEMA = "musubi-ledger-checkpoint/1";

export const WitnessPayload = z.strictObject({
  format: z.literal(WITNESS_SCHEMA),
  /** The checkpoint as the organisation's instance signed it (docs/audit-ledger.md). */
  checkpoint: z.strictObject({ format: z.string(), org: z.string(), seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/), time: z.string(), keyId: z.string(), signature: z.string() }),
  /** The instance's ledger public key the checkpoint verifies with (raw Ed25519, base64, or PEM). */
  publicKey: z.string().max(2000),
});
export type WitnessPayload = z.infer<typeof WitnessPayload>;

/**
 * Queues each new checkpoint to every authority its organisation is registered with (approved),
 * in the checkpoint's own transaction: the authorities become witnesses of the organisation's
 * ledger, alongside any webhook witness.
 */
export async function enqueueForAuthorities(trx: Kysely<Database>, checkpoints: readonly Checkpoint[], publicKey: string): Promise<void> {
  const byOrg = new Map(checkpoints.map((c) => [c.org, c]));
  const orgs = [...byOrg.keys()];
  for (let i = 0; i < orgs.length; i += 500) {
    const conns = await trx.selectFrom("exchange_connections").selectAll().where("org_id", "in", orgs.slice(i, i + 500)).where("direction", "=", "authority").where("status", "=", "approved").execute();
    if (!conns.length) continue;
    await queueOutgoingMany(
      trx,
      conns.map((conn) => {
        const c = byOrg.get(conn.org_id)!;
        const payload: WitnessPayload = { format: WITNESS_SCHEMA, checkpoint: c, publicKey };
        return { orgId: conn.org_id, connection: conn, kind: "ledger-checkpoint" as const, schema: WITNESS_SCHEMA, payload: payload as unknown as Record<string, unknown>, subject: { type: "audit_checkpoint", id: String(c.seq), label: `#${c.seq}` }, createdBy: null, idempotencyKey: `checkpoint-${c.seq}-${c.hash.slice(0, 16)}` };
      }),
    );
  }
}

/**
 * A checkpoint received from a registered organisation (in the receiving transaction): its
 * signature is checked against the key it came with, and it is kept. One that contradicts what the
 * authority already witnessed — another hash for a sequence number it has, or a sequence number
 * below the highest it has — is kept too, marked as a conflict, and the authority's supervisors
 * are told: the organisation's ledger was rewritten or rolled back.
 */
export async function storeCheckpoint(trx: Transaction<Database>, orgId: string, conn: ConnectionRow, p: WitnessPayload, receivedAt: string, record: RecordChange): Promise<{ seq: number; conflict: string | null }> {
  let c: Checkpoint;
  let problem: string | null;
  try {
    c = parseCheckpoint(p.checkpoint);
    const key = parsePublicKey(p.publicKey);
    // The key must be the one the checkpoint names: its id is derived from the key itself.
    problem = key.keyId === c.keyId ? signatureProblem(c, new Map([[c.keyId, key]])) : "another key";
  } catch {
    problem = "unreadable";
    c = undefined as never;
  }
  if (problem) throw new AppError(400, "exchange_malformed", { reason: "payload.checkpoint" });
  const known = await trx.selectFrom("oversight_checkpoints").select(["seq", "hash"]).where("org_id", "=", orgId).where("connection_id", "=", conn.id).orderBy("seq", "desc").limit(1).executeTakeFirst();
  const same = await trx.selectFrom("oversight_checkpoints").select("hash").where("org_id", "=", orgId).where("connection_id", "=", conn.id).where("seq", "=", c.seq).executeTakeFirst();
  const conflict = same && same.hash !== c.hash ? "rewritten" : known && c.seq < known.seq && !same ? "rolled-back" : null;
  await trx.insertInto("oversight_checkpoints").values({ org_id: orgId, connection_id: conn.id, seq: c.seq, hash: c.hash, signed_at: c.time, document: JSON.stringify(p), received_at: receivedAt, conflict }).onConflict((oc) => oc.doNothing()).execute();
  if (conflict) {
    record({ action: "oversight.checkpoint_conflict", entityType: "exchange_connection", entityId: conn.id, after: { organisation: conn.counterpart_party, seq: c.seq, conflict } });
    const people = await trx.selectFrom("users").select("id").where("org_id", "=", orgId).where("status", "=", "active").where("role", "in", ["admin", "supervisor"]).execute();
    await notify(trx, orgId, { event: "oversight.checkpoint_conflict", users: people.map((x) => x.id), title: { ja: `台帳の改変の疑い: ${conn.counterpart_name_ja}（#${c.seq}）`, en: `Ledger possibly rewritten: ${conn.counterpart_name_en} (#${c.seq})` }, data: { connectionId: conn.id, seq: c.seq, conflict } });
  }
  return { seq: c.seq, conflict };
}

export const witnessedView = z.object({
  seq: z.number().int(),
  hash: z.string(),
  signedAt: z.string(),
  receivedAt: z.string(),
  conflict: z.enum(["rewritten", "rolled-back"]).nullable(),
});

/** The checkpoints the authority witnessed for one registered organisation, newest first. */
export async function listWitnessed(k: Kysely<Database>, orgId: string, connectionId: string, limit = 100): Promise<z.infer<typeof witnessedView>[]> {
  const conn = await k.selectFrom("exchange_connections").select("id").where("org_id", "=", orgId).where("id", "=", connectionId).where("direction", "=", "member").executeTakeFirst();
  if (!conn) throw notFound();
  const rows = await k.selectFrom("oversight_checkpoints").select(["seq", "hash", "signed_at", "received_at", "conflict"]).where("org_id", "=", orgId).where("connection_id", "=", connectionId).orderBy("seq", "desc").limit(limit).execute();
  return rows.map((r) => ({ seq: r.seq, hash: r.hash, signedAt: r.signed_at, receivedAt: r.received_at, conflict: r.conflict as "rewritten" | null }));
}

