import type { Kysely } from "kysely";
import { z } from "zod";
import { recordId } from "../../platform/record-id.ts";
import type { Database } from "../../db/schema.ts";
import { SimilarIndex } from "./index.ts";

interface OrgIndex {
  index: SimilarIndex;
  /** The latest `updated_at` read. */
  through: string;
  /** The organisation's ledger head when last refreshed: every incident change moves it. */
  head: number | undefined;
}

/**
 * How far back a refresh re-reads: a transaction that stamped its rows before the last refresh may
 * commit after it, so rows up to this much older than the newest seen are read again (idempotently).
 */
const SKEW_MS = 60_000;

const orgIndexes = new WeakMap<Kysely<Database>, Map<string, OrgIndex>>();
const referenceIndexes = new WeakMap<Kysely<Database>, Map<string, { index: SimilarIndex; stamp: string; checkedAt: number; generation: number }>>();
/**
 * How long the public cases' index is trusted without asking the database whether an import
 * changed them. An authority's intake searches it for every submission, and the check (a count
 * over every case) cost PostgreSQL more than the search; an import on this server is seen at
 * once ({@link referenceCasesChanged}), one on another server within this time.
 */
const REFERENCE_CHECK_MS = 5_000;
let referenceGeneration = 0;

/** Tells this process's cached public-case indexes that an import changed the cases. */
export function referenceCasesChanged(): void {
  referenceGeneration++;
}

const textOf = (r: { title: string; summary?: string; description?: string; root_cause?: string }) => [r.title, r.summary ?? r.description ?? "", r.root_cause ?? ""].join("\n");

/**
 * The organisation's incident index, kept per database handle. While the organisation's ledger
 * head is where it was, nothing is read; after a change, only incidents updated since the last
 * look (less {@link SKEW_MS}) are.
 */
async function orgIndex(db: Kysely<Database>, orgId: string, head: number | undefined): Promise<SimilarIndex> {
  let byOrg = orgIndexes.get(db);
  if (!byOrg) orgIndexes.set(db, (byOrg = new Map()));
  let entry = byOrg.get(orgId);
  if (!entry) byOrg.set(orgId, (entry = { index: new SimilarIndex(), through: "", head: undefined }));
  if (head !== undefined && entry.head === head) return entry.index;
  const since = entry.through ? new Date(Date.parse(entry.through) - SKEW_MS).toISOString() : "";
  const rows = await db
    .selectFrom("incidents")
    .select(["id", "title", "summary", "root_cause", "categories", "updated_at"])
    .where("org_id", "=", orgId)
    .where("updated_at", ">=", since)
    .orderBy("updated_at")
    .execute();
  entry.head = head;
  for (const r of rows) {
    entry.index.put(r.id, textOf(r), JSON.parse(r.categories) as string[]);
    if (r.updated_at > entry.through) entry.through = r.updated_at;
  }
  return entry.index;
}

/**
 * The index of the reference cases one scope sees: those shared by the installation (`orgId`
 * null), or one organisation's own imports. Rebuilt when an import changed them.
 */
