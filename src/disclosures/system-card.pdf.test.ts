import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { issueToken } from "../auth/tokens.service.ts";
import { SYSTEM_ACTOR } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { seedDemo } from "../demo/demo.seed.ts";
import { pdfInfo, pdfText, POPPLER, squash } from "../platform/pdf/poppler.testing.ts";

/** A record id as Musubi makes them (`sys_01J…`): none may reach a document. */
const INTERNAL_ID = /[a-z]{1,6}_0[0-9a-hjkmnp-tv-z]{5,}/;

describe.each(testDatabases())("systems.card as PDF ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let hr: string;
  let viewer: string;
  let auditor: { id: string; token: string };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    await seedDemo(ctx.db, ctx.dataDir, "demo-password-123");
    const system = await ctx.db.kysely.selectFrom("ai_systems").select(["id", "org_id"]).where("code", "=", "AIS-HR-01").executeTakeFirstOrThrow();
    hr = system.id;
    const users = await ctx.db.kysely.selectFrom("users").select(["id", "role"]).where("org_id", "=", system.org_id).execute();
    const token = async (role: string) => {
      const id = users.find((u) => u.role === role)!.id;
      return { id, token: (await issueToken(ctx.db, { actor: SYSTEM_ACTOR, orgId: system.org_id, userId: id }, { name: "card-pdf-test", role: role as never })).secret };
    };
    viewer = (await token("viewer")).token;
    auditor = await token("auditor");
    // The demo's users read Japanese; this one has set English.
    await ctx.db.kysely.updateTable("users").set({ locale: "en" }).where("id", "=", auditor.id).execute();
  }, 120_000);
  afterAll(() => ctx.cleanup());

  const pdf = async (token: string, query = "") => {
    const res = await api.app.request(`/api/systems/${hr}/card?format=pdf${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it("is a PDF download named for the system", async () => {
    const { res, bytes } = await pdf(viewer);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="AIS-HR-01-card.pdf"');
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it.runIf(POPPLER)("is written in the caller's language, Japanese text that pdftotext reads back, with no internal id", async () => {
    const { bytes } = await pdf(viewer);
    const ja = squash(pdfText(bytes));
    for (const phrase of ["AIシステムカード", "採用書類スクリーニングAI", "概要", "利用目的", "高リスク", "2027年12月2日から適用", "区分と役割は、Musubiがプロファイルの回答にライブラリの規則を当てはめた結果です。", "女性応募者のスコアが一律に低い傾向", "状態別の適用項目数", "変更履歴", "EU AI法 附属書Ⅳとの対応", "関係するカードの項目（Musubiの解釈）"]) {
      expect(ja).toContain(squash(phrase));
    }
    expect(ja).not.toMatch(INTERNAL_ID);
    const pages = Number(pdfInfo(bytes).Pages);
    expect(squash(pdfText(bytes, { first: pages, last: pages }))).toContain(`${pages}/${pages}`);

    const en = squash(pdfText((await pdf(auditor.token)).bytes));
    for (const phrase of ["AI system card", "The system", "High-risk", "Card fields that bear on it (Musubi's interpretation)"]) expect(en).toContain(squash(phrase));
    expect(en).not.toContain("概要");
    expect(squash(pdfText((await pdf(auditor.token, "&lang=ja")).bytes))).toContain("概要");
  });
});
