import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { connectMember, publishThrough, submitIncident } from "../../test/support/exchange.ts";
import type { Db } from "../db/connect.ts";
import { PUBLIC_PAGES } from "../disclosures/public.pages.ts";
import { ROUTES } from "../routes.ts";
import { REGISTER_PAGES } from "./register.pages.ts";
import { REPORT_FORM_PATH } from "./report-form.pages.ts";

const SECRET = "SECRET-ROOT-CAUSE-7f3a";

/**
 * What a sender marks confidential stays with the authority: it is stored and the authority's
 * analysts read it, but it is never counted in open data, never shown on a public page, and never
 * reaches another organisation — checked by enumerating every open-data format and every route
 * anyone can call without signing in.
 */
describe.each(testDatabases())("confidential parts of submissions ($name)", (database) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let ppc: SeededOrg;
  const members: SeededOrg[] = [];
  const incident = (extra: Record<string, unknown> = {}) => ({ title: "AIチャットボットによる個人情報の誤表示", summary: "別の顧客の情報を表示した", severity: "high", occurredAt: "2026-10-05", rights: ["privacy"], harmTypes: ["rights_violation"], ...extra });

  beforeAll(async () => {
    ctx = await database.open();
    api = testApp(ctx.db, ctx.dataDir);
    ppc = await seedOrg(ctx.db, "ppc", { kind: "authority" });
    for (const slug of ["m1", "m2", "m3", "m4"]) {
      const org = await seedOrg(ctx.db, slug);
      members.push(org);
      const conn = await connectMember(api, org, ppc, "finance");
      if (slug !== "m4") await submitIncident(api, org, conn, incident());
      else
        await submitIncident(api, org, conn, incident({ rights: ["privacy", "consumer"], rootCause: SECRET }), [
          { pointer: "/rootCause", reason: "trade-secret" },
          { pointer: "/harm/rightsAffected", reason: "personal-data" },
          { pointer: "/incident/occurredAt", reason: "trade-secret" },
        ]);
    }
  });
  afterAll(() => ctx.cleanup());

  it("keeps confidential parts for the authority's analysts, and counts them in its own trends", async () => {
    const queue = (await api.call("GET", "/api/oversight/intake", { token: ppc.tokens.analyst })).body.items as { id: string; confidentialParts: number }[];
    const marked = queue.find((i) => i.confidentialParts === 3)!;
    const detail = (await api.call("GET", `/api/oversight/intake/${marked.id}`, { token: ppc.tokens.analyst })).body;
    expect(detail.document.rootCause).toBe(SECRET);
    const rights = (await api.call("GET", "/api/oversight/trends?dimension=right&from=2026-01&to=2026-12", { token: ppc.tokens.analyst })).body;
    expect(rights.buckets.map((b: { value: string; count: number }) => [b.value, b.count])).toEqual([["privacy", 4], ["consumer", 1]]);
    expect(rights.buckets[0].label).toEqual({ ja: "プライバシー・個人情報", en: "Privacy and personal data" });
    const sectors = (await api.call("GET", "/api/oversight/trends?dimension=sector&from=2026-01&to=2026-12", { token: ppc.tokens.analyst })).body;
    expect(sectors).toMatchObject({ total: 4, withoutMonth: 0, buckets: [{ value: "finance", count: 4, share: 1, perOrganisation: 1, label: { ja: "金融", en: "Finance" } }] });
    expect(sectors.months.find((m: { month: string }) => m.month === "2026-10").counts).toEqual({ finance: 4 });
  });

  it("leaves every confidential part out of open data, in every format, and suppresses small counts", async () => {
    const json = await api.call("GET", "/api/oversight/open-data?format=json&from=2026-01&to=2026-12", { token: ppc.tokens.analyst });
    expect(json.status).toBe(200);
    const rows = json.body.rows as { dimension: string; month: string; value: string; count: number | null; suppressed: boolean }[];
    const find = (dimension: string, month: string, value: string) => rows.find((r) => r.dimension === dimension && r.month === month && r.value === value);
    // m4's rights are confidential: only the three others' privacy counts; "consumer" came only from m4.
    expect(find("right", "2026-10", "privacy")).toMatchObject({ count: 3, suppressed: false });
    expect(rows.some((r) => r.value === "consumer")).toBe(false);
    // m4's month is confidential: it counts without a month, and one is too few to publish.
    expect(find("kind", "2026-10", "incident-report")).toMatchObject({ count: 3 });
    expect(find("kind", "", "incident-report")).toMatchObject({ count: null, suppressed: true });
    for (const format of ["csv", "xlsx", "json"]) {
      const res = await api.app.request(`/api/oversight/open-data?format=${format}&from=2026-01&to=2026-12`, { headers: { authorization: `Bearer ${ppc.tokens.publisher}` } });
      expect(res.status).toBe(200);
      const text = Buffer.from(await res.arrayBuffer()).toString("latin1");
      expect(text.includes(SECRET), format).toBe(false);
      expect(text.includes("consumer"), format).toBe(false);
    }
    const csv = await (await api.app.request("/api/oversight/open-data?format=csv&from=2026-01&to=2026-12", { headers: { authorization: `Bearer ${ppc.tokens.analyst}` } })).text();
    expect(csv).toContain("right,侵害された権利・利益,Rights affected,2026-10,privacy,プライバシー・個人情報,Privacy and personal data,3,");
    expect(csv).toContain("\nkind,提出の種類,Kind of submission,2026-10,incident-report,インシデント報告,Incident report,3,");
  });

  it("shows no confidential part, and nothing of another organisation, on any route callable without signing in", async () => {
    // The authority has published statistics on its public register: they are on the walk too.
    expect(await publishThrough(api, ppc, { subjectType: "statistics", titleJa: "受付件数", titleEn: "Reports received", bodyJa: "集計。", bodyEn: "Counts.", from: "2026-01", to: "2026-12" })).toBe("PUB-000001");
    const stats = await (await api.app.request("/register/ppc/PUB-000001?lang=en")).text();
    expect(stats).toContain("Rights affected: Privacy and personal data");
    const paths = [
      ...ROUTES.filter((r) => r.access === "public" && r.method === "get" && !r.path.includes(":id")).flatMap((r) => ["ppc", ...members.map((m) => m.slug)].map((slug) => r.path.replace(":slug", slug))),
      ...["ppc", ...members.map((m) => m.slug)].flatMap((org) => Object.values(PUBLIC_PAGES).map((p) => p.replace(":org", org).replace(":year", "2026").replace(":code", "INC-000001"))),
      ...["ppc", ...members.map((m) => m.slug)].map((org) => REPORT_FORM_PATH.replace(":org", org)),
      ...["ppc", ...members.map((m) => m.slug)].flatMap((org) => Object.values(REGISTER_PAGES).flatMap((p) => ["PUB-000001", "PUB-000002"].map((code) => `${p.replace(":org", org).replace(":code", code)}?format=json`))),
    ];
    expect(paths.length).toBeGreaterThan(10);
    for (const path of new Set(paths)) {
      const res = await api.app.request(path);
      const text = await res.text();
      expect(text.includes(SECRET), path).toBe(false);
      expect(text.includes("AIチャットボットによる個人情報の誤表示"), path).toBe(false);
      // The statistics never count m4's confidential rights (the report form lists every right as a choice).
      if (path.startsWith("/register")) expect(text.includes("Consumer interests") || text.includes("消費者の利益"), path).toBe(false);
    }
  });

  it("never lets an organisation read the authority's intake, trends or open data", async () => {
    for (const path of ["/api/oversight/intake", "/api/oversight/trends", "/api/oversight/open-data", "/api/oversight/cases", "/api/oversight/registrations"]) {
      const res = await api.call("GET", path, { token: members[0]!.tokens.admin });
      expect(res.status, path).toBe(403);
    }
  });
});
