import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { readTable } from "./io/table.read.ts";

/**
 * Everything the export for re-import holds comes back in a new, empty organisation: its
 * departments and owners (with their names), profiles, lists, dates and texts that look like
 * spreadsheet escapes — through CSV and through Excel, field for field: the new organisation's own
 * export is the same file.
 */
/** The organisation's own fields, one of each kind a register holds; the target defines them too (the wizard's "new field"). */
const FIELDS = [
  { entity: "system", key: "legal_basis", labelJa: "法的根拠", labelEn: "Legal basis", type: "text" },
  { entity: "system", key: "impact_notes", labelJa: "影響評価の所見", labelEn: "Impact notes", type: "long_text" },
  { entity: "system", key: "users_per_month", labelJa: "月間利用者数", labelEn: "Users per month", type: "number" },
  { entity: "system", key: "dpia_on", labelJa: "DPIA実施日", labelEn: "DPIA date", type: "date" },
  { entity: "system", key: "register_url", labelJa: "公開登録簿URL", labelEn: "Register URL", type: "url" },
  { entity: "system", key: "impact", labelJa: "影響度", labelEn: "Impact", type: "choice", options: [{ value: "low", labelJa: "低", labelEn: "Low" }, { value: "high", labelJa: "高", labelEn: "High" }] },
  { entity: "system", key: "outputs", labelJa: "出力", labelEn: "Outputs", type: "multi_choice", options: [{ value: "score", labelJa: "スコア", labelEn: "Score" }, { value: "text, free", labelJa: "文章", labelEn: "Text" }] },
  { entity: "system", key: "reviewer", labelJa: "確認者", labelEn: "Reviewer", type: "person" },
];

