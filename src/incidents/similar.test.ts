import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { dataDir } from "../../tools/library/common.ts";
import type { Db } from "../db/connect.ts";
import { importAiid } from "./aiid.ts";
import { SimilarIndex } from "./similar/index.ts";
import { queryTerms, tokenize } from "./similar/tokenize.ts";

const AIID = join(dataDir(), "test-corpora", "aiid-snapshot-2025-03");
const haveAiid = existsSync(join(AIID, "incidents.csv"));
if (!haveAiid) console.warn(`similar incidents: AIID import tests skipped — ${AIID} is missing (CI has ../shared)`);

describe("incident text search", () => {
  it("cuts English into words and Japanese into kanji/katakana bigrams, dropping particles", () => {
    expect(tokenize("The Self-Driving cars crashed")).toEqual(["self", "driving", "car", "crashed"]);
    expect(tokenize("採用AIが女性を差別した")).toEqual(["採用", "ai", "女性", "差別"]);
    expect(tokenize("チャットボット")).toEqual(["チャ", "ャッ", "ット", "トボ", "ボッ", "ット"]);
  });

  it("searches the other language's words for glossary terms", () => {
    expect(queryTerms("顔認識の誤認で逮捕")).toEqual(expect.arrayContaining(["facial", "recognition", "arrest"]));
    expect(queryTerms("chatbot leaked personal data")).toEqual(expect.arrayContaining(["個人", "人情", "情報"]));
  });

  it("ranks by shared words and shared categories, replaces a changed document and leaves out the one asked about", () => {
    const ix = new SimilarIndex();
    ix.put("a", "Self-driving car killed a pedestrian", ["7.3"]);
    ix.put("b", "Chatbot gave harmful advice", ["1.2"]);
    ix.put("c", "採用AIが女性応募者を不利に評価", ["1.1"]);
    ix.put("d", "Hiring tool was biased against women", ["1.1"]);
    expect(ix.search("自動運転車が歩行者をはねた")[0]!.id).toBe("a");
    expect(ix.search("採用で女性差別", ["1.1"]).map((h) => h.id).slice(0, 2).sort()).toEqual(["c", "d"]);
    expect(ix.search("採用で女性差別", ["1.1"], 10, "c").map((h) => h.id)).not.toContain("c");
    ix.put("b", "Drone crashed into a crowd");
    expect(ix.search("chatbot harmful advice")).toEqual([]);
    expect(ix.size).toBe(4);
  });

  it("scores two indexes searched alongside each other as one index over both would", () => {
    const docs: [string, string][] = [
      ["s1", "Facial recognition led to a wrongful arrest"],
      ["s2", "Credit scoring model denied loans to a region"],
      ["s3", "Chatbot leaked personal data of customers"],
      ["s4", "与信モデルが地域で差別した"],
      ["o1", "与信モデルが特定地域の申込者を不利に扱った"],
      ["o2", "Facial recognition misidentified a shopper"],
    ];
    const one = new SimilarIndex();
    const shared = new SimilarIndex();
    const own = new SimilarIndex();
    for (const [id, text] of docs) {
      one.put(id, text);
      (id.startsWith("s") ? shared : own).put(id, text);
    }
    for (const q of ["与信 地域", "facial recognition arrest", "credit region"]) {
      const together = [...shared.search(q, [], 10, undefined, own), ...own.search(q, [], 10, undefined, shared)].sort((a, b) => b.score - a.score);
      expect(together.map((h) => [h.id, h.score.toFixed(9)]), q).toEqual(one.search(q).map((h) => [h.id, h.score.toFixed(9)]));
    }
  });
});

describe.each(testDatabases())("similar incidents and AIID reference cases ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "similar");
  });
  afterAll(() => ctx.cleanup());

  it.skipIf(!haveAiid)("imports the AIID snapshot with MIT and CSETv1 classifications, and again without duplicates", async () => {
    const first = await importAiid(ctx.db, AIID);
    expect(first.incidents + first.duplicatesSkipped).toBe(989);
    expect(first.mitClassified).toBeGreaterThan(800);
    expect(first.csetClassified).toBeGreaterThan(150);
    const again = await importAiid(ctx.db, AIID);
    expect(again.incidents).toBe(first.incidents);
    const n = await ctx.db.kysely.selectFrom("reference_incidents").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(first.incidents);
    const uber = await ctx.db.kysely.selectFrom("reference_incidents").selectAll().where("number", "=", 4).executeTakeFirstOrThrow();
    expect(uber).toMatchObject({ title: "Uber AV Killed Pedestrian in Arizona", url: "https://incidentdatabase.ai/cite/4" });
    expect(JSON.parse(uber.categories)).toEqual(expect.arrayContaining(["7", "entity.ai"]));
  });

  it.skipIf(!haveAiid)("finds public cases from a Japanese query, and suggests own and public incidents for a new one", async () => {
    const search = await api.call("GET", `/api/reference-incidents?q=${encodeURIComponent("自動運転車が歩行者をはねて死亡")}`, { token: org.tokens.viewer });
    expect(search.status).toBe(200);
    expect(search.body.items.slice(0, 5).map((i: { number: number }) => i.number)).toContain(4);
    expect(search.body.licence).toContain("CC BY-SA 4.0");

    const filed = await api.call("POST", "/api/incidents", { token: org.tokens.governance_lead, body: { title: "採用AIが女性応募者を一律に低く評価", summary: "性別による差別的な選考", categories: ["1.1"] } });
    await api.call("POST", "/api/incidents", { token: org.tokens.governance_lead, body: { title: "社内チャットボットが誤った規程を回答" } });
    const similar = await api.call("GET", `/api/incidents/similar?text=${encodeURIComponent("採用選考で女性が不利になる差別")}&categories=1.1`, { token: org.tokens.viewer });
    expect(similar.body.internal[0]).toMatchObject({ id: filed.body.id });
    expect(similar.body.public.length).toBeGreaterThan(0);
    const top = await ctx.db.kysely.selectFrom("reference_incidents").select(["title", "description", "categories"]).where("id", "=", similar.body.public[0].id).executeTakeFirstOrThrow();
    expect(`${top.title} ${top.description} ${top.categories}`).toMatch(/hir|recruit|women|gender|1\.1/i);
    const excluded = await api.call("GET", `/api/incidents/similar?text=${encodeURIComponent("採用AIが女性応募者を一律に低く評価")}&exclude=${filed.body.id}`, { token: org.tokens.viewer });
    expect(excluded.body.internal.map((i: { id: string }) => i.id)).not.toContain(filed.body.id);
  });

  it("sees an incident changed since the last suggestion", async () => {
    const inc = await api.call("POST", "/api/incidents", { token: org.tokens.governance_lead, body: { title: "翻訳エンジンの誤訳" } });
    expect((await api.call("GET", `/api/incidents/similar?text=${encodeURIComponent("ドローン墜落")}`, { token: org.tokens.viewer })).body.internal).toEqual([]);
    await api.call("PATCH", `/api/incidents/${inc.body.id}`, { token: org.tokens.governance_lead, body: { version: inc.body.version, title: "配送ドローンの墜落" } });
    const after = await api.call("GET", `/api/incidents/similar?text=${encodeURIComponent("ドローン墜落")}`, { token: org.tokens.viewer });
    expect(after.body.internal.map((i: { id: string }) => i.id)).toEqual([inc.body.id]);
  });
});
