import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_PAGES } from "../src/disclosures/public.pages.ts";
import type { Db } from "../src/db/connect.ts";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "./support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "./support/compliance.ts";
import { testDatabases } from "./support/databases.ts";

const BASE = "/api/disclosures/haip-reports";
const INTERNAL_ID = /[a-z]{1,6}_0[0-9a-hjkmnp-tv-z]{5,}/;

/**
 * The public trust page, signed out, by enumeration: every public page × every organisation ×
 * every subject either organisation has (published, withdrawn, draft, never published) × every
 * format. Only live publications answer, each with its own organisation's snapshot and nothing
 * else; every other combination is the same 404.
 */
describe.each(testDatabases())("public trust page ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let a: SeededOrg;
  let b: SeededOrg;
  const subjects = { live: new Set<string>(), all: new Set<string>() };
  const names: Record<string, string[]> = {};

  async function publishReport(org: SeededOrg, year: number, answer: string) {
    const created = await api.call("POST", BASE, { token: org.tokens.admin, body: { year, roles: ["deployer"], path: "small", prefill: false } });
    const q = created.body.sections.flatMap((s: any) => s.answers).find((x: any) => x.questionId === "7.1");
    const put = await api.call("PUT", `${BASE}/${created.body.id}/answers/7.1`, { token: org.tokens.admin, body: { version: q.version, ja: answer, en: answer } });
    const sub = await api.call("POST", `${BASE}/${created.body.id}/submit`, { token: org.tokens.admin, body: { version: put.body.version, approvalPlan: [[org.users.governance_lead.id]] } });
    await api.call("POST", `/api/approvals/${sub.body.approval.id}/decide`, { token: org.tokens.governance_lead, body: { decision: "approve" } });
    const now = await api.call("GET", `${BASE}/${created.body.id}`, { token: org.tokens.admin });
    const pub = await api.call("POST", `${BASE}/${created.body.id}/publish`, { token: org.tokens.admin, body: { version: now.body.version } });
    expect(pub.status).toBe(200);
    return pub.body.publications[0].id as string;
  }

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    a = await seedOrg(ctx.db, "trust-a");
    b = await seedOrg(ctx.db, "trust-b");
    const sysA = await registerSystem(api, a.tokens.admin, { nameJa: "公開システムA", nameEn: "Published system A", profile: JP_BUSINESS_PROFILE });
    const hiddenA = await registerSystem(api, a.tokens.admin, { nameJa: "非公開システムA", nameEn: "Unpublished system A", profile: JP_BUSINESS_PROFILE });
    const sysB = await registerSystem(api, b.tokens.admin, { nameJa: "公開システムB", nameEn: "Published system B", profile: JP_BUSINESS_PROFILE });
    const withdrawnB = await registerSystem(api, b.tokens.admin, { nameJa: "取下げシステムB", nameEn: "Withdrawn system B", profile: JP_BUSINESS_PROFILE });
    expect((await api.call("POST", `/api/systems/${sysA.id}/card/publish`, { token: a.tokens.admin })).status).toBe(201);
    expect((await api.call("POST", `/api/systems/${sysB.id}/card/publish`, { token: b.tokens.admin })).status).toBe(201);
    const w = await api.call("POST", `/api/systems/${withdrawnB.id}/card/publish`, { token: b.tokens.admin });
    expect((await api.call("POST", `/api/disclosures/publications/${w.body.id}/withdraw`, { token: b.tokens.admin, body: { reason: "誤り" } })).status).toBe(204);
    await publishReport(a, 2025, "A社の回答");
    await api.call("POST", BASE, { token: a.tokens.admin, body: { year: 2026, roles: ["deployer"], prefill: false } }); // a draft, never published
    const old = await publishReport(b, 2025, "B社の回答");
    expect((await api.call("POST", `/api/disclosures/publications/${old}/withdraw`, { token: b.tokens.admin, body: { reason: "訂正" } })).status).toBe(204);
    for (const s of [sysA, hiddenA, sysB, withdrawnB]) subjects.all.add(`systems/${s.code}`);
    subjects.all.add("haip/2025").add("haip/2026").add("haip/2024");
    subjects.live.add(`trust-a/systems/${sysA.code}`).add(`trust-b/systems/${sysB.code}`).add("trust-a/haip/2025");
    names["trust-a"] = ["公開システムA", "A社の回答", "trust-a 株式会社", "trust-a Inc."];
    names["trust-b"] = ["公開システムB", "B社の回答", "trust-b 株式会社", "trust-b Inc.", "取下げシステムB"];
  }, 120_000);
  afterAll(() => ctx.cleanup());

  it("serves each live publication, signed out, with only its organisation's words, and 404 for everything else", async () => {
    let served = 0;
    for (const slug of ["trust-a", "trust-b", "trust-c", "TRUST-A", "trust-a'--"]) {
      for (const subject of subjects.all) {
        for (const format of ["", "?format=json", "?format=pdf", "?lang=en"]) {
          const path = `/public/${slug}/${subject}`;
          const res = await api.app.request(path + format);
          const live = subjects.live.has(`${slug}/${subject}`);
          expect(res.status, path + format).toBe(live ? 200 : 404);
          expect(res.headers.get("set-cookie")).toBeNull();
          expect(res.headers.get("content-security-policy") ?? "", path).toMatch(format.includes("pdf") || format.includes("json") ? /.*/ : /default-src 'none'/);
          if (!live || format === "?format=pdf") continue;
          served++;
          const text = await res.text();
          for (const [owner, words] of Object.entries(names)) for (const w of words) if (owner !== slug) expect(text, `${path}${format} leaks ${w}`).not.toContain(w);
          expect(text, path).not.toMatch(INTERNAL_ID);
          expect(text).not.toContain("@trust-");
        }
      }
    }
    expect(served).toBe(subjects.live.size * 3);
  });

  it("covers every public page, and answers 404 to addresses that try to reach around them", async () => {
    expect(Object.values(PUBLIC_PAGES)).toEqual(["/public/:org", "/public/:org/haip/:year", "/public/:org/systems/:code"]);
    expect((await api.app.request("/public/trust-a")).status).toBe(200);
    expect((await api.app.request("/public/trust-b")).status).toBe(200);
    const index = await (await api.app.request("/public/trust-b?lang=ja")).text();
    expect(index).toContain("公開システムB");
    expect(index).not.toContain("取下げシステムB");
    expect(index).not.toContain("2025");
    for (const path of ["/public/trust-c", "/public/", "/public/trust-a/haip", "/public/trust-a/haip/2025/extra", "/public/trust-a/systems/..%2F..%2Fapi%2Fsystems", "/public/trust-a/../trust-b/haip/2025", "/public/trust-a/haip/2026", "/public/trust-a/incidents/1", "/public/trust-a/haip/20251"]) {
      const res = await api.app.request(path);
      expect(res.status, path).toBe(404);
    }
  });
});