async function referenceIndex(db: Kysely<Database>, orgId: string | null): Promise<SimilarIndex> {
  let scopes = referenceIndexes.get(db);
  if (!scopes) referenceIndexes.set(db, (scopes = new Map()));
  const key = orgId ?? "";
  const known = scopes.get(key);
  if (known && known.generation === referenceGeneration && Date.now() - known.checkedAt < REFERENCE_CHECK_MS) return known.index;
  const generation = referenceGeneration;
  const inScope = <Q extends { where: (...a: any[]) => Q }>(q: Q): Q => (orgId === null ? q.where("org_id", "is", null) : q.where("org_id", "=", orgId));
  const s = await inScope(db.selectFrom("reference_incidents").select([(eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.max("imported_at").as("at")])).executeTakeFirstOrThrow();
  const stamp = `${s.n}|${s.at ?? ""}`;
  if (known?.stamp === stamp) {
    scopes.set(key, { ...known, checkedAt: Date.now(), generation });
    return known.index;
  }
  const index = new SimilarIndex();
  const rows = await inScope(db.selectFrom("reference_incidents").select(["id", "title", "description", "categories"])).execute();
  for (const r of rows) index.put(r.id, textOf(r), JSON.parse(r.categories) as string[]);
  scopes.set(key, { index, stamp, checkedAt: Date.now(), generation });
  return index;
}

/**
 * Reference cases like `text`: the installation's shared ones and, with `orgId`, that
 * organisation's own imports, ranked together by score. The two are indexed apart (an
 * organisation's import never enters another's results, nor weighs on its ranking), and each is
 * searched weighing terms over both, so their scores are those of one index over both.
 */
async function referenceHits(db: Kysely<Database>, text: string, categories: string[], limit: number, orgId?: string): Promise<{ id: string; score: number }[]> {
  const [shared, own] = await Promise.all([referenceIndex(db, null), orgId === undefined ? undefined : referenceIndex(db, orgId)]);
  if (!own || own.size === 0) return shared.search(text, categories, limit);
  // Each weighed over both together, so that the two lists' scores compare.
  return [...shared.search(text, categories, limit, undefined, own), ...own.search(text, categories, limit, undefined, shared)].sort((a, b) => b.score - a.score).slice(0, limit);
}

export const similarQuery = z.strictObject({
  text: z.string().trim().min(1).max(20000),
  /** MIT ids, comma-separated: incidents filed under the same ones rank higher. */
  categories: z.string().max(400).optional(),
  /** Leave this incident out (when asking for one already filed). */
  exclude: recordId.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(5),
});

export const similarView = z.object({
  internal: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), status: z.string(), severity: z.string(), detectedAt: z.string(), score: z.number() })),
  public: z.array(z.object({ id: z.string(), source: z.string(), sourceName: z.string(), number: z.number().int(), externalId: z.string().nullable(), title: z.string(), date: z.string().nullable(), url: z.string(), score: z.number() })),
});

/**
 * Past incidents like a new one: the organisation's own and the public reference cases, ranked by
 * BM25 over Japanese and English text (with a bilingual glossary) and shared MIT categories.
 */
export async function similarIncidents(db: Kysely<Database>, orgId: string, q: z.infer<typeof similarQuery>, ledgerHead?: number): Promise<z.infer<typeof similarView>> {
  const categories = q.categories ? q.categories.split(",").map((c) => c.trim()).filter(Boolean) : [];
  const [own, pubHits] = await Promise.all([orgIndex(db, orgId, ledgerHead), referenceHits(db, q.text, categories, q.limit, orgId)]);
  const ownHits = own.search(q.text, categories, q.limit, q.exclude);
  const [ownRows, pubRows] = await Promise.all([
    ownHits.length ? db.selectFrom("incidents").select(["id", "code", "title", "status", "severity", "detected_at"]).where("org_id", "=", orgId).where("id", "in", ownHits.map((h) => h.id)).execute() : [],
    pubHits.length ? db.selectFrom("reference_incidents").leftJoin("reference_sources as s", "s.id", "reference_incidents.source").select(["reference_incidents.id", "reference_incidents.source", "s.name as sourceName", "reference_incidents.number", "reference_incidents.external_id", "reference_incidents.title", "reference_incidents.date", "reference_incidents.url"]).where("reference_incidents.id", "in", pubHits.map((h) => h.id)).execute() : [],
  ]);
  const round = (s: number) => Math.round(s * 100) / 100;
  return {
    internal: ownHits.flatMap((h) => {
      const r = ownRows.find((x) => x.id === h.id);
      return r ? [{ id: r.id, code: r.code, title: r.title, status: r.status, severity: r.severity, detectedAt: r.detected_at, score: round(h.score) }] : [];
    }),
    public: pubHits.flatMap((h) => {
      const r = pubRows.find((x) => x.id === h.id);
      return r ? [{ id: r.id, source: r.source, sourceName: r.sourceName ?? r.source, number: r.number, externalId: r.external_id, title: r.title, date: r.date, url: r.url, score: round(h.score) }] : [];
    }),
  };
}

/** Ranked search of the reference cases: the shared ones, and with `orgId` that organisation's own too (for their page). */
export async function searchReference(db: Kysely<Database>, text: string, limit: number, orgId?: string): Promise<{ id: string; score: number }[]> {
  return referenceHits(db, text, [], limit, orgId);
}
