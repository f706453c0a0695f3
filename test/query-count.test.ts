import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/db/connect.ts";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "./support/app.ts";
import { itemsOf, JP_BUSINESS_PROFILE, registerSystem, startAssessment } from "./support/compliance.ts";
import { testDatabases } from "./support/databases.ts";
import { CountingPlugin } from "./support/statements.ts";

const SYSTEMS = 14;

/**
 * No N+1: each list and dashboard endpoint runs the same number of SQL statements for a small
 * page as for a large one. A per-row look-up would make the large page cost more statements.
 */
describe.each(testDatabases())("statements per request do not grow with the page size ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const counter = new CountingPlugin();
  let systemId: string;
  let assessmentId: string;

  beforeAll(async () => {
    ctx = await dialect.open();
    // Reads go through SQLite's query-only connection (`Db.reader`): count there too.
    const reader = ctx.db.reader;
    const counted: Db = { ...ctx.db, kysely: ctx.db.kysely.withPlugin(counter), ...(reader && { reader: { ...reader, kysely: reader.kysely.withPlugin(counter) } }) };
    // The page cache off: every request must reach the database to be counted.
    api = testApp(counted, ctx.dataDir, { pageCacheBytes: 0 });
    org = await seedOrg(ctx.db, "count");
    const token = org.tokens.admin;
    for (let i = 0; i < SYSTEMS; i++) {
      const s = await registerSystem(api, token, { nameJa: `システム${i}`, nameEn: `System ${i}`, profile: JP_BUSINESS_PROFILE, businessOwnerId: org.users.system_owner.id, nextReviewAt: "2020-01-01", tags: ["t"] });
      const a = await startAssessment(api, token, s.id, "jp-ai-guidelines");
      systemId = s.id;
      assessmentId = a.id;
      const [row] = await itemsOf(api, token, a.id);
      const ctl = await api.call("POST", "/api/controls", { token, body: { code: `C-${i}`, titleJa: "管理策", titleEn: "Control", requirements: [row!.requirement.urn], ownerId: org.users.reviewer.id } });
      await api.call("POST", "/api/evidence", { token, body: { kind: "note", title: `note ${i}`, validUntil: "2020-01-01", links: [{ type: "control", id: ctl.body.id }, { type: "item", id: row!.id }] } });
    }
  });
  afterAll(() => ctx.cleanup());

  async function statements(path: string): Promise<number> {
    const before = counter.count;
    const res = await api.call("GET", path, { token: org.tokens.admin });
    expect(res.status, path).toBe(200);
    return counter.count - before;
  }

  const LISTS = [
    "/api/systems?sort=nameJa&limit=",
    "/api/systems?reviewOverdue=true&q=%E3%82%B7%E3%82%B9&limit=",
    "/api/controls?limit=",
    "/api/evidence?limit=",
    "/api/assessment-items?limit=",
    "/api/assessment-items?group=open&limit=",
    "/api/users?limit=",
    "/api/departments?limit=",
    "/api/audit?limit=",
  ];

  it.each(LISTS)("%s… runs as many statements for 2 rows as for 14", async (path) => {
    // Once first, unmeasured: a search remembers how common each pair of its words is (src/search),
    // so the first search of a word reads one statement more than the next, whatever the page size.
    await statements(`${path}1`);
    const small = await statements(`${path}2`);
    const large = await statements(`${path}${SYSTEMS}`);
    expect(large).toBe(small);
    expect(small).toBeGreaterThan(0);
  });

  it("lists an assessment's rows, a system's assessments and its history in a fixed number of statements", async () => {
    expect(await statements(`/api/assessments/${assessmentId}/items?limit=12`)).toBe(await statements(`/api/assessments/${assessmentId}/items?limit=2`));
    expect(await statements(`/api/systems/${systemId}/history?limit=5`)).toBe(await statements(`/api/systems/${systemId}/history?limit=1`));
    expect(await statements(`/api/systems/${systemId}/assessments`)).toBeLessThanOrEqual(8);
  });

  it("reads the dashboard in a fixed number of statements however many systems there are", async () => {
    const before = await statements("/api/dashboard");
    await registerSystem(api, org.tokens.admin, { nameJa: "追加", nameEn: "One more", profile: JP_BUSINESS_PROFILE, nextReviewAt: "2020-01-01" });
    expect(await statements("/api/dashboard")).toBe(before);
    expect(before).toBeLessThanOrEqual(12);
  });
});
