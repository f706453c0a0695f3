import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import * as m0027 from "../db/migrations/0027_search_index.ts";
import * as m0029 from "../db/migrations/0029_search_index_pg.ts";
import { prng } from "../applicability/profile.random.ts";
import { searchVariants } from "../platform/search-fold.ts";
import { bigramsOf, documentTokens, ftsQuery, scopeToken } from "./search.grams.ts";
import { indexedCandidates, PG_READS } from "./search.index.ts";
import { listSystems } from "../systems/systems.store.ts";
import { listSystemsQuery } from "../systems/systems.schema.ts";
import { todayInTokyo } from "../platform/time.ts";
import { indexAllQueued } from "./search.indexer.ts";

describe("the text index's terms", () => {
  it("are the distinct pairs of neighbouring characters, counted in code points", () => {
    expect(bigramsOf("採用採用")).toEqual(["採用", "用採"]);
    expect(bigramsOf("𠮷野家")).toEqual(["𠮷野", "野家"]);
    expect(bigramsOf("a")).toEqual([]);
  });

  it("has no lookup for a one-character query, which only a scan can answer", () => {
    expect(ftsQuery(["採"], "org", "system")).toBeUndefined();
    expect(ftsQuery(["採用", "x"], "org", "system")).toBeUndefined();
    expect(ftsQuery(["採用"], "org", "system")).toContain(scopeToken("org", "system"));
  });

  it("may look a query up by some of its pairs only, never by none", () => {
    const q = ftsQuery(["uc-042424"], "org", "system", (tokens) => tokens.slice(0, 2))!;
    expect(q.match(/"[0-9a-f]+x[0-9a-f]+"/g)).toHaveLength(2);
  });

  it("keeps each organisation's and kind's records apart, and every term alphanumeric", () => {
    expect(scopeToken("a", "system")).not.toBe(scopeToken("b", "system"));
    expect(scopeToken("a", "system")).not.toBe(scopeToken("a", "incident"));
    expect(documentTokens(`données "privées" — 与信`, "a", "system")).toMatch(/^[0-9a-z ]+$/);
  });
});

/** Words the records are written with: scripts, accents, codes, glossary terms, shared prefixes. */
const WORDS = ["採用", "選考", "与信", "審査", "不正", "検知", "カード", "ｶｰﾄﾞ", "données", "privées", "fraud", "Fraudulent", "credit", "citizens’", "model", "AI", "翻訳", "需要予測", "2026", "A-1", "顔認証", "𠮷野"];

/**
 * Whatever path search takes — the text index's candidates, or a scan when the query is a single
 * character — it finds exactly the records whose folded text holds the query or one of its
 * glossary variants, on both databases, and nothing of another organisation.
 */
