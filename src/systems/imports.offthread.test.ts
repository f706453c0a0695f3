import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { verifyLedger } from "../audit/audit.verify.ts";
import type { Db } from "../db/connect.ts";
import { writeOffThread, writesOffThread } from "./imports.offthread.ts";
import type { ClassifiedRow } from "./imports.write.ts";

const sqlite = testDatabases().filter((d) => d.name === "sqlite");

function register(rows: number, prefix: string): string {
  const lines = ["code,nameJa,nameEn,purpose"];
  for (let i = 1; i <= rows; i++) lines.push(`${prefix}-${i},取込${i},Imported ${i},台帳から`);
  return lines.join("\n");
}

async function settled(api: TestApp, token: string, id: string) {
  for (let i = 0; i < 1200; i++) {
    const res = await api.call("GET", `/api/imports/${id}`, { token });
    if (res.body.status !== "committing" && res.body.status !== "validating") return res.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("import did not finish");
}

describe.each(sqlite)("an import's write in a worker thread ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const admin = () => org.tokens.admin;
  const systems = async () => Number((await ctx.db.kysely.selectFrom("ai_systems").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", org.orgId).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "offthread");
  });
  afterAll(() => ctx.cleanup());

  it("runs for a database file", () => {
    expect(writesOffThread(ctx.db)).toBe(true);
  });

  it("commits every row with its ledger entry, while writes made meanwhile wait and then land after it", async () => {
    const up = await api.call("POST", "/api/imports", { token: admin(), rawBody: register(3_000, "OT"), headers: { "x-file-name": "register.csv" } });
    expect(up.status).toBe(201);
    const commit = await api.call("POST", `/api/imports/${up.body.id}/commit`, { token: admin(), body: { mapping: up.body.suggestedMapping, skipInvalid: false } });
    expect(commit.status).toBe(202);
    // A write sent while the import is being written queues for the write connection.
    const dept = await api.call("POST", "/api/departments", { token: admin(), body: { code: "DURING", nameJa: "取込中", nameEn: "During" } });
    expect(dept.status).toBe(201);
    const done = await settled(api, admin(), up.body.id);
    expect(done).toMatchObject({ status: "committed", imported: 3_000 });
    expect(await systems()).toBe(3_000);

    const entries = await ctx.db.kysely.selectFrom("audit_log").select(["seq", "action"]).where("org_id", "=", org.orgId).where("action", "in", ["system.imported", "import.committed", "department.created"]).orderBy("seq").execute();
    expect(entries.filter((e) => e.action === "system.imported")).toHaveLength(3_000);
    const report = await verifyLedger(ctx.db);
    expect(report.chains.every((c) => c.ok)).toBe(true);
    // The server thread is free during the write, so the department may commit before or after the
    // import's transaction, but never inside it: the import's entries are one unbroken run.
    const imported = entries.filter((e) => e.action !== "department.created").map((e) => Number(e.seq));
    expect(imported.at(-1)! - imported[0]!).toBe(imported.length - 1);
  });

  it("writes nothing when the write fails in the worker, and says why", async () => {
    const before = await systems();
    const head = await ctx.db.kysely.selectFrom("audit_log").select((eb) => eb.fn.max("seq").as("seq")).where("org_id", "=", org.orgId).executeTakeFirstOrThrow();
    const job = await ctx.db.kysely.selectFrom("import_jobs").selectAll().where("org_id", "=", org.orgId).executeTakeFirstOrThrow();
    const row = (code: string): ClassifiedRow => ({ input: { code, nameJa: "重複", nameEn: "Duplicate", purpose: "", businessOwnerId: null, technicalOwnerId: null, departmentId: null, lifecycle: "planning", profile: {}, models: [], datasets: [], components: [], vendors: [], countries: [], tags: [], lastReviewedAt: null, nextReviewAt: null }, euClass: null, euClassFrom: null, frameworks: [] });
    // The second row repeats a code the first import wrote: the unique index refuses it mid-transaction.
    const write = writeOffThread(ctx.db, { who: { orgId: org.orgId, actor: { type: "system", id: null, label: "test" } }, job, report: { invalid: 0 }, asOf: "2026-12-06", libraryDigest: "test" }, [row("NEW-1"), row("OT-1")], () => undefined);
    await expect(write).rejects.toThrow(/UNIQUE constraint failed/);
    expect(await systems()).toBe(before);
    const after = await ctx.db.kysely.selectFrom("audit_log").select((eb) => eb.fn.max("seq").as("seq")).where("org_id", "=", org.orgId).executeTakeFirstOrThrow();
    expect(after.seq).toBe(head.seq);
    // The write connection is free again.
    expect((await api.call("POST", "/api/departments", { token: admin(), body: { code: "AFTER", nameJa: "後", nameEn: "After" } })).status).toBe(201);
  });
});
