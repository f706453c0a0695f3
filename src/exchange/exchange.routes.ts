import { z } from "zod";
import { changeContextOf } from "../audit/audited.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { clientAddress } from "../platform/http/client-address.ts";
import { defineRoute, type AppDeps } from "../platform/http/route.ts";
import { connectToAuthority, sectorValues } from "./connections.service.ts";
import { connectionView, connectionViewOf, listConnections } from "./connections.store.ts";
import { receiveMessage } from "./exchange.inbox.ts";
import { describeParty, exchangeEnvOf, PartyDescriptor } from "./exchange.party.ts";
import { MAX_MESSAGE_BYTES } from "./exchange.schema.ts";
import { outgoingRows, outgoingView, outgoingViewOf } from "./outgoing.view.ts";
import { submitBody, submitToAuthority } from "./submit.service.ts";

export const envOf = (deps: AppDeps) => exchangeEnvOf(deps.db, deps.config, deps.outbound);

const slugParams = z.strictObject({ slug: z.string().min(1).max(100) });

/** The answer to a signed message: the recipient's signed receipt, and whether it was given before (a retry). */
export const messageAnswer = z.object({ receipt: z.string(), duplicate: z.boolean() });

export const exchangeRoutes = [
  defineRoute({
    method: "get",
    path: "/api/exchange/parties/:slug",
    summary: "An authority's party descriptor: its party id, names, public keys (JWK set) and where it receives signed messages (musubi-exchange-party/1)",
    tag: "Exchange",
    access: "public",
    params: slugParams,
    createsOnFirstUse: true,
    response: PartyDescriptor,
    handler: async ({ deps, params }) => {
      const descriptor = await describeParty(envOf(deps), params.slug);
      if (!descriptor) throw notFound();
      return descriptor;
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/exchange/parties/:slug/messages",
    summary: "Receive a signed message (a compact JWS, Content-Type application/jose, docs/exchange.md) for an organisation of this instance; answers with a signed receipt",
    tag: "Exchange",
    access: "public",
    params: slugParams,
    upload: true,
    uploadLimit: MAX_MESSAGE_BYTES,
    response: messageAnswer,
    status: 201,
    responses: {
      200: { description: "A copy of a message stored before (same sender and idempotency key, same payload): the first one's receipt, duplicate true", schema: messageAnswer },
      401: { description: "The signature cannot be trusted: exchange_unknown_key, exchange_bad_signature, exchange_key_retired, or exchange_clock_skew (recorded)" },
      403: { description: "exchange_unregistered_sender (no approved connection with the sender) or exchange_wrong_audience (recorded)" },
      422: { description: "exchange_unsupported_kind: a kind or schema this instance does not take" },
      503: { description: "exchange_key_unavailable: the recipient's signing key cannot be used to sign the receipt" },
    },
    handler: async ({ deps, params, body, c }) => {
      const type = c.req.header("content-type") ?? "";
      if (!/^application\/jose\b/i.test(type)) throw new AppError(415, "unsupported_media_type");
      const jws = Buffer.from(body as unknown as Uint8Array).toString("utf8").trim();
      const answer = await receiveMessage(envOf(deps), params.slug, jws, { address: clientAddress(c, deps.trustedProxies), local: false });
      return c.json(answer.body as object, answer.status as 200);
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/exchange/authorities",
    summary: "Authorities on this instance an organisation can register with",
    tag: "Exchange",
    access: { permission: "exchange.read" },
    response: z.array(PartyDescriptor.pick({ party: true, slug: true, name: true })),
    handler: async ({ deps, actor }) => {
      const rows = await deps.db.kysely.selectFrom("organizations").select(["slug", "name_ja", "name_en"]).where("kind", "=", "authority").where("id", "<>", actor.orgId).orderBy("slug").limit(500).execute();
      const env = envOf(deps);
      return rows.map((r) => ({ party: `${env.base}/orgs/${r.slug}`, slug: r.slug, name: { ja: r.name_ja, en: r.name_en } }));
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/exchange/sectors",
    summary: "The sectors an organisation can declare when it registers (the profile question `sector`)",
    tag: "Exchange",
    access: { permission: "library.read" },
    response: z.array(z.object({ value: z.string(), label: z.object({ ja: z.string(), en: z.string() }) })),
    handler: async ({ deps }) => {
      const q = deps.library.profile.questions.find((x) => x.id === "sector");
      const values = new Set(sectorValues(deps.library));
      return (q?.options ?? []).filter((o) => values.has(o.value)).map((o) => ({ value: o.value, label: { ja: o.label.ja, en: o.label.en } }));
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/exchange/connections",
    summary: "The authorities this organisation is registered with (pending, approved, refused)",
    tag: "Exchange",
    access: { permission: "exchange.read" },
    response: z.array(connectionView),
    handler: async ({ deps, actor }) => (await listConnections(deps.db.kysely, actor.orgId, "authority")).map(connectionViewOf),
  }),
  defineRoute({
    method: "post",
    path: "/api/exchange/connections",
    summary: "Register with an authority, on this instance or another (its base URL): exchanges Ed25519 public keys; the authority approves",
    tag: "Exchange",
    access: { permission: "exchange.submit" },
    body: z.strictObject({
      /** The authority's Musubi (base URL); omit for an authority on this instance. */
      authorityUrl: z.string().url().max(2000).refine((u) => /^https?:\/\//.test(u), { message: "http or https" }).nullable().default(null),
      authoritySlug: z.string().trim().min(1).max(100),
      sector: z.string().max(100).nullable().default(null),
      note: z.string().max(2000).nullable().default(null),
    }),
    response: connectionView,
    status: 201,
    handler: async ({ deps, actor, body, requestId }) =>
      connectToAuthority(envOf(deps), changeContextOf(actor, requestId), deps.library, { url: body.authorityUrl, authoritySlug: body.authoritySlug, sector: body.sector, note: body.note }),
  }),
  defineRoute({
    method: "get",
    path: "/api/exchange/submissions",
    summary: "What this organisation sent to authorities, newest first, with each delivery's state and the signed receipt",
    tag: "Exchange",
    access: { permission: "exchange.read" },
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) }),
    response: z.array(outgoingView),
    handler: async ({ deps, actor, query }) => {
      const rows = await outgoingRows(deps.db.kysely, actor.orgId)
        .orderBy("o.created_at", "desc")
        .orderBy("o.id", "desc")
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return rows.map((r) => outgoingViewOf(r, r));
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/exchange/submissions/:id",
    summary: "One submission to an authority, with its delivery state and the authority's signed receipt",
    tag: "Exchange",
    access: { permission: "exchange.read" },
    resource: "exchange_submission",
    params: z.strictObject({ id: z.string().min(1).max(100) }),
    response: outgoingView,
    handler: async ({ deps, actor, params }) => {
      const row = await outgoingRows(deps.db.kysely, actor.orgId)
        .where("o.id", "=", params.id)
        .executeTakeFirst();
      if (!row) throw notFound();
      return outgoingViewOf(row, row);
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/exchange/submissions",
    summary: "Send an authority an incident report, an approved HAIP report or a system card, with the parts marked confidential; delivered signed, retried until a receipt comes back",
    tag: "Exchange",
    access: { permission: "exchange.submit" },
    body: submitBody,
    response: outgoingView,
    status: 201,
    handler: async ({ deps, actor, body, requestId }) => {
      const me = await deps.db.kysely.selectFrom("users").select(["display_name", "email"]).where("org_id", "=", actor.orgId).where("id", "=", actor.userId).executeTakeFirstOrThrow();
      return submitToAuthority(envOf(deps), changeContextOf(actor, requestId), deps.library, { name: me.display_name, email: me.email }, body);
    },
  }),
];
