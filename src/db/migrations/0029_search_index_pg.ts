import { sql, type Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/** The records whose folded `search_text` the index holds, and the kind each is filed under (as in migration 0027). */
const INDEXED = [
  { table: "ai_systems", kind: "system" },
  { table: "incidents", kind: "incident" },
] as const;

/**
 * The text index on PostgreSQL (issue 17, issue 20): each record's pairs of neighbouring characters
 * as integers in `search_terms.grams`, under a GIN index, as SQLite keeps them in FTS5 (migration
 * 0027). Computing them in SQL and keeping the GIN index in step inside each write was measured to
 * add 21 s to a 100,000-row import (27 → 49 s); so writes only queue the record in `search_pending`
 * (one statement-level trigger a statement, reading the statement's transition tables), and the
 * server computes the pairs in JavaScript and files them afterwards, in batches, outside the
 * writer's transaction (`search/search.pg.ts`). Search reads the queued records as candidates too,
 * so what it finds never waits for the index — only how fast it finds it.
 *
 * A deleted record's terms go with it, in the delete's own statement.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === "sqlite") return;
  await sql`create table search_pending (kind text not null, record_id text not null, org_id text not null, primary key (kind, record_id))`.execute(db);
  await sql`create table search_terms (kind text not null, record_id text not null, org_id text not null, grams integer[] not null, primary key (kind, record_id))`.execute(db);
  // GIN's pending list takes a batch's entries unsorted, and the indexer merges the list into the
  // tree in one sorted pass when the queue is empty (`gin_clean_pending_list`): entry by entry,
  // filing 100,000 systems took 31 s instead of a few.
  await sql`create index search_terms_grams on search_terms using gin (grams) with (fastupdate = on)`.execute(db);
  await sql
    .raw(
      `create function musubi_search_queue() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    delete from search_terms t using old_rows o where t.kind = tg_argv[0] and t.record_id = o.id;
  elsif tg_op = 'INSERT' then
    insert into search_pending (kind, record_id, org_id) select tg_argv[0], n.id, n.org_id from new_rows n on conflict do nothing;
  else
    insert into search_pending (kind, record_id, org_id)
      select tg_argv[0], n.id, n.org_id from new_rows n join old_rows o on o.id = n.id
      where n.search_text is distinct from o.search_text
      on conflict do nothing;
  end if;
  return null;
end $$`,
    )
    .execute(db);
  for (const { table, kind } of INDEXED) {
    const on = `on ${table}`;
    const run = `for each statement execute function musubi_search_queue('${kind}')`;
    await sql.raw(`create trigger search_${kind}_insert after insert ${on} referencing new table as new_rows ${run}`).execute(db);
    // A column list cannot go with transition tables: the function compares `search_text` itself.
    await sql.raw(`create trigger search_${kind}_update after update ${on} referencing old table as old_rows new table as new_rows ${run}`).execute(db);
    await sql.raw(`create trigger search_${kind}_delete after delete ${on} referencing old table as old_rows ${run}`).execute(db);
    await sql.raw(`insert into search_pending (kind, record_id, org_id) select '${kind}', id, org_id from ${table}`).execute(db);
  }
}
