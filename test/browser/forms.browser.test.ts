import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { startServer, type RunningServer } from "../../src/server.ts";
import { CHROMIUM, HAVE_CHROMIUM, launchChromium, SHOTS, signIn } from "./browser.support.ts";

const PASSWORD = "browser-test-password-1";

// The shell test already fails loudly when MUSUBI_REQUIRE_BROWSER=1 and Chromium is missing.
if (!HAVE_CHROMIUM) console.warn(`[browser test] form messages skipped: no Chromium at ${CHROMIUM}`);

/**
 * A Japanese compliance lead fills the risk form badly: the messages name each field by its label
 * and say what to do with the limit, in Japanese; a text past its limit is counted, not cut; an
 * error goes away as the field is corrected.
 */
describe.skipIf(!HAVE_CHROMIUM)("form messages in a browser", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuilt(() => {});
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-browser-forms-"));
    server = await startServer(loadConfig({ MUSUBI_DATA_DIR: dataDir, MUSUBI_BACKGROUND_JOBS: "0" }, { port: 0, logLevel: "silent" }), { demo: true, demoPassword: PASSWORD, print: () => {} });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1360, height: 1000 } });
    page = await context.newPage();
    await signIn(page, server.url, "caio@demo.musubi.example", PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const errorsShown = () => page.getByTestId("risk-dialog").getByTestId("field-error").allInnerTexts();

  it("counts a description past its limit instead of cutting it", async () => {
    await page.goto(`${server.url}/risks`);
    await page.getByTestId("create-risk").click();
    const description = page.getByTestId("risk-description");
    await description.fill("あ".repeat(8001));
    expect((await description.inputValue()).length).toBe(8001);
    await expect.poll(errorsShown).toContain("説明：8,000文字以内で入力してください（現在8,001文字、1文字超過）。");
    await description.fill("あ".repeat(10));
    await expect.poll(errorsShown).toEqual([]);
  });

  it("names each field refused by the server and says what to do, in Japanese", async () => {
    await page.getByTestId("risk-code").fill("販売リスク");
    await page.getByTestId("risk-save").click();
    await expect.poll(errorsShown).toContain("件名（日本語）：入力してください。");
    const shown = (await errorsShown()).join("\n");
    expect(shown).toMatch(/コード：半角英数字/);
    expect(shown).not.toMatch(/小さすぎる|大きすぎる|string|Letters, digits/);
    await page.screenshot({ path: path.join(SHOTS, "forms-01-risk-messages-ja.png"), fullPage: true });
  });

  it("drops a field's error as soon as it is corrected, and shows it again if the next save is refused", async () => {
    await page.getByTestId("risk-title-ja").fill("説明可能性の不足");
    await expect.poll(errorsShown).not.toContain("件名（日本語）：入力してください。");
    await page.getByTestId("risk-title-ja").fill("");
    await page.getByTestId("risk-save").click();
    await expect.poll(errorsShown).toContain("件名（日本語）：入力してください。");
  });
});
