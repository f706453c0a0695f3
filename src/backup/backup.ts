import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db/connect.ts";
import { fillOrgFilesFromHistory } from "../db/migrations/0010_security.ts";
import { TABLES_IN_ORDER, type Database } from "../db/schema.ts";
import { verifyLedger } from "../audit/audit.verify.ts";
import { VERSION } from "../platform/version.ts";
import { nowIso } from "../platform/time.ts";

export const BACKUP_FORMAT = "musubi-backup/1";

type TableName = (typeof TABLES_IN_ORDER)[number];

/** Primary-key columns, for keyset reads that stay fast on million-row tables. */
const KEYS: Record<TableName, readonly string[]> = {
  organizations: ["id"],
  departments: ["id"],
  users: ["id"],
  sessions: ["id"],
  api_tokens: ["id"],
  ai_systems: ["id"],
  assessments: ["id"],
  assessment_items: ["id"],
  controls: ["id"],
  control_requirements: ["control_id", "requirement_urn"],
  evidence: ["id"],
  evidence_links: ["evidence_id", "target_type", "target_id"],
  import_jobs: ["id"],
  import_presets: ["id"],
  custom_fields: ["id"],
  custom_field_values: ["record_id", "field_id", "seq"],
  counters: ["org_id", "name", "key"],
  risk_matrices: ["org_id"],
  risks: ["id"],
  risk_controls: ["risk_id", "control_id"],
  review_schedules: ["id"],
  tasks: ["id"],
  approvals: ["id"],
  approval_steps: ["id"],
  delegations: ["id"],
  comments: ["id"],
  notifications: ["id"],
  webhook_endpoints: ["id"],
  outbox: ["id"],
  incidents: ["id"],
  incident_links: ["incident_id", "target_type", "target_id"],
  incident_timeline: ["id"],
  reference_incidents: ["id"],
  reference_sources: ["id"],
  vendors: ["id"],
  vendor_systems: ["vendor_id", "system_id"],
  vendor_reviews: ["id"],
  questionnaires: ["id"],
  haip_reports: ["id"],
  haip_answers: ["report_id", "question_id"],
  publications: ["id"],
  report_jobs: ["id"],
  org_frameworks: ["id"],
  exchange_keys: ["kid"],
  exchange_seen: ["org_id", "sender", "jti"],
  exchange_idempotency: ["org_id", "sender", "idempotency_key"],
  exchange_connections: ["id"],
  exchange_outgoing: ["id"],
  oversight_intake: ["id"],
  oversight_intake_bands: ["org_id", "band", "intake_id"],
  exchange_refusals: ["id"],
  oversight_cases: ["id"],
  oversight_case_entries: ["id"],
  oversight_intake_tags: ["org_id", "dimension", "value", "received_at", "intake_id"],
  oversight_requests: ["id"],
  oversight_recipients: ["org_id", "subject_id", "connection_id"],
  oversight_advisories: ["id"],
  dealings: ["id"],
  oversight_publications: ["id"],
  oversight_checkpoints: ["org_id", "connection_id", "seq", "hash"],
  org_files: ["org_id", "sha256"],
  audit_log: ["org_id", "seq"],
};

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  musubiVersion: string;
  sourceDialect: string;
  tables: Record<string, { rows: number; sha256: string }>;
  files: { count: number; bytes: number };
  /** Each organisation's ledger head at the time of the backup; restore must reproduce them. */
  ledgerHeads: Record<string, { seq: number; hash: string }>;
}

/** The folder where uploaded files live (evidence, later); copied with the database. */
export function filesDir(dataDir: string): string {
  return path.join(dataDir, "files");
}

/**
 * Writes a consistent copy of every table (one read snapshot for all of them) as JSON Lines, the
 * files folder, and a manifest with row counts, checksums and ledger heads. The format is the same
 * for SQLite and PostgreSQL, so a backup also moves an installation from one to the other.
 */
