// Bulk-loads generated intake history (bench/lib/oversight.history.ts) into migrated databases, all
// of them from one pass of the generator. PostgreSQL: multi-row INSERTs through the pool (one
// parameter per value, so a 15 KB message is sent as it is, never escaped), the next chunk generated
// while the server stores the last; its indexes are dropped first and built again at the end from
// their own definitions, as a restore would. SQLite: prepared statements, one transaction per chunk;
// the random-keyed rows (bands, tags, idempotency keys) go through staging tables and in sorted.
import type { Db } from "../../src/db/connect.ts";
import { refreshPlannerStatistics } from "../../src/db/maintenance.ts";
import type { HistoryRow, IntakeRow } from "./oversight.history.ts";

/** The tables loaded; their indexes are rebuilt at the end (the intake's own primary key, time-ordered, stays). */
const TABLES = ["oversight_intake", "oversight_intake_bands", "oversight_intake_tags", "exchange_idempotency"] as const;

export interface LoadStats {
  rows: number;
  bands: number;
  tags: number;
  counters: number;
  /** Seconds this database spent taking rows (including waiting for the generator), and building indexes and statistics after. */
  loadSeconds: number;
  indexSeconds: number;
}

export interface Loader {
  add(chunk: HistoryRow[]): Promise<void>;
  finish(counters: Map<string, number>): Promise<LoadStats>;
}

/** Starts loading into `db` for authority `orgId`, whose analysts take the rows' assignments in turn. */
export async function openLoader(db: Db, orgId: string, analystIds: string[]): Promise<Loader> {
  const patch = (r: HistoryRow): IntakeRow => ({ ...r.intake, org_id: orgId, assignee_id: r.assignee === null ? null : analystIds[r.assignee % analystIds.length]! });
  return db.dialect === "postgres" ? postgresLoader(db, orgId, patch) : sqliteLoader(db, orgId, patch);
}

async function insertCounters(db: Db, orgId: string, counters: Map<string, number>): Promise<void> {
  const rows = [...counters].map(([k, n]) => {
    const [name, key] = k.split("\u0000") as [string, string];
    return { org_id: orgId, name, key, n };
  });
  // Added to what is there: the submissions that came in the real way have counted already.
  for (let i = 0; i < rows.length; i += 500) {
    await db.kysely
      .insertInto("counters")
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(["org_id", "name", "key"]).doUpdateSet((eb) => ({ n: eb("counters.n", "+", eb.ref("excluded.n")) })))
      .execute();
  }
}

/** `insert into t (cols) values ($1, …), (…)` for `rows` rows. */
function valuesSql(table: string, cols: readonly string[], rows: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) tuples.push(`(${cols.map((_, c) => `$${r * cols.length + c + 1}`).join(", ")})`);
  return `insert into ${table} (${cols.join(", ")}) values ${tuples.join(", ")}`;
}

async function postgresLoader(db: Db, orgId: string, patch: (r: HistoryRow) => IntakeRow): Promise<Loader> {
  const pool = db.pgPool!;
  const rebuild: string[] = [];
  for (const table of TABLES) {
    const cons = await pool.query<{ conname: string; def: string; contype: string }>("select conname, pg_get_constraintdef(oid) as def, contype from pg_constraint where conrelid = $1::regclass and contype in ('p', 'u')", [table]);
    const idx = await pool.query<{ indexname: string; indexdef: string }>("select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = $1", [table]);
    const constraintNames = new Set(cons.rows.map((c) => c.conname));
    for (const c of cons.rows) {
      if (table === "oversight_intake" && c.contype === "p") continue;
      await pool.query(`alter table ${table} drop constraint ${c.conname}`);
      rebuild.push(`alter table ${table} add constraint ${c.conname} ${c.def}`);
    }
    for (const i of idx.rows) {
      if (constraintNames.has(i.indexname)) continue;
      await pool.query(`drop index ${i.indexname}`);
      rebuild.push(i.indexdef);
    }
  }
  const t0 = performance.now();
  let rows = 0, bandRows = 0, tagRows = 0;
  let intakeCols: string[] | undefined;
  let idemCols: string[] | undefined;
  const statements = new Map<string, string>();
  const statement = (table: string, cols: string[], n: number) => {
    const key = `${table} ${n}`;
    let s = statements.get(key);
    if (!s) statements.set(key, (s = valuesSql(table, cols, n)));
    return s;
  };
  let inFlight: Promise<unknown> = Promise.resolve();
  return {
    async add(chunk) {
      const intake = chunk.map(patch);
      intakeCols ??= Object.keys(intake[0]!);
      idemCols ??= Object.keys(chunk[0]!.idempotency);
      const intakeParams = intake.flatMap((r) => intakeCols!.map((c) => r[c as keyof IntakeRow]));
      const idemParams = chunk.flatMap((r) => idemCols!.map((c) => (c === "org_id" ? orgId : r.idempotency[c as keyof HistoryRow["idempotency"]])));
      const bands: [string[], string[]] = [[], []];
      const tags: [string[], string[], string[], string[]] = [[], [], [], []];
      for (const r of chunk) {
        for (const b of r.bands) bands[0].push(b), bands[1].push(r.intake.id);
        for (const t of r.tags) tags[0].push(t.dimension), tags[1].push(t.value), tags[2].push(r.intake.received_at), tags[3].push(r.intake.id);
      }
      await inFlight;
      inFlight = Promise.all([
        pool.query(statement("oversight_intake", intakeCols, chunk.length), intakeParams),
        pool.query(statement("exchange_idempotency", idemCols, chunk.length), idemParams),
        pool.query("insert into oversight_intake_bands (org_id, band, intake_id) select $1, * from unnest($2::text[], $3::text[])", [orgId, ...bands]),
        pool.query("insert into oversight_intake_tags (org_id, dimension, value, received_at, intake_id) select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::text[])", [orgId, ...tags]),
      ]);
      rows += chunk.length;
      bandRows += bands[0].length;
      tagRows += tags[0].length;
    },
    async finish(counters) {
      await inFlight;
      await insertCounters(db, orgId, counters);
      const loadSeconds = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      const client = await pool.connect();
      try {
        // The memory a restore would give index builds; built one at a time.
        await client.query("set maintenance_work_mem = '1GB'");
        for (const s of rebuild) await client.query(s);
      } finally {
        client.release();
      }
      // What autovacuum does to tables that took many inserts: the visibility map (index-only scans) and statistics.
      for (const table of [...TABLES, "counters"]) await pool.query(`vacuum analyze ${table}`);
      return { rows, bands: bandRows, tags: tagRows, counters: counters.size, loadSeconds, indexSeconds: (performance.now() - t1) / 1000 };
    },
  };
}

