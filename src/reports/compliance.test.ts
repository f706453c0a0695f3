import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../../test/support/databases.ts";
import { darkPixels, pdfInfo, pdfRaster, pdfText, POPPLER, REQUIRE_POPPLER, squash } from "../platform/pdf/poppler.testing.ts";
import { download, openDemoWorld, readWorkbook, sheetSettings, type DemoWorld } from "./reports.test-support.ts";

const PATH = "/api/reports/compliance?framework=jp-ai-guidelines";

describe.each(testDatabases())("reports.compliance ($name)", (dialect) => {
  let world: DemoWorld;

  beforeAll(async () => {
    world = await openDemoWorld(dialect);
  }, 60_000);
  afterAll(() => world.cleanup());

  it("is a PDF download a viewer may take, named for the framework", async () => {
    const { res, bytes } = await download(world.api, `${PATH}&format=pdf&lang=ja`, world.tokens.viewer!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="compliance-report-jp-ai-guidelines-\d{4}-\d{2}-\d{2}-ja\.pdf"$/);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it.runIf(POPPLER)("renders Japanese that pdftotext reads back: the framework from the library, each system, its sign-off, gaps and controls", async () => {
    const { bytes } = await download(world.api, `${PATH}&format=pdf&lang=ja`, world.tokens.auditor!);
    const text = squash(pdfText(bytes));
    for (const phrase of ["フレームワーク別対応状況報告書", "AI事業者ガイドライン", "総務省", "経済産業省", "ライセンス", "対応状況（評価したすべてのシステム）", "状態別の評価項目数", "システム別の対応状況", "採用書類スクリーニングAI", "顧客問い合わせチャットボット", "未承認", "システム別の未対応事項", "要求事項に対応する管理策", "Musubiの集計", "デモ株式会社"]) {
      expect(text).toContain(squash(phrase));
    }
    expect(text).not.toContain("jp-ai-guidelines");
    expect(pdfInfo(bytes).Title).toMatch(/^フレームワーク別 対応状況報告書 — AI事業者ガイドライン/);
    expect(bytes.toString("latin1")).toContain("/Lang (ja-JP)");
  });

  it.runIf(POPPLER)("draws its title and chart as pixels, in English when asked", async () => {
    const { bytes } = await download(world.api, `${PATH}&format=pdf&lang=en`, world.tokens.viewer!);
    const text = squash(pdfText(bytes));
    for (const phrase of ["Compliance report by framework", "Posture across every assessed system", "Assessment rows by status", "Not signed off", "CV screening assistant"]) expect(text).toContain(squash(phrase));
    const page = pdfRaster(bytes, 1, 50);
    expect(darkPixels(page, 50, { x: 56, y: 56, w: 250, h: 26 })).toBeGreaterThan(150);
    expect(darkPixels(page, 50, { x: 0, y: 0, w: 50, h: 841 })).toBe(0);
  });

  it("writes a workbook with summary, systems, gaps and evidence sheets, headers in the language, frozen and filtered", async () => {
    const { res, bytes } = await download(world.api, `${PATH}&format=xlsx&lang=ja`, world.tokens.viewer!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = await readWorkbook(bytes);
    expect([...book.keys()]).toEqual(["概要", "システム別", "未対応の要求事項", "証跡"]);
    expect(book.get("概要")![1]).toEqual(["名称", expect.stringContaining("AI事業者ガイドライン")]);
    expect(book.get("未対応の要求事項")![0]).toEqual(["コード", "AIシステム", "要求事項", "見出し", "状態", "管理策", "期限"]);
    const gaps = book.get("未対応の要求事項")!.slice(1);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.map((r) => r[4])).toEqual(expect.arrayContaining(["未着手"]));
    expect(book.get("システム別")!.slice(1).map((r) => r[1])).toEqual(expect.arrayContaining(["採用書類スクリーニングAI"]));
    expect(book.get("証跡")![0]).toContain("有効期限");
    const settings = await sheetSettings(bytes, "未対応の要求事項");
    expect(settings.ySplit).toBe(1);
    expect(settings.autoFilter).toBeTruthy();
  });

  it("writes the workbook in English when asked", async () => {
    const { bytes } = await download(world.api, `${PATH}&format=xlsx&lang=en`, world.tokens.viewer!);
    const book = await readWorkbook(bytes);
    expect([...book.keys()]).toEqual(["Summary", "Systems", "Gaps", "Evidence"]);
    expect(book.get("Gaps")![0]).toEqual(["Code", "AI system", "Requirement", "Title", "Status", "Controls", "Due"]);
    expect(book.get("Systems")!.slice(1).map((r) => r[1])).toEqual(expect.arrayContaining(["CV screening assistant"]));
  });

  it("refuses a framework the library does not have with a 400 naming the field", async () => {
    const res = await world.api.call("GET", "/api/reports/compliance?framework=no-such-framework&format=pdf", { token: world.tokens.viewer, headers: { "accept-language": "en" } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: "query.framework", code: "unknown_framework", message: expect.stringContaining("not in the library") })]);
    const ja = await world.api.call("GET", "/api/reports/compliance?framework=no-such-framework", { token: world.tokens.viewer, headers: { "accept-language": "ja" } });
    expect(ja.body.error.details[0].message).toContain("ライブラリにありません");
  });

  it("refuses a format it does not write", async () => {
    const res = await world.api.call("GET", `${PATH}&format=docx`, { token: world.tokens.viewer });
    expect(res.status).toBe(400);
  });
});

describe.skipIf(!POPPLER && !REQUIRE_POPPLER)("reports.compliance poppler", () => {
  it("has Poppler to read the PDFs back", () => expect(POPPLER).toBe(true));
});
