import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { CHROMIUM, HAVE_CHROMIUM, launchChromium, SHOTS, signIn as signInAs } from "./browser.support.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { startServer, type RunningServer } from "../../src/server.ts";

const PASSWORD = "browser-test-password-1";

// The shell test already fails loudly when MUSUBI_REQUIRE_BROWSER=1 and Chromium is missing.
if (!HAVE_CHROMIUM) console.warn(`[browser test] PDCA loop skipped: no Chromium at ${CHROMIUM}`);

/**
 * The loop, through the UI as its people would do it (Japanese UI): the governance lead
 * files an incident on the CV screening system with the control that failed and the risk it
 * realised, and opens a corrective action with a two-step approval; the owner completes it; the
 * reviewer, then the administrator approve; closing is refused while the action was open and
 * accepted after; the risk's owner then finds the re-review task waiting.
 */
describe.skipIf(!HAVE_CHROMIUM)("the PDCA loop in a browser", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuilt(() => {});
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-browser-pdca-"));
    server = await startServer(loadConfig({ MUSUBI_DATA_DIR: dataDir, MUSUBI_BACKGROUND_JOBS: "0" }, { port: 0, logLevel: "silent" }), { demo: true, demoPassword: PASSWORD, print: () => {} });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(user: string): Promise<Page> {
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await signInAs(page, server.url, user, PASSWORD);
    return page;
  }

  /** Reads through the API as the signed-in page does (ids for the selects). */
  function api<T>(page: Page, url: string): Promise<T> {
    return page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;
  }

  const TITLE = "選考AIが女性応募者を一律に低く評価";
  const ACTION = "学習データの再重み付けと属性別の再評価";
  let incidentUrl = "";

  it("files an incident on a system, with the failed control and the risk, and opens a corrective action needing two approvals", async () => {
    const page = await signIn("caio");
    const systems = await api<{ items: { id: string; code: string }[] }>(page, "/api/systems?limit=200");
    const hr = systems.items.find((s) => s.code === "AIS-HR-01")!;
    const controls = await api<{ items: { id: string; code: string }[] }>(page, "/api/controls?limit=200");
    const control = controls.items.find((c) => c.code === "CTL-GOV-01")!;
    const risks = await api<{ items: { id: string; titleJa: string; owner: { id: string } | null }[] }>(page, `/api/risks?systemId=${hr.id}`);
    const risk = risks.items[0]!;
    const users = await api<{ items: { id: string; email: string }[] }>(page, "/api/users?limit=200");
    const id = (local: string) => users.items.find((u) => u.email === `${local}@demo.musubi.example`)!.id;

    await page.getByRole("link", { name: "インシデント", exact: true }).first().click();
    await page.getByTestId("page-incidents").waitFor();
    await page.getByTestId("create-incident").click();
    await page.getByTestId("incident-title").fill(TITLE);
    await page.getByTestId("incident-summary").fill("月次モニタリングで、女性応募者のスコア中央値が男性より低いことを検知した。");
    await page.getByTestId("incident-severity").selectOption("high");
    await page.getByTestId("incident-systems").selectOption([hr.id]);
    await page.getByTestId("incident-risks").selectOption([risk.id]);
    await page.getByTestId("incident-controls").selectOption([control.id]);
    // While typing, past incidents like it are suggested (the demo has one on the same system).
    await expect.poll(() => page.getByTestId("incident-similar").textContent(), { timeout: 10_000 }).toContain("INC-");
    await page.screenshot({ path: path.join(SHOTS, "incident-dialog-ja.png") });
    await page.getByTestId("incident-save").click();
    await page.getByTestId("page-incident").waitFor();
    incidentUrl = page.url();
    await expect.poll(() => page.getByTestId("page-incident").textContent()).toContain("CTL-GOV-01");

    await page.getByTestId("action-add").click();
    await page.getByTestId("action-kind").selectOption("corrective");
    await page.getByTestId("action-title").fill(ACTION);
    await page.getByTestId("action-assignee").selectOption(id("owner"));
    await page.getByTestId("action-stage-1").selectOption([id("reviewer")]);
    await page.getByTestId("action-stage-2").selectOption([id("admin")]);
    await page.getByTestId("action-save").click();
    await expect.poll(() => page.getByTestId("incident-action").first().textContent()).toContain(ACTION);

    // The action is open, so the incident cannot be closed yet.
    await page.getByTestId("incident-close").click();
    await page.getByTestId("close-note").fill("対応完了");
    await page.getByTestId("close-confirm").click();
    await expect.poll(() => page.getByTestId("page-incident").textContent()).toContain("未完了の是正・予防措置があります");
    await page.keyboard.press("Escape");
    await page.screenshot({ path: path.join(SHOTS, "incident-ja.png"), fullPage: true });
    await page.context().close();
  });

  it("runs the corrective task through the owner's completion and a two-step approval", async () => {
    const owner = await signIn("owner");
    await owner.getByRole("link", { name: "マイタスク", exact: true }).first().click();
    await owner.getByTestId("page-my-tasks").waitFor();
    await owner.getByTestId("my-task").filter({ hasText: ACTION }).getByRole("link").first().click();
    await owner.getByTestId("page-task").waitFor();
    await owner.getByTestId("task-comment").fill("再重み付け後、スコア差は2点以内。");
    await owner.getByTestId("task-complete").click();
    await expect.poll(() => owner.getByTestId("task-status").textContent()).toContain("承認待ち");
    await owner.context().close();

    for (const approver of ["reviewer", "admin"]) {
      const page = await signIn(approver);
      await page.getByRole("link", { name: "マイタスク", exact: true }).first().click();
      const row = page.getByTestId("my-approval").filter({ hasText: ACTION });
      await row.waitFor();
      if (approver === "reviewer") await page.screenshot({ path: path.join(SHOTS, "my-tasks-ja.png"), fullPage: true });
      await row.getByTestId("approval-comment").fill(approver === "reviewer" ? "評価結果を確認" : "承認");
      await row.getByTestId("approve").click();
      await expect.poll(() => page.getByTestId("my-approval").filter({ hasText: ACTION }).count()).toBe(0);
      await page.context().close();
    }
  });

  it("closes the incident, and the risk's owner finds the re-review task", async () => {
    const lead = await signIn("caio");
    await lead.goto(incidentUrl);
    await lead.getByTestId("page-incident").waitFor();
    await expect.poll(() => lead.getByTestId("incident-action").first().textContent()).toContain("完了");
    await lead.getByTestId("incident-close").click();
    await lead.getByTestId("close-note").fill("再重み付け後の評価で偏りなし。");
    await lead.getByTestId("close-confirm").click();
    await expect.poll(() => lead.getByTestId("incident-status").textContent()).toContain("クローズ");
    // The register's heat map counts the demo's risks; a cell filters the list to its risks.
    await lead.getByRole("link", { name: "リスク", exact: true }).first().click();
    await lead.getByTestId("risk-heatmap").waitFor();
    await lead.getByTestId("heatmap-cell-2-4").click();
    await expect.poll(() => lead.getByTestId("risk-row").count()).toBe(1);
    expect(await lead.getByTestId("risk-row").first().textContent()).toContain("選考スコアの性別による偏り");
    await lead.screenshot({ path: path.join(SHOTS, "risks-ja.png"), fullPage: true });
    await lead.context().close();

    const owner = await signIn("owner");
    await owner.getByRole("link", { name: "マイタスク", exact: true }).first().click();
    await owner.getByTestId("page-my-tasks").waitFor();
    const review = owner.getByTestId("my-task").filter({ hasText: "再評価" }).filter({ hasText: "選考スコアの性別による偏り" });
    await expect.poll(() => review.count()).toBeGreaterThan(0);
    await owner.screenshot({ path: path.join(SHOTS, "my-tasks-review-ja.png"), fullPage: true });
    // …and the same task on the risk's page.
    await review.first().getByRole("link").first().click();
    await owner.getByTestId("page-task").waitFor();
    await owner.context().close();
  });
});
