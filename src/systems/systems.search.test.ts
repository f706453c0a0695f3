import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { foldForSearch, searchVariants } from "../platform/search-fold.ts";

describe("search folding", () => {
  it("folds accents, apostrophes, width and case, and keeps Japanese voiced marks", () => {
    expect(foldForSearch("Données privées")).toBe("donnees privees");
    expect(foldForSearch("Citizens’ “rights” – ＡＩ")).toBe(`citizens' "rights" - ai`);
    expect(foldForSearch("ガイドライン ｶﾞｲﾄﾞ")).toBe("ガイドライン ガイド");
    expect(foldForSearch("が")).not.toBe(foldForSearch("か"));
  });

  it("adds the other language's words for a glossary term, and nothing for other queries", () => {
    expect(searchVariants("不正")).toEqual(["不正", "fraud", "misuse"]);
    expect(searchVariants("Fraud")).toEqual(expect.arrayContaining(["fraud", "詐欺", "不正"]));
    expect(searchVariants("台帳")).toEqual(["台帳"]);
  });
});

/** The inventory and the incident register find records across accents, apostrophes, widths and the two languages. */
describe.each(testDatabases())("searching the inventory and incidents ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const codes = async (q: string) => ((await api.call("GET", `/api/systems?q=${encodeURIComponent(q)}&sort=code`, { token: org.tokens.admin })).body.items as { code: string }[]).map((s) => s.code);

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "srch");
    await registerSystem(api, org.tokens.admin, { code: "S-1", nameJa: "不正検知", nameEn: "Card fraud detection", purpose: "Détection des données privées" });
    await registerSystem(api, org.tokens.admin, { code: "S-2", nameJa: "与信審査", nameEn: "Citizens’ credit check", purpose: "採用とは無関係" });
    await registerSystem(api, org.tokens.admin, { code: "S-3", nameJa: "ＡＩ翻訳", nameEn: "Translation" });
    await api.call("POST", "/api/incidents", { token: org.tokens.admin, body: { title: "Fraudulent refunds approved by the model", summary: "Le modèle a approuvé des remboursements", severity: "high", occurredAt: "2026-11-03" } });
  });
  afterAll(() => ctx.cleanup());

  it.each([
    ["prive", ["S-1"]],
    ["PRIVÉES", ["S-1"]],
    ["citizens'", ["S-2"]],
    ["AI翻訳", ["S-3"]],
    ["ai", ["S-3"]],
    ["与信", ["S-2"]],
    ["採用", ["S-2"]],
    ["fraud", ["S-1"]],
  ])("finds %s", async (q, expected) => {
    expect(await codes(q)).toEqual(expected);
  });

  it("finds an English record from a Japanese glossary term, and the other way round", async () => {
    await registerSystem(api, org.tokens.admin, { code: "S-4", nameJa: "カード詐欺の検知", nameEn: "Card scam check" });
    expect(await codes("不正")).toEqual(["S-1"]);
    expect(await codes("詐欺")).toEqual(["S-1", "S-4"]);
    const incidents = await api.call("GET", `/api/incidents?q=${encodeURIComponent("不正")}`, { token: org.tokens.admin });
    expect(incidents.body.items.map((i: { title: string }) => i.title)).toEqual(["Fraudulent refunds approved by the model"]);
    const accents = await api.call("GET", `/api/incidents?q=modele`, { token: org.tokens.admin });
    expect(accents.body.items).toHaveLength(1);
  });
});