export async function createBackup(db: Db, dataDir: string, target: string): Promise<BackupManifest> {
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) throw new Error(`backup folder ${target} is not empty`);
  fs.mkdirSync(path.join(target, "tables"), { recursive: true });
  const tables: BackupManifest["tables"] = {};

  const dump = async (name: TableName, readBatch: (after: unknown[] | undefined) => Promise<Record<string, unknown>[]>) => {
    const file = path.join(target, "tables", `${name}.jsonl`);
    const fd = fs.openSync(file, "w");
    const hash = createHash("sha256");
    let rows = 0;
    let after: unknown[] | undefined;
    for (;;) {
      const batch = await readBatch(after);
      if (batch.length === 0) break;
      const text = batch.map((r) => `${JSON.stringify(r)}\n`).join("");
      fs.writeSync(fd, text);
      hash.update(text);
      rows += batch.length;
      const last = batch.at(-1)!;
      after = KEYS[name].map((k) => last[k]);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    tables[name] = { rows, sha256: hash.digest("hex") };
  };

  if (db.sqlite) {
    const sqlite = db.sqlite;
    // A deferred read transaction: in WAL mode every read below sees the same snapshot, and
    // writers in the server process carry on meanwhile.
    sqlite.exec("begin");
    try {
      for (const name of TABLES_IN_ORDER) {
        const keys = KEYS[name];
        const order = keys.join(", ");
        const first = sqlite.prepare(`select * from ${name} order by ${order} limit 5000`);
        const next = sqlite.prepare(`select * from ${name} where (${order}) > (${keys.map(() => "?").join(", ")}) order by ${order} limit 5000`);
        await dump(name, async (after) => (after ? next.all(...after) : first.all()) as Record<string, unknown>[]);
      }
    } finally {
      sqlite.exec("commit");
    }
  } else {
    await db.kysely
      .transaction()
      .setIsolationLevel("repeatable read")
      .setAccessMode("read only")
      .execute(async (trx) => {
        for (const name of TABLES_IN_ORDER) {
          const keys = KEYS[name];
          await dump(name, async (after) => {
            let q = trx.selectFrom(name as keyof Database).selectAll();
            if (after) {
              q = q.where((eb) => eb(eb.refTuple(...(keys as [any, any])), ">", eb.tuple(...(after as [any, any]))));
            }
            for (const k of keys) q = q.orderBy(k as any);
            return (await q.limit(5000).execute()) as Record<string, unknown>[];
          });
        }
      });
  }

  let count = 0;
  let bytes = 0;
  const files = filesDir(dataDir);
  if (fs.existsSync(files)) {
    fs.cpSync(files, path.join(target, "files"), { recursive: true });
    for (const f of fs.readdirSync(path.join(target, "files"), { recursive: true, withFileTypes: true })) {
      if (f.isFile()) {
        count += 1;
        bytes += fs.statSync(path.join(f.parentPath, f.name)).size;
      }
    }
  }

  const report = await verifyLedger(db);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: nowIso(),
    musubiVersion: VERSION,
    sourceDialect: db.dialect,
    tables,
    files: { count, bytes },
    ledgerHeads: Object.fromEntries(report.chains.map((c) => [c.orgId, { seq: c.headSeq, hash: c.headHash }])),
  };
  fs.writeFileSync(path.join(target, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Tables a backup made by an earlier version may lack. */
const ADDED_LATER = new Set<TableName>(["org_files", "exchange_keys", "exchange_seen", "exchange_idempotency", "exchange_connections", "exchange_outgoing", "oversight_intake", "oversight_intake_bands", "exchange_refusals", "oversight_cases", "oversight_case_entries", "oversight_intake_tags", "oversight_requests", "oversight_recipients", "oversight_advisories", "dealings", "oversight_publications", "oversight_checkpoints", "import_presets", "reference_sources", "custom_fields", "custom_field_values"]);

/** Throws unless every file under `dir` (a backup's `files/sha256/…`) hashes to its own name. */
function checkStoredFiles(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    // A `.tmp` file is a write a crash interrupted; it never stood under a hash.
    if (!entry.isFile() || entry.name.endsWith(".tmp")) continue;
    const full = path.join(entry.parentPath, entry.name);
    const actual = createHash("sha256").update(fs.readFileSync(full)).digest("hex");
    if (actual !== entry.name) throw new Error(`files/${path.relative(dir, full)} does not match its name (SHA-256 ${actual})`);
  }
}

/**
 * Restores a backup into an empty database and data folder: checks every table file against the
 * manifest's checksum first, inserts everything in one transaction, then verifies that the ledger
 * chains verify and end at the heads the manifest recorded. Any mismatch aborts with nothing written.
 */
export async function restoreBackup(db: Db, dataDir: string, source: string): Promise<BackupManifest> {
  const manifestPath = path.join(source, "manifest.json");
  if (!fs.existsSync(manifestPath)) throw new Error(`${source} has no manifest.json: not a Musubi backup`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`unsupported backup format ${String(manifest.format)}`);

  const existing = await db.kysely.selectFrom("organizations").select("id").limit(1).executeTakeFirst();
  if (existing) throw new Error("the database is not empty: restore only into a fresh data folder or database");
  if (fs.existsSync(filesDir(dataDir)) && fs.readdirSync(filesDir(dataDir)).length > 0) {
    throw new Error(`${filesDir(dataDir)} is not empty`);
  }

  const contents = new Map<TableName, string>();
  for (const name of TABLES_IN_ORDER) {
    // A table added after the backup was made is restored empty (and rebuilt where it can be).
    if (manifest.tables[name] === undefined && ADDED_LATER.has(name)) {
      contents.set(name, "");
      continue;
    }
    const text = fs.readFileSync(path.join(source, "tables", `${name}.jsonl`), "utf8");
    const expected = manifest.tables[name];
    const actual = createHash("sha256").update(text).digest("hex");
    if (!expected || expected.sha256 !== actual) throw new Error(`tables/${name}.jsonl does not match its checksum`);
    contents.set(name, text);
  }

  // Every file must be what its name says: a backup cannot plant bytes under another file's hash.
  checkStoredFiles(path.join(source, "files"));

  await db.kysely.transaction().execute(async (trx) => {
    for (const name of TABLES_IN_ORDER) {
      const rows = contents.get(name)!.split("\n").filter(Boolean).map((line) => JSON.parse(line));
      for (let i = 0; i < rows.length; i += 500) {
        await trx.insertInto(name as keyof Database).values(rows.slice(i, i + 500)).execute();
      }
    }
    if (manifest.tables.org_files === undefined) await fillOrgFilesFromHistory(trx);
  });

  if (fs.existsSync(path.join(source, "files"))) fs.cpSync(path.join(source, "files"), filesDir(dataDir), { recursive: true });

  const report = await verifyLedger(db);
  if (!report.ok) throw new Error("the restored ledger does not verify");
  for (const [orgId, head] of Object.entries(manifest.ledgerHeads)) {
    const chain = report.chains.find((c) => c.orgId === orgId);
    if (!chain || chain.headSeq !== head.seq || chain.headHash !== head.hash) {
      throw new Error(`the restored ledger of ${orgId} does not end at the recorded head #${head.seq}`);
    }
  }
  return manifest;
}
