import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server.ts";
import { CHROMIUM, HAVE_CHROMIUM, DEMO_PASSWORD, openDemoSite, SHOTS, signIn as signInAs, type DemoSite } from "./browser.support.ts";

const PASSWORD = DEMO_PASSWORD;

if (!HAVE_CHROMIUM) console.warn(`[browser test] reports panel skipped: no Chromium at ${CHROMIUM}`);

/**
 * The dashboard's reports panel as a reader uses it, in Japanese: the board report as a PDF, then
 * every system card as one file — each started, its progress shown, and its file downloaded.
 */
describe.skipIf(!HAVE_CHROMIUM)("the reports panel in a browser", () => {
  let site: DemoSite;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await openDemoSite("reports");
    ({ server, browser } = site);
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    await signInAs(page, server.url, "viewer", PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  async function runAndDownload(): Promise<Buffer> {
    await page.getByTestId("reports-start").click();
    const link = page.getByTestId("reports-download");
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    return fs.readFileSync((await download.path())!);
  }

  it("writes the board report and every system card, each downloaded from the panel", async () => {
    await page.goto(`${server.url}/dashboard`);
    const panel = page.getByTestId("reports-panel");
    await panel.waitFor();
    expect(await panel.textContent()).toContain("レポート");
    await page.getByTestId("reports-kind").selectOption("board");
    await page.getByTestId("reports-format").selectOption("pdf");
    const pdf = await runAndDownload();
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await page.screenshot({ path: path.join(SHOTS, "reports-panel-ja.png") });

    await page.getByTestId("reports-kind").selectOption("system-cards");
    expect(await page.getByTestId("reports-format").count()).toBe(0);
    const cards = gunzipSync(await runAndDownload()).toString("utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((c) => c.format === "musubi-system-card/1")).toBe(true);
    expect(await page.getByTestId("reports-download").textContent()).toContain("JSON形式（圧縮）");
  });
});
