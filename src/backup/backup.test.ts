import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir, testDatabases, type TestDatabase } from "../../test/support/databases.ts";
import { seedOrg, testApp } from "../../test/support/app.ts";
import type { Db } from "../db/connect.ts";
import { verifyLedger } from "../audit/audit.verify.ts";
import { filePath, sha256Of, storeFile } from "../compliance/files.store.ts";
import { createBackup, restoreBackup } from "./backup.ts";

type Opened = Awaited<ReturnType<TestDatabase["open"]>>;

/** The ledger exactly as stored, row by row, column by column, in chain order. */
async function ledgerRows(db: Db) {
  return db.kysely.selectFrom("audit_log").selectAll().orderBy("org_id").orderBy("seq").execute();
}

async function populate(o: Opened) {
  const org = await seedOrg(o.db, "origin");
  const api = testApp(o.db, o.dataDir);
  for (let i = 0; i < 30; i++) {
    const res = await api.call("POST", "/api/departments", { token: org.tokens.admin, body: { code: `B${i}`, nameJa: `部署「${i}」`, nameEn: `Dept "${i}"\n` } });
    expect(res.status).toBe(201);
  }
  storeFile(o.dataDir, new TextEncoder().encode("evidence bytes ✓"));
}

/** Where the one stored file lives, by its SHA-256. */
const EVIDENCE = (dataDir: string) => filePath(dataDir, sha256Of(new TextEncoder().encode("evidence bytes ✓")));

const dbs = testDatabases();
const pairs = dbs.flatMap((from) => dbs.map((to) => ({ from, to, name: `${from.name} → ${to.name}` })));

describe.each(pairs)("backup and restore ($name)", ({ from, to }) => {
  let source: Opened;
  let target: Opened;
  let folder: string;
  beforeEach(async () => {
    source = await from.open();
    target = await to.open();
    folder = path.join(tempDir(), "backup");
  });
  afterEach(async () => {
    await source.cleanup();
    await target.cleanup();
    fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  it("reproduces the ledger bit for bit, every table and the files", async () => {
    await populate(source);
    const manifest = await createBackup(source.db, source.dataDir, folder);
    expect(manifest.tables.departments!.rows).toBe(30);
    expect(manifest.files.count).toBe(1);
    await restoreBackup(target.db, target.dataDir, folder);
    expect(await ledgerRows(target.db)).toEqual(await ledgerRows(source.db));
    for (const table of ["organizations", "users", "departments", "api_tokens", "sessions"] as const) {
      const a = await source.db.kysely.selectFrom(table).selectAll().orderBy("id").execute();
      const b = await target.db.kysely.selectFrom(table).selectAll().orderBy("id").execute();
      expect(b, table).toEqual(a);
    }
    expect(fs.readFileSync(EVIDENCE(target.dataDir), "utf8")).toBe("evidence bytes ✓");
    expect((await verifyLedger(target.db)).ok).toBe(true);
  });

  it("refuses to restore over existing data, and refuses a tampered backup with nothing written", async () => {
    await populate(source);
    await createBackup(source.db, source.dataDir, folder);
    await expect(restoreBackup(source.db, source.dataDir, folder)).rejects.toThrow(/not empty/);

    const file = path.join(folder, "tables", "audit_log.jsonl");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('"department.created"', '"department.deleted"'));
    await expect(restoreBackup(target.db, target.dataDir, folder)).rejects.toThrow(/checksum/);
    expect(await target.db.kysely.selectFrom("organizations").select("id").execute()).toEqual([]);
  });
});
