import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../../test/support/databases.ts";
import { getLibrary } from "../library/library.runtime.ts";
import { darkPixels, pdfInfo, pdfRaster, pdfText, POPPLER, squash } from "../platform/pdf/poppler.testing.ts";
import { readBoardReport } from "./board.data.ts";
import { boardPeriod, monthsOf } from "./board.period.ts";
import { download, openDemoWorld, readWorkbook, sheetSettings, type DemoWorld } from "./reports.test-support.ts";

describe("reports.board period", () => {
  const calendar = { fyStart: 4, timeZone: "Asia/Tokyo", today: "2027-02-10" };

  it("defaults to the organisation's current fiscal year, named by the year it starts in", () => {
    expect(boardPeriod({}, calendar)).toMatchObject({ from: "2026-04-01", to: "2027-03-31", fiscalYear: "2026", startAt: "2026-03-31T15:00:00.000Z", endAt: "2027-03-31T15:00:00.000Z" });
    expect(boardPeriod({}, { ...calendar, fyStart: 1 })).toMatchObject({ from: "2027-01-01", to: "2027-12-31", fiscalYear: "2027" });
  });

  it("completes a half-given period to its fiscal year and names no fiscal year for other periods", () => {
    expect(boardPeriod({ from: "2026-07-01" }, calendar)).toMatchObject({ from: "2026-07-01", to: "2027-03-31", fiscalYear: null });
    expect(boardPeriod({ from: "2026-01-01", to: "2026-06-30" }, calendar)).toMatchObject({ fiscalYear: null });
    expect(monthsOf("2026-01-15", "2026-03-02")).toEqual(["2026-01", "2026-02", "2026-03"]);
  });

  it("refuses a period that ends before it starts or runs over five years", () => {
    expect(() => boardPeriod({ from: "2026-05-01", to: "2026-04-30" }, calendar)).toThrow(expect.objectContaining({ status: 400, code: "validation_failed" }));
    expect(() => boardPeriod({ from: "2020-01-01", to: "2025-01-01" }, calendar)).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe.each(testDatabases())("reports.board ($name)", (dialect) => {
  let world: DemoWorld;

  beforeAll(async () => {
    world = await openDemoWorld(dialect);
  }, 60_000);
  afterAll(() => world.cleanup());

  it("reads the demo's figures: systems by class and lifecycle, registrations by month, overdue reviews, incidents, risks above appetite", async () => {
    const d = await readBoardReport(world.db.kysely, getLibrary(), world.orgId, { from: "2020-01-01", to: "2024-12-31" });
    expect(d.period).toMatchObject({ from: "2020-01-01", to: "2024-12-31", fiscalYear: null });
    expect(d.registeredByMonth).toHaveLength(60);
    expect(d.registeredByMonth.every((m) => m.n === 0)).toBe(true);
    const current = await readBoardReport(world.db.kysely, getLibrary(), world.orgId, {});
    expect(current.dashboard.totals.systems).toBeGreaterThan(0);
    expect(current.registeredByMonth.reduce((s, m) => s + m.n, 0)).toBe(current.dashboard.totals.systems);
    expect(current.incidents.total).toBe(current.incidents.serious.total + Object.entries(current.incidents.bySeverity).filter(([s]) => s === "low" || s === "medium").reduce((s, [, n]) => s + n, 0));
    expect(current.risks.bands.map((b) => b.en)).toEqual(["Critical", "High"]);
    expect(current.risks.above.items.every((r) => r.band !== null && ["Critical", "High"].includes(r.band.en))).toBe(true);
    expect(current.risks.above.total).toBe(current.risks.byBand.filter((b) => ["Critical", "High"].includes(b.band.en)).reduce((s, b) => s + b.n, 0));
    expect(current.overdueSystems.items.every((s) => s.nextReviewAt !== null && s.nextReviewAt < current.today)).toBe(true);
  });

  it("is a PDF a viewer may download, for the current fiscal year by default", async () => {
    const { res, bytes } = await download(world.api, "/api/reports/board?format=pdf&lang=ja", world.tokens.viewer!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="board-report-\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}-ja\.pdf"$/);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it.runIf(POPPLER)("renders Japanese that pdftotext reads back, says no trend is shown, and draws its charts", async () => {
    const { bytes } = await download(world.api, "/api/reports/board?format=pdf&lang=ja", world.tokens.auditor!);
    const text = squash(pdfText(bytes));
    for (const phrase of ["取締役会向けAIガバナンス報告書", "年度）", "要点", "EU AI法の区分別のシステム数", "ライフサイクル別のシステム数", "月別の登録数", "フレームワーク別の対応状況", "対応状況の推移は示していません", "期限を過ぎたレビュー", "期間中のインシデント", "深刻度別のインシデント数", "許容水準を超えるリスク", "Musubiの判断", "付録A", "デモ株式会社"]) {
      expect(text).toContain(squash(phrase));
    }
    expect(Number(pdfInfo(bytes).Pages)).toBeGreaterThanOrEqual(3);
    const page = pdfRaster(bytes, 1, 50);
    expect(darkPixels(page, 50, { x: 56, y: 56, w: 250, h: 26 })).toBeGreaterThan(150);
  });

  it.runIf(POPPLER)("is in the caller's own language when none is asked for", async () => {
    await world.db.kysely.updateTable("users").set({ locale: "en" }).where("email", "like", "viewer@%").execute();
    const { bytes } = await download(world.api, "/api/reports/board?format=pdf", world.tokens.viewer!);
    const text = squash(pdfText(bytes));
    for (const phrase of ["AI governance report to the board", "Key figures", "No posture trend is shown", "Risks above appetite"]) expect(text).toContain(squash(phrase));
    expect(bytes.toString("latin1")).toContain("/Lang (en)");
  });

  it("writes a workbook with a sheet per list, headers in the language, frozen and filtered", async () => {
    const { bytes } = await download(world.api, "/api/reports/board?format=xlsx&lang=ja", world.tokens.viewer!);
    const book = await readWorkbook(bytes);
    expect([...book.keys()]).toEqual(["概要", "フレームワーク別の対応状況", "件数", "未評価のシステム", "レビュー期限切れ（システム）", "レビュー期限切れ（リスク）", "重大なインシデント", "許容水準を超えるリスク"]);
    expect(book.get("概要")![0]).toEqual(["項目", "値"]);
    expect(book.get("概要")!.find((r) => r[0] === "登録されているAIシステム")![1]).toBeGreaterThan(0);
    expect(book.get("許容水準を超えるリスク")![0]).toEqual(["コード", "リスク", "AIシステム", "評価（発生可能性×影響度）", "区分", "評価の根拠", "状態", "責任者", "次回レビュー日"]);
    expect(book.get("フレームワーク別の対応状況")!.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(["AI事業者ガイドライン"]));
    const settings = await sheetSettings(bytes, "許容水準を超えるリスク");
    expect(settings.ySplit).toBe(1);
    expect(settings.autoFilter).toBeTruthy();
    const en = await readWorkbook((await download(world.api, "/api/reports/board?format=xlsx&lang=en", world.tokens.viewer!)).bytes);
    expect([...en.keys()]).toContain("Risks above appetite");
    expect(en.get("Summary")!.map((r) => r[0])).toContain("AI systems registered");
  });

  it("refuses a period that ends before it starts, naming `to`", async () => {
    const res = await world.api.call("GET", "/api/reports/board?from=2026-05-01&to=2026-04-01", { token: world.tokens.viewer });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: "query.to", code: "invalid_period" })]);
    const bad = await world.api.call("GET", "/api/reports/board?from=2026-13-01", { token: world.tokens.viewer });
    expect(bad.status).toBe(400);
  });
});
