import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AUTHORITY_SLUG } from "../../src/demo/demo.oversight.ts";
import { axeViolations } from "./crawl.axe.ts";
import { CHROMIUM, HAVE_CHROMIUM, openDemoSite, type DemoSite } from "./browser.support.ts";

const REQUIRE_BROWSER = process.env.MUSUBI_REQUIRE_BROWSER === "1";
if (!HAVE_CHROMIUM && !REQUIRE_BROWSER) console.warn(`[browser test] skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or MUSUBI_REQUIRE_BROWSER=1 to make this fail)`);

/**
 * The pages the public uses without an account — the authority's public register and the form
 * for reporting harm from an AI system — meet WCAG 2.1 AA by axe-core's rules, in Japanese and
 * English, as served (the signed-in app's pages are checked by the crawl).
 */
describe.skipIf(!HAVE_CHROMIUM && !REQUIRE_BROWSER)("the public pages, by axe-core's WCAG 2.1 A/AA rules", () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await openDemoSite("public-pages");
  }, 120_000);
  afterAll(() => site?.close());

  for (const lang of ["ja", "en"] as const) {
    it(`the public register and the harm report form, blank and with its errors shown (${lang})`, async () => {
      const page = await site.browser.newPage({ locale: lang === "ja" ? "ja-JP" : "en-GB" });
      const found: string[] = [];
      const check = async (what: string) => {
        for (const v of await axeViolations(page, "page")) found.push(`${what}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.join(" | ")}`);
      };
      const register = await page.goto(`${site.server.url}/register/${DEMO_AUTHORITY_SLUG}?lang=${lang}`);
      expect(register?.status()).toBe(200);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      await check("register");
      const form = await page.goto(`${site.server.url}/report/${DEMO_AUTHORITY_SLUG}?lang=${lang}`);
      expect(form?.status()).toBe(200);
      await check("report form");
      // Sent empty (past the browser's own checks, as an old browser would): the server's answer
      // shows the form again with its errors, which must be as accessible as the form.
      await page.locator("form").evaluate((f) => ((f as HTMLFormElement).noValidate = true));
      await Promise.all([page.waitForNavigation(), page.locator("form [type=submit]").click()]);
      expect(await page.locator("[aria-invalid=true], .error, [role=alert]").count()).toBeGreaterThan(0);
      await check("report form with errors");
      await page.close();
      expect(found).toEqual([]);
    }, 120_000);
  }
});
