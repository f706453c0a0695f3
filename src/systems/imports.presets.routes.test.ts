import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { readPresetFile } from "./imports.presets.ts";

const SETTINGS = {
  mapping: [
    { column: "Use case", field: "nameEn" },
    { column: "Stage", field: "lifecycle", values: { "in gebruik": "deployed" } },
    { column: "Vendor", field: "vendors", split: null },
  ],
  skipRows: "2",
  upsertBy: "nameEn",
  createMissing: ["departments"],
};

/** Import settings saved under a name: shared within the organisation, replaced by name, and the same object as the shareable file. */
describe.each(testDatabases())("saved import settings ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "pre");
    other = await seedOrg(ctx.db, "oth");
  });
  afterAll(() => ctx.cleanup());

  it("saves settings by name for everyone who imports, replaces them by name, and keeps them from other organisations", async () => {
    const saved = await api.call("POST", "/api/import-presets", { token: org.tokens.admin, body: { name: "Federal inventory", settings: SETTINGS } });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: "Federal inventory", settings: SETTINGS, version: 1 });
    const again = await api.call("POST", "/api/import-presets", { token: org.tokens.governance_lead, body: { name: "Federal inventory", settings: { ...SETTINGS, skipRows: "2-3" } } });
    expect(again.body).toMatchObject({ id: saved.body.id, version: 2, settings: { skipRows: "2-3" } });
    expect((await api.call("GET", "/api/import-presets", { token: org.tokens.governance_lead })).body.map((p: { name: string }) => p.name)).toEqual(["Federal inventory"]);
    expect((await api.call("GET", "/api/import-presets", { token: other.tokens.admin })).body).toEqual([]);
    expect((await api.call("DELETE", `/api/import-presets/${saved.body.id}`, { token: other.tokens.admin })).status).toBe(404);
    expect((await api.call("GET", "/api/import-presets", { token: org.tokens.viewer })).status).toBe(403);
    expect((await api.call("DELETE", `/api/import-presets/${saved.body.id}`, { token: org.tokens.admin })).status).toBe(204);
    expect((await api.call("GET", "/api/import-presets", { token: org.tokens.admin })).body).toEqual([]);
    const actions = await ctx.db.kysely.selectFrom("audit_log").select("action").where("org_id", "=", org.orgId).where("entity_type", "=", "import_preset").orderBy("seq").execute();
    expect(actions.map((a) => a.action)).toEqual(["import_preset.saved", "import_preset.saved", "import_preset.deleted"]);
  });

  it("refuses settings that would not import, naming the field", async () => {
    const bad = await api.call("POST", "/api/import-presets", { token: org.tokens.admin, body: { name: "x", settings: { mapping: [{ column: "a", field: "colour" }] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toContain("mapping");
  });
});

describe("systems import settings files", () => {
  it("reads a settings file, or a bare column mapping as before", () => {
    expect(readPresetFile(SETTINGS)).toMatchObject({ upsertBy: "nameEn", skipRows: "2" });
    expect(readPresetFile([{ column: "名称", field: "nameJa" }])).toEqual({ mapping: [{ column: "名称", field: "nameJa" }] });
    expect(() => readPresetFile({ mapping: "nope" })).toThrow();
  });
});
