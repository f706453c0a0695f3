import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../db/schema.ts";
import { isPostgres } from "../db/engine.ts";
import { searchVariants } from "../platform/search-fold.ts";
import { ftsQuery, queryTokens } from "./search.grams.ts";
import { amongIds, pgCandidates } from "./search.pg.ts";

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
 * PostgreSQL holds the same pairs as integers under a GIN index, filed just after each write
 * (`search.pg.ts`); the records not yet filed are candidates too. It reads at most 5,000 of them,
 * and says when there were more (`partial`).
 */
export async function indexedCandidates(db: Kysely<Database>, orgId: string, kind: IndexedKind, idColumn: string, q: string, read = PG_READS.first): Promise<Candidates | undefined> {
  const variants = searchVariants(q);
  if (isPostgres(db)) {
    const found = await pgCandidates(db, orgId, kind, variants, read);
    return found && { where: amongIds(idColumn, found.ids), partial: found.more };
  }
  const docs = await pairDocs(db, variants.flatMap(queryTokens));
  const match = ftsQuery(variants, orgId, kind, (tokens) => [...tokens].sort((a, b) => (docs.get(a) ?? 0) - (docs.get(b) ?? 0)).slice(0, PAIRS_LOOKED_UP));
  if (!match) return undefined;
  // The walk compares every variant with each row it reads, so it costs more the more variants the glossary gives.
  const common = COMMON_ABOVE * variants.length;
  const probe = await sql<{ n: number }>`select count(*) as n from (select rowid from search_grams where search_grams match ${match} limit ${common + 1})`.execute(db);
  if (Number(probe.rows[0]?.n ?? 0) > common) return undefined;
  return { where: sql<boolean>`${sql.ref(idColumn)} in (select d.record_id from search_docs d where d.doc in (select rowid from search_grams where search_grams match ${match}) and d.kind = ${kind})`, partial: false };
}

/**
 * The text index's candidates for a query, as a condition on the list's id column. `partial`: they
 * are some of the candidates only (PostgreSQL, common words). Matches among them still prove a
 * capped count ("1,000+" when 1,001 of them match); any other answer needs the list walked.
 */
export interface Candidates {
  where: RawBuilder<boolean>;
  partial: boolean;
}

/**
 * How many candidates PostgreSQL reads (an object, so that a test can make them small and reach
 * every path with a few records). Each is read from the index table's rows — a GIN index returns
 * row addresses, not ids — so 5,000 cost 6–9 ms over 100,000 systems, 2,000 half as much.
 * - `first`: a common word has more, and 1,001 matches among the first 2,000 already give the
 *   capped count;
 * - `wide`: when the first read was partial and too few of its candidates matched (a code's digits,
 *   "0001", are pairs in most codes), reading up to this many and comparing only them still costs
 *   less than walking every record as a rare word must (46 ms against 90 ms).
 */
export const PG_READS = { first: 2_000, wide: 20_000 };

/**
 * Every candidate of the text index for a query, or undefined when there are too many or the index
 * cannot help (the caller walks or scans). For a list whose first, partial read did not settle it.
 */
export async function allCandidates(db: Kysely<Database>, orgId: string, kind: IndexedKind, idColumn: string, q: string): Promise<RawBuilder<boolean> | undefined> {
  const found = await indexedCandidates(db, orgId, kind, idColumn, q, PG_READS.wide);
  return found && !found.partial ? found.where : undefined;
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
