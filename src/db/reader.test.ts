import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { audited, SYSTEM_ACTOR } from "../audit/audited.ts";
import { openSqlite, type Db } from "./connect.ts";
import { refreshPlannerStatistics } from "./maintenance.ts";
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
  it("plans with the statistics the writer has just taken, as a connection opened now would", async () => {
    const query = "explain query plan select m.id from ai_systems m where m.org_id = ? and m.id in (select d.record_id from search_docs d where d.kind = 'system' and d.doc in (select rowid from search_grams where search_grams match '\"73x74\"')) order by m.code limit 50";
    const plan = (c: BetterSqlite3.Database) => (c.prepare(query).all(org.orgId) as { detail: string }[]).map((r) => r.detail).join(" / ");
    const reader = db.reader!.sqlite!;
    // As in a running installation: statistics were taken at start (so sqlite_stat1 exists, and
    // taking them again is not a change of schema), and the reader has read since.
    db.sqlite!.exec("ANALYZE");
    reader.prepare("select count(*) from departments").get();
    const now = new Date().toISOString();
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `sys_stat_${String(i).padStart(5, "0")}`, org_id: org.orgId, code: `ST-${i}`, name_ja: `統計 ${i}`, name_en: `Stat ${i}`, purpose: "", lifecycle: "planning", profile: "{}", models: "[]", datasets: "[]", components: "[]", vendors: "[]", countries: "[]", tags: "[]", frameworks: "[]", search_text: `st-${i}`, created_at: now, updated_at: now, version: 1 }));
    db.sqlite!.exec("BEGIN");
    for (let i = 0; i < rows.length; i += 200) await db.kysely.insertInto("ai_systems").values(rows.slice(i, i + 200) as never).execute();
    db.sqlite!.exec("COMMIT");
    const stale = plan(reader);
    await refreshPlannerStatistics(db, { tables: ["ai_systems"] });
    const fresh = new BetterSqlite3(path.join(dir, "musubi.sqlite"), { readonly: true });
    try {
      const wanted = plan(fresh);
      expect(wanted).not.toEqual(stale);
      reader.prepare("select count(*) from departments").get(); // a read notices the schema changed (EXPLAIN alone does not read)
      expect(plan(reader)).toEqual(wanted);
    } finally {
      fresh.close();
    }
  });
});
