import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";

/** Where browser tests leave screenshots (README images are picked from here). */
export const SHOTS = path.join(fileURLToPath(new URL("../../", import.meta.url)), "test-results/screenshots");
/** Debian's chromium unless `CHROMIUM_PATH` names another; no browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);

/** Headless Chromium with the flags every browser test uses (no sandbox: CI runs as root). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", ...extraArgs] });
}
