import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM, HAVE_CHROMIUM, launchChromium, SHOTS, signIn as signInAs } from "./browser.support.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { startServer, type RunningServer } from "../../src/server.ts";

const PASSWORD = "browser-test-password-1";

// The shell test already fails loudly when MUSUBI_REQUIRE_BROWSER=1 and Chromium is missing.
if (!HAVE_CHROMIUM) console.warn(`[browser test] dashboard skipped: no Chromium at ${CHROMIUM}`);

/** A business using AI in Japan with personal data: in scope of the AI Guidelines, the AI Promotion Act and APPI. */
const FACTS = {
  jpRoles: ["ai-provider"],
  businessUseOfAi: true,
  researchInstitution: false,
  advancedAiDeveloper: false,
  publicSector: false,
  generative: false,
  interactsWithPeople: false,
  emotionRecognition: false,
  biometricCategorisation: false,
  gpaiModel: false,
  personalData: true,
  sensitiveData: false,
  thirdPartyProvision: false,
  crossBorderTransfer: false,
  pseudonymisedData: false,
  anonymisedData: false,
  deploymentRegions: ["jp"],
};
const APPI = "jp-appi";

interface Language {
  code: "ja" | "en";
  locale: string;
  nav: { dashboard: string; controls: string };
  met: string;
  /** A requirement of APPI to map, by its label and the end of its URN. */
  requirement: { label: string; id: string };
  control: { code: string; titleJa: string; titleEn: string };
}

const JA: Language = {
  code: "ja",
  locale: "ja-JP",
  nav: { dashboard: "ダッシュボード", controls: "管理策" },
  met: "達成",
  requirement: { label: "第十七条第一項", id: "art-17.1" },
  control: { code: "CTL-APPI-17", titleJa: "利用目的の特定と公表", titleEn: "Specify and publish the purpose of use" },
};

const EN: Language = {
  code: "en",
  locale: "en-US",
  nav: { dashboard: "Dashboard", controls: "Controls" },
  met: "Met",
  requirement: { label: "Article 23, paragraph (1)", id: "art-23.1" },
  control: { code: "CTL-APPI-23", titleJa: "個人データの安全管理措置", titleEn: "Security control measures for personal data" },
};

