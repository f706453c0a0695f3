import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../../test/support/app.ts";
import { registerSystem } from "../../../test/support/compliance.ts";
import { testDatabases } from "../../../test/support/databases.ts";
import { SYSTEM_ACTOR } from "../../audit/audited.ts";
import { issueToken } from "../../auth/tokens.service.ts";
import type { Db } from "../../db/connect.ts";
import { DEMO_ORG_SLUG, seedDemo } from "../../demo/demo.seed.ts";
import type { SystemView } from "../systems.schema.ts";
import { bomSchemaErrors, haveOfficialSchemas } from "./cyclonedx.export.test-support.ts";
import { parseCycloneDx } from "./cyclonedx.parse.ts";
import { AI_BOM } from "./spdx.test-support.ts";

const SCHEMAS = haveOfficialSchemas();

describe.each(testDatabases())("systems.bom: GET /api/systems/:id/bom ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let other: SeededOrg;
  let viewer: string;
  let admin: string;
  let systems: SystemView[];

  const ledgerSize = async () => Number((await ctx.db.kysely.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const bomOf = (id: string, token = viewer) => api.call("GET", `/api/systems/${id}/bom`, { token });

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    await seedDemo(ctx.db, ctx.dataDir, "demo-password-123");
    other = await seedOrg(ctx.db, "other");
    const demo = await ctx.db.kysely.selectFrom("organizations").select("id").where("slug", "=", DEMO_ORG_SLUG).executeTakeFirstOrThrow();
    const tokenFor = async (role: "viewer" | "admin") => {
      const user = await ctx.db.kysely.selectFrom("users").select("id").where("org_id", "=", demo.id).where("role", "=", role).executeTakeFirstOrThrow();
      return (await issueToken(ctx.db, { actor: SYSTEM_ACTOR, orgId: demo.id, userId: user.id }, { name: "bom-test", role })).secret;
    };
    viewer = await tokenFor("viewer");
    admin = await tokenFor("admin");
    const page = await api.call("GET", "/api/systems?sort=code", { token: viewer });
    systems = await Promise.all(page.body.items.map(async (r: { id: string }) => (await api.call("GET", `/api/systems/${r.id}`, { token: viewer })).body as SystemView));
  }, 120_000);
  afterAll(() => ctx.cleanup());

  it("lets a viewer download a system's BOM as a CycloneDX JSON file named after its code", async () => {
    const hr = systems.find((s) => s.code === "AIS-HR-01")!;
    const res = await bomOf(hr.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.cyclonedx+json; version=1.6");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="AIS-HR-01-bom.cdx.json"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toMatchObject({ bomFormat: "CycloneDX", specVersion: "1.6", version: 1, metadata: { component: { "bom-ref": "AIS-HR-01", type: "application" } } });
    expect(res.body.serialNumber).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect((await bomOf(hr.id)).body.serialNumber).not.toBe(res.body.serialNumber);
  });

  it.skipIf(!SCHEMAS)("exports every demo system as a BOM that validates against the official 1.6 schema", async () => {
    expect(systems.map((s) => s.code)).toEqual(["AIS-CS-01", "AIS-DX-01", "AIS-HR-01", "AIS-LEGAL-01"]);
    for (const system of systems) {
      const { body } = await bomOf(system.id);
      expect(bomSchemaErrors(body), system.code).toEqual([]);
      expect(body.components, system.code).toHaveLength(system.models.length + system.datasets.length + system.components.length);
    }
  });

  it("reads each demo system's BOM back through the importer to the same models and datasets", async () => {
    for (const system of systems) {
      const parsed = parseCycloneDx((await bomOf(system.id)).body);
      expect(parsed.models.map((m) => m.name), system.code).toEqual(system.models.map((m) => m.name));
      expect(parsed.models, system.code).toEqual(system.models.map((m) => ({ ...m, bomRef: m.bomRef ?? `${m.name}@${m.version ?? ""}` })));
      // The demo's one dataset names its source ("人事システム"), not a URL: it travels as musubi:source and comes back.
      expect(parsed.datasets, system.code).toEqual(system.datasets);
    }
  });

  it.skipIf(!SCHEMAS)("exports a system with nothing recorded as a valid BOM with no components", async () => {
    const empty = await registerSystem(api, admin, { nameJa: "空のシステム", nameEn: "Empty system" });
    const { status, body } = await bomOf(empty.id);
    expect(status).toBe(200);
    expect(body.components).toEqual([]);
    expect(body).not.toHaveProperty("dependencies");
    expect(bomSchemaErrors(body)).toEqual([]);
  });

  it("answers 404 for another organisation's system, and for one that does not exist", async () => {
    const theirs = await registerSystem(api, other.tokens.admin, { nameJa: "他社", nameEn: "Theirs", models: [{ name: "secret-model" }] });
    const res = await bomOf(theirs.id);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    expect((await bomOf("sys_doesnotexist000000000")).status).toBe(404);
    expect((await bomOf(theirs.id, other.tokens.viewer)).status).toBe(200);
  });

  it("records nothing in the ledger: a download is a read", async () => {
    const before = await ledgerSize();
    for (const system of systems) expect((await bomOf(system.id)).status).toBe(200);
    expect(await ledgerSize()).toBe(before);
  });

  it("adds nothing when the system's own BOM is imported into it", async () => {
    const hr = systems.find((s) => s.code === "AIS-HR-01")!;
    const { body: bom } = await bomOf(hr.id);
    const res = await api.call("POST", `/api/systems/${hr.id}/cyclonedx`, { token: admin, body: { bom, commit: true, version: hr.version } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.system.models).toEqual(hr.models);
    expect(res.body.system.datasets).toEqual(hr.datasets);
  });

  it("adds an SPDX 3.0 AI BOM's models and datasets through the same import, and nothing the second time", async () => {
    const hr = (await api.call("GET", `/api/systems/${systems.find((s) => s.code === "AIS-HR-01")!.id}`, { token: admin })).body as SystemView;
    const preview = await api.call("POST", `/api/systems/${hr.id}/cyclonedx`, { token: admin, body: { bom: AI_BOM } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ format: "spdx", specVersion: "3.0.1" });
    expect(preview.body.models.map((m: { name: string }) => m.name)).toEqual(["screen-ranker", "word-model"]);
    const added = await api.call("POST", `/api/systems/${hr.id}/cyclonedx`, { token: admin, body: { bom: AI_BOM, commit: true, version: hr.version } });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const system = added.body.system as SystemView;
    expect(system.models.slice(hr.models.length).map((m) => m.name)).toEqual(["screen-ranker", "word-model"]);
    expect(system.datasets.slice(hr.datasets.length).map((d) => [d.name, d.personalData])).toEqual([["Applicant CVs 2024", true], ["Job titles", false], ["Interview notes", false]]);
    const again = await api.call("POST", `/api/systems/${hr.id}/cyclonedx`, { token: admin, body: { bom: AI_BOM, commit: true, version: system.version } });
    expect(again.body.system.models).toEqual(system.models);
    expect(again.body.system.datasets).toEqual(system.datasets);
    const refused = await api.call("POST", `/api/systems/${hr.id}/cyclonedx`, { token: admin, body: { bom: { spdxVersion: "SPDX-2.3", packages: [] } } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("import_invalid_bom");
  });
});
