import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../db/schema.ts";
import { audited, changeContextOf } from "../audit/audited.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { checkOutboundUrl } from "../platform/outbound.ts";
import { defineRoute } from "../platform/http/route.ts";
import { newId, newSecret } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { idParams } from "../users/users.schema.ts";
import { outboxRow } from "./notify.ts";
import { fieldText } from "../platform/http/field-messages.ts";

const text = z.object({ ja: z.string(), en: z.string() });
const notificationView = z.object({ id: z.string(), event: z.string(), subject: z.object({ type: z.string(), id: z.string() }).nullable(), title: text, createdAt: z.string(), readAt: z.string().nullable() });
const eventName = z.string().regex(/^(\*|[a-z_]+\.(\*|[a-z_]+))$/, fieldText("event_name"));
const endpointView = z.object({ id: z.string(), url: z.string(), events: z.array(z.string()), active: z.boolean(), secretHint: z.string(), createdAt: z.string() });
const deliveryView = z.object({ id: z.string(), event: z.string(), status: z.string(), attempts: z.number().int(), nextAttemptAt: z.string(), lastError: z.string().nullable(), deliveredAt: z.string().nullable(), createdAt: z.string() });

/** The organisation's endpoint, or 404: another organisation's id is as unknown as a made-up one. */
async function endpointOf(db: Kysely<Database>, orgId: string, id: string) {
  const ep = await db.selectFrom("webhook_endpoints").select(["id", "url"]).where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!ep) throw notFound();
  return ep;
}

