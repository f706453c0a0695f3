import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { download, readWorkbook, sheetSettings } from "./reports.test-support.ts";

describe.each(testDatabases())("incidents.report as XLSX ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let incident: { id: string; code: string };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "report-xlsx");
    const system = await registerSystem(api, org.tokens.admin, { nameJa: "顧客対応AI", nameEn: "Customer assistant", profile: JP_BUSINESS_PROFILE });
    incident = (
      await api.call("POST", "/api/incidents", {
        token: org.tokens.governance_lead,
        body: { title: "回答に他の顧客の住所が含まれた", summary: "チャット回答に別顧客の住所が含まれた。", severity: "high", harmLevel: "event", harmTypes: ["rights_violation"], rights: ["privacy"], personalData: "yes", dataSubjects: 3, sensitiveData: "no", categories: ["2.1"], systemIds: [system.id], ownerId: org.users.governance_lead.id },
      })
    ).body;
    await api.call("POST", `/api/incidents/${incident.id}/timeline`, { token: org.tokens.governance_lead, body: { body: "ログを確認した" } });
  });
  afterAll(() => ctx.cleanup());

  it("is an Excel download named for the incident, a viewer may take it", async () => {
    const { res, bytes } = await download(api, `/api/incidents/${incident.id}/report?format=xlsx&lang=ja`, org.tokens.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${incident.code}-report.xlsx"`);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("holds the report's sections as sheets, in Japanese: facts as rows, lists with headers, frozen and filtered", async () => {
    const { bytes } = await download(api, `/api/incidents/${incident.id}/report?format=xlsx&lang=ja`, org.tokens.admin);
    const book = await readWorkbook(bytes);
    expect([...book.keys()]).toEqual(["報告書", "根拠規定", "関係するAIシステム", "経過", "是正・予防措置", "関連するリスク", "機能しなかった管理策", "類似の公開事例"]);
    const facts = book.get("報告書")!;
    expect(facts[0]).toEqual(["区分", "項目", "値"]);
    expect(facts).toContainEqual(["事案の概要", "件名", "回答に他の顧客の住所が含まれた"]);
    expect(facts).toContainEqual(["事案の概要", "深刻度", "高"]);
    expect(facts).toContainEqual(["個人データ", "第26条の確認", "要"]);
    expect(facts).toContainEqual(["報告者", "組織", "report-xlsx 株式会社"]);
    expect(book.get("関係するAIシステム")!.slice(1).map((r) => r[1])).toEqual(["顧客対応AI"]);
    expect(book.get("経過")![0]).toEqual(["日時", "種類", "内容"]);
    expect(book.get("経過")!.map((r) => r[2])).toContain("ログを確認した");
    expect(book.get("根拠規定")!.length).toBeGreaterThan(2);
    const settings = await sheetSettings(bytes, "経過");
    expect(settings.ySplit).toBe(1);
    expect(settings.autoFilter).toBeTruthy();
  });

  it("is in English when asked, the organisation's own text left as typed", async () => {
    const book = await readWorkbook((await download(api, `/api/incidents/${incident.id}/report?format=xlsx&lang=en`, org.tokens.admin)).bytes);
    expect([...book.keys()]).toContain("Timeline");
    const facts = book.get("Report")!;
    expect(facts).toContainEqual(["The incident", "Severity", "High"]);
    expect(facts).toContainEqual(["The incident", "Title", "回答に他の顧客の住所が含まれた"]);
    expect(book.get("AI systems involved")!.slice(1).map((r) => r[1])).toEqual(["Customer assistant"]);
  });
});
