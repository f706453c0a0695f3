import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = fileURLToPath(new URL("../../bin/musubi.mjs", import.meta.url));

/** Runs `musubi <args>` to completion; resolves with its exit code and output. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Starts `musubi serve` as a separate process and resolves once it prints the URL it serves. */
export function spawnServer(env: NodeJS.ProcessEnv, args: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "serve", "--no-demo", "--port", "0", ...args], {
      env: { ...process.env, MUSUBI_LOG_LEVEL: "warn", ...env },
      cwd: ROOT,
    });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /Musubi is serving (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.stderr!.on("data", (d) => (out += d));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}

/**
 * A data folder holding a migrated SQLite database with the demo organisation, for tests that run
 * the CLI against it (`MUSUBI_DATA_DIR`); the caller removes it.
 */
export async function demoDataDir(): Promise<string> {
  const { openSqlite } = await import("../../src/db/connect.ts");
  const { migrateToLatest } = await import("../../src/db/migrate.ts");
  const { seedDemo } = await import("../../src/demo/demo.seed.ts");
  const { tempDir } = await import("./databases.ts");
  const root = tempDir();
  const db = openSqlite(path.join(root, "musubi.sqlite"));
  await migrateToLatest(db);
  await seedDemo(db, root, "demo-password-123");
  await db.close();
  return root;
}
