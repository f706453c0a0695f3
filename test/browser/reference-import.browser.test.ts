import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server.ts";
import { CHROMIUM, DEMO_PASSWORD, HAVE_CHROMIUM, openDemoSite, SHOTS, signIn, type DemoSite } from "./browser.support.ts";
import { checkText } from "./crawl.checks.ts";
import { readText } from "./crawl.dom.ts";

if (!HAVE_CHROMIUM) console.warn(`[browser test] reference import skipped: no Chromium at ${CHROMIUM}`);

/** A public register written for this test: its own (Japanese) headers, several parties in one cell, a row without a title. */
const REGISTER = [
  "番号,件名,概要,発生日,運用者",
  "OBS-1,与信モデルが特定地域の申込者を不利に扱った,地域による偏りが報告された。,2022-03,甲銀行;乙銀行",
  "OBS-2,,見出しのない行。,2022,",
  "OBS-3,採用選考AIが年齢で不利に評価した,書類選考での偏り。,2021,丙社",
  "",
].join("\r\n");

/**
 * The governance lead imports a public incident register as the organisation's own reference
 * source through the wizard, in Japanese: the source is asked for before the rows are checked,
 * the row without a title is left out and named, the cases are found on the reference page under
 * the source marked as the organisation's own, and the source is removed again.
 */
describe.skipIf(!HAVE_CHROMIUM)("reference cases imported through the wizard in a browser", () => {
  let site: DemoSite;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await openDemoSite("reference-import");
    ({ server, browser } = site);
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1400, height: 1000 } });
    await context.addInitScript({ content: "globalThis.__name ??= (fn) => fn;" });
    page = await context.newPage();
    await signIn(page, server.url, "caio@demo.musubi.example", DEMO_PASSWORD);
  }, 120_000);
  afterAll(() => site?.close());

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const expectPeopleWords = async () => {
    const { segments } = await page.evaluate(readText, "page" as const);
    expect(checkText(segments, "ja", new URL(page.url()).pathname)).toEqual([]);
  };

  it("asks for the source, leaves out the row without a title, and imports the others under it", async () => {
    await page.goto(`${server.url}/incidents/reference`);
    await page.getByTestId("reference-import").click();
    await page.getByTestId("import-file").setInputFiles({ name: "公開事例集.csv", mimeType: "text/csv", buffer: Buffer.from(REGISTER, "utf8") });
    await page.getByTestId("import-mapping").waitFor();
    await expect.poll(() => page.getByTestId("mapping-table").textContent()).toContain("件名");
    // No source yet: the preview is refused where the source is asked for.
    await page.getByTestId("import-preview").click();
    await expect.poll(() => page.getByTestId("reference-source").textContent()).toContain("入力してください");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("reference-source-name");
    await page.getByTestId("reference-source-name").fill("観測所インシデント登録簿");
    await page.getByTestId("reference-source-licence").fill("CC BY 4.0");
    await page.getByTestId("reference-source-url").fill("https://register.example");
    await shot("reference-import-mapping-ja");
    await page.getByTestId("import-preview").click();
    await expect.poll(() => page.getByTestId("import-valid").textContent()).toBe("2");
    await expect.poll(() => page.getByTestId("import-invalid").textContent()).toBe("1");
    await expect.poll(() => page.getByTestId("import-left-out").textContent()).toContain("1");
    // (The wizard's steps show the file's own name and words, which are the organisation's, not Musubi's: the reference page is checked below.)
    await shot("reference-import-preview-ja");
    await page.getByTestId("import-commit").click();
    await expect.poll(() => page.getByTestId("import-done").textContent(), { timeout: 20_000 }).toContain("2件");
    expect(await page.getByTestId("import-skipped-lines").textContent()).toContain("3");
  });

  it("shows the cases on the reference page under the organisation's own source, and removes it", async () => {
    await page.getByTestId("import-to-inventory").click();
    await page.getByTestId("page-reference-incidents").waitFor();
    const own = page.locator('[data-testid="reference-source-item"][data-scope="own"]');
    await expect.poll(() => own.textContent()).toContain("観測所インシデント登録簿");
    await expect.poll(() => own.textContent()).toContain("自組織のみ");
    await expect.poll(() => page.locator('[data-testid="reference-source-item"][data-scope="shared"]').count()).toBeGreaterThan(0);
    await page.getByRole("searchbox").fill("与信");
    await expect.poll(() => page.getByTestId("reference-list").textContent()).toContain("与信モデルが特定地域の申込者を不利に扱った");
    // The cell's two deployers, split on the default separator.
    await expect.poll(() => page.getByTestId("reference-list").textContent()).toContain("甲銀行, 乙銀行");
    await shot("reference-sources-ja");
    await expectPeopleWords();
    await own.getByTestId("reference-source-delete").click();
    await page.getByTestId("confirm-dialog").getByRole("button", { name: "削除" }).click();
    await expect.poll(() => own.count()).toBe(0);
  });
});