describe.each(testDatabases())("export → import into a new organisation ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let source: SeededOrg;

  const download = async (org: SeededOrg, format: "csv" | "xlsx", on = api) => {
    const res = await on.app.request(`/api/systems/export?format=${format}&audience=machine`, { headers: { authorization: `Bearer ${org.tokens.admin}` } });
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };
  const settled = async (org: SeededOrg, id: string, on = api) => {
    for (let i = 0; i < 600; i++) {
      const res = await on.call("GET", `/api/imports/${id}`, { token: org.tokens.admin });
      if (res.body.status !== "committing" && res.body.status !== "validating") return res.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("import did not finish");
  };
  /** The sheet's header and rows as text, wherever they came from. */
  const cells = async (bytes: Uint8Array, name: string) => {
    const table = await readTable(bytes, name);
    return [table.headers, ...table.rows.map((r) => r.cells)];
  };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    source = await seedOrg(ctx.db, "rt-source");
    const admin = source.tokens.admin;
    const hr = await api.call("POST", "/api/departments", { token: admin, body: { code: "HR", nameJa: "人事部", nameEn: "Human Resources" } });
    const owner = (await api.call("POST", "/api/users", { token: admin, body: { email: "sato.hanako@rt.example", displayName: "佐藤 花子", role: "system_owner" } })).body.user;
    const tech = (await api.call("POST", "/api/users", { token: admin, body: { email: "kim@rt.example", displayName: "Kim Lee", role: "system_owner" } })).body.user;
    for (const f of FIELDS) expect((await api.call("POST", "/api/fields", { token: admin, body: f })).status).toBe(201);
    await registerSystem(api, admin, {
      code: "RT-001",
      nameJa: "採用「スクリーニング」_x0002_",
      nameEn: "Hiring screen, v2",
      purpose: "書類選考の補助。\n二行目；セミコロン",
      businessOwnerId: owner.id,
      technicalOwnerId: tech.id,
      departmentId: hr.body.id,
      lifecycle: "deployed",
      profile: JP_BUSINESS_PROFILE,
      models: [{ name: "GPT-4o", provider: "OpenAI", version: "2024-08-06", hosting: "saas-api" }],
      datasets: [{ name: "応募書類 2020–2024", personalData: true, sensitiveData: false }],
      components: [{ name: "pdfminer", version: "2024.1", licence: "MIT" }],
      vendors: ["Acme, Inc.", "株式会社ベータ"],
      countries: ["JP", "DE"],
      tags: ["hr", "screening"],
      lastReviewedAt: "2026-04-01",
      nextReviewAt: "2027-03-31",
      custom: {
        legal_basis: "個人情報保護法第18条; Art. 6(1)(b)",
        impact_notes: "一行目\n=二行目は数式に見える",
        users_per_month: 1250.5,
        dpia_on: "2026-03-15",
        register_url: "https://register.example/ai/RT-001",
        impact: "high",
        outputs: ["score", "text, free"],
        reviewer: owner.id,
      },
    });
    await registerSystem(api, admin, { code: "RT-002", nameJa: "翻訳", nameEn: "Translation", lifecycle: "unknown" });
  });
  afterAll(() => ctx.cleanup());

  it.each(["csv", "xlsx"] as const)("brings everything back through %s, departments and owners created with their names", async (format) => {
    // Another installation: an e-mail address is one account per installation, so the people come back in a new one.
    const fresh = await dialect.open();
    onTestFinished(() => fresh.cleanup());
    const freshApi = testApp(fresh.db, fresh.dataDir);
    const target = await seedOrg(fresh.db, `rt-${format}`);
    for (const f of FIELDS) await freshApi.call("POST", "/api/fields", { token: target.tokens.admin, body: f });
    const exported = await download(source, format);
    const res = await freshApi.app.request("/api/imports", { method: "POST", headers: { authorization: `Bearer ${target.tokens.admin}`, "x-file-name": `export.${format}` }, body: exported as unknown as BodyInit });
    const up = await res.json();
    const body = { mapping: up.suggestedMapping, createMissing: ["departments", "owners"] };
    const preview = await freshApi.call("POST", `/api/imports/${up.id}/preview`, { token: target.tokens.admin, body });
    expect(preview.body).toMatchObject({ valid: 2, invalid: 0, warningCount: 0, created: { departments: [{ code: "HR", name: "人事部" }], owners: ["sato.hanako@rt.example", "kim@rt.example"] } });
    await freshApi.call("POST", `/api/imports/${up.id}/commit`, { token: target.tokens.admin, body: { ...body, skipInvalid: false } });
    expect(await settled(target, up.id, freshApi)).toMatchObject({ status: "committed", imported: 2 });

    expect(await cells(await download(target, format, freshApi), `again.${format}`)).toEqual(await cells(exported, `export.${format}`));
    // The values themselves, not only their cells: a person is the member of the new organisation with that e-mail.
    const [sato] = (await freshApi.call("GET", "/api/users?q=sato.hanako", { token: target.tokens.admin })).body.items;
    const rt1 = (await freshApi.call("GET", "/api/systems?q=RT-001", { token: target.tokens.admin })).body.items[0];
    expect(rt1.custom).toEqual({ legal_basis: "個人情報保護法第18条; Art. 6(1)(b)", impact_notes: "一行目\n=二行目は数式に見える", users_per_month: 1250.5, dpia_on: "2026-03-15", register_url: "https://register.example/ai/RT-001", impact: "high", outputs: ["score", "text, free"], reviewer: sato.id });
    const department = await fresh.db.kysely.selectFrom("departments").select(["code", "name_ja", "name_en"]).where("org_id", "=", target.orgId).execute();
    expect(department).toEqual([{ code: "HR", name_ja: "人事部", name_en: "Human Resources" }]);
    const people = await fresh.db.kysely.selectFrom("users").select(["email", "display_name"]).where("org_id", "=", target.orgId).where("email", "like", "%@rt.example").orderBy("email").execute();
    expect(people).toEqual([
      { email: "kim@rt.example", display_name: "Kim Lee" },
      { email: "sato.hanako@rt.example", display_name: "佐藤 花子" },
    ]);
  });

  it("re-importing its own export into the same organisation changes nothing", async () => {
    const exported = await download(source, "xlsx");
    const res = await api.app.request("/api/imports", { method: "POST", headers: { authorization: `Bearer ${source.tokens.admin}`, "x-file-name": "export.xlsx" }, body: exported as unknown as BodyInit });
    const up = await res.json();
    const preview = await api.call("POST", `/api/imports/${up.id}/preview`, { token: source.tokens.admin, body: { mapping: up.suggestedMapping, upsertBy: "code" } });
    expect(preview.body).toMatchObject({ invalid: 0, upsert: { new: 0, changed: 0, unchanged: 2 } });
  });
});
