import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AUTHORITY_SLUG } from "../../src/demo/demo.oversight.ts";
import { authorityEmail } from "../../src/demo/demo.seed.ts";
import type { RunningServer } from "../../src/server.ts";
import { fillTemplate } from "../support/org-framework.ts";
import { CHROMIUM, DEMO_PASSWORD, deliverNow, HAVE_CHROMIUM, openDemoSite, SHOTS, signIn as signInAs, type DemoSite } from "./browser.support.ts";
import { checkText } from "./crawl.checks.ts";
import { readText } from "./crawl.dom.ts";

if (!HAVE_CHROMIUM) console.warn(`[browser test] dealings skipped: no Chromium at ${CHROMIUM}`);

const RFI_TITLE = "生成AIの顧客対応への利用状況";
const ADVISORY_TITLE = "チャットボットの参照範囲に関する注意喚起";
const STATS_TITLE = "令和8年 AIインシデント報告の統計";
/** The demo shop's root cause, which it marked confidential (src/demo/demo.oversight.ts). */
const CONFIDENTIAL_ROOT_CAUSE = "会話履歴の参照範囲の設定誤り。";

/**
 * The authority's guidance and the organisation's answers through the UI, in Japanese: the
 * supervisor sends a request for information to every registered organisation; the company's
 * governance lead answers it (one answer confidential) in its register of dealings, and the
 * authority reads the answer with that part marked; the analyst drafts an advisory carrying a
 * library update (a broken file refused first, problem by problem), the supervisor sends it, and
 * the company installs the update; the analyst drafts a publication (a text quoting a confidential
 * part refused), asks the supervisor's approval, the supervisor approves it in "my tasks", the
 * publisher publishes it and the public register shows it; a publication naming the company is
 * given notice, the company responds, and the response is attached; the registrations page warns
 * of a rewritten ledger. Deliveries run between the steps, as the background jobs would.
 */
