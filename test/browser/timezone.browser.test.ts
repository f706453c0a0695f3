import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { startServer, type RunningServer } from "../../src/server.ts";
import { CHROMIUM, HAVE_CHROMIUM, launchChromium, SHOTS, signIn } from "./browser.support.ts";

const PASSWORD = "browser-test-password-1";
// 09:30 in Tokyo, 01:30 in Berlin (CET), 16:30 the day before in Los Angeles.
const DETECTED = "2026-11-20T00:30:00.000Z";

// The shell test already fails loudly when MUSUBI_REQUIRE_BROWSER=1 and Chromium is missing.
if (!HAVE_CHROMIUM) console.warn(`[browser test] time zones skipped: no Chromium at ${CHROMIUM}`);

/**
 * A viewer in Los Angeles reads an organisation's incident on the organisation's clock, with the
 * zone named: first as a Tokyo organisation, then after the administrator moves it to Berlin. The
 * incident page, the date typed in its form and the HTML report all follow the organisation.
 */
describe.skipIf(!HAVE_CHROMIUM)("times on the organisation's clock, seen from Los Angeles", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let incidentId = "";

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuilt(() => {});
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-browser-tz-"));
    server = await startServer(loadConfig({ MUSUBI_DATA_DIR: dataDir, MUSUBI_BACKGROUND_JOBS: "0" }, { port: 0, logLevel: "silent" }), { demo: true, demoPassword: PASSWORD, print: () => {} });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: "en-US", timezoneId: "America/Los_Angeles", viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    await signIn(page, server.url, "admin", PASSWORD, "en");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Calls the API as the signed-in page does, CSRF token included. */
  function api<T>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T; text: string }> {
    return page.evaluate(
      async ({ method, url, body }) => {
        const session = await (await fetch("/api/auth/session")).json();
        const res = await fetch(url, {
          method,
          headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken, "accept-language": "en" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        let parsed: unknown = undefined;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        return { status: res.status, body: parsed, text };
      },
      { method, url, body },
    ) as Promise<{ status: number; body: T; text: string }>;
  }

  async function moveOrganisation(timezone: string): Promise<void> {
    const org = await api<{ version: number }>("GET", "/api/org");
    const res = await api("PATCH", "/api/org", { version: org.body.version, settings: { timezone } });
    expect(res.status).toBe(200);
  }

  async function detectedShown(): Promise<string> {
    await page.goto(`${server.url}/incidents/${incidentId}`);
    const facts = page.locator(".incident-facts");
    await facts.waitFor();
    return (await facts.innerText()).replace(/\s+/g, " ");
  }

  it("shows a Tokyo organisation's incident at 09:30 JST on the 20th, not the viewer's 19th", async () => {
    const created = await api<{ id: string }>("POST", "/api/incidents", { title: "Time-zone check", detectedAt: DETECTED });
    expect(created.status).toBe(201);
    incidentId = created.body.id;
    const text = await detectedShown();
    expect(text).toContain("Detected at 20 Nov 2026, 09:30 JST");
    expect(text).not.toContain("19 Nov 2026");
    await page.screenshot({ path: path.join(SHOTS, "tz-01-tokyo-from-los-angeles.png"), fullPage: true });
  });

  it("reports it on the organisation's clock too, never as a raw UTC timestamp", async () => {
    const report = await api<unknown>("GET", `/api/incidents/${incidentId}/report?format=html`);
    expect(report.status).toBe(200);
    expect(report.text).toMatch(/9:30 JST/);
    expect(report.text).not.toContain(DETECTED);
  });

  it("reads a time typed into the form on the organisation's clock", async () => {
    await page.getByTestId("incident-edit").click();
    const detected = page.getByTestId("incident-detected");
    await expect.poll(() => detected.inputValue()).toBe("2026-11-20T09:30");
    await detected.fill("2026-11-20T10:45");
    await page.getByTestId("incident-save").click();
    await page.getByTestId("incident-dialog").waitFor({ state: "detached" });
    const after = await api<{ detectedAt: string }>("GET", `/api/incidents/${incidentId}`);
    expect(after.body.detectedAt).toBe("2026-11-20T01:45:00.000Z");
  });

  it("moves every time when the organisation moves to Berlin", async () => {
    await moveOrganisation("Europe/Berlin");
    await page.reload();
    const text = await detectedShown();
    expect(text).toContain("Detected at 20 Nov 2026, 02:45 CET");
    const report = await api<unknown>("GET", `/api/incidents/${incidentId}/report?format=html`);
    expect(report.text).toMatch(/02:45 CET|2:45 CET/);
    await page.screenshot({ path: path.join(SHOTS, "tz-02-berlin-from-los-angeles.png"), fullPage: true });
    await moveOrganisation("Asia/Tokyo");
  });
});