describe.each(testDatabases())("search through the text index ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  const rnd = prng(20);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]!).join(" ");
  const found = async (q: string, kind: "systems" | "incidents" = "systems", token = org.tokens.admin) =>
    ((await api.call("GET", `/api/${kind}?q=${encodeURIComponent(q)}&limit=200`, { token })).body.items as { id: string }[]).map((r) => r.id).sort();
  const expected = async (q: string, table: "ai_systems" | "incidents" = "ai_systems", orgId = org.orgId) => {
    const variants = searchVariants(q);
    const rows = await ctx.db.kysely.selectFrom(table).select(["id", "search_text"]).where("org_id", "=", orgId).execute();
    return rows.filter((r) => variants.some((v) => r.search_text.includes(v))).map((r) => r.id).sort();
  };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "idx");
    other = await seedOrg(ctx.db, "idx-other");
    for (let i = 0; i < 40; i++) await registerSystem(api, org.tokens.admin, { code: `IX-${i}`, nameJa: words(2), nameEn: words(2), purpose: words(4) });
    for (let i = 0; i < 10; i++) await registerSystem(api, other.tokens.admin, { code: `OT-${i}`, nameJa: words(2), nameEn: words(2), purpose: words(3) });
    for (let i = 0; i < 15; i++) {
      const res = await api.call("POST", "/api/incidents", { token: org.tokens.admin, body: { title: words(3), summary: words(5), severity: "low" } });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => ctx.cleanup());

  const QUERIES = [...WORDS, "採", "用選", "ドラ", "ata", "privee", "PRIVÉES", "citizens'", "ｆｒａｕｄ", "0", "26", "a-", "認証", "𠮷", "nothing here", "不正", "fraud"];
  const expectSameAsScan = async () => {
    let nonEmpty = 0;
    for (const q of QUERIES) {
      const want = await expected(q);
      if (want.length > 0) nonEmpty++;
      expect(await found(q), q).toEqual(want);
    }
    expect(nonEmpty).toBeGreaterThan(QUERIES.length / 2);
  };
  const count = async (q: string) => Number((await sql<{ n: number }>`${sql.raw(q)}`.execute(ctx.db.kysely)).rows[0]!.n);

  it("finds the same systems as comparing every record's text, for words, pieces of words and single characters", async () => {
    await expectSameAsScan();
  });

  it.runIf(dialect.name !== "sqlite")("finds the same on PostgreSQL whether the records written are still queued or filed into the index", async () => {
    await indexAllQueued(ctx.db);
    expect(await count("select count(*) as n from search_pending")).toBe(0);
    const records = (await count("select count(*) as n from ai_systems")) + (await count("select count(*) as n from incidents"));
    expect(await count("select count(*) as n from search_terms")).toBe(records);
    await expectSameAsScan();
    expect(await indexedCandidates(ctx.db.kysely, org.orgId, "system", "m.id", "審査")).toBeDefined();
    expect(await indexedCandidates(ctx.db.kysely, org.orgId, "system", "m.id", "審")).toBeUndefined();
    // A change queues the record again: found by its new words before and after it is filed.
    const made = await registerSystem(api, org.tokens.admin, { code: "IX-QUEUED", nameJa: "待機中の記録", nameEn: "Queued" });
    expect(await count("select count(*) as n from search_pending")).toBe(1);
    expect(await found("待機中")).toEqual([made.id]);
    await indexAllQueued(ctx.db);
    expect(await found("待機中")).toEqual([made.id]);
    expect(await found("queued")).toEqual([made.id]);
  });

  it.runIf(dialect.name !== "sqlite")("lists the same on PostgreSQL when only some candidates are read first, all of them next, or too many to read", async () => {
    await indexAllQueued(ctx.db);
    const saved = { ...PG_READS };
    const today = todayInTokyo();
    const listed = (q: string, countCap: number) => listSystems(ctx.db.kysely, org.orgId, listSystemsQuery.parse({ q, limit: "200", sort: "code" }), today, { countCap });
    try {
      for (const reads of [{ first: 2, wide: 6 }, { first: 3, wide: 1_000 }, { first: 1, wide: 2 }]) {
        Object.assign(PG_READS, reads);
        for (const q of QUERIES) {
          const want = await expected(q);
          for (const cap of [2, 1_000]) {
            const page = await listed(q, cap);
            const label = `${q} ${JSON.stringify(reads)} cap ${cap}`;
            if (want.length > cap) expect(page, label).toMatchObject({ total: cap, totalCapped: true });
            else expect(page.total, label).toBe(want.length);
            expect(page.items.map((r) => r.id).sort(), label).toEqual(want);
          }
        }
      }
    } finally {
      Object.assign(PG_READS, saved);
    }
  });

  it.runIf(dialect.name !== "sqlite")("queues on PostgreSQL only the records whose text changed, and drops a deleted record's terms with it", async () => {
    await indexAllQueued(ctx.db);
    const made = await registerSystem(api, org.tokens.admin, { code: "IX-PG-GONE", nameJa: "削除予定", nameEn: "To be deleted" });
    await indexAllQueued(ctx.db);
    await ctx.db.kysely.updateTable("ai_systems").set({ updated_at: new Date().toISOString() }).where("org_id", "=", org.orgId).execute();
    expect(await count("select count(*) as n from search_pending")).toBe(0);
    await ctx.db.kysely.deleteFrom("ai_systems").where("id", "=", made.id).execute();
    expect(await count(`select count(*) as n from search_terms where record_id = '${made.id}'`)).toBe(0);
  });

  it.runIf(dialect.name !== "sqlite")("queues on PostgreSQL every record already there when the migration runs", async () => {
    const db = ctx.db.kysely;
    const records = (await count("select count(*) as n from ai_systems")) + (await count("select count(*) as n from incidents"));
    for (const kind of ["system", "incident"]) for (const t of ["insert", "update", "delete"]) await sql.raw(`drop trigger search_${kind}_${t} on ${kind === "system" ? "ai_systems" : "incidents"}`).execute(db);
    await sql`drop function musubi_search_queue`.execute(db);
    await sql`drop table search_terms`.execute(db);
    await sql`drop table search_pending`.execute(db);
    await m0029.up(db, "postgres");
    expect(await count("select count(*) as n from search_pending")).toBe(records);
    await indexAllQueued(ctx.db);
    expect(await count("select count(*) as n from search_terms")).toBe(records);
    await expectSameAsScan();
  });

  it("finds the same incidents as comparing every incident's text", async () => {
    for (const q of ["採用", "審査", "fraud", "不正", "donnees", "𠮷野", "顔"]) expect(await found(q, "incidents"), q).toEqual(await expected(q, "incidents"));
  });

  it.runIf(dialect.name === "sqlite")("answers a query of two characters or more from the index, and a single character by a scan", async () => {
    const columns = "m.id";
    expect(await indexedCandidates(ctx.db.kysely, org.orgId, "system", columns, "審査")).toBeDefined();
    expect(await indexedCandidates(ctx.db.kysely, org.orgId, "system", columns, "不正")).toBeDefined();
    expect(await indexedCandidates(ctx.db.kysely, org.orgId, "system", columns, "審")).toBeUndefined();
  });

  it("never finds another organisation's records", async () => {
    const mine = new Set(await found("a"));
    const theirs = await found("a", "systems", other.tokens.admin);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs).toEqual(await expected("a", "ai_systems", other.orgId));
    expect(theirs.filter((id) => mine.has(id))).toEqual([]);
  });

  it("follows a change: the old words are no longer found, the new ones are", async () => {
    const made = await registerSystem(api, org.tokens.admin, { code: "IX-CHANGE", nameJa: "旧名称のシステム", nameEn: "Oldname" });
    expect(await found("旧名称")).toEqual([made.id]);
    const patched = await api.call("PATCH", `/api/systems/${made.id}`, { token: org.tokens.admin, body: { version: made.version, nameJa: "新名称のシステム", nameEn: "Newname" } });
    expect(patched.status).toBe(200);
    expect(await found("旧名称")).toEqual([]);
    expect(await found("oldname")).toEqual([]);
    expect(await found("新名称")).toEqual([made.id]);
  });

  it.runIf(dialect.name === "sqlite")("holds one document per record, and indexes the records already there when the migration runs", async () => {
    const db = ctx.db.kysely;
    const records = (await count("select count(*) as n from ai_systems")) + (await count("select count(*) as n from incidents"));
    expect(await count("select count(*) as n from search_docs")).toBe(records);
    const before = await found("審査");
    expect(before.length).toBeGreaterThan(0);
    for (const kind of ["system", "incident"]) for (const t of ["insert", "update", "delete"]) await sql.raw(`drop trigger search_${kind}_${t}`).execute(db);
    await sql`drop table search_grams`.execute(db);
    await sql`drop table search_docs`.execute(db);
    await m0027.up(db, "sqlite");
    expect(await count("select count(*) as n from search_docs")).toBe(records);
    expect(await found("審査")).toEqual(before);
  });

  it.runIf(dialect.name === "sqlite")("drops a deleted record's document", async () => {
    const made = await registerSystem(api, org.tokens.admin, { code: "IX-GONE", nameJa: "削除予定", nameEn: "To be deleted" });
    const docs = () => ctx.db.kysely.selectFrom("search_docs" as never).select(sql<number>`count(*)`.as("n")).where("record_id" as never, "=", made.id as never).executeTakeFirstOrThrow();
    expect(Number((await docs()).n)).toBe(1);
    await ctx.db.kysely.deleteFrom("ai_systems").where("id", "=", made.id).execute();
    expect(Number((await docs()).n)).toBe(0);
  });
});
