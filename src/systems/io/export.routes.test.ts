import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem, startAssessment } from "../../../test/support/compliance.ts";
import { testDatabases } from "../../../test/support/databases.ts";
import type { Db } from "../../db/connect.ts";

const INSTANT = "2026-11-20T00:30:00.000Z";

describe.each(testDatabases())("systems export for people and for re-import ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let tokyo: SeededOrg;
  let berlin: SeededOrg;

  async function download(org: SeededOrg, query: string, headers: Record<string, string> = {}) {
    const res = await api.app.request(`/api/systems/export?${query}`, { headers: { authorization: `Bearer ${org.tokens.admin}`, ...headers } });
    return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
  }
  /** Polls an import until it leaves the background states. */
  async function settled(org: SeededOrg, id: string) {
    for (let i = 0; i < 600; i++) {
      const res = await api.call("GET", `/api/imports/${id}`, { token: org.tokens.admin });
      if (res.body.status !== "committing" && res.body.status !== "validating") return res.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("import did not finish");
  }
  /** A system without what differs between organisations (ids, times, versions, people and department records). */
  const strip = (s: Record<string, unknown>) => {
    const { id, createdAt, updatedAt, version, businessOwner, technicalOwner, department, vendorLinks, ...rest } = s;
    return rest;
  };
  const csvRows = (bytes: Uint8Array) => parse(Buffer.from(bytes), { columns: true, bom: true }) as Record<string, string>[];

  /** Registers the same system in an organisation, stamped with the same instant in both. */
  async function seedSystem(org: SeededOrg) {
    const sales = await api.call("POST", "/api/departments", { token: org.tokens.admin, body: { code: "SALES", nameJa: "営業部", nameEn: "Sales" } });
    const sys = await registerSystem(api, org.tokens.admin, {
      departmentId: sales.body.id,
      code: "EXP-1", nameJa: "与信審査「β」", nameEn: 'Credit "beta"', purpose: "=1+1 のような式も文字のまま", lifecycle: "deployed",
      profile: JP_BUSINESS_PROFILE, countries: ["JP", "US"], vendors: ["Acme, Inc."], tags: ["与信"], nextReviewAt: "2027-03-31",
      models: [{ name: "gpt-x", provider: "OpenAI", hosting: "saas-api" }], datasets: [{ name: "顧客DB", personalData: true, sensitiveData: false }],
    });
    await ctx.db.kysely.updateTable("ai_systems").set({ created_at: INSTANT, updated_at: INSTANT }).where("id", "=", sys.id).execute();
    return sys;
  }

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    tokyo = await seedOrg(ctx.db, "exp-tokyo");
    berlin = await seedOrg(ctx.db, "exp-berlin");
    const zone = await api.call("PATCH", "/api/org", { token: berlin.tokens.admin, body: { version: 1, settings: { timezone: "Europe/Berlin" } } });
    expect(zone.status).toBe(200);
    const sys = await seedSystem(tokyo);
    await seedSystem(berlin);
    await startAssessment(api, tokyo.tokens.admin, sys.id, sys.frameworks[0]!);
  });
  afterAll(() => ctx.cleanup());

  it("exports for people by default, in Japanese for a Japanese reader: labels, names and posture, never field ids or slugs", async () => {
    const file = await download(tokyo, "format=csv", { "accept-language": "ja" });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="ai-inventory-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [row] = csvRows(file.bytes);
    expect(row).toMatchObject({
      コード: "EXP-1", "名称（日本語）": "与信審査「β」", ライフサイクル: "運用中", 所管部署: "営業部", "提供・利用国": "日本、アメリカ合衆国",
      "EU AI法の区分": "適用範囲外", "次回レビュー日": "2027年3月31日", 個人情報を取り扱う: "はい", 利用目的: "'=1+1 のような式も文字のまま",
    });
    const posture = Object.keys(row!).filter((h) => h.startsWith("対応状況："));
    expect(posture.length).toBeGreaterThan(0);
    expect(posture.map((h) => row![h])).toContainEqual(expect.stringMatching(/^\d+件中0件完了（0%）$/));
    expect(Object.keys(row!)).not.toContain("nameJa");
    expect(Object.values(row!)).not.toContain("deployed");
  });

  it("follows the lang parameter over Accept-Language, since a download link cannot choose its headers", async () => {
    const [row] = csvRows((await download(tokyo, "format=csv&lang=en", { "accept-language": "ja" })).bytes);
    expect(row).toMatchObject({ Code: "EXP-1", Lifecycle: "Deployed", "EU AI Act class": "Out of scope", "Deployment countries": "Japan, United States", "Handles personal information": "Yes" });
  });

  it("shows the same instant in each organisation's own time zone, in CSV and in Excel", async () => {
    const [t] = csvRows((await download(tokyo, "format=csv&lang=ja")).bytes);
    const [b] = csvRows((await download(berlin, "format=csv&lang=ja")).bytes);
    expect(t!["登録日時（日本標準時）"]).toBe("2026年11月20日 9:30 JST");
    expect(b!["登録日時（中央ヨーロッパ時間）"]).toBe("2026年11月20日 1:30 CET");
    const cellOf = async (org: SeededOrg, header: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from((await download(org, "format=xlsx&lang=en")).bytes) as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet("AI inventory")!;
      const headers = (ws.getRow(1).values as unknown[]).slice(1);
      return ws.getRow(2).getCell(headers.indexOf(header) + 1).value;
    };
    expect(await cellOf(tokyo, "Last changed (Japan Standard Time)")).toEqual(new Date("2026-11-20T09:30:00Z"));
    expect(await cellOf(berlin, "Last changed (Central European Time)")).toEqual(new Date("2026-11-20T01:30:00Z"));
  });

  it("exports for re-import with field ids and raw values, and the file imports back without loss through CSV and Excel", async () => {
    const copy = await seedOrg(ctx.db, "exp-copy");
    await api.call("POST", "/api/departments", { token: copy.tokens.admin, body: { code: "SALES", nameJa: "営業部", nameEn: "Sales" } });
    const list = await api.call("GET", "/api/systems?q=EXP-1", { token: tokyo.tokens.admin });
    const original = (await api.call("GET", `/api/systems/${list.body.items[0].id}`, { token: tokyo.tokens.admin })).body;
    for (const format of ["csv", "xlsx"] as const) {
      const file = await download(tokyo, `format=${format}&audience=machine&q=EXP-1`, { "accept-language": "ja" });
      expect(file.headers.get("content-disposition")).toContain("ai-inventory-reimport-");
      const up = await api.app.request("/api/imports", {
        method: "POST",
        headers: { authorization: `Bearer ${copy.tokens.admin}`, "x-file-name": `export.${format}` },
        body: file.bytes as unknown as BodyInit,
      });
      const upload = await up.json();
      expect(upload.headers.slice(0, 3)).toEqual(["code", "nameJa", "nameEn"]);
      const job = await api.call("POST", `/api/imports/${upload.id}/commit`, { token: copy.tokens.admin, body: { mapping: upload.suggestedMapping, skipInvalid: false } });
      expect(job.status, JSON.stringify(job.body).slice(0, 400)).toBe(202);
      expect((await settled(copy, upload.id)).status).toBe("committed");
      const found = await api.call("GET", "/api/systems?q=EXP-1", { token: copy.tokens.admin });
      const imported = (await api.call("GET", `/api/systems/${found.body.items[0].id}`, { token: copy.tokens.admin })).body;
      expect(strip(imported), format).toEqual(strip(original));
      expect(imported.department, format).toMatchObject({ code: "SALES" });
      await api.call("DELETE", `/api/systems/${imported.id}`, { token: copy.tokens.admin });
    }
  });

  it("keeps JSON in the import's shape whoever it is for", async () => {
    const json = JSON.parse(Buffer.from((await download(tokyo, "format=json&lang=ja")).bytes).toString("utf8"));
    expect(json[0]).toMatchObject({ code: "EXP-1", lifecycle: "deployed", countries: ["JP", "US"] });
  });

  it("refuses an audience it does not know", async () => {
    expect((await download(tokyo, "format=csv&audience=robots")).status).toBe(400);
  });
});
