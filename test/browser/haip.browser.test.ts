import fs from "node:fs";
import path from "node:path";
import { axeViolations } from "./crawl.axe.ts";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORG_SLUG } from "../../src/demo/demo.seed.ts";
import { todayIn } from "../../src/platform/time.ts";
import type { RunningServer } from "../../src/server.ts";
import { fiscalYearOf } from "../../web/src/pages/disclosures/haip-logic.ts";
import { CHROMIUM, HAVE_CHROMIUM, DEMO_PASSWORD, openDemoSite, SHOTS, signIn as signInAs, type DemoSite } from "./browser.support.ts";
import { checkText } from "./crawl.checks.ts";
import { readText } from "./crawl.dom.ts";

const PASSWORD = DEMO_PASSWORD;
const ANSWER_JA = "AIの安全性評価の研究に年間2千万円を投じ、成果を社内研修に反映しています。";
const ANSWER_EN = "We spend JPY 20 million a year on AI safety evaluation research and feed the results into staff training.";

// The shell test already fails loudly when MUSUBI_REQUIRE_BROWSER=1 and Chromium is missing.
if (!HAVE_CHROMIUM) console.warn(`[browser test] HAIP report skipped: no Chromium at ${CHROMIUM}`);

/**
 * The HAIP transparency report through the UI, in Japanese, as its people would do it: the system
 * owner starts this fiscal year's report drafted from the demo's records and writes section 6; a
 * reviewer, then the CAIO approve (稟議) from their task lists; the administrator publishes it;
 * a reader, signed out, finds the answer on the public page; the PDF downloads.
 */
