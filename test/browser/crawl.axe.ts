import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/**
 * axe-core's WCAG 2.0 and 2.1 level A and AA rules (JIS X 8341-3:2016 AA is WCAG 2.0 AA; 2.1
 * adds reflow, contrast of non-text, orientation…), run by the crawl on every view it reaches.
 */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  /** The first few offending elements, as CSS selectors, with axe's account of the first. */
  targets: string[];
  summary: string;
}

/**
 * Views already checked, per language: the same page, tab or dialog reached by another role (or
 * again by the same one) is not checked twice, which keeps the crawl's time close to what it was.
 */
const checked = new Set<string>();

/** True the first time a view is seen in this language (the caller then checks it). */
export function firstTime(lang: string, view: string): boolean {
  const key = `${lang} ${view}`;
  if (checked.has(key)) return false;
  checked.add(key);
  return true;
}

/**
 * The WCAG A/AA violations in the page or its open dialog. axe is evaluated through the DevTools
 * protocol (not a script tag), so the app's Content-Security-Policy stays as served.
 */
export async function axeViolations(page: Page, scope: "page" | "dialog"): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ([scope, tags]) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
      const root = scope === "dialog" ? document.querySelector('dialog[open], [role="dialog"]:not(dialog)') ?? document : document;
      const result = await axe.run(root, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? "",
        help: v.help,
        targets: v.nodes.slice(0, 3).map((n) => n.target.map(String).join(" ")),
        summary: (v.nodes[0]?.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 300),
      }));
    },
    [scope, WCAG_TAGS] as const,
  );
}
