import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { issueToken } from "../auth/tokens.service.ts";
import { SYSTEM_ACTOR } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { seedDemo } from "../demo/demo.seed.ts";
import { defaultLibraryDir } from "../library/library.load.ts";
import { getLibrary } from "../library/library.runtime.ts";
import { escapeHtml } from "../platform/html-document.ts";
import { formatInstant } from "../platform/time.ts";
import { ANNEX_IV } from "./system-card.annex-iv.ts";
import { SystemCard } from "./system-card.schema.ts";
import { buildSystemCard } from "./system-card.ts";
import { CountingPlugin } from "../../test/support/statements.ts";

const schema = JSON.parse(readFileSync(join(defaultLibraryDir(), "schema", "system-card.schema.json"), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
/** A record id as Musubi makes them (`sys_01J…`): none may reach a card. */
const INTERNAL_ID = /[a-z]{1,6}_0[0-9a-hjkmnp-tv-z]{5,}/;

/** The library's Annex IV nodes (the annex and every point under it), in file order. */
function annexNodes() {
  const fw = getLibrary().current.get(ANNEX_IV.framework)!;
  return fw.file.nodes.filter((n) => n.id === ANNEX_IV.node || n.id.startsWith(`${ANNEX_IV.node}.`));
}

/** Follows an RFC 6901 JSON Pointer. */
function at(doc: unknown, pointer: string): unknown {
  return pointer.split("/").slice(1).reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined), doc);
}

