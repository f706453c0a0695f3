import { sql, type Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/** The records whose folded `search_text` the index holds, and the kind each is filed under. */
const INDEXED = [
  { table: "ai_systems", kind: "system" },
  { table: "incidents", kind: "incident" },
] as const;

/**
 * A text index for search (issue 17, issue 20). Until now `q` compared every record's folded text
 * with `LIKE '%…%'`: 350 ms for a rare word over 100,000 systems on SQLite, as the whole table was
 * read. SQLite now keeps, per record, the pairs of neighbouring characters of that text in an FTS5
 * table (see `search/search.grams.ts`), and search reads the candidates from it first.
 *
 * `search_docs` gives each record a stable integer (FTS5 rows are keyed by integers; a table's own
 * rowid may be renumbered by VACUUM). Triggers keep both in step with every insert, change of
 * `search_text` and delete, whatever path wrote the record — the API, an import, a restore — through
 * `musubi_search_doc()`, a function every Musubi connection to SQLite registers (`db/connect.ts`).
 *
 * PostgreSQL's index is migration 0029's: the same pairs, filed after each write rather than in it.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect !== "sqlite") return;
  await sql`create table search_docs (doc integer primary key, org_id text not null, kind text not null, record_id text not null)`.execute(db);
  await sql`create unique index search_docs_record on search_docs (kind, record_id)`.execute(db);
  await sql`create virtual table search_grams using fts5 (grams, content = '', contentless_delete = 1, detail = 'none', tokenize = 'ascii')`.execute(db);
  for (const { table, kind } of INDEXED) {
    const doc = sql.raw(`(select doc from search_docs where kind = '${kind}' and record_id = new.id)`);
    const oldDoc = sql.raw(`(select doc from search_docs where kind = '${kind}' and record_id = old.id)`);
    const t = sql.raw(table);
    const k = sql.lit(kind);
    await sql`create trigger ${sql.raw(`search_${kind}_insert`)} after insert on ${t} begin
      insert into search_docs (org_id, kind, record_id) values (new.org_id, ${k}, new.id);
      insert into search_grams (rowid, grams) values (${doc}, musubi_search_doc(new.search_text, new.org_id, ${k}));
    end`.execute(db);
    await sql`create trigger ${sql.raw(`search_${kind}_update`)} after update of search_text on ${t} when new.search_text is not old.search_text begin
      delete from search_grams where rowid = ${doc};
      insert into search_grams (rowid, grams) values (${doc}, musubi_search_doc(new.search_text, new.org_id, ${k}));
    end`.execute(db);
    await sql`create trigger ${sql.raw(`search_${kind}_delete`)} after delete on ${t} begin
      delete from search_grams where rowid = ${oldDoc};
      delete from search_docs where kind = ${k} and record_id = old.id;
    end`.execute(db);
    await sql`insert into search_docs (org_id, kind, record_id) select org_id, ${k}, id from ${t} order by id`.execute(db);
    await sql`insert into search_grams (rowid, grams) select d.doc, musubi_search_doc(r.search_text, r.org_id, ${k}) from search_docs d join ${t} r on r.id = d.record_id where d.kind = ${k}`.execute(db);
  }
}

