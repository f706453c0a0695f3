import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { DEMO_AUTHORITY_USERS } from "../../src/demo/demo.oversight.ts";
import { authorityEmail, demoCredentialsFile } from "../../src/demo/demo.seed.ts";
import { isAuthorityRole, ROLES, type Role } from "../../src/platform/authz.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { startServer, type RunningServer } from "../../src/server.ts";
import { LOCALES, type Locale } from "../../web/src/api/types.ts";
import { SYSTEM_ACTOR, type ChangeContext } from "../../src/audit/audited.ts";
import { answerRequest } from "../../src/dealings/dealings.service.ts";
import { DEMO_AUTHORITY_SLUG } from "../../src/demo/demo.oversight.ts";
import { DEMO_ORG_SLUG } from "../../src/demo/demo.seed.ts";
import { orgFrameworkTemplate } from "../../src/library/org/org-frameworks.xlsx.ts";
import { attachLibraryUpdate, draftAdvisory, sendAdvisory } from "../../src/oversight/advisories.service.ts";
import { draftPublication, noticePublication, publishPublication, submitPublication } from "../../src/oversight/publications.service.ts";
import { sendRequest } from "../../src/oversight/requests.service.ts";
import { addDays, todayInTokyo } from "../../src/platform/time.ts";
import { decideApproval } from "../../src/workflow/approvals.service.ts";
import { fillTemplate } from "../support/org-framework.ts";
import { CHROMIUM, deliverNow, HAVE_CHROMIUM, launchChromium, SHOTS } from "./browser.support.ts";
import { reportByKind, reportByPage } from "./crawl.report.ts";
import { crawlSession, type Account, type ButtonMemory, type Finding, type SessionResult } from "./crawl.session.ts";

/** The roles the demo organisation has: an ordinary organisation's (the oversight roles exist only in an authority). */
const CRAWLED_ROLES = ROLES.filter((role) => !isAuthorityRole(role));
/**
 * The demo authority's people crawled, in both languages: its administrator and its oversight roles, who
 * see the control tower (its auditor reads what the administrator does and writes nothing).
 */
const AUTHORITY_CRAWLED = ["authority-admin", "analyst", "supervisor", "publisher"] as const;
const AUTHORITY_LANGS: readonly Locale[] = ["ja", "en"];

const REQUIRE_BROWSER = process.env.MUSUBI_REQUIRE_BROWSER === "1";
const PASSWORD = "browser-test-password-1";
/** Sessions crawled at once: one browser context each; three keep two cores busy without thrashing. */
const CONCURRENCY = Number(process.env.MUSUBI_CRAWL_CONCURRENCY ?? 3);
/** Only these sessions ("admin/ja,viewer/en", the authority's "analyst/ja,authority-admin/ja"), to rerun part of the crawl while fixing what it found. */
const ONLY = process.env.MUSUBI_CRAWL_ONLY?.split(",").map((s) => s.trim());
/** Where the full report is written (the failure message carries it too). */
const REPORT_FILE = path.join(SHOTS, "..", "crawl-report.txt");

if (!HAVE_CHROMIUM && !REQUIRE_BROWSER) {
  console.warn(`[browser test] skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or MUSUBI_REQUIRE_BROWSER=1 to make this fail)`);
}

/** One crawled account: the company's (`role/lang`) or the authority's (`analyst/ja`, `authority-admin/ja`). */
interface Crawled {
  account: Account;
  /** The session's name in the report and in MUSUBI_CRAWL_ONLY. */
  name: string;
  authority: boolean;
}

/** The demo accounts, one per role of the company and the authority's crawled people, as the server wrote them beside its database. */
function demoAccounts(dataDir: string): Crawled[] {
  const lines = fs.readFileSync(demoCredentialsFile(dataDir), "utf8").split("\n");
  const accounts = lines
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => {
      const [role, email, password] = l.trim().split(/\s+/);
      return { role: role as Role, email: email!, password: password! };
    });
  const authorityEmails = new Set(DEMO_AUTHORITY_USERS.map((u) => authorityEmail(u.local)));
  const company = accounts.filter((a) => !authorityEmails.has(a.email));
  for (const role of CRAWLED_ROLES) if (!company.some((a) => a.role === role)) throw new Error(`no demo account for the role ${role}`);
  const authority = AUTHORITY_CRAWLED.map((local) => {
    const account = accounts.find((a) => a.email === authorityEmail(local));
    if (!account) throw new Error(`no demo authority account ${local}`);
    return { account, name: local, authority: true };
  });
  return [...CRAWLED_ROLES.map((role) => ({ account: company.find((a) => a.role === role)!, name: role, authority: false })), ...authority];
}

