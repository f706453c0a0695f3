import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

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
