import type { Browser, Page } from "playwright-core";
import type { Role } from "../../src/platform/authz.ts";
import type { Locale } from "../../web/src/api/types.ts";
import type { MessageKey } from "../../web/src/i18n/en.ts";
import { NATIVE_LANGUAGE_NAMES } from "../../web/src/i18n/languages.ts";
import { DICTIONARIES, translate } from "../../web/src/i18n/translate.ts";
import { EXPECTED_FAILURES, READ_ONLY_WRITES } from "./crawl.allow.ts";
import { axeViolations, firstTime } from "./crawl.axe.ts";
import { checkText, type FindingKind, type TextFinding } from "./crawl.checks.ts";
import { appLinks, clickTagged, installProbe, isSettled, openDialogName, pushPath, readText, snapshot, tagButtons, tagTabs } from "./crawl.dom.ts";
import { linkPolicy, PAGER_PAGES, pageKind, routeOf, SAME_NAME_CLICKS, type LinkPolicy } from "./crawl.plan.ts";

export interface Account {
  role: Role;
  email: string;
  password: string;
}

/** Where a finding was seen: the session (role/language), the page, and the dialog or click state. */
export interface Where {
  session: string;
  url: string;
  title: string;
  tab?: string | undefined;
  dialog?: string | undefined;
  state?: string | undefined;
}

export interface Finding extends TextFinding {
  where: Where;
}

/**
 * What pressing the buttons of each kind of page did, learnt by one session and handed to the
 * sessions of the same language that follow: a button that opened no dialog for the administrator
 * is not pressed again by every other role (dialogs are, each role sees its own).
 */
export interface ButtonMemory {
  /** Page kind and button name → what pressing it did. */
  outcomes: Map<string, Outcome>;
  /** Page kind and group of alike buttons → how many opened a dialog and how many did not. */
  groups: Map<string, { dialogs: number; others: number }>;
}

export interface SessionResult {
  session: string;
  pages: number;
  dialogs: number;
  /** What a click showed without opening a dialog or leaving the page (expanders, pagers, filters). */
  states: number;
  /** Writes refused while clicking (the crawl never changes data). */
  blockedWrites: number;
  ms: number;
  /** What this session learnt about the buttons, for the sessions that follow it. */
  memory: ButtonMemory;
}

const SETTLE_TIMEOUT = 15_000;
const LOADING_TEXTS = [...new Set((["common.loading", "app.loading", "applicability.evaluating"] as const).flatMap((k) => [DICTIONARIES.ja[k], DICTIONARIES.en[k]]))];
const ALLOWED_WRITES: [string, string][] = [["POST", "^/api/auth/login$"], ...READ_ONLY_WRITES.map((w): [string, string] => [w.method, w.path.source])];
/** `MUSUBI_CRAWL_TRACE=1` logs every page and click with its duration, to see where the time goes. */
const TRACE = process.env.MUSUBI_CRAWL_TRACE === "1";
let settleToken = 0;

/** A path with its internal ids replaced, so one broken endpoint is one finding, not one per record. */
const genericPath = (path: string) => path.replace(/[a-z]{1,6}_0[0-9a-hjkmnp-tv-z]{19}/g, ":id").replace(/urn(?::|%3A)[^/?]+/gi, ":urn");
const pathnameOf = (path: string) => new URL(path, "http://x").pathname;

/**
 * Signs in as `account` in `lang`, then visits every page of the navigation, the detail pages the
 * link policy admits and every tab of each, and presses every button, reporting what it finds.
 */
export async function crawlSession(
  browser: Browser,
  baseUrl: string,
  account: Account,
  lang: Locale,
  report: (f: Finding) => void,
  known?: ButtonMemory,
): Promise<SessionResult> {
  const started = performance.now();
  const context = await browser.newContext({
    locale: lang === "ja" ? "ja-JP" : "en-GB",
    timezoneId: "Asia/Tokyo",
    viewport: { width: 1360, height: 900 },
    acceptDownloads: false,
  });
  // Transpilers that keep function names (tsx, esbuild's keepNames) wrap inner functions in
  // `__name(…)`; the functions this crawl sends to the page need it defined there too.
  await context.addInitScript({ content: "globalThis.__name ??= (fn) => fn;" });
  await context.addInitScript(installProbe, ALLOWED_WRITES);
  const crawler = new SessionCrawler(await context.newPage(), baseUrl, account, lang, report, known);
  try {
    await crawler.run();
  } finally {
    await context.close();
  }
  return { ...crawler.result, ms: Math.round(performance.now() - started) };
}

export type Outcome = "dialog" | "other" | "missing";

