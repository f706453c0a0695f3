import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem, startAssessment } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";

async function upload(api: TestApp, token: string, name: string, text: string) {
  const res = await api.app.request("/api/imports", { method: "POST", headers: { authorization: `Bearer ${token}`, "x-file-name": encodeURIComponent(name) }, body: new TextEncoder().encode(text) as unknown as BodyInit });
  return { status: res.status, body: await res.json() };
}

async function settled(api: TestApp, token: string, id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await api.call("GET", `/api/imports/${id}`, { token });
    if (res.body.status !== "committing" && res.body.status !== "validating") return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("import did not finish");
}

const REGISTER = ["code,nameJa,nameEn,purpose,lifecycle,tags", "REG-1,需要予測,Demand forecast,在庫の最適化,deployed,sales", "REG-2,採用スクリーニング,Hiring screen,書類選考,development,hr", ""].join("\n");

/**
 * Re-importing a register updates what changed and nothing else: the same file twice changes
 * nothing; a changed cell changes that field (with a before/after in the ledger); a column the file
 * does not have leaves the field alone; without an upsert key, look-alikes are flagged.
 */
describe.each(testDatabases())("import that updates the inventory ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const admin = () => org.tokens.admin;
  const systems = () => ctx.db.kysely.selectFrom("ai_systems").select(["id", "code", "name_en", "purpose", "lifecycle", "tags", "version"]).where("org_id", "=", org.orgId).orderBy("code").execute();
  const importFile = async (text: string, body: Record<string, unknown>) => {
    const up = await upload(api, admin(), "register.csv", text);
    expect(up.status).toBe(201);
    const mapping = up.body.suggestedMapping;
    const preview = await api.call("POST", `/api/imports/${up.body.id}/preview`, { token: admin(), body: { mapping, ...body } });
    expect(preview.status).toBe(200);
    return { id: up.body.id as string, mapping, preview: preview.body };
  };
  const commit = async (id: string, body: Record<string, unknown>) => {
    const res = await api.call("POST", `/api/imports/${id}/commit`, { token: admin(), body: { skipInvalid: false, ...body } });
    expect(res.status).toBe(202);
    return settled(api, admin(), id);
  };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "ups");
    const first = await importFile(REGISTER, {});
    expect((await commit(first.id, { mapping: first.mapping })).status).toBe("committed");
  });
  afterAll(() => ctx.cleanup());

  it("changes nothing when the same file comes again", async () => {
    const before = await systems();
    const again = await importFile(REGISTER, { upsertBy: "code" });
    expect(again.preview).toMatchObject({ valid: 2, invalid: 0, upsert: { new: 0, changed: 0, unchanged: 2 }, changes: [] });
    const done = await commit(again.id, { mapping: again.mapping, upsertBy: "code" });
    expect(done).toMatchObject({ status: "committed", imported: 0 });
    expect(await systems()).toEqual(before);
  });

  it("without an upsert key, refuses taken codes and flags rows named like a system already there", async () => {
    const taken = await importFile(REGISTER, {});
    expect(taken.preview.errors.map((e: { code: string }) => e.code)).toEqual(["code_taken", "code_taken"]);
    const noCodes = await importFile("nameJa,nameEn\n需要予測,Demand forecast\n新システム,New one\n", {});
    expect(noCodes.preview).toMatchObject({ valid: 2, invalid: 0, warningCount: 1 });
    expect(noCodes.preview.warnings[0]).toMatchObject({ line: 2, code: "possible_duplicate" });
    expect(noCodes.preview.warnings[0].message.en).toContain("REG-1");
  });

  it("updates only the changed fields of the matching system, shows them first, and keeps the rest", async () => {
    const changed = REGISTER.replace("在庫の最適化", "在庫と発注の最適化").replace("REG-2,採用スクリーニング,Hiring screen,書類選考,development,hr", "REG-2,採用スクリーニング,Hiring screen,書類選考,development,hr\nREG-3,翻訳,Translation,社内文書の翻訳,deployed,");
    const { id, mapping, preview } = await importFile(changed, { upsertBy: "code" });
    expect(preview.upsert).toEqual({ new: 1, changed: 1, unchanged: 1 });
    expect(preview.changes).toEqual([{ line: 2, code: "REG-1", fields: [{ field: "purpose", before: "在庫の最適化", after: "在庫と発注の最適化" }] }]);
    const before = (await systems()).find((s) => s.code === "REG-1")!;
    const done = await commit(id, { mapping, upsertBy: "code" });
    expect(done).toMatchObject({ status: "committed", imported: 2 });
    const after = await systems();
    expect(after.map((s) => s.code)).toEqual(["REG-1", "REG-2", "REG-3"]);
    const reg1 = after.find((s) => s.code === "REG-1")!;
    expect(reg1).toMatchObject({ id: before.id, purpose: "在庫と発注の最適化", lifecycle: "deployed", version: before.version + 1 });
    const ledger = await ctx.db.kysely.selectFrom("audit_log").select(["action", "before_json", "after_json"]).where("org_id", "=", org.orgId).where("entity_id", "=", before.id).orderBy("seq", "desc").executeTakeFirstOrThrow();
    expect(ledger.action).toBe("system.updated");
    expect(JSON.parse(ledger.before_json!).purpose).toBe("在庫の最適化");
    expect(JSON.parse(ledger.after_json!)).toMatchObject({ purpose: "在庫と発注の最適化", importId: id });

    // A file without the stage and tags columns leaves them as they are.
    const narrow = await importFile("code,nameEn\nREG-1,Demand forecasting\n", { upsertBy: "code" });
    expect(narrow.preview.changes[0].fields.map((f: { field: string }) => f.field)).toEqual(["nameEn"]);
    await commit(narrow.id, { mapping: narrow.mapping, upsertBy: "code" });
    expect((await systems()).find((s) => s.code === "REG-1")).toMatchObject({ name_en: "Demand forecasting", lifecycle: "deployed", tags: '["sales"]' });
  });

  it("matches by name when the register has no codes, and refuses two rows for one system", async () => {
    const byName = await importFile("nameEn,lifecycle\nTranslation,retired\nTRANSLATION,deployed\nBrand new,planning\n", { upsertBy: "nameEn" });
    expect(byName.preview.errors).toEqual([expect.objectContaining({ line: 3, code: "duplicate_key", field: "nameEn" })]);
    expect(byName.preview.upsert).toEqual({ new: 1, changed: 1, unchanged: 0 });
    expect(byName.preview.changes[0]).toMatchObject({ code: "REG-3", fields: [{ field: "lifecycle", before: "deployed", after: "retired" }] });
  });

  it("classifies an updated profile again and keeps the system's assessments in step, as a save would", async () => {
    const system = await registerSystem(api, admin(), { code: "REG-9", nameJa: "与信審査AI", nameEn: "Credit scoring AI", profile: JP_BUSINESS_PROFILE });
    expect(system.frameworks).toContain("jp-appi");
    await startAssessment(api, admin(), system.id, "jp-appi");
    const csv = `code,profile\nREG-9,${JSON.stringify(JSON.stringify({}))}\n`;
    const { id, mapping, preview } = await importFile(csv, { upsertBy: "code" });
    expect(preview.errors).toEqual([]);
    expect(preview.upsert).toEqual({ new: 0, changed: 1, unchanged: 0 });
    expect((await commit(id, { mapping, upsertBy: "code" })).status).toBe("committed");
    const after = await api.call("GET", `/api/systems/${system.id}`, { token: admin() });
    expect(after.body.frameworks).not.toEqual(system.frameworks);
    expect(after.body.version).toBe(system.version + 1);
    // Rows whose requirement no longer applies are kept with their answers, marked removed.
    const removed = await ctx.db.kysely.selectFrom("assessment_items").select("id").where("org_id", "=", org.orgId).where("system_id", "=", system.id).where("change", "=", "removed").execute();
    expect(removed.length).toBeGreaterThan(0);
  });
});