describe.each(testDatabases())("AI system card ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let other: SeededOrg;
  let demo: { orgId: string; hr: string; admin: string; viewer: string };
  let otherSystem: string;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    await seedDemo(ctx.db, ctx.dataDir, "demo-password-123");
    const hr = await ctx.db.kysely.selectFrom("ai_systems").select(["id", "org_id"]).where("code", "=", "AIS-HR-01").executeTakeFirstOrThrow();
    const users = await ctx.db.kysely.selectFrom("users").select(["id", "role"]).where("org_id", "=", hr.org_id).execute();
    const token = async (role: string) => (await issueToken(ctx.db, { actor: SYSTEM_ACTOR, orgId: hr.org_id, userId: users.find((u) => u.role === role)!.id }, { name: "card-test", role: role as never })).secret;
    demo = { orgId: hr.org_id, hr: hr.id, admin: await token("admin"), viewer: await token("viewer") };
    other = await seedOrg(ctx.db, "card-other");
    otherSystem = (await registerSystem(api, other.tokens.admin, { nameJa: "<script>alert(1)</script>", nameEn: "Other's system", purpose: "A & B <b>", profile: JP_BUSINESS_PROFILE })).id;
  }, 120_000);
  afterAll(() => ctx.cleanup());

  const card = (id: string, token: string) => api.call("GET", `/api/systems/${id}/card`, { token });
  const html = async (id: string, token: string) => {
    const res = await api.app.request(`/api/systems/${id}/card?format=html`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return { res, text: await res.text() };
  };

  it("is JSON that validates against its zod schema and its published JSON Schema, with the high-risk HR system's class, roles, risks, incidents and models", async () => {
    const res = await card(demo.hr, demo.viewer);
    expect(res.status).toBe(200);
    expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
    expect(SystemCard.safeParse(res.body).success).toBe(true);
    const c = res.body as SystemCard;
    expect(c.format).toBe("musubi-system-card/1");
    expect(c.system).toMatchObject({ code: "AIS-HR-01", name: { ja: "採用書類スクリーニングAI" }, lifecycle: { value: "deployed", label: { ja: "運用中", en: "Deployed" } }, department: { code: "HR" } });
    expect(c.system.businessOwner).toEqual({ name: "所有者 健 (System owner)", email: "owner@demo.musubi.example" });
    // Annex III point 4 (employment): high-risk from the date the Regulation sets, as the inventory stores it.
    expect(c.classification.euAiAct).toMatchObject({ class: "high-risk", label: { ja: "高リスク", en: "High-risk" }, appliesFrom: "2027-12-02" });
    expect(c.classification.euAiAct.roles?.map((r) => r.value)).toEqual(["provider"]);
    expect(c.classification.jpAiGuidelinesRoles).toEqual([{ ja: "AI提供者", en: "AI provider" }]);
    expect(c.models).toEqual([{ name: "screening-ranker", provider: "社内開発", version: "2.3", licence: null, hosting: { value: "cloud", label: { ja: "自社クラウド", en: "Own cloud" } } }]);
    expect(c.datasets[0]).toMatchObject({ personalData: true });
    expect(c.vendors.linked.map((v) => v.name)).toEqual(["クラウド基盤ベンダー"]);
    expect(c.risks).toHaveLength(1);
    expect(c.risks[0]).toMatchObject({ title: { en: "Gender bias in screening scores" }, inherent: { likelihood: 3, impact: 5, band: { en: "High" } }, residual: { likelihood: 2, impact: 4 }, treatment: { value: "mitigate", label: { ja: "低減" } } });
    expect(c.risks[0]!.controls.map((x) => x.code)).toEqual(["CTL-GOV-01"]);
    expect(c.incidents.map((i) => [i.title, i.severity.value, i.status.value])).toEqual([["女性応募者のスコアが一律に低い傾向", "high", "open"]]);
    const guidelines = c.frameworks.find((f) => f.framework === "jp-ai-guidelines")!;
    expect(guidelines.posture!.counts.find((x) => x.status.value === "met")!.count).toBeGreaterThan(0);
    expect(guidelines.posture!.total).toBe(guidelines.posture!.counts.reduce((n, x) => n + x.count, 0));
    expect(c.frameworks.find((f) => f.framework === "eu-ai-act")).toMatchObject({ inScope: true, posture: null });
    expect(c.evaluations.results).toMatchObject({ recorded: false });
    expect(c.humanOversight.measures).toMatchObject({ recorded: false });
    expect(c.humanOversight.facts.map((f) => f.question)).toContain("decisionAutonomy");
    expect(c.history.entries[0]).toMatchObject({ action: "system.created", by: { kind: "system", name: "Musubi" }, label: { ja: "AIシステム登録" } });
  });

  it("names no internal record id anywhere, in the JSON or the document", async () => {
    expect(demo.hr).toMatch(INTERNAL_ID);
    const json = JSON.stringify((await card(demo.hr, demo.viewer)).body);
    expect(json).toContain("AIS-HR-01");
    expect(json).not.toMatch(INTERNAL_ID);
    expect(json).not.toContain(demo.hr);
    const { text } = await html(demo.hr, demo.viewer);
    expect(text).not.toMatch(INTERNAL_ID);
  });

  it("answers 404 for another organisation's system, as for one that does not exist", async () => {
    expect((await card(demo.hr, other.tokens.admin)).status).toBe(404);
    expect((await card(otherSystem, demo.viewer)).status).toBe(404);
    expect((await api.app.request(`/api/systems/${otherSystem}/card?format=html`, { headers: { authorization: `Bearer ${demo.admin}` } })).status).toBe(404);
    await expect(buildSystemCard(ctx.db.kysely, getLibrary(), demo.orgId, otherSystem)).rejects.toMatchObject({ status: 404 });
  });

  it("maps every Annex IV point of the library, Musubi's mapping marked as its own, to fields the card has", async () => {
    const c = (await card(demo.hr, demo.viewer)).body as SystemCard;
    const nodes = annexNodes();
    expect(nodes.length).toBeGreaterThan(20);
    const inCard = [c.annexIV.annex, ...c.annexIV.points.flatMap((p) => [p, ...p.points])];
    expect(inCard.map((n) => n.urn)).toEqual(nodes.map((n) => n.urn));
    for (const n of inCard) expect(n.text.en).toBe(nodes.find((x) => x.urn === n.urn)!.text?.en);
    expect(c.annexIV.mappedBy).toBe("musubi-editorial");
    const mappings = c.annexIV.points.flatMap((p) => [p.mapping, ...p.points.map((s) => s.mapping)]).filter((m) => m !== null);
    expect(mappings.every((m) => m.mappedBy === "musubi-editorial")).toBe(true);
    // Some points Musubi has data for, some it says it has not (the declaration of conformity, point 8).
    expect(mappings.filter((m) => m.covered).length).toBeGreaterThan(5);
    expect(c.annexIV.points.find((p) => p.urn.endsWith(":annex-iv.8"))!.mapping).toMatchObject({ covered: false, fields: [] });
    expect(c.annexIV.points.find((p) => p.urn.endsWith(":annex-iv.2"))!.points.find((s) => s.urn.endsWith(":annex-iv.2.d"))!.mapping.fields).toMatchObject([{ pointer: "/datasets", recorded: true }]);
    for (const m of mappings) for (const f of m.fields) expect(at(c, f.pointer), f.pointer).toBeDefined();
  });

  it("renders a bilingual document under a strict CSP, with Annex IV's headings in the library's words and what Musubi does not cover said so", async () => {
    const { res, text } = await html(demo.hr, demo.viewer);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    for (const words of ["AIシステムカード", "AI system card", "高リスク", "High-risk", "2027年12月2日から適用", "applies from 2 Dec 2027", "提供者", "運用中", "Deployed", "低減", "Mitigate", "自社クラウド", "Own cloud"]) expect(text).toContain(words);
    for (const n of annexNodes()) {
      expect(text).toContain(escapeHtml(n.text!.en!));
      expect(text).toContain(escapeHtml(n.ref.label.en!));
    }
    expect(text).toContain(escapeHtml(annexNodes()[0]!.title!.en!));
    expect(text).toContain("Musubiのデータでは扱っていません");
    expect(text).toContain("Not covered by Musubi&#39;s data");
    expect(text).toContain("Musubiの解釈");
    expect(text).toContain("Musubi&#39;s interpretation");
    expect(text).toContain("評価・テストの結果");
    expect(text).not.toContain("<script");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    for (const raw of [">deployed<", ">mitigate<", ">cloud<"]) expect(text).not.toContain(raw);
  });

  it("escapes every value the organisation typed", async () => {
    const { text } = await html(otherSystem, other.tokens.viewer);
    expect(text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(text).toContain("A &amp; B &lt;b&gt;");
    expect(text).not.toContain("<script>alert(1)</script>");
    expect(text).not.toMatch(INTERNAL_ID);
  });

  // The time it takes is measured in bench/, never asserted here: the statement count is what keeps it flat.
  it("is built in a fixed handful of statements, however much the system holds", async () => {
    const counter = new CountingPlugin();
    const db = ctx.db.kysely.withPlugin(counter);
    await buildSystemCard(db, getLibrary(), demo.orgId, demo.hr);
    const forHr = counter.count;
    counter.count = 0;
    await buildSystemCard(db, getLibrary(), other.orgId, otherSystem);
    expect(forHr).toBe(counter.count);
    expect(forHr).toBeLessThanOrEqual(12);
  });

  // Last: it moves the demo organisation to Berlin.
  it("shows every time in the organisation's zone, named, and keeps UTC instants in the JSON", async () => {
    const current = (await api.call("GET", "/api/org", { token: demo.admin })).body;
    expect((await api.call("PATCH", "/api/org", { token: demo.admin, body: { version: current.version, settings: { timezone: "Europe/Berlin" } } })).status).toBe(200);
    const c = (await card(demo.hr, demo.viewer)).body as SystemCard;
    expect(c.organisation.timeZone).toBe("Europe/Berlin");
    expect(c.system.createdAt).toMatch(/Z$/);
    const { text } = await html(demo.hr, demo.viewer);
    const created = formatInstant(c.system.createdAt, "Europe/Berlin", "ja");
    expect(created).toMatch(/ CES?T$/);
    expect(text).toContain(created);
    expect(text).toContain(formatInstant(c.system.createdAt, "Europe/Berlin", "en"));
    expect(text).not.toContain(formatInstant(c.system.createdAt, "Asia/Tokyo", "en"));
    expect(text).toContain("組織のタイムゾーン（Europe/Berlin）");
  });
});
