import fs from "node:fs";
import path from "node:path";
import { tempDir } from "./db.ts";
import { ROOT } from "./proc.ts";

/**
 * Diagnostic only, not the product: the CLI precompiled to one ES module with esbuild (the
 * dependencies stay in node_modules), so the start-up benchmark can show what tsx's on-the-fly
 * TypeScript loading costs. Returns the entry to run with `node`, or why it could not be built.
 */
export async function bundleCli(): Promise<{ entry: string; cleanup(): void } | { error: string }> {
  const dir = tempDir("musubi-bench-bundle-");
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const esbuild = await import("esbuild");
    await esbuild.build({
      entryPoints: [path.join(ROOT, "src/cli/main.ts")],
      outfile: path.join(dir, "src/cli/main.mjs"),
      bundle: true,
      platform: "node",
      format: "esm",
      packages: "external",
      logLevel: "silent",
    });
    // Same layout as the repository, so files read relative to the sources resolve.
    for (const entry of fs.readdirSync(ROOT)) {
      if (entry !== "src" && entry !== "bin") fs.symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
    }
    const entry = path.join(dir, "run.mjs");
    fs.writeFileSync(entry, 'const { main } = await import("./src/cli/main.mjs");\nawait main(process.argv);\n');
    return { entry, cleanup };
  } catch (err) {
    cleanup();
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
