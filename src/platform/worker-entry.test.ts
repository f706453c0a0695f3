import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { workerScript } from "./worker-entry.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-worker-entry-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function runOnce(script: URL): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.once("message", (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

describe("worker scripts", () => {
  it("bundles a TypeScript entry that runs without tsx, each module keeping its own import.meta.url", async () => {
    fs.writeFileSync(path.join(dir, "helper.ts"), `export const helperUrl: string = import.meta.url;\n`);
    fs.writeFileSync(
      path.join(dir, "entry.ts"),
      `import { parentPort } from "node:worker_threads";\nimport { helperUrl } from "./helper.ts";\nconst n: number = 41;\nparentPort?.postMessage({ entry: import.meta.url, helper: helperUrl, n: n + 1 });\n`,
    );
    const entry = pathToFileURL(path.join(dir, "entry.ts"));
    const script = await workerScript(entry, new URL("file:///nonexistent.mjs"));
    expect(script.protocol).toBe("file:");
    expect(script.href).toMatch(/node_modules\/\.cache\/musubi\/workers\/entry-[0-9a-f]{16}\/entry\.js$/);
    expect(await runOnce(script)).toEqual({ entry: entry.href, helper: pathToFileURL(path.join(dir, "helper.ts")).href, n: 42 });
    // Built once per process.
    expect((await workerScript(entry, new URL("file:///nonexistent.mjs"))).href).toBe(script.href);
  });

  it("answers the fallback entry when the module cannot be bundled", async () => {
    const fallback = new URL("file:///with-tsx.mjs");
    expect((await workerScript(pathToFileURL(path.join(dir, "missing.ts")), fallback)).href).toBe(fallback.href);
  });
});