describe.skipIf(!HAVE_CHROMIUM)("the HAIP transparency report in a browser", () => {
  let site: DemoSite;
  let server: RunningServer;
  let browser: Browser;
  // The demo organisation's fiscal year starts in April (its default settings), in Tokyo.
  const year = fiscalYearOf(todayIn("Asia/Tokyo"), 4);
  const reportName = `HAIP 透明性報告書 ${year}年度`;
  let reportUrl = "";

  beforeAll(async () => {
    site = await openDemoSite("haip");
    ({ server, browser } = site);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  async function signIn(user: string): Promise<Page> {
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1400, height: 1000 } });
    // Transpilers that keep function names wrap inner functions in `__name(…)`; readText runs in the page.
    await context.addInitScript({ content: "globalThis.__name ??= (fn) => fn;" });
    const page = await context.newPage();
    await signInAs(page, server.url, user, PASSWORD);
    return page;
  }

  /** The demo people's ids, read through the API as the signed-in page does. */
  async function userIds(page: Page): Promise<(local: string) => string> {
    const users = (await page.evaluate(async () => (await fetch("/api/users?limit=200")).json())) as { items: { id: string; email: string }[] };
    return (local) => users.items.find((u) => u.email === `${local}@demo.musubi.example`)!.id;
  }

  /**
   * What the crawl checks on every page, on the report's page (the demo has no report for the
   * crawl to visit): no internal ids, slugs, keys or English outside what the app marks English.
   */
  async function expectPeopleWords(page: Page): Promise<void> {
    const { segments } = await page.evaluate(readText, "page" as const);
    expect(segments.length).toBeGreaterThan(20);
    expect(checkText(segments, "ja", new URL(page.url()).pathname)).toEqual([]);
  }

  it("starts this year's report drafted from data, writes section 6 and asks a reviewer and the CAIO to approve it", async () => {
    const owner = await signIn("owner");
    await owner.getByRole("link", { name: "開示", exact: true }).first().click();
    await owner.getByTestId("page-disclosures").waitFor();
    await owner.getByTestId("start-report").click();
    const dialog = owner.getByTestId("start-report-dialog");
    await expect.poll(() => dialog.getByTestId("start-report-year").inputValue()).toBe(String(year));
    expect(await dialog.getByTestId("start-report-prefill").isChecked()).toBe(true);
    await dialog.getByLabel("モデル開発者").check();
    await dialog.getByLabel("アプリケーション開発者").check();
    expect(await dialog.getByLabel("導入者（利用者）").isChecked()).toBe(true);
    await dialog.getByTestId("start-report-submit").click();
    await owner.getByTestId("page-haip-report").waitFor({ timeout: 30_000 });
    reportUrl = owner.url();
    expect(await owner.getByRole("heading", { level: 1 }).textContent()).toBe(reportName);
    expect(await owner.getByTestId("questionnaire-notes").textContent()).toContain("Musubi の作成");
    await owner.screenshot({ path: path.join(SHOTS, "haip-report-top-ja.png") });

    // A drafted answer, with the records it rests on, each linked to its page.
    const risks = owner.locator('[data-question="1.1"]');
    await expect.poll(() => risks.getByTestId(`answer-ja-1.1`).inputValue()).toContain("リスク登録簿には");
    expect(await risks.getByTestId("wording-badge").textContent()).toContain("Musubi の文言");
    expect(await risks.getByTestId("answer-source").first().textContent()).toContain("リスク登録簿");
    const incidents = owner.locator('[data-question="4.2"]').getByTestId("answer-sources");
    expect(await incidents.getByRole("link").count()).toBeGreaterThan(0);
    expect(await incidents.getByRole("link").first().getAttribute("href")).toMatch(/^\/incidents\//);

    // Section 6 is written by people.
    const section6 = owner.locator('[data-section="section-6"]');
    expect(await section6.getByTestId("written-by-people").textContent()).toBe("人が記入");
    await section6.getByTestId("answer-ja-6.1").fill(ANSWER_JA);
    await section6.getByTestId("answer-en-6.1").fill(ANSWER_EN);
    await section6.getByTestId("answer-save-6.1").click();
    await section6.getByTestId("answer-saved").waitFor();
    expect(await section6.locator('[data-question="6.1"]').getByTestId("answer-meta").textContent()).toContain("所有者 健");
    await owner.screenshot({ path: path.join(SHOTS, "haip-report-ja.png") });

    // A colleague saves 7.1 while it is being edited here: their text is shown, nothing is overwritten.
    const colleague = "同僚が先に保存した回答です。";
    const saved = await owner.evaluate(
      async ([url, text]) => {
        const session = await (await fetch("/api/auth/session")).json();
        const report = await (await fetch(`/api/disclosures/haip-reports/${url.split("/").pop()}`)).json();
        const a = report.sections.flatMap((s: { answers: { questionId: string; version: number }[] }) => s.answers).find((x: { questionId: string }) => x.questionId === "7.1");
        const res = await fetch(`/api/disclosures/haip-reports/${report.id}/answers/7.1`, { method: "PUT", headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken }, body: JSON.stringify({ version: a.version, ja: text, en: "A colleague's answer." }) });
        return res.status;
      },
      [reportUrl, colleague] as const,
    );
    expect(saved).toBe(200);
    const q71 = owner.locator('[data-question="7.1"]');
    await q71.getByTestId("answer-ja-7.1").fill("私の回答");
    await q71.getByTestId("answer-save-7.1").click();
    await expect.poll(() => q71.getByTestId("answer-conflict").textContent()).toContain(colleague);
    expect(await q71.getByTestId("answer-ja-7.1").inputValue()).toBe("私の回答");
    await q71.getByTestId("answer-take-theirs").click();
    expect(await q71.getByTestId("answer-ja-7.1").inputValue()).toBe(colleague);
    await expectPeopleWords(owner);

    // 稟議: the reviewer first, then the CAIO.
    const id = await userIds(owner);
    await owner.getByTestId("haip-submit").click();
    const submit = owner.getByTestId("haip-submit-dialog");
    await submit.getByTestId("plan-add-approver").first().selectOption(id("reviewer"));
    await submit.getByTestId("plan-add-stage").click();
    await submit.getByTestId("plan-add-approver").nth(1).selectOption(id("caio"));
    await submit.getByTestId("haip-submit-send").click();
    await expect.poll(() => owner.getByTestId("haip-status").textContent()).toBe("承認待ち");
    expect(await owner.getByTestId("approval-step").count()).toBe(2);
    await owner.context().close();
  });

  it("is approved by each approver from their task list, published and read signed out; its PDF downloads", async () => {
    for (const approver of ["reviewer", "caio"]) {
      const page = await signIn(approver);
      await page.getByRole("link", { name: "マイタスク", exact: true }).first().click();
      const row = page.getByTestId("my-approval").filter({ hasText: reportName });
      await row.waitFor();
      expect(await row.getByRole("link", { name: reportName }).getAttribute("href")).toBe(new URL(reportUrl).pathname);
      await row.getByTestId("approve").click();
      await expect.poll(() => page.getByTestId("my-approval").filter({ hasText: reportName }).count()).toBe(0);
      await page.context().close();
    }

    const admin = await signIn("admin");
    await admin.goto(reportUrl);
    await expect.poll(() => admin.getByTestId("haip-status").textContent()).toBe("承認済み");
    await admin.getByTestId("haip-publish").click();
    const confirm = admin.getByTestId("confirm-dialog");
    expect(await confirm.textContent()).toContain("固定");
    await confirm.getByRole("button", { name: "公開する" }).click();
    await expect.poll(() => admin.getByTestId("haip-status").textContent()).toBe("公開済み");
    const publicPath = `/public/${DEMO_ORG_SLUG}/haip/${year}`;
    expect(await admin.getByTestId("haip-publications").getByTestId("public-link").getAttribute("href")).toBe(publicPath);

    await admin.screenshot({ path: path.join(SHOTS, "haip-published-ja.png") });
    await expectPeopleWords(admin);
    await admin.getByTestId("haip-tab-changes").click();
    await admin.getByTestId("haip-diff").waitFor();
    expect(await admin.getByTestId("haip-diff-counts").textContent()).toContain("追加");
    await expectPeopleWords(admin);
    const pdfHref = await admin.getByTestId("haip-download-pdf").getAttribute("href");
    expect(pdfHref).toContain("lang=ja");
    const pdf = await admin.context().request.get(server.url + pdfHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await admin.context().close();

    const reader = await browser.newContext({ locale: "ja-JP" });
    const page = await reader.newPage();
    const response = await page.goto(`${server.url}${publicPath}?lang=ja`);
    expect(response?.status()).toBe(200);
    expect(await page.locator("body").textContent()).toContain(ANSWER_JA);
    await page.screenshot({ path: path.join(SHOTS, "haip-public-ja.png") });
    // A public page: WCAG 2.1 AA by axe-core's rules, in both languages.
    expect((await axeViolations(page, "page")).map((v) => `${v.id}: ${v.help} — ${v.targets.join(" | ")}`)).toEqual([]);
    await page.goto(`${server.url}${publicPath}?lang=en`);
    expect((await axeViolations(page, "page")).map((v) => `${v.id}: ${v.help} — ${v.targets.join(" | ")}`)).toEqual([]);
    await reader.close();
  });
});
