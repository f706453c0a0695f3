import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { CHROMIUM, HAVE_CHROMIUM, launchChromium, SHOTS, signIn } from "./browser.support.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { startServer, type RunningServer } from "../../src/server.ts";

const PASSWORD = "browser-test-password-1";

// The shell test already fails loudly when MUSUBI_REQUIRE_BROWSER=1 and Chromium is missing.
if (!HAVE_CHROMIUM) console.warn(`[browser test] applicability skipped: no Chromium at ${CHROMIUM}`);

/** An HR screening tool offered in Japan and the EU: Annex III point 4, profiling, provider. */
const PROFILE = {
  facts: {
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
    crossBorderTransfer: true,
    pseudonymisedData: false,
    anonymisedData: false,
    deploymentRegions: ["jp", "eu"],
    euSystemKind: "ai-system",
    euLawEnforcementAuthorised: false,
    euRoles: ["provider"],
    euExclusion: "none",
    euPlacedOnMarketOn: "2027-04-01",
    prohibitedPractices: [],
    annexIProduct: "none",
    annexIIIAreas: ["employment"],
    art6Derogation: "none",
    profilingNaturalPersons: true,
  },
  asOf: "2027-12-01",
};

describe.skipIf(!HAVE_CHROMIUM)("library and applicability in a browser", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const shot = (step: string) => page.screenshot({ path: path.join(SHOTS, `${step}.png`), fullPage: true });

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuilt(() => {});
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-browser-app-"));
    server = await startServer(loadConfig({ MUSUBI_DATA_DIR: dataDir }, { port: 0, logLevel: "silent" }), { demo: true, demoPassword: PASSWORD, print: () => {} });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    await signIn(page, server.url, "caio@demo.musubi.example", PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("classifies a loaded profile and shows what starts applying later", async () => {
    await page.getByRole("link", { name: "適用判定", exact: true }).first().click();
    await page.getByTestId("page-applicability").waitFor();
    await page.getByTestId("profile-file").setInputFiles({ name: "hr-screening.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(PROFILE)) });
    const tier = page.getByTestId("classification-eu-ai-act-risk");
    // 1 December 2027: Annex III obligations start the next day.
    await expect.poll(() => tier.textContent()).toContain("最小リスク");
    await expect.poll(() => tier.textContent()).toMatch(/高リスク.*2027年12月2日/);
    await shot("10-applicability-before-2027-12-02-ja");

    await page.getByTestId("as-of").fill("2027-12-02");
    await expect.poll(() => tier.textContent()).toMatch(/^(?!.*最小リスク).*高リスク/);
    const appi = page.getByTestId("requirements-jp-appi");
    await appi.locator("button[aria-expanded=false]").first().click();
    await expect.poll(() => appi.textContent()).toContain("第二十八条");
  });

  it("re-evaluates when an answer changes and explains why a duty applies", async () => {
    const question = page.getByTestId("question-interactsWithPeople");
    await question.getByText("はい", { exact: true }).click();
    const roles = page.getByTestId("classification-eu-ai-act-role");
    await expect.poll(() => roles.textContent()).toContain("提供者");
    const eu = page.getByTestId("requirements-eu-ai-act");
    await eu.locator("button[aria-expanded=false]").first().click();
    const art9 = eu.locator("li").filter({ hasText: "Article 9(1)" }).first();
    await art9.getByText("なぜ？").click();
    // The rule, its condition in words (no CEL, no fact names until asked) and the provisions it rests on.
    const why = art9.locator(".explanation").first();
    await expect.poll(() => why.locator(".explanation__words").textContent()).toMatch(/^条件「.+」/);
    expect(await why.locator(".explanation__words").textContent()).not.toContain("euAnnexIIIHighRisk");
    expect(await why.locator(".explanation__expr").count()).toBe(0);
    await expect.poll(() => art9.textContent()).toContain("Article 16");
    await why.getByText("ライブラリ上の式（CEL）を表示").first().click();
    await expect.poll(() => why.locator(".explanation__expr").first().textContent()).toContain("euAnnexIIIHighRisk");
    await shot("11-applicability-why-ja");
    await art9.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "14-applicability-viewport-ja.png") });
  });

  it("searches the library in Japanese and shows a requirement's crosswalk neighbours", async () => {
    await page.getByRole("link", { name: "ライブラリ", exact: true }).first().click();
    await page.getByTestId("page-library").waitFor();
    await page.getByPlaceholder("条文・要求事項を検索（日本語・英語）").fill("安全性");
    const results = page.getByTestId("library-search-results");
    await expect.poll(() => results.textContent()).toContain("AI事業者ガイドライン");
    await page.goto(`${server.url}/library/node/${encodeURIComponent("urn:musubi:jp-ai-guidelines:1.2:principle-2")}`);
    await page.getByTestId("node-neighbours").waitFor();
    await expect.poll(() => page.getByTestId("node-covers").textContent()).toMatch(/NIST|EU/);
    await shot("12-library-node-crosswalks-ja");
  });

  it("shows what the sources do not say on a framework page", async () => {
    await page.goto(`${server.url}/library/eu-ai-act/2026-07-27`);
    await expect.poll(() => page.getByTestId("silence-box").textContent()).toMatch(/2024\/1689/);
    await shot("13-library-eu-ai-act-ja");
  });

  it("labels a provision's kind of duty and warns when its text predates an amendment in force", async () => {
    await page.goto(`${server.url}/library/node/${encodeURIComponent("urn:musubi:jp-ai-promotion-act:2025:art-7")}`);
    await expect.poll(() => page.getByTestId("node-obligation").textContent()).toContain("努力義務");
    await page.goto(`${server.url}/library/node/${encodeURIComponent("urn:musubi:jp-appi:2026-07-17:art-20.2")}`);
    await expect.poll(() => page.getByTestId("node-currency").textContent()).toMatch(/施行された改正.*含まれていません/);
    await expect.poll(() => page.getByTestId("node-currency").textContent()).toMatch(/改正予定/);
    await shot("15-library-node-currency-ja");
  });
});
