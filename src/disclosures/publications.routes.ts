import { z } from "zod";
import { audited, changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { idParams } from "../users/users.schema.ts";
import { publicPathOf } from "./haip/haip.read.ts";
import { withdrawBody } from "./haip/haip.schema.ts";
import { insertPublication, listPublications, PUBLICATION_KINDS, withdrawPublication } from "./publications.service.ts";
import { buildSystemCard } from "./system-card.ts";
import { publicCardOf } from "./system-card.public.ts";

const words = z.object({ ja: z.string(), en: z.string() });
export const publicationView = z.object({
  id: z.string(),
  kind: z.enum(PUBLICATION_KINDS),
  subject: z.string(),
  number: z.number().int(),
  title: words,
  sha256: z.string(),
  publishedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  /** Null on a withdrawn publication: replaced by a newer version of the same subject. */
  withdrawalReason: z.string().nullable(),
  /** Where it is (or was) served, signed out. */
  publicPath: z.string(),
});

/** What the organisation has published on its trust page, and the acts of publishing and withdrawing. */
export const publicationRoutes = [
  defineRoute({
    method: "get",
    path: "/api/disclosures/publications",
    summary: "Everything the organisation has published on its public trust page (HAIP reports, system cards), newest first, with withdrawals",
    tag: "disclosures",
    access: { permission: "disclosures.read" },
    response: z.array(publicationView),
    handler: async ({ deps, actor }) => {
      const [rows, org] = await Promise.all([listPublications(deps.db.kysely, actor.orgId), deps.db.kysely.selectFrom("organizations").select("slug").where("id", "=", actor.orgId).executeTakeFirstOrThrow()]);
      return rows.map((p) => ({ id: p.id, kind: p.kind as (typeof PUBLICATION_KINDS)[number], subject: p.subject, number: p.number, title: { ja: p.title_ja, en: p.title_en }, sha256: p.sha256, publishedAt: p.published_at, withdrawnAt: p.withdrawn_at, withdrawalReason: p.withdrawal_reason, publicPath: publicPathOf(org.slug, p.kind, p.subject) }));
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/disclosures/publications/:id/withdraw",
    summary: "Take a publication off the public trust page, with the reason (kept, with its snapshot, for the record)",
    tag: "disclosures",
    access: { permission: "disclosures.publish" },
    resource: "publication",
    params: idParams,
    body: withdrawBody,
    status: 204,
    handler: async ({ deps, actor, params, body, requestId }) => {
      await withdrawPublication(deps.db, changeContextOf(actor, requestId), actor.userId, params.id, body.reason);
      return null;
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/systems/:id/card/publish",
    summary: "Publish the system's card on the public trust page as it stands now: a frozen snapshot without people's names or e-mail addresses, hashed into the ledger",
    tag: "disclosures",
    access: { permission: "disclosures.publish" },
    resource: "system",
    params: idParams,
    status: 201,
    response: publicationView.pick({ id: true, number: true, sha256: true, publishedAt: true, publicPath: true }),
    handler: async ({ deps, actor, params, requestId }) => {
      const card = publicCardOf(await buildSystemCard(deps.db.kysely, deps.library, actor.orgId, params.id));
      const org = await deps.db.kysely.selectFrom("organizations").select("slug").where("id", "=", actor.orgId).executeTakeFirstOrThrow();
      const pub = await audited(deps.db, changeContextOf(actor, requestId), (trx, record) =>
        insertPublication(trx, record, { orgId: actor.orgId, kind: "system-card", subject: card.system.code, title: { ja: `AIシステムカード ${card.system.name.ja}`, en: `AI system card: ${card.system.name.en}` }, document: card, sourceId: params.id, publishedBy: actor.userId }),
      );
      return { id: pub.id, number: pub.number, sha256: pub.sha256, publishedAt: pub.publishedAt, publicPath: publicPathOf(org.slug, "system-card", card.system.code) };
    },
  }),
];
