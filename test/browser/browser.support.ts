import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { deliveryChannels } from "../../src/jobs.ts";
import { deliverDue } from "../../src/notify/outbox.worker.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { startServer, type RunningServer } from "../../src/server.ts";

/** Where browser tests leave screenshots (README images are picked from here). */
export const SHOTS = path.join(fileURLToPath(new URL("../../", import.meta.url)), "test-results/screenshots");
/** Debian's chromium unless `CHROMIUM_PATH` names another; no browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);

/** Headless Chromium with the flags every browser test uses (no sandbox: CI runs as root). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", ...extraArgs] });
}

/** How the sign-in page names its parts in each language. */
const SIGN_IN_WORDS = {
  ja: { switchTo: "日本語", email: "メールアドレス", password: "パスワード", signIn: "サインイン" },
  en: { switchTo: "English", email: "E-mail address", password: "Password", signIn: "Sign in" },
} as const;

/**
 * Signs `page` in through the sign-in page, in `lang`, as a demo user (`caio`, `viewer`… or a
 * whole e-mail address), and waits for the workspace header.
 */
export async function signIn(page: Page, baseUrl: string, user: string, password: string, lang: "ja" | "en" = "ja"): Promise<void> {
  const words = SIGN_IN_WORDS[lang];
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("language-switch").getByRole("button", { name: words.switchTo }).click();
  await page.getByLabel(words.email, { exact: true }).fill(user.includes("@") ? user : `${user}@demo.musubi.example`);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: words.signIn }).click();
  await page.getByTestId("header-org-name").waitFor();
}

/** The demo accounts' password in browser tests. */
export const DEMO_PASSWORD = "browser-test-password-1";

/** A demo server with its own data folder, and Chromium: what most browser tests start from. */
export interface DemoSite {
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Builds the web UI if needed, starts a server on a free port over a fresh data folder seeded with
 * the demo (background jobs off unless `jobs`), and launches Chromium. `close` undoes all three.
 */
export async function openDemoSite(name: string, opts: { jobs?: boolean } = {}): Promise<DemoSite> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await ensureWebBuilt(() => {});
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `musubi-browser-${name}-`));
  const env = { MUSUBI_DATA_DIR: dataDir, ...(opts.jobs ? {} : { MUSUBI_BACKGROUND_JOBS: "0" }) };
  const server = await startServer(loadConfig(env, { port: 0, logLevel: "silent" }), { demo: true, demoPassword: DEMO_PASSWORD, print: () => {} });
  const browser = await launchChromium();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Delivers what a site's outbox holds now — signed messages between its organisations and
 * authorities, notifications — as the background jobs (off in most browser tests) or
 * `musubi jobs run` would: run it where the test wants the other side to have received them.
 */
export function deliverNow(server: RunningServer): Promise<{ delivered: number; retried: number; failed: number }> {
  const { db, config, outbound } = server.deps;
  return deliverDue(db, { limit: 1000, outbound, channels: deliveryChannels(db, config, outbound) });
}
