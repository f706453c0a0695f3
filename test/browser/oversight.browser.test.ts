import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorityEmail } from "../../src/demo/demo.seed.ts";
import type { RunningServer } from "../../src/server.ts";
import { CHROMIUM, HAVE_CHROMIUM, DEMO_PASSWORD, openDemoSite, SHOTS, signIn as signInAs, type DemoSite } from "./browser.support.ts";
import { checkText } from "./crawl.checks.ts";
import { readText } from "./crawl.dom.ts";

// The shell test already fails loudly when MUSUBI_REQUIRE_BROWSER=1 and Chromium is missing.
if (!HAVE_CHROMIUM) console.warn(`[browser test] oversight skipped: no Chromium at ${CHROMIUM}`);

/** The demo bank's report, which the demo leaves untriaged in the authority's queue. */
const BANK_REPORT = "与信審査AIが特定地域の申込者を一律に低く評価";
const NOTE = "与信審査の地域偏りについて、他の金融機関にも照会する。";

/**
 * The control tower through the UI, in Japanese, as the demo authority's people would use it: the
 * analyst opens the queue, opens the bank's report, triages it into the demo case, reads the case's
 * timeline and adds a note, reads the trends as a chart and as a table and drills down from both;
 * the supervisor approves the clinic's pending registration; the demo company's administrator sees
 * its delivered report with the authority's receipt, and sends another with a confidential part.
 */
