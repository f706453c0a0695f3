import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHEETS } from "../../src/library/org/org-frameworks.xlsx.ts";
import type { RunningServer } from "../../src/server.ts";
import { CHROMIUM, HAVE_CHROMIUM, DEMO_PASSWORD, openDemoSite, SHOTS, signIn, type DemoSite } from "./browser.support.ts";
import { checkText } from "./crawl.checks.ts";
import { readText } from "./crawl.dom.ts";

const PASSWORD = DEMO_PASSWORD;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

if (!HAVE_CHROMIUM) console.warn(`[browser test] own frameworks skipped: no Chromium at ${CHROMIUM}`);

/** The template's framework sheet filled in: column A names the fact, column B takes its value. */
function fillFacts(book: ExcelJS.Workbook, facts: Record<string, string>): void {
  book.getWorksheet(SHEETS.framework)!.eachRow((row) => {
    const key = String(row.getCell(1).value);
    if (key in facts) row.getCell(2).value = facts[key]!;
  });
}

const POLICY = {
  id: "org-test-policy",
  version: "1",
  "name.ja": "テスト用AI方針",
  "name.en": "Test AI policy",
  kind: "soft-law",
  "issuer.ja": "当社",
  "issuer.en": "The company",
  "legalEffect.ja": "社内規程",
  "legalEffect.en": "Internal policy",
  "source.ja": "テスト用AI方針 第1版",
  "source.en": "Test AI policy, first edition",
  licence: "社内限り",
};

/**
 * A governance lead's own framework, as they add it (Japanese UI): the template downloaded from
 * the library page, filled in as Excel would save it, uploaded through the page; the framework is
 * listed as the organisation's, its page says so, and a broken file is refused with each problem
 * named where it is.
 */
