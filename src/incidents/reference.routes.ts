import { z } from "zod";
import { containsText } from "../platform/pagination.ts";
import { defineRoute } from "../platform/http/route.ts";
import { searchReference, similarIncidents, similarQuery, similarView } from "./similar/similar.service.ts";

const referenceView = z.object({
  id: z.string(),
  /** The source's id (`aiid`, or a slug of its name). */
  source: z.string(),
  /** The source's name, as imported. */
  sourceName: z.string(),
  number: z.number().int(),
  /** The source's own identifier of the case, as text; null when the register gives none. */
  externalId: z.string().nullable(),
  date: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  /**
   * AIID entity ids as the database records them (`female-applicants`): stable for machines. People
   * are shown them transcribed into words by `aiidEntityName` (aiid.entities.ts), marked as such.
   */
  deployers: z.array(z.string()),
  developers: z.array(z.string()),
  harmed: z.array(z.string()),
  categories: z.array(z.string()),
  harmLevel: z.string().nullable(),
  /** The case at its source; empty when the register gives no link. */
  url: z.string(),
  score: z.number().optional(),
});

const sourceView = z.object({
  id: z.string(),
  name: z.string(),
  licence: z.string(),
  url: z.string().nullable(),
  cases: z.number().int(),
  importedAt: z.string(),
  /** Imported by this organisation, which alone sees it; false: shared by the whole installation. */
  own: z.boolean(),
});

const referenceQuery = z.strictObject({
  /** Only the cases of this source (its id). */
  source: z.string().max(60).optional(),
  /** Japanese or English; results are ranked by relevance. Without it, newest first. */
  q: z.string().trim().min(1).max(500).optional(),
  category: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const referenceRoutes = [
  defineRoute({
    method: "get",
    path: "/api/incidents/similar",
    summary: "Past incidents like this text: the organisation's own and public reference cases (JA/EN)",
    tag: "incidents",
    access: { permission: "incidents.read" },
    query: similarQuery,
    response: similarView,
    handler: ({ deps, actor, query }) => similarIncidents(deps.db.kysely, actor.orgId, query, actor.ledgerHead),
  }),
  defineRoute({
    method: "get",
    path: "/api/reference-incidents",
    summary: "Public reference incidents from every source this organisation sees — those shared by the installation (the AI Incident Database, CC BY-SA 4.0, ships with Musubi) and its own imports — each with its source's name and licence, searchable in Japanese and English",
    tag: "incidents",
    access: { permission: "incidents.read" },
    query: referenceQuery,
    response: z.object({ items: z.array(referenceView), total: z.number().int(), limit: z.number().int(), offset: z.number().int(), licence: z.string(), sources: z.array(sourceView) }),
    handler: async ({ deps, actor, query }) => {
      const db = deps.db.kysely;
      const sources = await db.selectFrom("reference_sources").selectAll().where((eb) => eb.or([eb("org_id", "is", null), eb("org_id", "=", actor.orgId)])).orderBy("name").execute();
      const nameOf = new Map(sources.map((s) => [s.id, s.name]));
      const ranked = query.q ? await searchReference(db, query.q, 500, actor.orgId) : [];
      // Another organisation's imports are never read: its cases are this installation's, not this organisation's.
      let base = db.selectFrom("reference_incidents").where((eb) => eb.or([eb("org_id", "is", null), eb("org_id", "=", actor.orgId)]));
      if (query.source) base = base.where("source", "=", query.source);
      if (query.category) base = base.where("categories", "like", `%${JSON.stringify(query.category)}%`);
      const score = new Map(ranked.map((h) => [h.id, h.score]));
      let page;
      let total;
      if (ranked.length) {
        // Ranked: the index's order, filtered by category, paged here.
        const rows = await base.selectAll().where("id", "in", ranked.map((h) => h.id)).execute();
        rows.sort((a, b) => score.get(b.id)! - score.get(a.id)!);
        total = rows.length;
        page = rows.slice(query.offset, query.offset + query.limit);
      } else {
        // Unranked: newest first; a query the index has no terms for falls back to a substring match.
        const text = query.q;
        if (text) base = base.where((eb) => eb.or([containsText("title", text), containsText("description", text)]));
        const [rows, count] = await Promise.all([
          base.selectAll().orderBy("date", "desc").orderBy("number", "desc").limit(query.limit).offset(query.offset).execute(),
          base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
        ]);
        page = rows;
        total = Number(count.n);
      }
      return {
        items: page.map((r) => ({
          id: r.id,
          source: r.source,
          sourceName: nameOf.get(r.source) ?? r.source,
          number: r.number,
          externalId: r.external_id,
          date: r.date,
          title: r.title,
          description: r.description,
          deployers: JSON.parse(r.deployers),
          developers: JSON.parse(r.developers),
          harmed: JSON.parse(r.harmed),
          categories: JSON.parse(r.categories),
          harmLevel: (JSON.parse(r.classifications) as { csetv1?: { harmLevel?: string } }).csetv1?.harmLevel ?? null,
          url: r.url,
          ...(score.has(r.id) && { score: Math.round(score.get(r.id)! * 100) / 100 }),
        })),
        total,
        limit: query.limit,
        offset: query.offset,
        licence: sources.map((s) => `${s.name}, ${s.licence}${s.url ? ` (${s.url})` : ""}`).join("; "),
        sources: sources.map((s) => ({ id: s.id, name: s.name, licence: s.licence, url: s.url, cases: s.cases, importedAt: s.imported_at, own: s.org_id === actor.orgId })),
      };
    },
  }),
];
