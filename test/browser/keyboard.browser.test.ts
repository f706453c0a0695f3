import { type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, DEMO_PASSWORD, HAVE_CHROMIUM, openDemoSite, type DemoSite } from "./browser.support.ts";

const REQUIRE_BROWSER = process.env.MUSUBI_REQUIRE_BROWSER === "1";
if (!HAVE_CHROMIUM && !REQUIRE_BROWSER) console.warn(`[browser test] skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or MUSUBI_REQUIRE_BROWSER=1 to make this fail)`);

/** What has the keyboard focus: its test id, else its tag and name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "body";
    return el.dataset.testid ?? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""}`;
  });

/** Presses Tab until the focused element matches `selector` (at most `max` times); false if it never does. */
async function tabTo(page: Page, selector: string, max = 80): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return true;
  }
  return false;
}

/** The focused element is drawn with a visible outline or ring (WCAG 2.4.7). */
const focusVisible = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
  });

/**
 * The main journeys with the keyboard alone, as a person who does not use a mouse would: sign in,
 * skip to the content, open a dialog, move inside it without leaving it, close it and land back
 * where they were — with the focus always visible.
 */
describe.skipIf(!HAVE_CHROMIUM && !REQUIRE_BROWSER)("the keyboard alone", () => {
  let site: DemoSite;
  let page: Page;
  beforeAll(async () => {
    site = await openDemoSite("keyboard");
    const context = await site.browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
  }, 120_000);
  afterAll(() => site?.close());

  it("signs in: Tab to the e-mail address and the password, Enter to send", async () => {
    await page.goto(`${site.server.url}/login`);
    expect(await tabTo(page, 'input[type="email"], input[autocomplete="username"]', 20), "Tab reaches the e-mail field").toBe(true);
    await page.keyboard.type("caio@demo.musubi.example");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe("password");
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByTestId("header-org-name").waitFor();
  });

  it("skips to the content: the first Tab is the skip link, shown; Enter puts the focus on the page's content", async () => {
    await page.goto(`${site.server.url}/risks`);
    await page.getByTestId("create-risk").waitFor();
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("a.skip-link");
    expect(await page.locator(".skip-link").isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("main#main.content");
  });

  it("opens a dialog with Enter, keeps Tab inside it, and Escape returns the focus to the button that opened it", async () => {
    expect(await tabTo(page, '[data-testid="create-risk"]'), "Tab reaches the new-risk button").toBe(true);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press("Enter");
    const dialog = page.getByTestId("risk-dialog");
    await dialog.waitFor();
    const inside = () => dialog.evaluate((d) => d.contains(document.activeElement));
    expect(await inside(), "the focus moves into the dialog").toBe(true);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      expect(await inside(), `after ${i + 1} Tab presses the focus is still in the dialog`).toBe(true);
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Shift+Tab");
      expect(await inside()).toBe(true);
    }
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await focused(page)).toBe("create-risk");
  });

  it("files an incident: Tab to the button, type in the fields it lands on, Tab to the save button, Enter", async () => {
    await page.goto(`${site.server.url}/incidents`);
    await page.getByTestId("create-incident").waitFor();
    expect(await tabTo(page, '[data-testid="create-incident"]'), "Tab reaches the file-an-incident button").toBe(true);
    await page.keyboard.press("Enter");
    await page.getByTestId("incident-dialog").waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid), "the focus starts in the first field").toBe("incident-title");
    await page.keyboard.type("キーボードだけで報告したインシデント");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid)).toBe("incident-summary");
    await page.keyboard.type("マウスを使わずに登録できることの確認。");
    expect(await tabTo(page, '[data-testid="incident-save"]', 120), "Tab reaches the save button").toBe(true);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByTestId("page-incident").waitFor();
    expect(await page.getByTestId("page-incident").textContent()).toContain("キーボードだけで報告したインシデント");
  });

  it("approves a task: as the reviewer, Tab to the comment, type, Tab to approve, Enter", async () => {
    const context = await site.browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1360, height: 900 } });
    const reviewer = await context.newPage();
    await reviewer.goto(`${site.server.url}/login`);
    expect(await tabTo(reviewer, 'input[type="email"], input[autocomplete="username"]', 20)).toBe(true);
    await reviewer.keyboard.type("reviewer@demo.musubi.example");
    await reviewer.keyboard.press("Tab");
    await reviewer.keyboard.type(DEMO_PASSWORD);
    await reviewer.keyboard.press("Enter");
    await reviewer.getByTestId("header-org-name").waitFor();
    await reviewer.goto(`${site.server.url}/my-tasks`);
    const rows = reviewer.getByTestId("my-approval");
    await rows.first().waitFor();
    const before = await rows.count();
    expect(await tabTo(reviewer, '[data-testid="approval-comment"]'), "Tab reaches the approval's comment").toBe(true);
    await reviewer.keyboard.type("キーボードで確認し承認");
    expect(await tabTo(reviewer, '[data-testid="approve"]', 5), "Tab reaches the approve button").toBe(true);
    expect(await focusVisible(reviewer)).toBe(true);
    await reviewer.keyboard.press("Enter");
    await expect.poll(() => rows.count()).toBe(before - 1);
    await context.close();
  });

  it("registers a system and answers an applicability question: Tab, type, Space on the answer, Enter on save", async () => {
    await page.goto(`${site.server.url}/systems/new`);
    await page.getByTestId("page-system-new").waitFor();
    expect(await tabTo(page, '[data-testid="field-nameJa"]'), "Tab reaches the Japanese name").toBe(true);
    await page.keyboard.type("キーボード登録AI");
    expect(await tabTo(page, '[data-testid="field-nameEn"]', 5)).toBe(true);
    await page.keyboard.type("Keyboard-registered AI");
    expect(await tabTo(page, '[data-testid="system-save"]', 150), "Tab reaches the save button").toBe(true);
    await page.keyboard.press("Enter");
    await page.getByTestId("profile-form").waitFor();
    const systemUrl = page.url().replace(/\?.*$/, "");
    expect(await tabTo(page, '[data-testid="question-interactsWithPeople"] input', 200), "Tab reaches the question's answers").toBe(true);
    // A radio group takes one Tab stop; the arrow keys move between its answers and choose.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Space");
    const chosen = await page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      return { label: input.closest("label")?.textContent?.trim(), checked: input.checked };
    });
    expect(chosen).toEqual({ label: "はい", checked: true });
    expect(await tabTo(page, '[data-testid="profile-submit"]', 300), "Tab reaches the save button of the profile").toBe(true);
    await page.keyboard.press("Enter");
    // Saved: the system's stored profile holds the answer.
    const id = new URL(systemUrl).pathname.split("/").pop()!;
    await expect
      .poll(() => page.evaluate(async (id) => ((await (await fetch(`/api/systems/${id}`)).json()) as { profile: Record<string, unknown> }).profile.interactsWithPeople, id), { timeout: 15_000 })
      .toBe(true);
  });

  it("assesses: on a system's assessment, Tab to a row's status and choose another with the arrow keys", async () => {
    const systems = (await page.evaluate(async () => (await (await fetch("/api/systems?q=AIS-HR-01&limit=1")).json()) as { items: { id: string }[] })).items;
    await page.goto(`${site.server.url}/systems/${systems[0]!.id}`);
    expect(await tabTo(page, '[data-testid="tab-assessments"]'), "Tab reaches the assessments tab").toBe(true);
    await page.keyboard.press("Enter");
    const row = page.getByTestId("items-table").locator("tr.item-row").first();
    await row.waitFor();
    const before = await row.getAttribute("data-status");
    expect(await tabTo(page, '[data-testid="item-status"]', 200), "Tab reaches a row's status").toBe(true);
    await page.keyboard.press(before === "met" ? "ArrowUp" : "ArrowDown");
    await expect.poll(() => row.getAttribute("data-status")).not.toBe(before);
  });

  it("gives charts and the risk heat map words a screen reader reads: each chart names its figures, the heat map is a table", async () => {
    await page.goto(`${site.server.url}/dashboard`);
    const charts = page.locator('.chart[role="img"]');
    await charts.first().waitFor();
    const labels = await charts.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label, "a chart's label carries its numbers").toMatch(/\d/);
    await page.goto(`${site.server.url}/risks`);
    const heatmap = page.getByTestId("risk-heatmap");
    await heatmap.waitFor();
    expect(await heatmap.evaluate((t) => t.tagName)).toBe("TABLE");
    expect((await heatmap.locator("caption").textContent())?.trim()).toBeTruthy();
    const cells = await heatmap.locator("button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label") ?? ""));
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell, "each cell says its count in words").toMatch(/\d/);
  });

  it("loses nothing at 200% zoom (1280 px seen at 640): no page scrolls sideways, the navigation is reachable", async () => {
    await page.setViewportSize({ width: 640, height: 800 });
    for (const path of ["/", "/systems", "/risks", "/incidents", "/my-tasks", "/dashboard"]) {
      await page.goto(`${site.server.url}${path}`);
      await page.locator("main h1").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(1);
    }
    // The navigation is still there to reach with Tab after the skip link and the header.
    expect(await tabTo(page, 'nav a[href="/risks"]', 60), "Tab reaches the navigation's links").toBe(true);
    expect(await page.locator('nav a[href="/risks"]').first().isVisible()).toBe(true);
    await page.setViewportSize({ width: 1360, height: 900 });
  });
});