async function sqliteLoader(db: Db, orgId: string, patch: (r: HistoryRow) => IntakeRow): Promise<Loader> {
  const s = db.sqlite!;
  // The intake's own indexes stay: its rows come in time order, and building one afterwards would
  // read every row's document again. The other tables' secondary indexes are built at the end.
  const indexes = s.prepare<[], { name: string; sql: string }>(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${TABLES.filter((t) => t !== "oversight_intake").map((t) => `'${t}'`).join(", ")})`).all();
  for (const i of indexes) s.exec(`drop index "${i.name}"`);
  // Loaded rows are acknowledged to no one: no fsync per chunk, no write-ahead copy (WAL and FULL again at the end).
  s.pragma("synchronous = OFF");
  s.pragma("journal_mode = MEMORY");
  s.exec("create temp table stage_bands (band text, intake_id text); create temp table stage_tags (dimension text, value text, received_at text, intake_id text); create temp table stage_idem (sender text, idempotency_key text, payload_sha256 text, message_jti text, kind text, receipt text, received_at text)");
  const t0 = performance.now();
  let rows = 0, bandRows = 0, tagRows = 0;
  let insertIntake: { run(r: object): unknown } | undefined;
  const band = s.prepare("insert into stage_bands values (?, ?)");
  const tag = s.prepare("insert into stage_tags values (?, ?, ?, ?)");
  const idem = s.prepare("insert into stage_idem values (?, ?, ?, ?, ?, ?, ?)");
  const load = s.transaction((chunk: HistoryRow[]) => {
    for (const r of chunk) {
      const row = patch(r);
      if (!insertIntake) {
        const cols = Object.keys(row);
        insertIntake = s.prepare(`insert into oversight_intake (${cols.join(", ")}) values (${cols.map((c) => `@${c}`).join(", ")})`);
      }
      insertIntake.run(row);
      for (const b of r.bands) band.run(b, r.intake.id);
      for (const t of r.tags) tag.run(t.dimension, t.value, r.intake.received_at, r.intake.id);
      const i = r.idempotency;
      idem.run(i.sender, i.idempotency_key, i.payload_sha256, i.message_jti, i.kind, i.receipt, i.received_at);
      bandRows += r.bands.length;
      tagRows += r.tags.length;
    }
  });
  return {
    async add(chunk) {
      load(chunk);
      rows += chunk.length;
    },
    async finish(counters) {
      const loadSeconds = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      s.transaction(() => {
        s.prepare("insert into oversight_intake_bands (org_id, band, intake_id) select ?, band, intake_id from stage_bands order by band, intake_id").run(orgId);
        s.prepare("insert into oversight_intake_tags (org_id, dimension, value, received_at, intake_id) select ?, dimension, value, received_at, intake_id from stage_tags order by dimension, value, received_at, intake_id").run(orgId);
        s.prepare("insert into exchange_idempotency (org_id, sender, idempotency_key, payload_sha256, message_jti, kind, receipt, received_at) select ?, * from stage_idem order by sender, idempotency_key").run(orgId);
      })();
      s.exec("drop table stage_bands; drop table stage_tags; drop table stage_idem");
      await insertCounters(db, orgId, counters);
      for (const i of indexes) s.exec(i.sql);
      s.pragma("journal_mode = WAL");
      s.pragma("synchronous = FULL");
      // What the server runs at start and hourly (`PRAGMA optimize`): SQLite keeps no statistics otherwise.
      await refreshPlannerStatistics(db);
      return { rows, bands: bandRows, tags: tagRows, counters: counters.size, loadSeconds, indexSeconds: (performance.now() - t1) / 1000 };
    },
  };
}
