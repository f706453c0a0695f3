/**
 * Functions the crawl runs inside the page. Playwright serialises them, so each is self-contained:
 * no imports, no helpers from outside its own body.
 */

declare global {
  interface Window {
    __crawlPending?: number;
    __crawlBlocked?: string[];
    __crawlQuiet?: number;
    __crawlToken?: number;
  }
}

/** Where the crawl sees writes: `[method, path regex source]` pairs let through, everything else refused. */
export type AllowedWrite = [string, string];

/**
 * Installed before any page script: counts the app's requests in flight (so the crawl waits for
 * answers, not for a clock) and refuses writes to the API, so clicking every button cannot change
 * the demo data that other sessions read at the same time.
 */
export function installProbe(allowed: AllowedWrite[]): void {
  const original = window.fetch.bind(window);
  window.__crawlPending = 0;
  window.__crawlBlocked = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
    const url = new URL(request ? request.url : String(input), location.href);
    const write = method !== "GET" && method !== "HEAD" && url.origin === location.origin && url.pathname.startsWith("/api/");
    if (write && !allowed.some(([m, p]) => m === method && new RegExp(p).test(url.pathname))) {
      window.__crawlBlocked!.push(`${method} ${url.pathname}`);
      return Promise.reject(new TypeError("Failed to fetch (write refused by the crawl)"));
    }
    window.__crawlPending! += 1;
    const done = () => {
      window.__crawlPending! -= 1;
    };
    const answer = original(input, init);
    answer.then(done, done);
    return answer;
  };
}

/**
 * True once the page has been quiet for three animation frames in a row: no request in flight,
 * no spinner, nothing `aria-busy`, and no "Loading…" text in the page or an open dialog.
 */
export function isSettled([token, loadingTexts]: [number, string[]]): boolean {
  if (window.__crawlToken !== token) {
    window.__crawlToken = token;
    window.__crawlQuiet = 0;
  }
  // React unmounts everything after an uncaught error: nothing more will load, so stop waiting.
  if (document.getElementById("root")?.childElementCount === 0) return true;
  const scopes = [...document.querySelectorAll("main, dialog[open]")];
  const busy =
    (window.__crawlPending ?? 0) > 0 ||
    document.querySelector('.spinner, [aria-busy="true"]') !== null ||
    scopes.some((el) => loadingTexts.some((text) => (el.textContent ?? "").includes(text))) ||
    document.querySelector("main") === null;
  window.__crawlQuiet = busy ? 0 : (window.__crawlQuiet ?? 0) + 1;
  return window.__crawlQuiet >= 3;
}

export interface PageText {
  /**
   * One per visible text node, with the `lang` of the nearest element below `<html>` that sets
   * one ("" when none does): the app marks text quoted from a source, or typed in the other
   * language, with its language; `code` when it sits in `<code>`, `<pre>`, `<kbd>` or `<samp>`.
   */
  segments: { text: string; lang: string; code: boolean }[];
}

/**
 * The visible text of the page (`scope` "page": header, navigation and main, without dialogs) or
 * of the open dialogs. Options of a visible `<select>` count as visible, as in `innerText`.
 */
export function readText(scope: "page" | "dialog"): PageText {
  const roots = scope === "dialog" ? [...document.querySelectorAll("dialog[open]")] : [document.body];
  const segments: { text: string; lang: string; code: boolean }[] = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = (node.nodeValue ?? "").replace(/\s+/g, " ").trim();
      if (!el || !text || el.closest("script, style, noscript, template")) continue;
      if (scope === "page" && el.closest("dialog")) continue;
      const select = el.closest("select");
      const shown = select ? select.checkVisibility({ visibilityProperty: true }) : el.checkVisibility({ visibilityProperty: true });
      if (!shown) continue;
      const marked = el.closest("body [lang]");
      segments.push({ text, lang: marked?.getAttribute("lang")?.toLowerCase() ?? "", code: el.closest("code, pre, kbd, samp") !== null });
    }
  }
  return { segments };
}

export interface ButtonTag {
  id: string;
  name: string;
  /**
   * Buttons of one kind in one place — the cells of a heat map, a table's sort headers, a tree's
   * expanders — share a group: once two of a group opened no dialog, the rest are not pressed.
   */
  group: string;
}

/**
 * Tags and lists the buttons a person could press now — visible, enabled, not a tab, not the
 * language switch — in `main` (and the header when `withHeader`), or in the open dialog if any.
 */
