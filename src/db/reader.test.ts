import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { audited, SYSTEM_ACTOR } from "../audit/audited.ts";
import { openSqlite, type Db } from "./connect.ts";
import { migrateToLatest } from "./migrate.ts";

describe("SQLite reads on their own connection", () => {
  let dir: string;
  let db: Db;
  let api: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-reader-"));
    db = openSqlite(path.join(dir, "musubi.sqlite"));
    await migrateToLatest(db);
    api = testApp(db, dir);
    org = await seedOrg(db, "reader");
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers a GET while a write transaction is open, with the last committed data, and sees the write once committed", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((r) => (inserted = r));
    const writing = audited(db, { actor: SYSTEM_ACTOR, orgId: org.orgId }, async (trx, record) => {
      const now = new Date().toISOString();
      await trx.insertInto("departments").values({ id: "dep_reader_1", org_id: org.orgId, code: "LONG", name_ja: "長い書込み", name_en: "Long write", created_at: now, updated_at: now, version: 1 }).execute();
      record({ action: "department.created", entityType: "department", entityId: "dep_reader_1" });
      inserted();
      await held;
    });
    await insertedYet;
    const during = await api.call("GET", "/api/departments?limit=50", { token: org.tokens.admin });
    expect(during.status).toBe(200);
    expect(during.body.items.map((d: { code: string }) => d.code)).not.toContain("LONG");
    release();
    await writing;
    const after = await api.call("GET", "/api/departments?limit=50", { token: org.tokens.admin });
    expect(after.body.items.map((d: { code: string }) => d.code)).toContain("LONG");
  });

  it("refuses writes on the read connection", async () => {
    const reader = db.reader!;
    const now = new Date().toISOString();
    await expect(
      reader.kysely.insertInto("departments").values({ id: "dep_reader_2", org_id: org.orgId, code: "NO", name_ja: "不可", name_en: "No", created_at: now, updated_at: now, version: 1 }).execute(),
    ).rejects.toThrow(/readonly|query_only|read-only/i);
  });
});
