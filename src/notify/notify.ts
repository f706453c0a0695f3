import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";

/** What happened, for whom, in both languages: the unit every channel delivers. */
export interface Notice {
  /** `task.assigned`, `approval.requested`, `approval.escalated`, `incident.filed`, … */
  event: string;
  /** Who is told in the app (and by e-mail when it is on). Nulls and repeats are dropped. */
  users: readonly (string | null | undefined)[];
  subject?: { type: string; id: string } | undefined;
  title: { ja: string; en: string };
  /** Extra fields for webhook receivers. */
  data?: Record<string, unknown>;
}

let emailDelivery = false;

/**
 * E-mail is off unless the server has an SMTP relay (`MUSUBI_SMTP_URL`); the server turns it on
 * at start. A process-wide switch because it is the process's configuration, not a tenant's.
 */
export function setEmailDelivery(on: boolean): void {
  emailDelivery = on;
}

/** Does an endpoint's subscription cover an event: `*`, the exact name, or `task.*` for a family. */
export function subscribed(events: readonly string[], event: string): boolean {
  return events.some((e) => e === "*" || e === event || (e.endsWith(".*") && event.startsWith(e.slice(0, -1))));
}

/**
 * Records a notice inside the caller's transaction: in-app rows for its users, and outbox rows for
 * each subscribed webhook endpoint and, when on, each user's e-mail. Delivery happens after commit
 * (see outbox.worker.ts), so a rolled-back change notifies nobody and a committed one is never lost.
 */
export async function notify(trx: Transaction<Database>, orgId: string, n: Notice): Promise<void> {
  const now = nowIso();
  const users = [...new Set(n.users.filter((u): u is string => !!u))];
  if (users.length) {
    await trx
      .insertInto("notifications")
      .values(users.map((u) => ({ id: newId("ntf"), org_id: orgId, user_id: u, event: n.event, subject_type: n.subject?.type ?? null, subject_id: n.subject?.id ?? null, title: JSON.stringify(n.title), created_at: now, read_at: null })))
      .execute();
  }
  const outbox: Database["outbox"][] = [];
  const endpoints = await trx.selectFrom("webhook_endpoints").select(["id", "events"]).where("org_id", "=", orgId).where("active", "=", 1).execute();
  for (const e of endpoints) {
    if (!subscribed(JSON.parse(e.events) as string[], n.event)) continue;
    outbox.push(outboxRow(orgId, "webhook", e.id, n.event, { event: n.event, occurredAt: now, orgId, subject: n.subject ?? null, title: n.title, data: n.data ?? {} }));
  }
  if (emailDelivery && users.length) {
    const people = await trx.selectFrom("users").select(["id", "email", "locale"]).where("org_id", "=", orgId).where("id", "in", users).where("status", "=", "active").execute();
    for (const p of people) outbox.push(outboxRow(orgId, "email", p.email, n.event, { locale: p.locale, title: n.title, subject: n.subject ?? null, event: n.event }));
  }
  for (let i = 0; i < outbox.length; i += 200) await trx.insertInto("outbox").values(outbox.slice(i, i + 200)).execute();
}

/**
 * One delivery waiting in the outbox. Its id travels in the payload (and a header), so receivers
 * deduplicate on it; the body is fixed here, so every retry sends the same bytes.
 */
export function outboxRow(orgId: string, channel: "webhook" | "email" | "exchange", target: string, event: string, payload: Record<string, unknown>): Database["outbox"] {
  const id = newId("dlv");
  const now = nowIso();
  return { id, org_id: orgId, channel, target, event, payload: JSON.stringify({ deliveryId: id, ...payload }), status: "pending", attempts: 0, next_attempt_at: now, lease_until: null, last_error: null, delivered_at: null, created_at: now };
}