describe.skipIf(!HAVE_CHROMIUM)("dashboard, controls and evidence in a browser", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuilt(() => {});
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-browser-dashboard-"));
    server = await startServer(loadConfig({ MUSUBI_DATA_DIR: dataDir }, { port: 0, logLevel: "silent" }), { demo: true, demoPassword: PASSWORD, print: () => {} });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(lang: Language, user = "admin"): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: lang.locale, timezoneId: "Asia/Tokyo", viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.on("console", (msg) => {
      if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    await signInAs(page, server.url, user, PASSWORD, lang.code);
    return { context, page };
  }

  /** Calls the API from the signed-in page, the way the web client does (session cookie + CSRF header). */
  function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; data: T }> {
    return page.evaluate(
      async ({ method, url, body }) => {
        const session = await (await fetch("/api/auth/session")).json();
        const res = await fetch(url, {
          method,
          headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        return { status: res.status, data: await res.json() };
      },
      { method, url, body },
    );
  }

  async function registerAssessedSystem(page: Page, names: { nameJa: string; nameEn: string }): Promise<string> {
    const created = await api<{ id: string; frameworks: string[] }>(page, "POST", "/api/systems", { ...names, lifecycle: "deployed", profile: FACTS, nextReviewAt: "2025-01-31" });
    expect(created.status).toBe(201);
    expect(created.data.frameworks).toContain(APPI);
    const started = await api(page, "POST", `/api/systems/${created.data.id}/assessments`, { framework: APPI });
    expect(started.status).toBe(201);
    return created.data.id;
  }

  async function openDashboard(page: Page, lang: Language): Promise<number> {
    await page.getByRole("link", { name: lang.nav.dashboard, exact: true }).first().click();
    await page.getByTestId("page-dashboard").waitFor();
    await page.locator('[data-testid="posture-chart"][data-ready="true"]').waitFor();
    return Number(await page.getByTestId(`count-${APPI}-met`).textContent());
  }

  /** Creates a control mapped to the language's requirement; answers the assessment rows it speaks for. */
  async function createMappedControl(page: Page, lang: Language): Promise<number> {
    await page.getByRole("link", { name: lang.nav.controls, exact: true }).first().click();
    await page.getByTestId("page-controls").waitFor();
    await page.getByTestId("create-control").click();
    const dialog = page.getByTestId("control-dialog");
    const fields = dialog.locator("input.input:not([type=search])");
    await fields.nth(0).fill(lang.control.code);
    await fields.nth(1).fill(lang.control.titleJa);
    await fields.nth(2).fill(lang.control.titleEn);
    const picker = dialog.getByTestId("requirement-picker");
    await picker.locator("select").selectOption(APPI);
    await picker.getByTestId("requirement-search").fill(lang.requirement.label);
    await picker.locator(`.req-results__hit[data-urn$=":${lang.requirement.id}"]`).getByTestId("add-requirement").click();
    await picker.locator(`[data-testid="requirement-chip"][data-urn$=":${lang.requirement.id}"]`).waitFor();
    // Answer once, comply many: the picker counts the assessment rows the mapping speaks for.
    await expect.poll(() => picker.getByTestId("picker-coverage").textContent()).toMatch(lang.code === "ja" ? /評価項目[1-9]\d*件/ : /answering [1-9]\d* assessment rows/);
    await page.screenshot({ path: path.join(SHOTS, `control-dialog-${lang.code}.png`) });
    await dialog.getByTestId("control-submit").click();
    await page.getByTestId("page-control").waitFor();
    await expect.poll(() => page.getByTestId("mapped-requirements").textContent()).toContain(lang.requirement.label);
    const coverage = (await page.getByTestId("control-coverage").textContent()) ?? "";
    return Number((lang.code === "ja" ? /評価項目(\d+)件/ : /answering (\d+) assessment rows/).exec(coverage)?.[1]);
  }

  async function markMetWithEvidence(page: Page, lang: Language): Promise<void> {
    await page.getByTestId("status-buttons").getByRole("button", { name: lang.met, exact: true }).click();
    await expect.poll(() => page.getByTestId("status-buttons").locator('[aria-pressed="true"]').textContent()).toBe(lang.met);
    await page.getByTestId("add-control-evidence").click();
    const dialog = page.getByTestId("evidence-dialog");
    await dialog.getByTestId("evidence-file").setInputFiles({ name: `privacy-policy-${lang.code}.pdf`, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4 purpose of use ${lang.code}\n`) });
    await dialog.getByTestId("evidence-valid-until").fill("2030-03-31");
    await dialog.getByTestId("evidence-submit").click();
    await dialog.waitFor({ state: "detached" });
    const row = page.getByTestId("control-evidence").getByTestId("evidence-row").first();
    await expect.poll(() => row.textContent()).toContain(`privacy-policy-${lang.code}.pdf`);
    expect(await row.getByTestId("evidence-sha").getAttribute("title")).toMatch(/^[0-9a-f]{64}$/);
    await page.screenshot({ path: path.join(SHOTS, `control-${lang.code}.png`), fullPage: true });
  }

  // The demo organisation starts with a workspace of its own; these runs add to it, so they compare before and after.
  let jaMetAfter = 0;
  let enMetAfter = 0;
  const figure = async (page: Page, testId: string) => Number(/\d+/.exec((await page.getByTestId(testId).textContent()) ?? "")?.[0]);

  it("shows the posture in Japanese and counts a control's answer for the rows it maps to", async () => {
    const { context, page } = await signIn(JA);
    await page.getByTestId("dashboard-summary").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "home-summary-ja.png") });
    const systemId = await registerAssessedSystem(page, { nameJa: "採用審査AI", nameEn: "Hiring screening AI" });
    // One gap: a person answers Article 18(1) "not met".
    const appiRows = await api<{ items: { id: string; version: number; requirement: { urn: string } }[] }>(page, "GET", `/api/assessment-items?systemId=${systemId}&framework=${APPI}&limit=200`);
    const gapRow = appiRows.data.items.find((i) => i.requirement.urn.endsWith(":art-18.1"))!;
    expect((await api(page, "PATCH", `/api/assessment-items/${gapRow.id}`, { version: gapRow.version, status: "not_met" })).status).toBe(200);

    const before = await openDashboard(page, JA);
    expect(await figure(page, `count-${APPI}-not_met`)).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId(`posture-${APPI}`).textContent()).toContain("個人情報保護法");
    expect(await page.getByTestId(`systems-${APPI}`).textContent()).toMatch(/^[1-9]\d*／[1-9]\d*$/);
    expect(await figure(page, "figure-overdue")).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: path.join(SHOTS, "dashboard-ja.png"), fullPage: true });

    const rows = await createMappedControl(page, JA);
    expect(rows).toBeGreaterThanOrEqual(1);
    await markMetWithEvidence(page, JA);

    jaMetAfter = await openDashboard(page, JA);
    expect(jaMetAfter).toBe(before + rows);
    await page.screenshot({ path: path.join(SHOTS, "dashboard-after-ja.png"), fullPage: true });

    // The number opens the rows it counts: APPI rows that are met, here through the control.
    await page.getByTestId(`count-${APPI}-met`).click();
    await page.getByTestId("page-assessment-items").waitFor();
    expect(new URL(page.url()).search).toBe(`?framework=${APPI}&status=met`);
    await expect.poll(() => page.getByTestId("item-row").count()).toBe(jaMetAfter);
    const mine = page.getByTestId("item-row").filter({ hasText: "採用審査AI" }).filter({ hasText: JA.requirement.label });
    expect(await mine.count()).toBe(1);
    expect(await mine.textContent()).toContain(JA.control.code);
    await page.screenshot({ path: path.join(SHOTS, "assessment-items-ja.png"), fullPage: true });

    // A top gap opens the rows that fall short for that requirement.
    await openDashboard(page, JA);
    await page.getByTestId("top-gaps").locator(`tr[data-urn="${gapRow.requirement.urn}"]`).getByTestId("gap-link").click();
    await page.getByTestId("page-assessment-items").waitFor();
    expect(new URL(page.url()).searchParams.get("urn")).toBe(gapRow.requirement.urn);
    expect(new URL(page.url()).searchParams.get("group")).toBe("gap");
    await expect.poll(() => page.getByTestId("item-row").count()).toBe(1);
    expect(await page.getByTestId("item-row").first().textContent()).toContain("未達成");

    // A chart opens its rows too. The risk-class donut starts its largest slice at 12 o'clock, clockwise.
    const { data } = await api<{ euClass: { value: string; n: number }[] }>(page, "GET", "/api/dashboard");
    await openDashboard(page, JA);
    const donut = page.locator('[data-testid="eu-class-chart"][data-ready="true"]');
    await donut.scrollIntoViewIfNeeded();
    const box = (await donut.boundingBox())!;
    const r = Math.min(box.width, box.height) * 0.3;
    await page.mouse.click(box.x + box.width / 2 + r * Math.sin(0.1), box.y + box.height / 2 - r * Math.cos(0.1));
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/systems?euClass=${data.euClass[0]!.value}`);
    await context.close();
  });

  it("runs the same flow in English", async () => {
    const { context, page } = await signIn(EN);
    await registerAssessedSystem(page, { nameJa: "問合せ対応AI", nameEn: "Customer enquiry AI" });

    // Answer once, comply many: the Japanese run's control already answers this new system's Article 17(1) row.
    const before = await openDashboard(page, EN);
    expect(before).toBe(jaMetAfter + 1);
    await expect.poll(() => page.getByTestId("posture-table").textContent()).toContain("Systems assessed / in scope");
    const expiringBefore = await figure(page, "expiring-count");
    await page.screenshot({ path: path.join(SHOTS, "dashboard-en.png"), fullPage: true });

    // …and the new control answers Article 23(1) in both systems at once.
    const rows = await createMappedControl(page, EN);
    expect(rows).toBeGreaterThanOrEqual(2);
    await markMetWithEvidence(page, EN);

    // The certificate runs out in ten days: edit its validity, and the dashboard warns.
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId("control-evidence").getByRole("button", { name: "Validity" }).click();
    await page.getByTestId("validity-dialog").getByLabel("Valid until").fill(soon);
    await page.getByTestId("validity-dialog").getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByTestId("control-evidence").getByTestId("evidence-row").first().textContent()).toContain("Expiring soon");

    enMetAfter = await openDashboard(page, EN);
    expect(enMetAfter).toBe(before + rows);
    expect(await figure(page, "expiring-count")).toBe(expiringBefore + 1);
    await page.screenshot({ path: path.join(SHOTS, "dashboard-after-en.png"), fullPage: true });
    await page.getByTestId("expiring-count").click();
    await page.getByTestId("page-evidence").waitFor();
    expect(new URL(page.url()).search).toBe("?status=expiring");
    await expect.poll(() => page.getByTestId("evidence-row").count()).toBe(expiringBefore + 1);
    expect(await page.getByTestId("evidence-table").textContent()).toContain("privacy-policy-en.pdf");

    await openDashboard(page, EN);
    await page.getByTestId(`count-${APPI}-met`).click();
    await page.getByTestId("page-assessment-items").waitFor();
    await expect.poll(() => page.getByTestId("item-row").count()).toBe(enMetAfter);
    expect(await page.getByTestId("items-table").textContent()).toContain(EN.requirement.label);

    // Evidence list: the uploaded files with their digests, filterable by validity.
    await page.goto(`${server.url}/evidence`);
    await expect.poll(() => page.getByTestId("evidence-table").textContent()).toContain("privacy-policy-ja.pdf");
    await page.screenshot({ path: path.join(SHOTS, "evidence-en.png"), fullPage: true });
    await context.close();
  });

  it("shows an auditor the same figures but no way to change controls or evidence", async () => {
    const { context, page } = await signIn(JA, "auditor");
    expect(await openDashboard(page, JA)).toBe(enMetAfter);
    await page.getByRole("link", { name: JA.nav.controls, exact: true }).first().click();
    await page.getByTestId("control-row").first().waitFor();
    expect(await page.getByTestId("create-control").count()).toBe(0);
    await page.getByTestId("control-row").filter({ hasText: JA.control.code }).getByRole("link").first().click();
    await page.getByTestId("mapped-requirements").waitFor();
    await page.getByTestId("control-evidence").getByTestId("evidence-row").first().waitFor();
    expect(await page.getByTestId("status-buttons").count()).toBe(0);
    expect(await page.getByTestId("edit-control").count()).toBe(0);
    expect(await page.getByTestId("add-control-evidence").count()).toBe(0);
    // Only the digest's copy button: no validity editing, no deletion.
    expect(await page.getByTestId("control-evidence").getByRole("button").count()).toBe(1);
    expect(await page.getByTestId("control-evidence").getByRole("button", { name: "削除" }).count()).toBe(0);
    await context.close();
  });

  it("breaks no Content Security Policy rule (ECharts draws on a canvas, tooltips included)", () => {
    expect(cspViolations).toEqual([]);
  });
});
