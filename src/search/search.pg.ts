import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../db/schema.ts";
import { documentCodes, queryCodes } from "./search.grams.ts";

/** Where each kind of indexed record lives. */
const TABLES = { system: "ai_systems", incident: "incidents" } as const;

/** Records filed per transaction: large enough that a statement's cost is shared, small enough that a batch never holds the database long. */
const BATCH = 2_000;

/**
 * Files a batch of the records writes have queued (migration 0029) into PostgreSQL's text index:
 * their pairs computed here, as SQLite's trigger computes them, written with one statement. The
 * queue's rows are taken with `SKIP LOCKED`, so several servers sharing the database file
 * different records; a record changed again meanwhile is queued again by its change. Returns how
 * many records it took (0 when the queue is empty).
 *
 * The rows are deleted by their addresses (`ctid`): deleted by key, `(kind, record_id) in (…)`,
 * the planner — its statistics taken while the queue was empty — joined the queue with itself, and
 * the first batch after a 100,000-row import took 6.7 s.
 */
export async function indexQueued(db: Kysely<Database>, batch = BATCH): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const taken = (
      await sql<{ kind: keyof typeof TABLES; record_id: string }>`delete from search_pending where ctid = any(array(
        select ctid from search_pending limit ${batch} for update skip locked)) returning kind, record_id`.execute(trx)
    ).rows;
    for (const kind of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
      const ids = taken.filter((t) => t.kind === kind).map((t) => t.record_id);
      if (ids.length === 0) continue;
      const records = (await sql<{ id: string; org_id: string; search_text: string }>`select id, org_id, search_text from ${sql.table(TABLES[kind])} where id = any(${textArray(ids)}::text[])`.execute(trx)).rows;
      if (records.length > 0) {
        const codes = records.map((r) => `{${documentCodes(r.search_text, r.org_id, kind).join(",")}}`);
        await sql`insert into search_terms (kind, record_id, org_id, grams)
          select ${kind}, r.id, r.org_id, r.grams::integer[] from unnest(${textArray(records.map((r) => r.id))}::text[], ${textArray(records.map((r) => r.org_id))}::text[], ${textArray(codes)}::text[]) as r(id, org_id, grams)
          on conflict (kind, record_id) do update set org_id = excluded.org_id, grams = excluded.grams`.execute(trx);
      }
      // Gone since it was queued: its terms went with its delete, but a racing insert may have refiled them.
      const found = new Set(records.map((r) => r.id));
      const gone = ids.filter((id) => !found.has(id));
      if (gone.length > 0) await sql`delete from search_terms where kind = ${kind} and record_id = any(${textArray(gone)}::text[])`.execute(trx);
    }
    return taken.length;
  });
}

/**
 * After a run of batches: merges the entries the GIN index holds unsorted (its pending list) into
 * its tree in one sorted pass, and vacuums the queue. Every search reads the queue, and the rows
 * taken from it stay behind as dead rows until a vacuum: after a 100,000-row import that read took
 * 12 ms instead of 0.1 ms, until autovacuum came by.
 */
export async function settleIndex(db: Kysely<Database>): Promise<void> {
  await sql`select gin_clean_pending_list('search_terms_grams'::regclass)`.execute(db);
  await sql`vacuum search_pending`.execute(db);
}

/**
 * Up to `cap` ids of the records of `orgId` that may hold one of the folded `variants`: those whose
 * indexed pairs include every pair of a variant, and those still queued (their pairs not yet
 * filed); `more` when there are others beyond them. Undefined when a variant is a single character
 * (no pair: the caller scans). The read costs in proportion to the ids it returns (each is read
 * from the table's rows, not from the index), which is why it stops at `cap`.
 */
export async function pgCandidates(db: Kysely<Database>, orgId: string, kind: keyof typeof TABLES, variants: readonly string[], cap: number): Promise<{ ids: string[]; more: boolean } | undefined> {
  const wanted: number[][] = [];
  for (const v of variants) {
    const codes = queryCodes(v, orgId, kind);
    if (!codes) return undefined;
    wanted.push(codes);
  }
  const holds = sql.join(
    wanted.map((codes) => sql`grams @> ${`{${codes.join(",")}}`}::integer[]`),
    sql` or `,
  );
  const rows = (
    await sql<{ record_id: string }>`select record_id from search_terms where (${holds})
      union all select record_id from search_pending where kind = ${kind} and org_id = ${orgId}
      limit ${cap + 1}`.execute(db)
  ).rows;
  // `union all`, not `union`: a union reads every match to remove duplicates before the limit
  // applies, and a record both filed and queued again only repeats an id here.
  const ids = [...new Set(rows.map((r) => r.record_id))];
  return rows.length > cap ? { ids: ids.slice(0, cap), more: true } : { ids, more: false };
}

/** Some ids as a condition on the list's id column (one parameter, however many). */
export function amongIds(idColumn: string, ids: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(idColumn)} = any(${textArray(ids)}::text[])`;
}

/** A PostgreSQL array literal of texts, passed as one parameter (every driver sends a string alike). */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}