export const notifyRoutes = [
  defineRoute({
    method: "get",
    path: "/api/notifications",
    summary: "My in-app notifications, newest first, with the unread count",
    tag: "notifications",
    access: { permission: "self" },
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(30) }),
    response: z.object({ items: z.array(notificationView), unread: z.number().int() }),
    handler: async ({ deps, actor, query }) => {
      const mine = deps.db.kysely.selectFrom("notifications").where("org_id", "=", actor.orgId).where("user_id", "=", actor.userId);
      const [rows, unread] = await Promise.all([
        mine.selectAll().orderBy("created_at", "desc").orderBy("id", "desc").limit(query.limit).execute(),
        mine.select((eb) => eb.fn.countAll<number>().as("n")).where("read_at", "is", null).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({ id: r.id, event: r.event, subject: r.subject_type && r.subject_id ? { type: r.subject_type, id: r.subject_id } : null, title: JSON.parse(r.title), createdAt: r.created_at, readAt: r.read_at })),
        unread: Number(unread.n),
      };
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/notifications/read",
    summary: "Mark some (or all) of my notifications read",
    tag: "notifications",
    access: { permission: "self" },
    body: z.strictObject({ ids: z.array(z.string().max(64)).max(500).optional() }),
    status: 204,
    handler: async ({ deps, actor, body }) => {
      let q = deps.db.kysely.updateTable("notifications").set({ read_at: nowIso() }).where("org_id", "=", actor.orgId).where("user_id", "=", actor.userId).where("read_at", "is", null);
      if (body.ids) q = q.where("id", "in", body.ids.length ? body.ids : [""]);
      await q.execute();
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/webhooks",
    summary: "Webhook endpoints that receive the organisation's events (signed with HMAC-SHA256)",
    tag: "notifications",
    access: { permission: "webhooks.manage" },
    response: z.array(endpointView),
    handler: async ({ deps, actor }) => {
      const rows = await deps.db.kysely.selectFrom("webhook_endpoints").selectAll().where("org_id", "=", actor.orgId).orderBy("created_at").execute();
      return rows.map((r) => ({ id: r.id, url: r.url, events: JSON.parse(r.events), active: r.active === 1, secretHint: `${r.secret.slice(0, 4)}…`, createdAt: r.created_at }));
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/webhooks",
    summary: "Add a webhook endpoint; its signing secret is shown once, in this answer",
    tag: "notifications",
    access: { permission: "webhooks.manage" },
    body: z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(2000), events: z.array(eventName).min(1).max(50).default(["*"]) }),
    response: endpointView.extend({ secret: z.string() }),
    status: 201,
    handler: async ({ deps, actor, body, requestId }) => {
      const refused = checkOutboundUrl(body.url, deps.outbound);
      if (refused) throw new AppError(400, "validation_failed", [{ field: "body.url", code: "forbidden_address", message: fieldText("webhook_address_refused") }]);
      const now = nowIso();
      const row = { id: newId("whk"), org_id: actor.orgId, url: body.url, secret: `whsec_${newSecret(24)}`, events: JSON.stringify(body.events), active: 1, created_at: now, updated_at: now, version: 1 };
      await audited(deps.db, changeContextOf(actor, requestId), async (trx, record) => {
        await trx.insertInto("webhook_endpoints").values(row).execute();
        record({ action: "webhook.created", entityType: "webhook", entityId: row.id, after: { url: row.url, events: body.events } });
      });
      return { id: row.id, url: row.url, events: body.events, active: true, secretHint: `${row.secret.slice(0, 4)}…`, createdAt: now, secret: row.secret };
    },
  }),
  defineRoute({
    method: "delete",
    path: "/api/webhooks/:id",
    summary: "Remove a webhook endpoint (undelivered events to it are dropped)",
    tag: "notifications",
    access: { permission: "webhooks.manage" },
    resource: "webhook",
    params: idParams,
    status: 204,
    handler: async ({ deps, actor, params, requestId }) => {
      await audited(deps.db, changeContextOf(actor, requestId), async (trx, record) => {
        const row = await endpointOf(trx, actor.orgId, params.id);
        await trx.deleteFrom("outbox").where("org_id", "=", actor.orgId).where("channel", "=", "webhook").where("target", "=", params.id).where("status", "in", ["pending", "sending"]).execute();
        await trx.deleteFrom("webhook_endpoints").where("org_id", "=", actor.orgId).where("id", "=", params.id).execute();
        record({ action: "webhook.deleted", entityType: "webhook", entityId: params.id, before: { url: row.url } });
      });
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/webhooks/:id/deliveries",
    summary: "Recent deliveries to an endpoint: status, attempts, next attempt and last error",
    tag: "notifications",
    access: { permission: "webhooks.manage" },
    resource: "webhook",
    params: idParams,
    response: z.array(deliveryView),
    handler: async ({ deps, actor, params }) => {
      await endpointOf(deps.db.kysely, actor.orgId, params.id);
      const rows = await deps.db.kysely.selectFrom("outbox").selectAll().where("org_id", "=", actor.orgId).where("channel", "=", "webhook").where("target", "=", params.id).orderBy("created_at", "desc").limit(100).execute();
      return rows.map((r) => ({ id: r.id, event: r.event, status: r.status, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, lastError: r.last_error, deliveredAt: r.delivered_at, createdAt: r.created_at }));
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/webhooks/:id/ping",
    summary: "Queue a `webhook.ping` event to the endpoint, to check it receives and verifies",
    tag: "notifications",
    access: { permission: "webhooks.manage" },
    resource: "webhook",
    params: idParams,
    status: 204,
    handler: async ({ deps, actor, params, requestId }) => {
      await audited(deps.db, changeContextOf(actor, requestId), async (trx, record) => {
        const ep = await endpointOf(trx, actor.orgId, params.id);
        // An outbound call an administrator asked for: who asked, and where to (the outcome follows from the worker).
        record({ action: "webhook.ping_requested", entityType: "webhook", entityId: ep.id, after: { url: ep.url } });
        await trx.insertInto("outbox").values(outboxRow(actor.orgId, "webhook", ep.id, "webhook.ping", { event: "webhook.ping", occurredAt: nowIso(), orgId: actor.orgId, subject: null, title: { ja: "接続確認", en: "Ping" }, data: {} })).execute();
      });
    },
  }),
];