describe.skipIf(!HAVE_CHROMIUM)("the control tower and the dealings with authorities in a browser", () => {
  let site: DemoSite;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    site = await openDemoSite("oversight");
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
    await signInAs(page, server.url, user, DEMO_PASSWORD);
    return page;
  }

  /** What the crawl checks on every page: no internal ids, slugs, keys or English outside what the app marks English. */
  async function expectPeopleWords(page: Page): Promise<void> {
    const { segments } = await page.evaluate(readText, "page" as const);
    expect(segments.length).toBeGreaterThan(10);
    expect(checkText(segments, "ja", new URL(page.url()).pathname)).toEqual([]);
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  it("the analyst triages the bank's report into the case, reads its timeline, and drills down from the trends", async () => {
    const analyst = await signIn(authorityEmail("analyst"));
    await analyst.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "受付キュー", exact: true }).click();
    await analyst.getByTestId("page-oversight-intake").waitFor();
    await expect.poll(() => analyst.getByTestId("intake-row").count()).toBe(3);
    const bank = analyst.getByTestId("intake-row").filter({ hasText: BANK_REPORT });
    expect(await bank.getAttribute("data-status")).toBe("new");
    expect(await bank.textContent()).toContain("デモ銀行（架空）");
    expect(await bank.textContent()).toContain("金融");
    expect(await bank.getByTestId("flag-reference").textContent()).toContain("最も近い公開事例");
    // The other two carry a part their senders marked confidential.
    expect(await analyst.getByTestId("flag-confidential").count()).toBe(2);
    await shot(analyst, "oversight-queue-ja");
    await expectPeopleWords(analyst);

    // The submission: its document, the confidential parts (none for the bank), the proof folded.
    await bank.getByTestId("intake-link").click();
    await analyst.getByTestId("page-oversight-submission").waitFor();
    expect(await analyst.getByRole("heading", { level: 1 }).textContent()).toBe(BANK_REPORT);
    expect(await analyst.getByTestId("submission-document").textContent()).toContain("差別の禁止・平等");
    await analyst.getByTestId("submission-confidential-none").waitFor();
    expect(await analyst.getByTestId("submission-sha256").textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await analyst.getByTestId("submission-message").getAttribute("open")).toBeNull();

    // Triage: severity high, assigned to the analyst, grouped into the demo case.
    const form = analyst.getByTestId("triage-form");
    await expect.poll(() => form.getByTestId("triage-case").locator("option").count()).toBeGreaterThan(1);
    await expect.poll(() => form.getByTestId("triage-assignee").locator("option").count()).toBeGreaterThan(1);
    await form.getByTestId("triage-status").selectOption({ label: "選別済み" });
    await form.getByTestId("triage-severity").selectOption({ label: "高" });
    await form.getByTestId("triage-assignee").selectOption({ label: "分析 明 (Analyst)" });
    await form.getByTestId("triage-case").selectOption({ index: 1 });
    await form.getByTestId("triage-save").click();
    await form.getByTestId("triage-saved").waitFor();
    expect(await analyst.getByTestId("submission-status").textContent()).toBe("選別済み");
    expect(await analyst.getByTestId("submission-assignee").textContent()).toBe("分析 明 (Analyst)");
    await shot(analyst, "oversight-submission-ja");
    await expectPeopleWords(analyst);

    // The case: oldest first, the bank's report now in it, and a note added at the end.
    await analyst.getByTestId("submission-case-link").click();
    await analyst.getByTestId("page-oversight-case").waitFor();
    const entries = analyst.getByTestId("case-timeline-entry");
    await expect.poll(() => entries.count()).toBe(8);
    expect(await entries.first().getAttribute("data-kind")).toBe("occurred");
    expect(await analyst.getByTestId("case-timeline").textContent()).toContain(BANK_REPORT);
    expect(await analyst.getByTestId("case-organisation").count()).toBe(3);
    await analyst.getByTestId("case-entry-body").fill(NOTE);
    await analyst.getByTestId("case-entry-add").click();
    await expect.poll(() => entries.count()).toBe(9);
    expect(await entries.last().getAttribute("data-kind")).toBe("note");
    expect(await entries.last().textContent()).toContain(NOTE);
    await shot(analyst, "oversight-case-ja");
    await expectPeopleWords(analyst);

    // Trends by sector: a chart, and the same numbers as a table whose rows open the queue.
    await analyst.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "傾向分析", exact: true }).click();
    await analyst.getByTestId("page-oversight-trends").waitFor();
    const chart = analyst.getByTestId("trends-bar-chart");
    await expect.poll(() => chart.getAttribute("data-ready")).toBe("true");
    expect(await chart.getAttribute("aria-label")).toContain("小売・サービス2件");
    const rows = analyst.getByTestId("trends-row");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toMatch(/^小売・サービス2/);
    expect(await analyst.getByTestId("open-data-note").textContent()).toContain("3件未満");
    expect(await analyst.getByTestId("open-data-csv").getAttribute("href")).toMatch(/^\/api\/oversight\/open-data\?format=csv&from=\d{4}-\d{2}&to=\d{4}-\d{2}$/);
    await shot(analyst, "oversight-trends-ja");
    await expectPeopleWords(analyst);

    // A bar of the chart: the largest (retail) is drawn on top, over the whole width of its axis.
    const box = (await chart.boundingBox())!;
    await analyst.mouse.click(box.x + box.width * 0.6, box.y + 30);
    await analyst.getByTestId("page-oversight-intake").waitFor();
    expect(new URL(analyst.url()).search).toBe("?dimension=sector&value=retail");
    await expect.poll(() => analyst.getByTestId("intake-row").count()).toBe(2);
    expect(await analyst.getByTestId("intake-drill-text").textContent()).toBe("業種・分野「小売・サービス」として集計された報告を表示しています。");

    // The table's link to the other sector.
    await analyst.goBack();
    await analyst.getByTestId("page-oversight-trends").waitFor();
    await analyst.getByTestId("trends-drill").filter({ hasText: "金融" }).click();
    await analyst.getByTestId("page-oversight-intake").waitFor();
    await expect.poll(() => analyst.getByTestId("intake-row").count()).toBe(1);
    expect(await analyst.getByTestId("intake-row").textContent()).toContain(BANK_REPORT);
    await analyst.getByTestId("intake-drill-clear").click();
    await expect.poll(() => analyst.getByTestId("intake-row").count()).toBe(3);
    await analyst.context().close();
  });

  it("the supervisor approves the clinic's pending registration", async () => {
    const supervisor = await signIn(authorityEmail("supervisor"));
    await supervisor.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "登録事業者", exact: true }).click();
    await supervisor.getByTestId("page-oversight-registrations").waitFor();
    const clinic = supervisor.getByTestId("registration-row").filter({ hasText: "デモ診療所（架空）" });
    expect(await clinic.getByTestId("registration-status").textContent()).toBe("承認待ち");
    expect(await clinic.textContent()).toContain("医療・ヘルスケア");
    await clinic.getByTestId("registration-approve").click();
    const dialog = supervisor.getByTestId("decision-dialog");
    expect(await dialog.getByTestId("key-ids").textContent()).toMatch(/[A-Za-z0-9_-]{43}/);
    await dialog.getByTestId("decision-note").fill("鍵IDを電話で照合済み。");
    await dialog.getByTestId("decision-submit").click();
    await expect.poll(() => clinic.getByTestId("registration-status").textContent()).toBe("承認済み");
    expect(await supervisor.getByTestId("registrations-notice").textContent()).toContain("デモ診療所（架空）を登録しました");
    expect(await clinic.getByTestId("registration-approve").count()).toBe(0);
    await shot(supervisor, "oversight-registrations-ja");
    await expectPeopleWords(supervisor);
    await supervisor.context().close();
  });

  it("the company's administrator sees the delivered report with its receipt, and sends another with a confidential part", async () => {
    const admin = await signIn("admin");
    await admin.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "行政対応", exact: true }).click();
    await admin.getByTestId("page-dealings").waitFor();
    const authority = admin.getByTestId("connection-row");
    await expect.poll(() => authority.count()).toBe(1);
    expect(await authority.getByTestId("connection-status").textContent()).toBe("承認済み");
    const report = admin.getByTestId("dealings-submission").filter({ hasText: "インシデント報告" });
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.getByTestId("dealings-submission-status").textContent()).toBe("送達済み");
    expect(await report.getByTestId("dealings-confidential").textContent()).toBe("秘匿指定：根本原因");
    await report.getByTestId("dealings-receipt").locator("summary").click();
    expect(await report.getByTestId("dealings-receipt").locator("pre").textContent()).toMatch(/^\s*eyJ[\w-]+\.[\w-]+\.[\w-]+\s*$/);
    await shot(admin, "dealings-ja");
    await expectPeopleWords(admin);

    // The incident page's "send to an authority": the root cause as a trade secret, the affected parties as personal data.
    await admin.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "インシデント", exact: true }).click();
    await admin.getByTestId("incident-row").filter({ hasText: "INC-000001" }).getByRole("link").first().click();
    await admin.getByTestId("page-incident").waitFor();
    await admin.getByTestId("incident-send-authority").click();
    const dialog = admin.getByTestId("send-authority-dialog");
    await dialog.getByRole("checkbox", { name: "根本原因" }).check();
    await dialog.getByRole("checkbox", { name: "影響を受けた者" }).check();
    await dialog.getByRole("combobox", { name: "「影響を受けた者」を秘匿指定する理由" }).selectOption({ label: "個人情報" });
    await shot(admin, "incident-send-authority-ja");
    await dialog.getByTestId("send-authority-submit").click();
    await admin.getByTestId("incident-notice").waitFor();
    expect(await admin.getByTestId("incident-notice").textContent()).toContain("デモ監督当局（架空）");

    // Background jobs are off in this test: the new submission waits in the outbox, "being delivered".
    await admin.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "行政対応", exact: true }).click();
    const reports = admin.getByTestId("dealings-submission").filter({ hasText: "インシデント報告" });
    await expect.poll(() => reports.count()).toBe(2);
    expect(await reports.first().getByTestId("dealings-submission-status").textContent()).toBe("送信中");
    expect(await reports.first().getByTestId("dealings-confidential").textContent()).toBe("秘匿指定：根本原因、影響を受けた者");
    await admin.context().close();
  });
});