class SessionCrawler {
  readonly result: SessionResult;
  private readonly session: string;
  private readonly policy: LinkPolicy;
  private readonly queue: { url: string; from: string }[] = [];
  private readonly queued = new Set<string>();
  private readonly memory: ButtonMemory = { outcomes: new Map(), groups: new Map() };
  /** Dialog buttons already pressed on one record's page (the administrator opens each record's). */
  private readonly pressedOnRecord = new Set<string>();
  private where: Where;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
    private readonly account: Account,
    private readonly lang: Locale,
    private readonly report: (f: Finding) => void,
    private readonly known: ButtonMemory | undefined,
  ) {
    this.session = `${account.role}/${lang}`;
    this.result = { session: this.session, pages: 0, dialogs: 0, states: 0, blockedWrites: 0, ms: 0, memory: this.memory };
    this.policy = linkPolicy(account.role);
    this.where = { session: this.session, url: "/login", title: "" };
    this.listen();
  }

  private get admin(): boolean {
    return this.account.role === "admin";
  }

  private t(key: MessageKey): string {
    return translate(this.lang, key);
  }

  private add(kind: FindingKind, detail: string, context: string): void {
    this.report({ kind, detail, context, where: { ...this.where } });
  }

  private async check(scope: "page" | "dialog"): Promise<void> {
    return this.trace(`    check ${scope}`, () => this.checkNow(scope));
  }

  private async checkNow(scope: "page" | "dialog"): Promise<void> {
    const text = await this.page.evaluate(readText, scope);
    for (const f of checkText(text.segments, this.lang, this.currentPath())) this.report({ ...f, where: { ...this.where } });
    // The view once per language, whichever role reaches it first: a dialog by the button that opens it.
    const view = `${scope} ${pageKind(this.page.url())} ${this.where.tab ?? ""} ${this.where.state ?? ""} ${scope === "dialog" ? (this.where.dialog ?? "").replace(/^.*\(opened by /, "") : ""}`;
    if (!firstTime(this.lang, view)) return;
    for (const v of await axeViolations(this.page, scope)) this.add("accessibility", `${v.id} (${v.impact}): ${v.help}`, `${v.targets.join(" | ")} — ${v.summary}`);
  }

  private async trace<T>(label: string, run: () => Promise<T>): Promise<T> {
    if (!TRACE) return run();
    const t0 = performance.now();
    const value = await run();
    console.log(`[crawl ${this.session}] ${Math.round(performance.now() - t0)} ms ${label}`);
    return value;
  }

  private listen(): void {
    const origin = new URL(this.baseUrl).origin;
    this.page.on("console", (msg) => {
      // "Failed to load resource" repeats a failed request, which is reported with its address below.
      if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) this.add("console-error", msg.text().slice(0, 300), msg.location().url);
    });
    this.page.on("pageerror", (error) => this.add("console-error", `Uncaught ${error.name}: ${error.message}`.slice(0, 300), this.where.url));
    this.page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.origin !== origin || response.status() < 400) return;
      const method = response.request().method();
      if (EXPECTED_FAILURES.some((e) => e.method === method && e.status === response.status() && e.path.test(url.pathname))) return;
      this.add("failed-request", `${method} ${genericPath(url.pathname)} → ${response.status()}`, url.pathname + url.search);
    });
    this.page.on("requestfailed", (request) => {
      const error = request.failure()?.errorText ?? "";
      // Aborted: the app cancelled a request it no longer needs (the page changed), or a download.
      if (error === "net::ERR_ABORTED" || new URL(request.url()).origin !== origin) return;
      this.add("failed-request", `${request.method()} ${genericPath(new URL(request.url()).pathname)} failed: ${error}`, request.url());
    });
    this.page.on("dialog", (dialog) => {
      this.add("console-error", `native ${dialog.type()} dialog: ${dialog.message().slice(0, 200)}`, this.where.url);
      void dialog.dismiss();
    });
  }

  private currentPath(): string {
    const u = new URL(this.page.url());
    return u.pathname + u.search;
  }

  private async settle(): Promise<boolean> {
    return this.page
      .waitForFunction(isSettled, [++settleToken, LOADING_TEXTS] as [number, string[]], { polling: "raf", timeout: SETTLE_TIMEOUT })
      .then(() => true, () => false);
  }

  /**
   * Goes to `path` inside the app as its links do; after a crash (no page left) or a page that
   * never settles, loads it afresh, and reports it when that does not settle either.
   */
  private async go(path: string, fresh = false): Promise<void> {
    return this.trace(`    go ${path}${fresh ? " (fresh)" : ""}`, () => this.goNow(path, fresh));
  }

  private async goNow(path: string, fresh: boolean): Promise<void> {
    if (!fresh) {
      await this.page.evaluate(pushPath, path);
      if ((await this.settle()) && (await this.page.locator("main").count()) > 0) return;
    }
    await this.page.goto(this.baseUrl + path);
    if (!(await this.settle())) this.add("stuck-loading", `still loading after ${SETTLE_TIMEOUT / 1000} s`, path);
  }

  private heading(): Promise<string> {
    return this.page.evaluate(() => (document.querySelector("main h1")?.textContent ?? "").replace(/\s+/g, " ").trim());
  }

  private async blockedCount(): Promise<number> {
    return this.page.evaluate(() => window.__crawlBlocked?.length ?? 0);
  }

  async run(): Promise<void> {
    // The sign-in page, in the language chosen on it, before signing in.
    await this.go("/", true);
    await this.page.getByTestId("language-switch").getByRole("button", { name: NATIVE_LANGUAGE_NAMES[this.lang], exact: true }).click();
    await this.settle();
    this.where = { session: this.session, url: this.currentPath(), title: (await this.heading()) || (await this.page.title()) };
    this.result.pages++;
    await this.check("page");
    await this.page.getByLabel(this.t("login.email"), { exact: true }).fill(this.account.email);
    await this.page.getByLabel(this.t("login.password"), { exact: true }).fill(this.account.password);
    await this.page.getByRole("button", { name: this.t("login.submit"), exact: true }).click();
    const nav = this.page.getByRole("navigation", { name: this.t("nav.label"), exact: true });
    await nav.waitFor();
    await this.settle();

    // The navigation as the page shows it: a page added to the app is crawled without a list here.
    const navPages = await nav.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    if (navPages.length === 0) throw new Error(`${this.session}: the navigation has no links`);
    for (const url of navPages) {
      this.policy.admit(url, "(navigation)");
      this.enqueue(url, "(navigation)");
    }
    while (this.queue.length > 0) {
      const { url, from } = this.queue.shift()!;
      await this.trace(`page ${url}`, () => this.visit(url, from));
    }
  }

  private enqueue(url: string, from: string): void {
    this.queued.add(url);
    this.queue.push({ url, from });
  }

  /** One page: its text, links and buttons, then each of its tabs (nested ones too) the same way. */
  private async visit(url: string, from: string): Promise<void> {
    await this.go(url);
    const route = routeOf(pathnameOf(this.currentPath())) ?? pathnameOf(this.currentPath());
    this.where = { session: this.session, url: this.currentPath(), title: await this.heading() };
    await this.examine(route, from);

    const seenTabs = new Set<string>();
    for (let guard = 0; guard < 40; guard++) {
      const tabs = await this.page.evaluate(tagTabs);
      for (const tab of tabs) if (tab.selected) seenTabs.add(tab.key);
      const next = tabs.find((tab) => !seenTabs.has(tab.key));
      if (!next) break;
      seenTabs.add(next.key);
      await this.page.evaluate(clickTagged, ["data-crawl-tab", next.id] as [string, string]);
      await this.settle();
      this.where = { session: this.session, url: this.currentPath(), title: await this.heading(), tab: next.key };
      // Counts and percentages in a tab's name (an assessment's progress) do not make it another tab.
      await this.examine(`${route} › ${next.key.replace(/\d[\d,.%/ ]*/g, "#")}`, url);
    }
  }

  /** Checks what is shown, queues its links, and presses each of its buttons. */
  private async examine(viewKey: string, from: string): Promise<void> {
    const viewUrl = this.currentPath();
    this.result.pages++;
    await this.check("page");
    if ((await this.page.locator('[data-testid="page-notFound"], [data-testid="page-forbidden"]').count()) > 0) {
      this.add("dead-end", `${pageKind(viewUrl)} shows "${await this.heading()}"`, `linked from ${from}`);
    }
    for (const url of await this.page.evaluate(appLinks)) {
      if (this.queued.has(url) || !routeOf(pathnameOf(url))) continue;
      if (this.policy.admit(url, viewUrl)) this.enqueue(url, viewUrl);
    }

    const withHeader = viewUrl === "/"; // the header's buttons are the same on every page
    const buttons = await this.page.evaluate(tagButtons, withHeader);
    const record = `${pathnameOf(viewUrl)} ${this.where.tab ?? ""}`;
    const names = [...new Map(buttons.map((b) => [b.name, b.group])).entries()];
    for (const [name, group] of names) {
      const key = `${viewKey}\u0000${name}`;
      const groupKey = `${viewKey}\u0000${group}`;
      const before = this.memory.outcomes.get(key);
      if (before === "other" || before === "missing" || this.known?.outcomes.get(key) === "other") continue;
      if (before === "dialog" && (!this.admin || this.pressedOnRecord.has(`${record}\u0000${name}`))) continue;
      const alike = this.memory.groups.get(groupKey) ?? { dialogs: 0, others: 0 };
      const knownAlike = this.known?.groups.get(groupKey);
      if (alike.dialogs === 0 && alike.others >= 2) continue;
      if (!before && knownAlike && knownAlike.dialogs === 0 && knownAlike.others >= 2) continue;
      const count = buttons.filter((b) => b.name === name).length;
      let outcome: Outcome = "missing";
      for (let nth = 0; nth < Math.min(count, SAME_NAME_CLICKS[this.admin ? "admin" : "other"]); nth++) {
        const o = await this.trace(`  press «${name}» #${nth}`, () => this.press(viewUrl, withHeader, name, nth));
        if (o !== "missing") outcome = o;
      }
      this.memory.outcomes.set(key, outcome);
      this.pressedOnRecord.add(`${record}\u0000${name}`);
      if (outcome === "dialog") alike.dialogs++;
      else if (outcome === "other") alike.others++;
      this.memory.groups.set(groupKey, alike);
    }
    if (this.currentPath() !== viewUrl) await this.go(viewUrl);
  }

  /** Presses the `nth` button called `name`; checks the dialog it opens or what it shows instead. */
  private async press(viewUrl: string, withHeader: boolean, name: string, nth: number): Promise<Outcome> {
    const find = async () => (await this.page.evaluate(tagButtons, withHeader)).filter((b) => b.name === name)[nth];
    let button = this.currentPath() === viewUrl ? await find() : undefined;
    if (!button) {
      await this.go(viewUrl, true); // an earlier press changed the page: start from a fresh copy
      button = await find();
      if (!button) return "missing";
    }
    const before = await this.page.evaluate(snapshot);
    const blocked = await this.blockedCount();
    if (!(await this.page.evaluate(clickTagged, ["data-crawl-button", button.id] as [string, string]))) return "missing";
    await this.settle();
    this.result.blockedWrites += (await this.blockedCount()) - blocked;
    let after = await this.page.evaluate(snapshot);

    if (after.dialog) {
      this.result.dialogs++;
      this.where = { ...this.where, dialog: `${(await this.page.evaluate(openDialogName)) ?? "?"} (opened by «${name}»)` };
      await this.check("dialog");
      await this.closeDialog(viewUrl);
      this.where = { ...this.where, dialog: undefined };
      return "dialog";
    }
    if (pathnameOf(after.path) !== pathnameOf(viewUrl)) {
      // A button that leads to another page is a link by another name: its target is crawled like one.
      if (!this.queued.has(after.path) && routeOf(pathnameOf(after.path)) && this.policy.admit(after.path, viewUrl)) {
        this.enqueue(after.path, `${viewUrl} «${name}»`);
      }
      await this.go(viewUrl);
      return "other";
    }
    // The same page showing something else — expanded, filtered, sorted, the next page of a list.
    const seen = new Set([before.hash]);
    this.where = { ...this.where, state: `after «${name}»` };
    for (let repeat = 0; !seen.has(after.hash) && !after.dialog; repeat++) {
      seen.add(after.hash);
      this.result.states++;
      await this.check("page");
      // A pager: the administrator follows "next" to the end, so every row of every list is read.
      if (!this.admin || name !== this.t("pager.next") || repeat >= PAGER_PAGES) break;
      const again = await find();
      if (!again) break;
      await this.page.evaluate(clickTagged, ["data-crawl-button", again.id] as [string, string]);
      await this.settle();
      after = await this.page.evaluate(snapshot);
    }
    this.where = { ...this.where, state: undefined };
    if (after.dialog) await this.closeDialog(viewUrl);
    if (this.currentPath() !== viewUrl) await this.go(viewUrl);
    return "other";
  }

  /** Closes the open dialog as a person would, without saving: Escape, else Cancel or ×. */
  private async closeDialog(viewUrl: string): Promise<void> {
    await this.page.keyboard.press("Escape");
    await this.settle();
    if (!(await this.page.evaluate(snapshot)).dialog) return;
    const dialog = this.page.locator("dialog[open]").last();
    const close = dialog.getByRole("button", { name: this.t("common.cancel"), exact: true }).or(dialog.getByRole("button", { name: this.t("common.close"), exact: true }));
    await close.first().click({ timeout: 2000 }).catch(() => {});
    await this.settle();
    if ((await this.page.evaluate(snapshot)).dialog) await this.go(viewUrl, true);
  }
}