describe.skipIf(!HAVE_CHROMIUM)("an organisation's own framework in a browser", () => {
  let site: DemoSite;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await openDemoSite("own");
    ({ server, browser } = site);
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    await signIn(page, server.url, "caio", PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  /** Downloads the template through the page's link and opens it. */
  async function downloadTemplate(): Promise<ExcelJS.Workbook> {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("own-template").click()]);
    expect(download.suggestedFilename()).toBe("musubi-framework-template.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    return book;
  }

  /** Opens the add dialog and sends `book` through its file input. */
  async function upload(book: ExcelJS.Workbook, name: string): Promise<void> {
    await page.getByTestId("own-add-open").click();
    await page.getByTestId("own-file").setInputFiles({ name, mimeType: XLSX, buffer: Buffer.from(await book.xlsx.writeBuffer()) });
    await page.getByTestId("own-add-submit").click();
  }

  it("adds a framework from the downloaded template and shows it as the organisation's", async () => {
    await page.goto(`${server.url}/library`);
    const section = page.getByTestId("own-frameworks");
    await expect.poll(() => section.textContent()).toContain("この組織が追加したフレームワークはまだありません。");

    const book = await downloadTemplate();
    fillFacts(book, POLICY);
    // The template comes with a chapter and one requirement (1.1); the rule brings 1.1 into scope for generative systems.
    book.getWorksheet(SHEETS.applicability)!.addRow(["applies-generative", "生成AIに適用", "Applies to generative AI", "generative == true", "1.1", ""]);
    await upload(book, "テスト用AI方針.xlsx");

    await expect.poll(() => page.getByTestId("own-notice").textContent()).toContain("「テスト用AI方針」の版 1 を追加しました。");
    expect(await page.getByTestId("own-add-dialog").count()).toBe(0);
    const row = page.getByTestId("own-row-org-test-policy-1");
    // The list is read again after the notice: wait for the row before reading its cells.
    await row.waitFor();
    const cells = await row.locator("td").allTextContents();
    expect(cells[0]).toContain("テスト用AI方針");
    expect(cells[0]).toContain("org-test-policy");
    expect(cells.slice(1, 6)).toEqual(["1", "1", "1", "0", "Excelテンプレート"]);
    expect(await row.getByTestId("own-badge").textContent()).toBe("自社");
    // The library's search offers it, marked as the organisation's.
    await expect.poll(() => page.locator(".library-search select option").allTextContents()).toContain("テスト用AI方針（自社）");
    await page.screenshot({ path: path.join(SHOTS, "library-own-ja.png"), fullPage: false });

    await row.getByRole("link", { name: "テスト用AI方針" }).click();
    await page.getByTestId("page-framework").waitFor();
    expect(new URL(page.url()).pathname).toBe("/library/org-test-policy/1");
    expect(await page.locator(".page-header").getByTestId("own-badge").textContent()).toBe("自社");
    expect(await page.getByTestId("own-framework-notice").textContent()).toContain("Musubiが配布する文書ではなく");
    await expect.poll(() => page.locator(".page-header__title").textContent()).toContain("テスト用AI方針");
    const text = () => page.getByTestId("page-framework").textContent();
    await expect.poll(text).toContain("AIの利用");
    // Its facts name the organisation as its jurisdiction, and the file it came from by its own name.
    expect(await text()).toContain("この組織（社内）");
    expect(await text()).toContain("テスト用AI方針.xlsx");
    await page.screenshot({ path: path.join(SHOTS, "library-own-framework-ja.png"), fullPage: false });
  }, 90_000);

  it("shows people words on the pages and dialogs that list it, in both languages", async () => {
    /** What the crawl would find on the page (or the open dialog) now. */
    const findings = async (lang: "ja" | "en", scope: "page" | "dialog" = "page") => checkText((await page.evaluate(readText, scope)).segments, lang, new URL(page.url()).pathname);
    for (const lang of ["en", "ja"] as const) {
      await page.goto(`${server.url}/library`);
      await page.getByTestId("language-switch").getByRole("button", { name: lang === "en" ? "English" : "日本語" }).click();
      await page.getByTestId("own-row-org-test-policy-1").waitFor();
      await expect.poll(() => page.getByTestId("own-frameworks").locator("h2").textContent()).toBe(lang === "en" ? "Your organisation's frameworks" : "自社のフレームワーク");
      expect(await findings(lang)).toEqual([]);
      await page.getByTestId("own-add-open").click();
      expect(await findings(lang, "dialog")).toEqual([]);
      await page.keyboard.press("Escape");
      await page.getByTestId("own-row-org-test-policy-1").getByTestId("own-remove").click();
      expect(await findings(lang, "dialog")).toEqual([]);
      await page.keyboard.press("Escape");
      await page.goto(`${server.url}/library/org-test-policy/1`);
      await page.getByTestId("own-framework-notice").waitFor();
      await page.getByRole("button", { name: lang === "en" ? "Expand all" : "すべて展開" }).click();
      await expect.poll(() => page.getByTestId("page-framework").textContent()).toContain(lang === "en" ? "Registering a use" : "利用の届出");
      expect(await findings(lang)).toEqual([]);
    }
  }, 60_000);

  it("refuses a broken file and lists each problem with where it is", async () => {
    await page.goto(`${server.url}/library`);
    const book = await downloadTemplate();
    fillFacts(book, { ...POLICY, id: "org-broken", "name.en": "" });
    book.getWorksheet(SHEETS.requirements)!.addRow(["", "1", "article", "1.2", "番号のない項目", "No id", "", "", "yes"]);
    await upload(book, "壊れた方針.xlsx");

    const problems = page.getByTestId("own-problems").locator("li");
    await expect.poll(() => problems.count()).toBeGreaterThanOrEqual(2);
    const listed = await problems.allTextContents();
    expect(listed.some((p) => p.includes("name.en") && p.includes("記入してください"))).toBe(true);
    expect(listed.some((p) => p.includes(SHEETS.requirements) && p.includes("id を記入してください"))).toBe(true);
    expect(await page.getByTestId("own-add-error").textContent()).toContain("このファイルはそのままでは使えません");
    await page.getByTestId("own-add-dialog").screenshot({ path: path.join(SHOTS, "library-own-problems-ja.png") });
    await page.getByTestId("own-add-dialog").getByRole("button", { name: "キャンセル" }).click();
    expect(await page.getByTestId("own-row-org-broken-1").count()).toBe(0);
  }, 60_000);

  it("says a version already added exists, and removes a version nothing uses", async () => {
    await page.goto(`${server.url}/library`);
    const book = await downloadTemplate();
    fillFacts(book, POLICY);
    await upload(book, "もう一度.xlsx");
    await expect.poll(() => page.getByTestId("own-add-error").textContent()).toContain("このフレームワークの版 1 は既に追加されています。");
    await page.getByTestId("own-add-dialog").getByRole("button", { name: "キャンセル" }).click();

    await page.getByTestId("own-row-org-test-policy-1").getByTestId("own-remove").click();
    await page.getByTestId("own-remove-confirm").click();
    await expect.poll(() => page.getByTestId("own-notice").textContent()).toContain("「テスト用AI方針」の版 1 を削除しました。");
    await expect.poll(() => page.getByTestId("own-row-org-test-policy-1").count()).toBe(0);
  }, 60_000);
});
