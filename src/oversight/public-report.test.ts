import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { PER_ADDRESS_PER_HOUR } from "./public-report.ts";

/** The public harm-report form: no account, bounded, rate-limited, confidential contact, into the queue and the trends. */
describe.each(testDatabases())("the public harm-report form ($name)", (database) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let ppc: SeededOrg;
  const post = (fields: Record<string, string | string[]>, path = "/report/ppc?lang=ja") => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of ([] as string[]).concat(v)) body.append(k, x);
    return api.app.request(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: body.toString() });
  };

  beforeAll(async () => {
    ctx = await database.open();
    api = testApp(ctx.db, ctx.dataDir);
    ppc = await seedOrg(ctx.db, "ppc", { kind: "authority" });
    await seedOrg(ctx.db, "acme");
  });
  afterAll(() => ctx.cleanup());

  it("is served for an authority only, in Japanese and English, without scripts", async () => {
    const ja = await api.app.request("/report/ppc?lang=ja");
    expect(ja.status).toBe(200);
    const page = await ja.text();
    expect(page).toContain("AIによる被害の報告");
    expect(page).toContain('name="description"');
    expect(page).toContain("プライバシー・個人情報");
    expect(ja.headers.get("content-security-policy")).toContain("form-action 'self'");
    expect(ja.headers.get("content-security-policy")).not.toContain("script-src");
    expect(await (await api.app.request("/report/ppc?lang=en")).text()).toContain("Report harm from an AI system");
    for (const path of ["/report/acme", "/report/nobody", "/report/NOT_A_SLUG"]) expect((await api.app.request(path)).status, path).toBe(404);
  });

  it("files a report into the authority's queue with the contact kept confidential, and counts it in the trends", async () => {
    const res = await post({ description: "求人サイトのAIが、年齢を理由に応募を自動で不採用にしているようです。", service: "求人マッチングAI", provider: "株式会社サンプル求人", when: "2026-11", harmTypes: ["protected_characteristic"], rights: ["non_discrimination", "labour"], contact: "taro@example.jp" });
    expect(res.status).toBe(201);
    const html = await res.text();
    const reference = /<strong>(R-[A-Z0-9]+)<\/strong>/.exec(html)?.[1];
    expect(reference).toBeDefined();
    const queue = (await api.call("GET", "/api/oversight/intake?kind=harm-report", { token: ppc.tokens.analyst })).body;
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ source: "public", sender: null, kind: "harm-report", subjectRef: reference, confidentialParts: 1, rights: ["non_discrimination", "labour"], occurredMonth: "2026-11" });
    const detail = (await api.call("GET", `/api/oversight/intake/${queue.items[0].id}`, { token: ppc.tokens.analyst })).body;
    expect(detail.document).toMatchObject({ contact: "taro@example.jp", service: "求人マッチングAI" });
    expect(detail.confidential).toEqual([{ pointer: "/contact", reason: "personal-data" }]);
    const trend = (await api.call("GET", "/api/oversight/trends?dimension=kind&from=2026-01&to=2026-12", { token: ppc.tokens.analyst })).body;
    expect(trend.buckets).toMatchObject([{ value: "harm-report", count: 1 }]);
    const ledger = (await api.call("GET", "/api/audit?action=oversight.public_report_received", { token: ppc.tokens.auditor })).body.items;
    expect(ledger).toHaveLength(1);
    expect(JSON.stringify(ledger)).not.toContain("taro@example.jp");
  });

  it("says what is wrong next to the field, keeps what was typed, and stores nothing", async () => {
    const before = (await api.call("GET", "/api/oversight/intake", { token: ppc.tokens.analyst })).body.total;
    const res = await post({ description: "短い", service: "チャット", when: "昨日" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="チャット"');
    expect(html).toMatch(/文字以上/);
    expect((await api.call("GET", "/api/oversight/intake", { token: ppc.tokens.analyst })).body.total).toBe(before);
    // A bot that fills the hidden field is thanked, and nothing is stored.
    expect((await post({ description: "これは自動投稿されたスパムです。", website: "http://spam.example" })).status).toBe(201);
    expect((await api.call("GET", "/api/oversight/intake", { token: ppc.tokens.analyst })).body.total).toBe(before);
    // Too large is refused before it is read.
    expect((await post({ description: "x".repeat(70 * 1024) })).status).toBe(413);
  });

  it("limits how many reports one address files in an hour", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_ADDRESS_PER_HOUR + 1; i++) statuses.push((await post({ description: `AIの誤りについての報告です（${i}回目）。内容は同じではありません。` })).status);
    // One report was filed in the test before: the limit is reached one earlier.
    expect(statuses.filter((s) => s === 201)).toHaveLength(PER_ADDRESS_PER_HOUR - 1);
    expect(statuses.at(-1)).toBe(429);
  });
});
