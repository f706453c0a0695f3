import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../db/schema.ts";
import { isPostgres } from "../db/engine.ts";
import { searchVariants } from "../platform/search-fold.ts";
import { ftsQuery, queryTokens } from "./search.grams.ts";

/** The kinds of record the text index holds (migration 0027). */
export type IndexedKind = "system" | "incident";

/**
 * Above this many candidates the words are common, and walking the list's sort order keeping the
 * records that match finds a page (and counts 1,000 of them) sooner than reading every candidate:
 * measured over 100,000 systems, a word in a tenth of them (10,000 candidates) took 15 ms through
 * the index and 6–8 ms by the walk, a code held by one system 5 ms through the index and 380 ms by
 * the walk (which then reads every system). The walk's cost grows as matches thin out, the
 * index's as they thicken; they meet between the two, nearer the lower.
 */
export const COMMON_ABOVE = 5_000;

/**
 * The records of `orgId` whose indexed text holds every pair of characters of the query (or of one
 * of its glossary variants), as a condition; undefined when the index cannot help — a one-character
 * query has no pair, and common words are found sooner by the walk (above) — and the caller scans.
 * These are candidates only: the caller keeps the `LIKE` comparison, which decides.
 *
 * PostgreSQL has no such index yet: a GIN index of the same pairs, measured, added 21 s to a
 * 100,000-row import (27 s → 49 s; the pairs computed in SQL cost 50–80 µs a record, and the GIN
 * entries 55 µs more), so it scans as before (docs/benchmarks.md).
 */
export async function indexedCandidates(db: Kysely<Database>, orgId: string, kind: IndexedKind, idColumn: string, q: string): Promise<RawBuilder<boolean> | undefined> {
  if (isPostgres(db)) return undefined;
  const variants = searchVariants(q);
  const docs = await pairDocs(db, variants.flatMap(queryTokens));
  const match = ftsQuery(variants, orgId, kind, (tokens) => [...tokens].sort((a, b) => (docs.get(a) ?? 0) - (docs.get(b) ?? 0)).slice(0, PAIRS_LOOKED_UP));
  if (!match) return undefined;
  // The walk compares every variant with each row it reads, so it costs more the more variants the glossary gives.
  const common = COMMON_ABOVE * variants.length;
  const probe = await sql<{ n: number }>`select count(*) as n from (select rowid from search_grams where search_grams match ${match} limit ${common + 1})`.execute(db);
  if (Number(probe.rows[0]?.n ?? 0) > common) return undefined;
  return sql<boolean>`${sql.ref(idColumn)} in (select d.record_id from search_docs d where d.doc in (select rowid from search_grams where search_grams match ${match}) and d.kind = ${kind})`;
}

/**
 * A variant is looked up by its rarest pairs only: FTS5 reads every listed pair's records, and a
 * pair in every code ("uc", "-0" in "UC-042424") costs as much as the rest together (4.7 ms for six
 * pairs, 0.9 ms for the three rarest, over 100,000 systems) while narrowing nothing.
 */
const PAIRS_LOOKED_UP = 3;

/** How long a pair's count of records is trusted: it only chooses which pairs to look up, never what is found. */
const DOCS_FOR_MS = 10 * 60_000;
const docCache = new WeakMap<object, Map<string, { docs: number; at: number }>>();

/** How many records hold each pair (FTS5's vocabulary table, migration 0028), remembered a while per connection. */
async function pairDocs(db: Kysely<Database>, tokens: readonly string[]): Promise<Map<string, number>> {
  let cache = docCache.get(db);
  if (!cache) docCache.set(db, (cache = new Map()));
  const now = Date.now();
  const out = new Map<string, number>();
  for (const t of new Set(tokens)) {
    let hit = cache.get(t);
    if (!hit || now - hit.at > DOCS_FOR_MS) {
      const row = (await sql<{ doc: number }>`select doc from search_grams_vocab where term = ${t}`.execute(db)).rows[0];
      hit = { docs: Number(row?.doc ?? 0), at: now };
      if (cache.size > 50_000) cache.clear();
      cache.set(t, hit);
    }
    out.set(t, hit.docs);
  }
  return out;
}

/**
 * Up to this many matches, a page is read from the index's candidates and sorted; beyond it the
 * matches are dense enough that walking the sort order and keeping those that match is quicker.
 */
export const SORT_CANDIDATES_UP_TO = 2_000;