export function tagButtons(withHeader: boolean): ButtonTag[] {
  // Tags from an earlier listing would make a tag name two buttons: the first in the document wins.
  for (const old of document.querySelectorAll("[data-crawl-button]")) old.removeAttribute("data-crawl-button");
  const dialog = document.querySelector("dialog[open]");
  const roots = dialog ? [dialog] : [document.querySelector("main"), withHeader ? document.querySelector("header") : null];
  const out: ButtonTag[] = [];
  let n = 0;
  for (const root of roots) {
    if (!root) continue;
    for (const b of root.querySelectorAll<HTMLElement>('button, [role="button"]')) {
      if ((b as HTMLButtonElement).disabled || b.getAttribute("aria-disabled") === "true") continue;
      if (b.closest('[role="tablist"], [role="tab"], [data-testid="language-switch"]')) continue;
      if (!b.checkVisibility({ visibilityProperty: true })) continue;
      const name = (b.getAttribute("aria-label") || b.innerText || b.title || "(unnamed)").replace(/\s+/g, " ").trim();
      const place = b.closest("thead, tbody, table, ul, ol, fieldset, [role=group], [role=toolbar], nav, form, section, header, main");
      // First classes only: a modifier (a cell's band, a row's state) does not make another kind of button.
      const where = place ? `${place.tagName}.${place.classList[0] ?? ""}#${place.getAttribute("data-testid") ?? ""}` : "";
      const id = `b${n++}`;
      b.setAttribute("data-crawl-button", id);
      out.push({ id, name, group: `${where} ${b.tagName}.${b.classList[0] ?? ""}` });
    }
  }
  return out;
}

/**
 * Clicks the element tagged `id` with the events a mouse sends (pointer and mouse down and up,
 * focus, click), without Playwright's actionability waits: an open menu closes on the mousedown
 * outside it, as it does for a person.
 */
export function clickTagged([attribute, id]: [string, string]): boolean {
  const el = document.querySelector<HTMLElement>(`[${attribute}="${id}"]`);
  if (!el) return false;
  el.scrollIntoView({ block: "center" });
  const init = { bubbles: true, cancelable: true, composed: true, button: 0, view: window };
  el.dispatchEvent(new PointerEvent("pointerdown", { ...init, isPrimary: true }));
  el.dispatchEvent(new MouseEvent("mousedown", { ...init, buttons: 1 }));
  el.focus();
  el.dispatchEvent(new PointerEvent("pointerup", { ...init, isPrimary: true }));
  el.dispatchEvent(new MouseEvent("mouseup", init));
  el.click();
  return true;
}

/** What the crawl compares before and after a click: the address, the open dialog, and a hash of the page's text. */
export function snapshot(): { path: string; dialog: boolean; hash: string } {
  const text = document.body.innerText;
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return { path: location.pathname + location.search, dialog: document.querySelector("dialog[open]") !== null, hash: `${text.length}:${h}` };
}

export interface TabTag {
  id: string;
  key: string;
  selected: boolean;
}

/** Tags and lists the tabs of the page: `key` is the tab list's name and the tab's. */
export function tagTabs(): TabTag[] {
  const out: TabTag[] = [];
  let n = 0;
  for (const old of document.querySelectorAll("[data-crawl-tab]")) old.removeAttribute("data-crawl-tab");
  for (const tab of document.querySelectorAll<HTMLElement>('main [role="tab"]')) {
    if (!tab.checkVisibility({ visibilityProperty: true })) continue;
    const list = tab.closest('[role="tablist"]')?.getAttribute("aria-label") ?? "";
    const id = `t${n++}`;
    tab.setAttribute("data-crawl-tab", id);
    out.push({ id, key: `${list} › ${tab.innerText.replace(/\s+/g, " ").trim()}`, selected: tab.getAttribute("aria-selected") === "true" });
  }
  return out;
}

/** The open dialog's name (its labelling title), or undefined when none is open. */
export function openDialogName(): string | undefined {
  const dialog = document.querySelector<HTMLElement>('dialog[open], [role="dialog"]:not(dialog)');
  if (!dialog || !dialog.checkVisibility()) return undefined;
  const labelledBy = dialog.getAttribute("aria-labelledby");
  const title = (labelledBy && document.getElementById(labelledBy)?.innerText) || dialog.getAttribute("aria-label") || dialog.querySelector("h1, h2, h3")?.textContent || "(untitled)";
  return title.replace(/\s+/g, " ").trim();
}

/** Same-origin app links of `main` (not tabs, not the API): path and query, without the hash. */
export function appLinks(): string[] {
  const out = new Set<string>();
  for (const a of document.querySelectorAll<HTMLAnchorElement>("main a[href]")) {
    if (a.closest('[role="tablist"]') || a.getAttribute("role") === "tab" || a.target === "_blank" || a.hasAttribute("download")) continue;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith("/api/")) continue;
    out.add(url.pathname + url.search);
  }
  return [...out];
}

/** Navigates inside the single-page app, as its links do (History API and a popstate). */
export function pushPath(to: string): void {
  history.pushState(null, "", to);
  dispatchEvent(new PopStateEvent("popstate"));
}
