import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { pdfInfo, pdfText, POPPLER, squash } from "../platform/pdf/poppler.testing.ts";

describe.each(testDatabases())("incidents.report as PDF ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let incident: { id: string; code: string };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "report-pdf");
    const system = await registerSystem(api, org.tokens.admin, { nameJa: "顧客対応AI", nameEn: "Customer assistant", profile: JP_BUSINESS_PROFILE });
    incident = (
      await api.call("POST", "/api/incidents", {
        token: org.tokens.governance_lead,
        body: { title: "回答に他の顧客の住所が含まれた", summary: "チャット回答に別顧客の住所が含まれた。", severity: "high", harmLevel: "event", harmTypes: ["rights_violation"], rights: ["privacy"], personalData: "yes", dataSubjects: 3, sensitiveData: "no", categories: ["2.1"], systemIds: [system.id], ownerId: org.users.governance_lead.id },
      })
    ).body;
  });
  afterAll(() => ctx.cleanup());

  const pdf = async (token: string, query = "") => {
    const res = await api.app.request(`/api/incidents/${incident.id}/report?format=pdf${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it("is a PDF download named for the incident", async () => {
    const { res, bytes } = await pdf(org.tokens.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${incident.code}-report.pdf"`);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it.runIf(POPPLER)("is written in the caller's language, Japanese text that pdftotext reads back", async () => {
    // The organisation's admin reads Japanese; the auditor's user record says English.
    const ja = squash(pdfText((await pdf(org.tokens.admin)).bytes));
    for (const phrase of ["AIインシデント報告書", "報告者", "根拠規定", "事案の概要", "回答に他の顧客の住所が含まれた", "チャット回答に別顧客の住所が含まれた。", "顧客対応AI", "個人情報保護法第26条により", "記録の完全性", "report-pdf 株式会社"]) expect(ja).toContain(squash(phrase));
    expect(ja).not.toContain("Legalbasis");
    const en = squash(pdfText((await pdf(org.tokens.auditor)).bytes));
    for (const phrase of ["AI incident report", "Legal basis", "The incident", "Customer assistant", "Under APPI Art. 26"]) expect(en).toContain(squash(phrase));
    // A title the organisation wrote in Japanese stays as written.
    expect(en).toContain(squash("回答に他の顧客の住所が含まれた"));
    const asked = await pdf(org.tokens.auditor, "&lang=ja");
    expect(squash(pdfText(asked.bytes))).toContain("事案の概要");
    expect(pdfInfo(asked.bytes).Title).toBe(`AIインシデント報告書 — ${incident.code} 回答に他の顧客の住所が含まれた`);
  });

  it("refuses a language it does not speak with a 400", async () => {
    const res = await api.call("GET", `/api/incidents/${incident.id}/report?format=pdf&lang=fr`, { token: org.tokens.admin });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBeTypeOf("string");
  });
});
