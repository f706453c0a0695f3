import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server.ts";
import { CHROMIUM, HAVE_CHROMIUM, DEMO_PASSWORD, openDemoSite, SHOTS, signIn, type DemoSite } from "./browser.support.ts";

const PASSWORD = DEMO_PASSWORD;

if (!HAVE_CHROMIUM) console.warn(`[browser test] assessment Excel round trip skipped: no Chromium at ${CHROMIUM}`);

/**
 * The assessment's Excel round trip as its people do it (Japanese UI): download the workbook from
 * the assessment page, fill it in (here with ExcelJS, as Excel would save it), while a colleague
 * answers one of the same rows in Musubi; the import's preview lists the changes and highlights
 * the conflict, and confirming writes the changes and leaves the colleague's answer alone.
 */
describe.skipIf(!HAVE_CHROMIUM)("the assessment's Excel round trip in a browser", () => {
  let site: DemoSite;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await openDemoSite("xlsx");
    ({ server, browser } = site);
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    await signIn(page, server.url, "caio", PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  it("exports, previews a filled-in workbook with its conflict highlighted, and applies the changes", async () => {
    const systems = (await page.evaluate(async () => (await fetch("/api/systems?limit=200")).json())) as { items: { id: string; code: string }[] };
    const system = systems.items.find((s) => s.code === "AIS-HR-01")!;
    await page.goto(`${server.url}/systems/${system.id}?tab=assessments`);
    // The demo has assessed this system against the AI Guidelines for Business.
    await page.getByTestId("assessment-card-jp-ai-guidelines").click();
    const rows = page.getByTestId("items-table").locator("tr.item-row");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("xlsx-export").click()]);
    expect(download.suggestedFilename()).toMatch(/^assessment-AIS-HR-01-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const items = book.getWorksheet("評価項目")!;
    const status = items.getRow(1).values as string[];
    const at = (header: string) => status.indexOf(header);
    // Whatever the demo answered already, each edit picks a status the row does not have.
    const other = (line: number, a: string, b: string) => (items.getRow(line).getCell(at("状況")).value === a ? b : a);
    const wanted = other(2, "達成", "一部達成");
    items.getRow(2).getCell(at("状況")).value = wanted;
    items.getRow(2).getCell(at("コメント")).value = "規程を改定済み（Excelで記入）";
    items.getRow(4).getCell(at("状況")).value = other(4, "未達成", "達成");

    // Meanwhile the same third row is answered in Musubi.
    const select = rows.nth(2).getByTestId("item-status");
    const musubi = (await select.inputValue()) === "partially_met" ? "in_progress" : "partially_met";
    await select.selectOption(musubi);
    await expect.poll(() => rows.nth(2).getAttribute("data-status")).toBe(musubi);

    await page.getByTestId("xlsx-import-open").click();
    await page.getByTestId("xlsx-file").setInputFiles({ name: "評価_記入済み.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await book.xlsx.writeBuffer()) });
    await page.getByTestId("xlsx-report").waitFor();
    expect(await page.getByTestId("xlsx-row-2").getAttribute("data-outcome")).toBe("change");
    expect(await page.getByTestId("xlsx-row-4").getAttribute("data-outcome")).toBe("conflict");
    await expect.poll(() => page.getByTestId("xlsx-row-2").textContent()).toContain(`→ ${wanted}`);
    await expect.poll(() => page.getByTestId("xlsx-row-4").textContent()).toContain("書き出した後にMusubiで変更された内容：");
    await expect.poll(() => page.getByTestId("xlsx-apply").textContent()).toContain("1件の変更を取り込む");
    await page.getByTestId("xlsx-import-dialog").screenshot({ path: path.join(SHOTS, "assessment-xlsx-preview-ja.png") });

    await page.getByTestId("xlsx-apply").click();
    await expect.poll(() => page.getByTestId("xlsx-import-dialog").count()).toBe(0);
    await expect.poll(() => page.getByTestId("assessment-notice").textContent()).toContain("競合1件");
    await expect.poll(() => rows.nth(0).textContent()).toContain("規程を改定済み（Excelで記入）");
    expect(await rows.nth(2).getAttribute("data-status")).toBe(musubi);
    await page.screenshot({ path: path.join(SHOTS, "assessment-xlsx-applied-ja.png") });
  }, 60_000);
});
