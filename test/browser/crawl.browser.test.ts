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
import { CHROMIUM, HAVE_CHROMIUM, launchChromium, SHOTS } from "./browser.support.ts";
import { reportByKind, reportByPage } from "./crawl.report.ts";
import { crawlSession, type Account, type ButtonMemory, type Finding, type SessionResult } from "./crawl.session.ts";

/** The roles the demo organisation has: an ordinary organisation's (the oversight roles exist only in an authority). */
const CRAWLED_ROLES = ROLES.filter((role) => !isAuthorityRole(role));
/**
 * The demo authority's people crawled, in Japanese: its administrator and its oversight roles, who
 * see the control tower (its auditor reads what the administrator does and writes nothing).
 */
const AUTHORITY_CRAWLED = ["authority-admin", "analyst", "supervisor", "publisher"] as const;
const AUTHORITY_LANGS: readonly Locale[] = ["ja"];

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
