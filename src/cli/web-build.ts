import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** Builds the web UI with Vite unless `dist/web` is newer than every file under `web/`. */
export async function ensureWebBuilt(print: (line: string) => void): Promise<void> {
  const index = path.join(ROOT, "dist/web/index.html");
  const source = path.join(ROOT, "web");
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(source)) return;
  print("Building the web UI…");
  const started = performance.now();
  const { build } = await import("vite");
  // Always a production build, whatever NODE_ENV the calling process has (tests run with "test").
  await build({ configFile: path.join(ROOT, "web/vite.config.ts"), logLevel: "warn", mode: "production" });
  print(`Web UI built in ${Math.round(performance.now() - started)} ms`);
}
