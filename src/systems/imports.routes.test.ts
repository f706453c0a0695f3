import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";

const FIXTURE = new URL("./io/fixtures/register-cp932.csv", import.meta.url);
const AIID = path.resolve(import.meta.dirname, "../../../shared/data/test-corpora/aiid-snapshot-2025-03/incidents.csv");
const HAVE_AIID = fs.existsSync(AIID);
if (!HAVE_AIID) console.warn(`[imports test] AIID snapshot skipped: ${AIID} not found (CI has ../shared)`);

async function upload(api: TestApp, token: string, name: string, bytes: Uint8Array) {
  const res = await api.app.request("/api/imports", { method: "POST", headers: { authorization: `Bearer ${token}`, "x-file-name": encodeURIComponent(name) }, body: bytes as unknown as BodyInit });
  return { status: res.status, body: await res.json() };
}

/** Polls the job until it leaves `committing`; the import runs in the background. */
async function settled(api: TestApp, token: string, id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await api.call("GET", `/api/imports/${id}`, { token });
    if (res.body.status !== "committing" && res.body.status !== "validating") return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("import did not finish");
}

describe.each(testDatabases())("inventory import and export ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const admin = () => org.tokens.admin;
  const count = async () => Number((await ctx.db.kysely.selectFrom("ai_systems").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", org.orgId).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "imp");
    for (const code of ["SALES", "CS", "HR", "FIN"]) await api.call("POST", "/api/departments", { token: admin(), body: { code, nameJa: code, nameEn: code } });
    for (const email of ["sato@example.jp", "suzuki@example.jp"]) await api.call("POST", "/api/users", { token: admin(), body: { email, displayName: email, role: "system_owner" } });
  });
  afterAll(() => ctx.cleanup());

  it("reads the uploaded file again with another header row or encoding: new columns and mapping, or a clear refusal", async () => {
    const up = await upload(api, admin(), "AI台帳.csv", fs.readFileSync(FIXTURE));
    const titleRow = await api.call("POST", `/api/imports/${up.body.id}/read`, { token: admin(), body: { headerRow: 1, encoding: "shift_jis" } });
    expect(titleRow.status).toBe(200);
    expect(titleRow.body.headerRow).toBe(1);
    expect(titleRow.body.headers[0]).toBe("AIシステム台帳（2025年4月1日現在）");
    expect(titleRow.body.suggestedMapping).not.toContainEqual({ column: "システム名", field: "nameJa" });
    expect(titleRow.body.total).toBe(up.body.total + 1);
    const asUtf8 = await api.call("POST", `/api/imports/${up.body.id}/read`, { token: admin(), body: { headerRow: 2, encoding: "utf-8" } });
    // Shift_JIS bytes are not UTF-8: a clear refusal, not mojibake.
    expect(asUtf8.status).toBe(422);
    expect(asUtf8.body.error.code).toBe("import_unreadable");
    const back = await api.call("POST", `/api/imports/${up.body.id}/read`, { token: admin(), body: { headerRow: 2, encoding: "shift_jis" } });
    expect(back.body.headers).toEqual(up.body.headers);
    expect(back.body.suggestedMapping).toEqual(up.body.suggestedMapping);
    const bad = await api.call("POST", `/api/imports/${up.body.id}/read`, { token: admin(), body: { headerRow: 0 } });
    expect(bad.status).toBe(400);
  });

  it("reads a Shift_JIS register, names each bad row, and imports nothing while any row fails", async () => {
    const up = await upload(api, admin(), "AI台帳.csv", fs.readFileSync(FIXTURE));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ format: "csv", encoding: "shift_jis", headerRow: 2 });
    expect(up.body.headers).toContain("システム名");
    const mapping = up.body.suggestedMapping;
    expect(mapping).toContainEqual({ column: "システム名", field: "nameJa" });
    const preview = await api.call("POST", `/api/imports/${up.body.id}/preview`, { token: admin(), body: { mapping } });
    expect(preview.status).toBe(200);
    expect(preview.body.invalid).toBeGreaterThan(0);
    expect(preview.body.valid).toBeGreaterThan(0);
    for (const e of preview.body.errors) {
      expect(e.line).toBeGreaterThan(2);
      expect(e.message.ja.length).toBeGreaterThan(0);
    }
    const before = await count();
    const refused = await api.call("POST", `/api/imports/${up.body.id}/commit`, { token: admin(), body: { mapping, skipInvalid: false } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("import_has_errors");
    expect(refused.body.error.details.invalid).toBe(preview.body.invalid);
    expect(await count()).toBe(before);

    const accepted = await api.call("POST", `/api/imports/${up.body.id}/commit`, { token: admin(), body: { mapping, skipInvalid: true } });
    expect(accepted.status).toBe(202);
    const done = await settled(api, admin(), up.body.id);
    expect(done).toMatchObject({ status: "committed", imported: preview.body.valid });
    expect(await count()).toBe(before + preview.body.valid);
    const first = await api.call("GET", "/api/systems?q=AIS-001", { token: admin() });
    expect(first.body.items[0]).toMatchObject({ nameJa: "需要予測①", lifecycle: "deployed" });
    const full = await api.call("GET", `/api/systems/${first.body.items[0].id}`, { token: admin() });
    expect(full.body.vendors).toEqual(["㈱富士通", "NEC"]);
    expect(full.body.lastReviewedAt).toBe("2024-04-01");
    const again = await api.call("POST", `/api/imports/${up.body.id}/commit`, { token: admin(), body: { mapping, skipInvalid: true } });
    expect(again.status).toBe(409);
  });

  it.skipIf(!HAVE_AIID)("imports the AIID snapshot with its JSON entity lists as vendors", async () => {
    const up = await upload(api, admin(), "incidents.csv", fs.readFileSync(AIID));
    expect(up.body.total).toBe(989);
    const mapping = [
      { column: "incident_id", field: "code" },
      { column: "title", field: "nameEn" },
      { column: "description", field: "purpose" },
      { column: "Alleged developer of AI system", field: "vendors" },
      { column: "Alleged deployer of AI system", field: "vendors" },
      { column: "Alleged harmed or nearly harmed parties", field: "tags" },
    ];
    const res = await api.call("POST", `/api/imports/${up.body.id}/commit`, { token: admin(), body: { mapping, skipInvalid: false } });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(202);
    expect((await settled(api, admin(), up.body.id)).imported).toBe(989);
    const bus = await api.call("GET", "/api/systems?q=Las%20Vegas%20Self-Driving", { token: admin() });
    const system = await api.call("GET", `/api/systems/${bus.body.items[0].id}`, { token: admin() });
    expect(system.body).toMatchObject({ code: "23", nameJa: "Las Vegas Self-Driving Bus Involved in Accident", vendors: ["navya", "keolis-north-america"] });
    expect(system.body.tags).toEqual(["navya", "keolis-north-america", "bus-passengers"]);
  });

  it("exports CSV, Excel and JSON that import back without loss", async () => {
    const target = await seedOrg(ctx.db, "imp-copy");
    for (const code of ["SALES"]) await api.call("POST", "/api/departments", { token: target.tokens.admin, body: { code, nameJa: code, nameEn: code } });
    const sys = await registerSystem(api, admin(), {
      code: "RT-1",
      nameJa: "往復「テスト」, 改行\n付き",
      nameEn: 'Round "trip"; test',
      purpose: "=1+1 のような式も文字のまま 🚀",
      lifecycle: "development",
      profile: JP_BUSINESS_PROFILE,
      models: [{ name: "gpt-x", provider: "OpenAI, Inc.", version: "2025-01", hosting: "saas-api" }],
      datasets: [{ name: "顧客DB", personalData: true, sensitiveData: false }],
      components: [{ name: "pytorch", version: "2.5", licence: "BSD-3-Clause" }],
      vendors: ["A; B社", "C社"],
      countries: ["JP", "DE"],
      tags: ["採用", "high, risk"],
      nextReviewAt: "2027-03-31",
    });
    for (const format of ["csv", "xlsx"] as const) {
      const file = await api.app.request(`/api/systems/export?format=${format}&q=RT-1&audience=machine`, { headers: { authorization: `Bearer ${admin()}` } });
      expect(file.status).toBe(200);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const up = await upload(api, target.tokens.admin, `export.${format}`, bytes);
      expect(up.status).toBe(201);
      const job = await api.call("POST", `/api/imports/${up.body.id}/commit`, { token: target.tokens.admin, body: { mapping: up.body.suggestedMapping, skipInvalid: false } });
      expect(job.status, JSON.stringify(job.body).slice(0, 400)).toBe(202);
      expect((await settled(api, target.tokens.admin, up.body.id)).status).toBe("committed");
      const list = await api.call("GET", "/api/systems?q=RT-1", { token: target.tokens.admin });
      const copy = (await api.call("GET", `/api/systems/${list.body.items[0].id}`, { token: target.tokens.admin })).body;
      const original = (await api.call("GET", `/api/systems/${sys.id}`, { token: admin() })).body;
      const strip = (s: Record<string, unknown>) => {
        const { id, createdAt, updatedAt, version, businessOwner, technicalOwner, department, ...rest } = s;
        return rest;
      };
      expect(strip(copy), format).toEqual(strip(original));
      await api.call("DELETE", `/api/systems/${copy.id}`, { token: target.tokens.admin });
    }
    const json = await api.app.request("/api/systems/export?format=json&q=RT-1", { headers: { authorization: `Bearer ${admin()}` } });
    const parsed = JSON.parse(await json.text());
    expect(parsed[0]).toMatchObject({ code: "RT-1", vendors: ["A; B社", "C社"], models: [{ name: "gpt-x" }] });
  });
});