describe.skipIf(!HAVE_CHROMIUM)("requests for information, advisories and publications in a browser", () => {
  let site: DemoSite;
  let server: RunningServer;
  let browser: Browser;
  let tmp: string;

  beforeAll(async () => {
    site = await openDemoSite("dealings");
    ({ server, browser } = site);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-dealings-files-"));
  }, 120_000);

  afterAll(async () => {
    await site?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function signIn(user: string): Promise<Page> {
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1400, height: 1000 } });
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

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const menu = (page: Page, name: string) => page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name, exact: true }).click();

  it("the supervisor sends a request for information to every registered organisation", async () => {
    const supervisor = await signIn(authorityEmail("supervisor"));
    await menu(supervisor, "情報提供依頼");
    await supervisor.getByTestId("page-oversight-requests").waitFor();
    await supervisor.getByTestId("request-create").click();
    const dialog = supervisor.getByTestId("request-dialog");
    await dialog.getByTestId("request-title-ja").fill(RFI_TITLE);
    await dialog.getByTestId("request-title-en").fill("Use of generative AI in customer service");
    await dialog.getByTestId("request-body-ja").fill("顧客対応に生成AIを利用している場合、次の質問に回答してください。");
    await dialog.getByTestId("request-question-add").click();
    await dialog.getByTestId("request-question-add").click();
    await expect.poll(() => dialog.getByTestId("request-question").count()).toBe(3);
    await dialog.getByTestId("request-question-remove").last().click();
    const questions = dialog.getByTestId("request-question");
    await questions.nth(0).getByTestId("request-question-ja").fill("顧客対応に生成AIを利用していますか。");
    await questions.nth(0).getByTestId("request-question-en").fill("Do you use generative AI in customer service?");
    await questions.nth(1).getByTestId("request-question-ja").fill("利用者の会話履歴を参照する範囲をどのように限定していますか。");
    await questions.nth(1).getByTestId("request-question-en").fill("How do you limit which conversation history is consulted?");
    expect(await dialog.getByTestId("request-audience-all").isChecked()).toBe(true);
    await shot(supervisor, "oversight-request-dialog-ja");
    await dialog.getByTestId("request-send").click();

    // The request's page: the three approved organisations (the clinic still waits for approval), each sent.
    await supervisor.getByTestId("page-oversight-request").waitFor();
    expect(await supervisor.getByRole("heading", { level: 1 }).textContent()).toBe(RFI_TITLE);
    const recipients = supervisor.getByTestId("request-recipient");
    await expect.poll(() => recipients.count()).toBe(3);
    expect(await recipients.filter({ hasText: "デモ株式会社" }).getByTestId("recipient-status").textContent()).toBe("回答待ち");
    expect(await supervisor.getByTestId("request-questions-list").locator("li").count()).toBe(2);
    await shot(supervisor, "oversight-request-ja");
    await expectPeopleWords(supervisor);
    await menu(supervisor, "情報提供依頼");
    await expect.poll(() => supervisor.getByTestId("request-row").count()).toBe(1);
    expect(await supervisor.getByTestId("request-count-sent").textContent()).toBe("3");
    await expectPeopleWords(supervisor);
    await supervisor.context().close();
  });

  it("the company's governance lead answers it, one answer confidential, and the authority reads the answer", async () => {
    expect((await deliverNow(server)).delivered).toBeGreaterThanOrEqual(3);
    const lead = await signIn("caio");
    await menu(lead, "行政対応");
    await lead.getByTestId("page-dealings").waitFor();
    const row = lead.getByTestId("dealing-row").filter({ hasText: RFI_TITLE });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId("dealing-status").textContent()).toBe("要対応");
    expect(await row.textContent()).toContain("情報提供依頼");
    await expectPeopleWords(lead);
    await row.getByTestId("dealing-link").click();
    await lead.getByTestId("page-dealing").waitFor();
    await expect.poll(() => lead.getByTestId("dealing-task-link").count()).toBe(1);
    const questions = lead.getByTestId("rfi-question");
    await expect.poll(() => questions.count()).toBe(2);
    await questions.nth(0).getByTestId("rfi-answer-input").fill("はい。通販サイトの問い合わせ窓口で利用しています。");
    await questions.nth(1).getByTestId("rfi-answer-input").fill("顧客IDで検索範囲を限定し、他の顧客の履歴は参照しない設定にしています。");
    await questions.nth(1).getByTestId("rfi-answer-confidential").selectOption({ label: "営業秘密" });
    await shot(lead, "dealings-rfi-answer-ja");
    await expectPeopleWords(lead);
    await lead.getByTestId("rfi-answer-send").click();
    await lead.getByTestId("dealing-notice").waitFor();
    expect(await lead.getByTestId("dealing-status").textContent()).toBe("回答済み");
    expect(await lead.getByTestId("dealing-answer-status").textContent()).toBe("送信中");

    // Delivered: the authority's receipt comes back with it.
    expect((await deliverNow(server)).delivered).toBeGreaterThanOrEqual(1);
    await lead.reload();
    await lead.getByTestId("page-dealing").waitFor();
    await expect.poll(() => lead.getByTestId("dealing-answer-status").textContent()).toBe("送達済み");
    await lead.getByTestId("dealing-receipt").locator("summary").click();
    expect(await lead.getByTestId("dealing-receipt").locator("pre").textContent()).toMatch(/^\s*eyJ[\w-]+\.[\w-]+\.[\w-]+\s*$/);
    await shot(lead, "dealings-rfi-answered-ja");
    await expectPeopleWords(lead);
    await lead.context().close();

    // The authority: the company answered; its answer, with the confidential one marked.
    const supervisor = await signIn(authorityEmail("supervisor"));
    await menu(supervisor, "情報提供依頼");
    await supervisor.getByTestId("request-link").first().click();
    const company = supervisor.getByTestId("request-recipient").filter({ hasText: "デモ株式会社" });
    await expect.poll(() => company.getByTestId("recipient-status").textContent()).toBe("回答済み");
    expect(await company.getByTestId("recipient-delivery").textContent()).toBe("送達済み");
    await company.getByTestId("recipient-answer-link").click();
    await supervisor.getByTestId("page-oversight-submission").waitFor();
    expect(await supervisor.getByRole("heading", { level: 1 }).textContent()).toMatch(/^情報提供依頼RFI-\d{6}への回答$/);
    const answers = supervisor.getByTestId("submission-document").locator("dd");
    await expect.poll(() => answers.count()).toBe(2);
    expect(await answers.nth(0).getAttribute("data-confidential")).toBeNull();
    expect(await answers.nth(0).textContent()).toContain("顧客対応に生成AIを利用していますか。");
    expect(await answers.nth(1).getAttribute("data-confidential")).toBe("true");
    expect(await answers.nth(1).textContent()).toContain("顧客IDで検索範囲を限定");
    expect(await supervisor.getByTestId("submission-confidential-part").textContent()).toContain("質問2への回答");
    await shot(supervisor, "oversight-rfi-answer-ja");
    await expectPeopleWords(supervisor);
    await supervisor.context().close();
  });

  it("the analyst drafts an advisory with a library update, the supervisor sends it, and the company installs the update", async () => {
    const analyst = await signIn(authorityEmail("analyst"));
    await menu(analyst, "注意喚起・指導");
    await analyst.getByTestId("page-oversight-advisories").waitFor();
    await analyst.getByTestId("advisory-create").click();
    const dialog = analyst.getByTestId("advisory-dialog");
    await dialog.getByTestId("advisory-title-ja").fill(ADVISORY_TITLE);
    await dialog.getByTestId("advisory-title-en").fill("Advisory on what chatbots may consult");
    await dialog.getByTestId("advisory-body-ja").fill("チャットボットが参照する顧客情報の範囲を、会話の相手に限定してください。添付の指針を導入してください。");
    await dialog.getByTestId("advisory-body-en").fill("Limit the customer data a chatbot consults to the person it talks with. Install the attached guideline.");
    await dialog.getByTestId("advisory-audience-sector").check();
    await dialog.getByTestId("advisory-audience-sector-select").selectOption({ label: "小売・サービス" });
    await dialog.getByTestId("advisory-save").click();
    await analyst.getByTestId("page-oversight-advisory").waitFor();
    expect(await analyst.getByTestId("advisory-status-badge").textContent()).toBe("起案中");
    expect(await analyst.getByTestId("advisory-send").count()).toBe(0);

    // A broken framework file is refused, each problem listed; the filled template is attached.
    const broken = path.join(tmp, "broken.json");
    fs.writeFileSync(broken, JSON.stringify({ format: "musubi-framework/1" }));
    await analyst.getByTestId("advisory-library-file").setInputFiles(broken);
    await analyst.getByTestId("advisory-library-attach").click();
    await analyst.getByTestId("advisory-library-error").waitFor();
    expect(await analyst.getByTestId("advisory-library-problems").locator("li").count()).toBeGreaterThan(0);
    const template = await analyst.request.get(`${server.url}/api/library/own/template.xlsx`);
    expect(template.status()).toBe(200);
    const filled = path.join(tmp, "guideline.xlsx");
    fs.writeFileSync(filled, await fillTemplate(new Uint8Array(await template.body()).buffer, { id: "org-authority-chatbot" }));
    await analyst.getByTestId("advisory-library-file").setInputFiles(filled);
    await analyst.getByTestId("advisory-library-attach").click();
    await analyst.getByTestId("advisory-library-attached").waitFor();
    expect(await analyst.getByTestId("advisory-library-name").textContent()).toBe("生成AI利用規程");
    expect(await analyst.getByTestId("advisory-library-requirements").textContent()).toBe("1件");
    await shot(analyst, "oversight-advisory-ja");
    await expectPeopleWords(analyst);
    await analyst.context().close();

    const supervisor = await signIn(authorityEmail("supervisor"));
    await menu(supervisor, "注意喚起・指導");
    await supervisor.getByTestId("advisory-row").filter({ hasText: ADVISORY_TITLE }).getByTestId("advisory-link").click();
    await supervisor.getByTestId("advisory-send").click();
    await supervisor.getByTestId("confirm-dialog").getByRole("button", { name: "送付" }).click();
    await supervisor.getByTestId("advisory-notice").waitFor();
    expect(await supervisor.getByTestId("advisory-status-badge").textContent()).toBe("送付済み");
    // The company and the shop are the retail organisations.
    expect(await supervisor.getByTestId("advisory-recipients").textContent()).toBe("送付先2件");
    await expectPeopleWords(supervisor);
    await supervisor.context().close();

    expect((await deliverNow(server)).delivered).toBeGreaterThanOrEqual(2);
    const lead = await signIn("caio");
    await menu(lead, "行政対応");
    const row = lead.getByTestId("dealing-row").filter({ hasText: ADVISORY_TITLE });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId("dealing-link").click();
    await lead.getByTestId("page-dealing").waitFor();
    expect(await lead.getByTestId("dealing-advisory").textContent()).toContain("会話の相手に限定");
    const preview = lead.getByTestId("library-update-preview");
    await preview.waitFor();
    expect(await preview.getByTestId("library-update-name").textContent()).toBe("生成AI利用規程");
    expect(await preview.getByTestId("library-update-installed-versions").textContent()).toBe("なし");
    expect(await preview.getByTestId("library-update-added").locator("li").count()).toBeGreaterThan(0);
    // The demo's generative systems gain the guideline's requirement.
    const affected = preview.getByTestId("library-update-system");
    await expect.poll(() => affected.count()).toBeGreaterThan(0);
    expect(await affected.first().getByTestId("library-update-after").textContent()).toBe("0件 → 1件");
    await shot(lead, "dealings-advisory-ja");
    await expectPeopleWords(lead);
    await preview.getByTestId("library-update-install").click();
    await lead.getByTestId("confirm-dialog").getByRole("button", { name: "導入" }).click();
    await lead.getByTestId("dealing-notice").waitFor();
    expect(await lead.getByTestId("dealing-notice").textContent()).toContain("見直しのタスクを作成しました");
    await expect.poll(() => lead.getByTestId("dealing-status").textContent()).toBe("導入済み");
    await lead.getByTestId("library-update-installed").waitFor();
    await expectPeopleWords(lead);
    await lead.context().close();
  });

  it("the analyst drafts a publication of statistics and asks for approval; the supervisor approves it in my tasks; the publisher publishes it", async () => {
    const analyst = await signIn(authorityEmail("analyst"));
    await menu(analyst, "公表");
    await analyst.getByTestId("page-oversight-publications").waitFor();
    expect(await analyst.getByTestId("public-register-link").getAttribute("href")).toBe(`/register/${DEMO_AUTHORITY_SLUG}`);
    await analyst.getByTestId("publication-create").click();
    const dialog = analyst.getByTestId("publication-dialog");
    // A text quoting what a sender marked confidential is refused at the field it is in.
    await dialog.getByTestId("publication-kind").selectOption({ label: "事案" });
    await dialog.getByTestId("publication-case").selectOption({ index: 1 });
    await dialog.getByTestId("publication-title-ja").fill("チャットボットによる他の顧客情報の表示");
    await dialog.getByTestId("publication-title-en").fill("Chatbots showing other customers' data");
    await dialog.getByTestId("publication-body-ja").fill(`原因は${CONFIDENTIAL_ROOT_CAUSE}`);
    await dialog.getByTestId("publication-body-en").fill("A misconfiguration.");
    await dialog.getByTestId("publication-save").click();
    await expect.poll(() => dialog.getByTestId("field-error").textContent()).toContain("秘匿指定した箇所を引用");
    await shot(analyst, "oversight-publication-confidential-ja");

    await dialog.getByTestId("publication-kind").selectOption({ label: "統計" });
    await dialog.getByTestId("publication-title-ja").fill(STATS_TITLE);
    await dialog.getByTestId("publication-title-en").fill("Statistics of AI incident reports, 2026");
    await dialog.getByTestId("publication-body-ja").fill("当局が受け付けたAIインシデント報告の件数を、業種・分野及び被害の種類別に公表します。");
    await dialog.getByTestId("publication-body-en").fill("The number of AI incident reports received, by sector and harm type.");
    await dialog.getByTestId("publication-save").click();
    await analyst.getByTestId("page-oversight-publication").waitFor();
    const steps = analyst.getByTestId("publication-steps");
    expect(await steps.getAttribute("data-status")).toBe("draft");
    expect(await steps.locator("[data-state=skipped]").textContent()).toContain("事前通知");
    await analyst.getByTestId("publication-submit-open").click();
    const submit = analyst.getByTestId("publication-submit-dialog");
    await submit.getByRole("checkbox", { name: "監督 正 (Supervisor)" }).check();
    // The analyst cannot approve, and is not offered.
    expect(await submit.getByRole("checkbox", { name: "分析 明 (Analyst)" }).count()).toBe(0);
    await submit.getByTestId("publication-submit-submit").click();
    await expect.poll(() => steps.getAttribute("data-status")).toBe("in_review");
    expect(await analyst.getByTestId("publication-notice").textContent()).toContain("決裁を申請しました");
    await analyst.getByTestId("publication-approval").waitFor();
    await shot(analyst, "oversight-publication-in-review-ja");
    await expectPeopleWords(analyst);
    await analyst.context().close();

    // The supervisor approves it from "my tasks", then opens it from there.
    const supervisor = await signIn(authorityEmail("supervisor"));
    await menu(supervisor, "マイタスク");
    const approval = supervisor.getByTestId("my-approval").filter({ hasText: STATS_TITLE });
    await expect.poll(() => approval.count()).toBe(1);
    expect(await approval.getByRole("link").getAttribute("href")).toMatch(/^\/oversight\/publications\/opb_/);
    await expectPeopleWords(supervisor);
    await approval.getByTestId("approve").click();
    await expect.poll(() => supervisor.getByTestId("my-approval").filter({ hasText: STATS_TITLE }).count()).toBe(0);
    await supervisor.context().close();

    const publisher = await signIn(authorityEmail("publisher"));
    await menu(publisher, "公表");
    const row = publisher.getByTestId("publication-row").filter({ hasText: STATS_TITLE });
    await expect.poll(() => row.getAttribute("data-status")).toBe("approved");
    await row.getByTestId("publication-link").click();
    await publisher.getByTestId("page-oversight-publication").waitFor();
    await publisher.getByTestId("publication-publish-open").click();
    await publisher.getByTestId("publication-publish-submit").click();
    await expect.poll(() => publisher.getByTestId("publication-steps").getAttribute("data-status")).toBe("published");
    const link = publisher.getByTestId("publication-public-link");
    const href = await link.getAttribute("href");
    expect(href).toMatch(new RegExp(`^/register/${DEMO_AUTHORITY_SLUG}/PUB-\\d{6}$`));
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await publisher.getByTestId("publication-withdraw-open").count()).toBe(1);
    await shot(publisher, "oversight-publication-published-ja");
    await expectPeopleWords(publisher);

    // The public register, signed out: the statistics are listed and shown with their table.
    const visitor = await browser.newContext({ locale: "ja-JP" });
    const register = await visitor.newPage();
    await register.goto(`${server.url}/register/${DEMO_AUTHORITY_SLUG}?lang=ja`);
    expect(await register.getByRole("link", { name: STATS_TITLE }).count()).toBe(1);
    await register.goto(`${server.url}${href}?lang=ja`);
    expect(await register.getByRole("heading", { level: 1 }).textContent()).toBe(STATS_TITLE);
    expect(await register.locator("table").count()).toBe(1);
    await register.screenshot({ path: path.join(SHOTS, "public-register-publication-ja.png"), fullPage: true });
    await visitor.close();
    await publisher.context().close();
  });

  it("a publication naming the company: the supervisor gives notice, the company responds, and the response is attached", async () => {
    const title = "チャットボットによる顧客情報の誤表示（デモ株式会社）";
    const analyst = await signIn(authorityEmail("analyst"));
    await menu(analyst, "公表");
    await analyst.getByTestId("publication-create").click();
    const dialog = analyst.getByTestId("publication-dialog");
    await dialog.getByTestId("publication-organisation").selectOption({ label: "デモ株式会社" });
    await dialog.getByTestId("publication-title-ja").fill(title);
    await dialog.getByTestId("publication-title-en").fill("Chatbot showing other customers' data (Demo Corporation)");
    await dialog.getByTestId("publication-body-ja").fill("デモ株式会社のチャットボットが、別の顧客の情報を回答した事案について公表します。");
    await dialog.getByTestId("publication-body-en").fill("A chatbot of Demo Corporation answered with another customer's data.");
    await dialog.getByTestId("publication-save").click();
    await analyst.getByTestId("page-oversight-publication").waitFor();
    // Notice comes first, and it is the supervisor's: the analyst is told so.
    expect(await analyst.getByTestId("publication-submit-open").count()).toBe(0);
    await analyst.getByTestId("publication-no-action").waitFor();
    const url = analyst.url();
    await analyst.context().close();

    const supervisor = await signIn(authorityEmail("supervisor"));
    await supervisor.goto(url);
    await supervisor.getByTestId("publication-notice-open").click();
    await supervisor.getByTestId("publication-response-days").fill("21");
    await supervisor.getByTestId("publication-notice-submit").click();
    await expect.poll(() => supervisor.getByTestId("publication-steps").getAttribute("data-status")).toBe("noticed");
    // Approval waits for the response or the end of the period.
    expect(await supervisor.getByTestId("publication-submit-open").isDisabled()).toBe(true);
    expect(await supervisor.getByTestId("publication-waiting").textContent()).toContain("まで見解を提出できます");
    await expectPeopleWords(supervisor);
    await supervisor.context().close();

    expect((await deliverNow(server)).delivered).toBeGreaterThanOrEqual(1);
    const lead = await signIn("caio");
    await menu(lead, "行政対応");
    const row = lead.getByTestId("dealing-row").filter({ hasText: title });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain("公表予定の通知");
    await row.getByTestId("dealing-link").click();
    await lead.getByTestId("page-dealing").waitFor();
    expect(await lead.getByTestId("dealing-publication-text").textContent()).toContain("別の顧客の情報を回答した事案");
    await lead.getByTestId("notice-response-text").fill("当社は既に参照範囲を顧客本人に限定する改修を完了しています。");
    await shot(lead, "dealings-publication-notice-ja");
    await expectPeopleWords(lead);
    await lead.getByTestId("notice-response-send").click();
    await lead.getByTestId("dealing-notice").waitFor();
    expect(await lead.getByTestId("dealing-status").textContent()).toBe("見解提出済み");
    expect(await lead.getByTestId("notice-response-form").count()).toBe(0);
    await lead.context().close();

    expect((await deliverNow(server)).delivered).toBeGreaterThanOrEqual(1);
    const back = await signIn(authorityEmail("analyst"));
    await back.goto(url);
    await expect.poll(() => back.getByTestId("publication-response").textContent()).toContain("改修を完了しています");
    // The response came: approval can be asked before the period ends.
    expect(await back.getByTestId("publication-submit-open").isDisabled()).toBe(false);
    await shot(back, "oversight-publication-response-ja");
    await expectPeopleWords(back);
    await back.context().close();
  });

  it("the registrations page lists the ledger checkpoints witnessed for an organisation and warns of a rewritten ledger", async () => {
    // What the exchange stores when the company's checkpoints arrive (src/oversight/witness.ts):
    // two in order, then another record for number 2 — the company's ledger was rewritten.
    const k = server.deps.db.kysely;
    const authority = await k.selectFrom("organizations").select("id").where("slug", "=", DEMO_AUTHORITY_SLUG).executeTakeFirstOrThrow();
    const registration = await k.selectFrom("exchange_connections").select("id").where("org_id", "=", authority.id).where("direction", "=", "member").where("counterpart_slug", "=", "demo").executeTakeFirstOrThrow();
    const row = (seq: number, hash: string, conflict: string | null) => ({ org_id: authority.id, connection_id: registration.id, seq, hash: hash.repeat(64), signed_at: `2026-11-0${seq}T00:00:00.000Z`, document: "{}", received_at: `2026-11-0${seq}T00:00:05.000Z`, conflict });
    await k.insertInto("oversight_checkpoints").values([row(1, "a", null), row(2, "b", null), row(2, "c", "rewritten")]).execute();

    const supervisor = await signIn(authorityEmail("supervisor"));
    await menu(supervisor, "登録事業者");
    const ledger = supervisor.getByTestId("registration-ledger");
    const company = supervisor.getByTestId("registration-row").filter({ hasText: "デモ株式会社" });
    await company.getByTestId("registration-ledger-toggle").click();
    await expect.poll(() => ledger.getByTestId("checkpoint").count()).toBe(3);
    expect(await ledger.getByTestId("checkpoint-conflict-warning").textContent()).toContain("書き換えられたか、巻き戻された疑い");
    expect(await ledger.locator("[data-testid=checkpoint][data-conflict=rewritten]").textContent()).toContain("書換えの疑い");
    await shot(supervisor, "oversight-registrations-checkpoints-ja");
    await expectPeopleWords(supervisor);
    await company.getByTestId("registration-ledger-toggle").click();
    await expect.poll(() => ledger.count()).toBe(0);
    // Another organisation's ledger, never contradicted: no checkpoint yet, and no warning.
    const bank = supervisor.getByTestId("registration-row").filter({ hasText: "デモ銀行（架空）" });
    await bank.getByTestId("registration-ledger-toggle").click();
    await ledger.getByTestId("checkpoints-none").waitFor();
    expect(await ledger.getByTestId("checkpoint-conflict-warning").count()).toBe(0);
    await supervisor.context().close();
  });
});
