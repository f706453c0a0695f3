import { createHmac } from "node:crypto";
import type { Db } from "../db/connect.ts";
import type { ExpressionBuilder } from "kysely";
import { isPostgres } from "../db/engine.ts";
import type { Database, OutboxRow } from "../db/schema.ts";
import type { Logger } from "../platform/logger.ts";
import { audited, SYSTEM_ACTOR } from "../audit/audited.ts";
import { OutboundRefused, postOutbound, type OutboundPolicy } from "../platform/outbound.ts";

/** Waits before attempt 2, 3, …: 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 12 h. Then it gives up. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A claimed row whose worker died is claimed again after this long. */
const LEASE_MS = 120_000;
const TIMEOUT_MS = 10_000;

export type SendEmail = (to: string, subject: string, text: string) => Promise<void>;

/** Delivers one row of a channel the outbox does not know itself (e.g. `exchange`): null on success, else what went wrong. */
export type ChannelHandler = (row: OutboxRow) => Promise<string | null>;

/** Thrown by a channel handler when no further attempt can succeed: the row is marked failed at once. */
export class FinalFailure extends Error {}

export interface DeliveryOptions {
  now?: Date;
  limit?: number;
  /** Internal receivers the operator allows (`MUSUBI_OUTBOUND_ALLOW`); by default only public addresses are called. */
  outbound?: OutboundPolicy;
  /** Present when SMTP is configured; e-mail rows wait (and are retried) until it is. */
  sendEmail?: SendEmail;
  logger?: Logger;
  /** Handlers of further channels, by channel name. */
  channels?: Record<string, ChannelHandler>;
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` — receivers recompute it with their
 * endpoint's secret, and refuse stale timestamps to stop replays.
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * Delivers what is due from the outbox: each row is claimed with a lease (so two workers never send
 * the same row at once), sent, and marked delivered — or given its next attempt time with backoff,
 * or marked failed after {@link MAX_ATTEMPTS}. A row is sent again only if no 2xx came back, and
 * always with the same delivery id and body, so an idempotent receiver keeps exactly one copy.
 */
export async function deliverDue(db: Db, opts: DeliveryOptions = {}): Promise<{ delivered: number; retried: number; failed: number }> {
  const now = opts.now ?? new Date();
  const nowIso = now.toISOString();
  // One statement claims the batch (a lease, so no other worker sends these rows meanwhile), and
  // one marks the delivered ones at the end: two commits per batch, not two per row. On
  // PostgreSQL, workers on several servers skip each other's rows (SKIP LOCKED) rather than all
  // reaching for the same first ones; SQLite has one writer at a time. A worker that dies in
  // between leaves its rows leased; they are sent again when the lease runs out — with the same
  // delivery id and body, which receivers deduplicate on.
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  const isDue = (eb: ExpressionBuilder<Database, "outbox">) => eb.or([eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", nowIso)]), eb.and([eb("status", "=", "sending"), eb("lease_until", "<", nowIso)])]);
  let pick = db.kysely.selectFrom("outbox").select("id").where(isDue).orderBy("next_attempt_at").limit(opts.limit ?? 100);
  if (isPostgres(db.kysely)) pick = pick.forUpdate().skipLocked();
  const claimed = await db.kysely
    .updateTable("outbox")
    .set({ status: "sending", lease_until: lease })
    .where("id", "in", pick)
    .where(isDue)
    .returningAll()
    .execute();
  const result = { delivered: 0, retried: 0, failed: 0 };
  if (claimed.length === 0) return result;
  // Oldest first, as they were picked.
  const due = claimed.sort((a, b) => (a.next_attempt_at < b.next_attempt_at ? -1 : a.next_attempt_at > b.next_attempt_at ? 1 : 0));
  const delivered: string[] = [];
  for (const row of due) {
    // Let the server answer requests between deliveries: in-process ones on SQLite can run a whole
    // batch without leaving the microtask queue.
    await new Promise((resolve) => setImmediate(resolve));
    let error: string | null;
    let final = false;
    try {
      error = await attempt(db, row, now, opts);
    } catch (err) {
      if (!(err instanceof FinalFailure)) throw err;
      error = err.message || "refused";
      final = true;
    }
    const attempts = row.attempts + 1;
    if (error === null) {
      delivered.push(row.id);
      result.delivered++;
    } else if (final || attempts >= MAX_ATTEMPTS) {
      await db.kysely.updateTable("outbox").set({ status: "failed", attempts, lease_until: null, last_error: error }).where("id", "=", row.id).execute();
      opts.logger?.warn({ delivery: row.id, channel: row.channel, error }, "delivery failed for good");
      result.failed++;
    } else {
      const next = new Date(now.getTime() + RETRY_DELAYS_MS[attempts - 1]!).toISOString();
      await db.kysely.updateTable("outbox").set({ status: "pending", attempts, next_attempt_at: next, lease_until: null, last_error: error }).where("id", "=", row.id).execute();
      result.retried++;
    }
  }
  for (let i = 0; i < delivered.length; i += 500) {
    await db.kysely
      .updateTable("outbox")
      .set((eb) => ({ status: "delivered", attempts: eb("attempts", "+", 1), delivered_at: new Date().toISOString(), lease_until: null, last_error: null }))
      .where("id", "in", delivered.slice(i, i + 500))
      .execute();
  }
  return result;
}

/** One attempt; null on success, else what went wrong (kept on the row for the admin page). */
async function attempt(db: Db, row: OutboxRow, now: Date, opts: DeliveryOptions): Promise<string | null> {
  try {
    if (row.channel === "webhook") return await sendWebhook(db, row, now, opts.outbound ?? { allow: undefined });
    if (row.channel === "email") {
      if (!opts.sendEmail) return "SMTP is not configured";
      const p = JSON.parse(row.payload) as { locale: string; title: { ja: string; en: string }; event: string };
      const title = p.locale === "ja" ? p.title.ja : p.title.en;
      await opts.sendEmail(row.target, `[Musubi] ${title}`, `${title}\n\n${p.title.ja}\n${p.title.en}\n\n(${p.event})`);
      return null;
    }
    const handler = opts.channels?.[row.channel];
    if (handler) return await handler(row);
    return `unknown channel ${row.channel}`;
  } catch (err) {
    if (err instanceof FinalFailure) throw err;
    return err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500);
  }
}

/**
 * Sends one webhook through the outbound guard: the endpoint's host is resolved at delivery time
 * and private, loopback, link-local and metadata addresses are refused (DNS can change after the
 * endpoint was registered). A refusal, and the outcome of an administrator's ping, go in the ledger.
 */
async function sendWebhook(db: Db, row: OutboxRow, now: Date, outbound: OutboundPolicy): Promise<string | null> {
  const endpoint = await db.kysely.selectFrom("webhook_endpoints").select(["url", "secret", "active"]).where("org_id", "=", row.org_id).where("id", "=", row.target).executeTakeFirst();
  if (!endpoint) return "the endpoint was deleted";
  const t = Math.floor(now.getTime() / 1000);
  let outcome: string | null;
  try {
    const status = await postOutbound(
      endpoint.url,
      {
        headers: {
          "content-type": "application/json",
          "user-agent": "Musubi-Webhooks/1",
          "musubi-event": row.event,
          "musubi-delivery": row.id,
          "musubi-signature": signWebhook(endpoint.secret, row.payload, t),
        },
        body: row.payload,
        timeoutMs: TIMEOUT_MS,
      },
      outbound,
    );
    outcome = status >= 200 && status < 300 ? null : `HTTP ${status}`;
  } catch (err) {
    if (!(err instanceof OutboundRefused)) throw err;
    await recordDelivery(db, row, endpoint.url, "webhook.delivery_refused", err.message);
    return err.message;
  }
  if (row.event === "webhook.ping") await recordDelivery(db, row, endpoint.url, outcome === null ? "webhook.ping_delivered" : "webhook.ping_failed", outcome);
  return outcome;
}

/** An outbound call's outcome in the organisation's ledger, by the system (the worker made it). */
async function recordDelivery(db: Db, row: OutboxRow, url: string, action: string, error: string | null): Promise<void> {
  await audited(db, { actor: SYSTEM_ACTOR, orgId: row.org_id }, async (_trx, record) => {
    record({ action, entityType: "webhook", entityId: row.target, after: { delivery: row.id, event: row.event, url, ...(error !== null && { error }) } });
  });
}