/**
 * The authority's guidance work the demo does not seed, so the crawl sees its pages filled in: a
 * request for information answered by the company (one answer confidential), an advisory with a
 * library update sent to every organisation, a publication naming the company given notice, and
 * published statistics — through the services, as the people would through the UI, delivered
 * over the exchange.
 */
async function seedOversightWork(server: RunningServer): Promise<void> {
  const db = server.deps.db;
  const k = db.kysely;
  const org = (slug: string) => k.selectFrom("organizations").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  const authority = (await org(DEMO_AUTHORITY_SLUG)).id;
  const company = (await org(DEMO_ORG_SLUG)).id;
  const person = async (orgId: string, email: string) => {
    const u = await k.selectFrom("users").select("id").where("org_id", "=", orgId).where("email", "=", email).executeTakeFirstOrThrow();
    const who: ChangeContext = { actor: { ...SYSTEM_ACTOR, type: "user", id: u.id, label: email }, orgId };
    return { id: u.id, who, email };
  };
  const supervisor = await person(authority, authorityEmail("supervisor"));
  const analyst = await person(authority, authorityEmail("analyst"));
  const publisher = await person(authority, authorityEmail("publisher"));
  const lead = await person(company, "caio@demo.musubi.example");
  const today = todayInTokyo();

  await sendRequest(db, supervisor.who, {
    titleJa: "生成AIの顧客対応への利用状況",
    titleEn: "Use of generative AI in customer service",
    bodyJa: "顧客対応に生成AIを利用している場合、次の質問に回答してください。",
    bodyEn: "If you use generative AI in customer service, answer the questions below.",
    questions: [
      { ja: "顧客対応に生成AIを利用していますか。", en: "Do you use generative AI in customer service?" },
      { ja: "会話履歴を参照する範囲をどのように限定していますか。", en: "How do you limit the conversation history consulted?" },
    ],
    deadline: addDays(today, 30),
    audience: "all",
  });
  const advisory = await draftAdvisory(db, analyst.who, { titleJa: "チャットボットの参照範囲に関する注意喚起", titleEn: "Advisory on what chatbots may consult", bodyJa: "チャットボットが参照する顧客情報の範囲を、会話の相手に限定してください。", bodyEn: "Limit the customer data a chatbot consults to the person it talks with.", audience: "all" });
  const file = await fillTemplate(new Uint8Array(await orgFrameworkTemplate()).buffer, { id: "org-authority-chatbot" });
  const attached = await attachLibraryUpdate(db, analyst.who, advisory.id, file, "guideline.xlsx", "ja");
  await sendAdvisory(db, supervisor.who, advisory.id, attached.version);
  const registration = await k.selectFrom("exchange_connections").select("id").where("org_id", "=", authority).where("direction", "=", "member").where("counterpart_slug", "=", DEMO_ORG_SLUG).executeTakeFirstOrThrow();
  const named = await draftPublication(db, analyst.who, { subjectType: "statistics", connectionId: registration.id, titleJa: "小売・サービス分野のAIインシデント報告", titleEn: "AI incident reports in retail", bodyJa: "小売・サービス分野の事業者からの報告の件数を公表します。", bodyEn: "The number of reports from retail organisations." });
  await noticePublication(db, supervisor.who, named.id, { version: named.version, responseDays: 14 });
  const stats = await draftPublication(db, analyst.who, { subjectType: "statistics", titleJa: "AIインシデント報告の統計", titleEn: "Statistics of AI incident reports", bodyJa: "当局が受け付けた報告の件数を公表します。", bodyEn: "The number of reports received." });
  const submitted = await submitPublication(db, analyst.who, analyst.id, stats.id, { version: stats.version, approvalPlan: [[supervisor.id]] });
  const actor = { kind: "session" as const, userId: supervisor.id, orgId: authority, role: "supervisor" as const, timeZone: "Asia/Tokyo", orgKind: "authority" as const, label: supervisor.email };
  await decideApproval(db, actor, supervisor.who, submitted.approvalId!, { decision: "approve" }, today);
  const approved = await k.selectFrom("oversight_publications").select("version").where("id", "=", stats.id).executeTakeFirstOrThrow();
  await publishPublication(db, publisher.who, stats.id, approved.version);
  await deliverNow(server);

  const rfi = await k.selectFrom("dealings").select(["id", "version", "body"]).where("org_id", "=", company).where("kind", "=", "rfi").executeTakeFirstOrThrow();
  const questions = (JSON.parse(rfi.body) as { questions: { id: string }[] }).questions;
  await answerRequest(db, lead.who, lead.id, rfi.id, {
    version: rfi.version,
    answers: [
      { questionId: questions[0]!.id, answer: "はい。通販サイトの問い合わせ窓口で利用しています。" },
      { questionId: questions[1]!.id, answer: "顧客IDで検索範囲を限定しています。" },
    ],
    confidential: [{ pointer: "/answers/1/answer", reason: "trade-secret" }],
  });
  await deliverNow(server);
}

