import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { CHROMIUM, HAVE_CHROMIUM, launchChromium, SHOTS } from "./browser.support.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { startServer, type RunningServer } from "../../src/server.ts";

const REQUIRE_BROWSER = process.env.MUSUBI_REQUIRE_BROWSER === "1";
const PASSWORD = "browser-test-password-1";
const NEW_USER = `new.reviewer.${Date.now()}@demo.musubi.example`;

if (!HAVE_CHROMIUM && !REQUIRE_BROWSER) {
  console.warn(`[browser test] skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or MUSUBI_REQUIRE_BROWSER=1 to make this fail)`);
}

describe.runIf(!HAVE_CHROMIUM && REQUIRE_BROWSER)("web shell in a browser (required)", () => {
  it("has a Chromium to run in", () => {
    expect.fail(`MUSUBI_REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}; install chromium or set CHROMIUM_PATH`);
  });
});

describe.skipIf(!HAVE_CHROMIUM)("web shell in a browser", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];

  const shot = (step: string) => page.screenshot({ path: path.join(SHOTS, `${step}.png`), fullPage: true });

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuilt(() => {});
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-browser-"));
    server = await startServer(loadConfig({ MUSUBI_DATA_DIR: dataDir }, { port: 0, logLevel: "silent" }), {
      demo: true,
      demoPassword: PASSWORD,
      print: () => {},
    });
    browser = await launchChromium(["--disable-quic", "--disable-component-update", "--disable-sync"]);
    // An English browser: the UI must follow the user's explicit choice, then the account's language.
    const context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Tokyo", viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.on("console", (msg) => {
      if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("signs in as the demo administrator", async () => {
    await page.goto(`${server.url}/users`);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
    await page.getByTestId("language-switch").getByRole("button", { name: "English" }).click();
    await page.getByLabel("E-mail address", { exact: true }).fill("admin@demo.musubi.example");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await shot("01-login");
    await page.getByRole("button", { name: "Sign in" }).click();

    // Back where the sign-in began, in the frame, in English as chosen before signing in.
    await page.getByRole("heading", { name: "Users", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/users");
    expect(await page.getByTestId("header-org-name").textContent()).toBe("Demo Corporation");
    expect(await page.getByTestId("header-user-role").textContent()).toBe("Administrator");
    await shot("02-signed-in-en");
  });

  it("switches to Japanese", async () => {
    await page.getByTestId("language-switch").getByRole("button", { name: "日本語" }).click();
    await page.getByRole("heading", { name: "ユーザー管理", level: 1 }).waitFor();
    const nav = page.getByRole("navigation", { name: "メインメニュー" });
    for (const label of ["ホーム", "部署", "APIトークン", "監査ログ", "組織設定"]) {
      await expect.poll(() => nav.getByRole("link", { name: label, exact: true }).count()).toBe(1);
    }
    expect(await page.getByTestId("header-org-name").textContent()).toBe("デモ株式会社");
    expect(await page.getByTestId("header-user-role").textContent()).toBe("管理者");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ja");
    await shot("03-japanese");
  });

  it("creates a user and shows the one-time password", async () => {
    await page.getByRole("button", { name: "ユーザーを追加" }).click();
    const dialog = page.getByRole("dialog", { name: "ユーザーの追加" });
    await dialog.getByLabel("メールアドレス", { exact: true }).fill(NEW_USER);
    await dialog.getByLabel("表示名", { exact: true }).fill("新規 レビュアー");
    await dialog.getByLabel("ロール", { exact: true }).selectOption({ label: "レビュアー" });
    await shot("04-create-user-form");
    await dialog.getByRole("button", { name: "作成" }).click();

    const created = page.getByRole("dialog", { name: "ユーザーを追加しました" });
    await created.waitFor();
    const initialPassword = await created.getByTestId("initial-password").inputValue();
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    await created.getByText("一度しか表示されません").waitFor();
    await shot("05-initial-password");
    await created.getByRole("button", { name: "閉じる" }).last().click();

    const row = page.getByTestId(`user-row-${NEW_USER}`);
    await row.waitFor();
    expect(await row.getByRole("combobox").inputValue()).toBe("reviewer");
  });

  it("shows the user.created entry in the audit ledger", async () => {
    await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "監査ログ" }).click();
    await page.getByRole("heading", { name: "監査ログ", level: 1 }).waitFor();
    // Newest first: the first user.created row is the one just made.
    const row = page.locator('tr[data-action="user.created"]').first();
    await row.waitFor();
    expect(await row.getByText("ユーザー作成").count()).toBe(1);
    expect(await row.textContent()).toContain("admin@demo.musubi.example");
    await row.getByRole("button", { name: /の詳細を表示/ }).click();
    const details = page.locator('[data-testid^="audit-details-"]').first();
    await details.getByText(NEW_USER, { exact: true }).waitFor();
    await shot("06-audit-entry");
  });

  it("verifies the hash chain", async () => {
    await page.getByRole("button", { name: "チェーンを検証" }).click();
    const result = page.getByTestId("audit-verify-result");
    await result.waitFor();
    expect(await result.getAttribute("data-ok")).toBe("true");
    await result.getByText("ハッシュチェーンは正常です").waitFor();
    await shot("07-chain-verified");
  });

  it("switches back to English", async () => {
    await page.getByTestId("language-switch").getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Audit ledger", level: 1 }).waitFor();
    const row = page.locator('tr[data-action="user.created"]').first();
    expect(await row.getByText("User created", { exact: true }).count()).toBe(1);
    await page.getByTestId("audit-verify-result").getByText("The hash chain is intact").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await shot("08-english");
    expect(cspViolations).toEqual([]);
  });
});