/** Runs `jobs` with at most `limit` at a time, in order of the list. */
async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

describe.runIf(!HAVE_CHROMIUM && REQUIRE_BROWSER)("crawl of every page (required)", () => {
  it("has a Chromium to run in", () => {
    expect.fail(`MUSUBI_REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}; install chromium or set CHROMIUM_PATH`);
  });
});

describe.skipIf(!HAVE_CHROMIUM)("crawl of every page, for every role, in both languages", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuilt(() => {});
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-crawl-"));
    server = await startServer(loadConfig({ MUSUBI_DATA_DIR: dataDir }, { port: 0, logLevel: "silent" }), {
      demo: true,
      demoPassword: PASSWORD,
      print: () => {},
    });
    await seedOversightWork(server);
    browser = await launchChromium(["--disable-quic", "--disable-component-update", "--disable-sync"]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("shows people words: no slugs, ids, keys, validator text or stray English; no errors or failed requests", async () => {
    const started = performance.now();
    const findings: Finding[] = [];
    const sessions = demoAccounts(dataDir)
      .flatMap((c) => (c.authority ? AUTHORITY_LANGS : LOCALES).map((lang: Locale) => ({ ...c, lang, label: `${c.name}/${lang}` })))
      .filter(({ label }) => !ONLY || ONLY.includes(label));
    // Findings and results carry the session's own name: the authority's administrator is an
    // `admin` too, and must not read as the company's.
    const crawl = (s: (typeof sessions)[number], known?: ButtonMemory) =>
      crawlSession(browser, server.url, s.account, s.lang, (f) => findings.push({ ...f, where: { ...f.where, session: s.label } }), known).then((r) => ({ ...r, session: s.label }));
    // First each organisation's administrator, who sees every page and button, in each language;
    // then the other roles, each told which buttons opened no dialog for its administrator in its language.
    const isFirst = (s: (typeof sessions)[number]) => s.account.role === "admin";
    const first = sessions.filter(isFirst);
    const results: SessionResult[] = await pool(first.map((s) => () => crawl(s)), CONCURRENCY);
    const memory = new Map(results.map((r, i) => [`${first[i]!.authority}|${first[i]!.lang}`, r.memory]));
    const rest = sessions.filter((s) => !isFirst(s));
    results.push(...(await pool(rest.map((s) => () => crawl(s, memory.get(`${s.authority}|${s.lang}`))), CONCURRENCY)));

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const pages = results.reduce((n, r) => n + r.pages, 0);
    const dialogs = results.reduce((n, r) => n + r.dialogs, 0);
    const states = results.reduce((n, r) => n + r.states, 0);
    const perSession = results.map((r) => `  ${r.session.padEnd(22)} ${r.pages} pages, ${r.dialogs} dialogs, ${r.states} click states, ${r.blockedWrites} writes refused, ${(r.ms / 1000).toFixed(1)} s`);
    const summary = `Crawled ${pages} pages and ${dialogs} dialogs (${states} states after a click) in ${results.length} sessions in ${seconds} s:\n${perSession.join("\n")}`;
    console.log(summary);

    const byKind = reportByKind(findings);
    const byPage = reportByPage(findings, results.length);
    fs.writeFileSync(REPORT_FILE, `${summary}\n\n== By kind ==\n${byKind}\n\n== By page ==\n${byPage}\n`);
    if (findings.length > 0) console.log(`== Findings by kind (full report: ${REPORT_FILE}) ==\n${byKind}`);

    if (!ONLY) expect(pages).toBeGreaterThan(100);
    if (!ONLY) expect(dialogs).toBeGreaterThan(0);
    const distinct = new Set(findings.map((f) => `${f.kind}\u0000${f.detail}`)).size;
    if (findings.length > 0) expect.fail(`${distinct} distinct findings, seen ${findings.length} times, on the pages below (also in ${REPORT_FILE}):\n${byPage}`);
  }, 15 * 60_000);
});
