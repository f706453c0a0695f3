import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { seedOrg, testApp } from "./support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "./support/compliance.ts";
import { tempDir } from "./support/databases.ts";
import { spawnServer } from "./support/process.ts";
import { hugeRegister, zipBomb } from "./support/xlsx.ts";

/** The health poller's record: every answer's latency, and any poll that got no answer. */
interface Health {
  latencies: number[];
  failures: string[];
}

/**
 * Asks `/api/health` every 50 ms from a worker thread until stopped, timing each answer. A thread
 * of its own, because this process also builds and sends 38 MB bodies, and its own pauses must not
 * count against the server.
 */
const POLLER = `
const { parentPort, workerData } = require("node:worker_threads");
const latencies = [], failures = [];
let running = true;
parentPort.once("message", () => (running = false));
(async () => {
  while (running) {
    const started = performance.now();
    try {
      const res = await fetch(workerData.url + "/api/health", { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status !== 200) failures.push("status " + res.status);
    } catch (err) {
      failures.push(String(err));
    }
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
  }
  parentPort.postMessage({ latencies, failures });
})();
`;

async function pollHealth(url: string): Promise<{ stop(): Promise<Health> }> {
  const worker = new Worker(POLLER, { eval: true, workerData: { url } });
  await new Promise((r) => setTimeout(r, 300));
  return {
    stop: async () => {
      const done = new Promise<Health>((resolve) => worker.once("message", resolve));
      worker.postMessage("stop");
      const health = await done;
      await worker.terminate();
      return health;
    },
  };
}

/** The process's peak resident memory so far (Linux), in MB; undefined elsewhere. */
function peakRssMb(pid: number): number | undefined {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? undefined : Number(kb) / 1024;
}

describe.skipIf(process.platform === "win32")("hostile uploads against a real server with a 512 MB heap", () => {
  let dir: string;
  let child: ChildProcess;
  let url: string;
  let token: string;
  let systemId: string;

  beforeAll(async () => {
    dir = tempDir();
    const db = openSqlite(path.join(dir, "musubi.sqlite"));
    await migrateToLatest(db);
    token = (await seedOrg(db, "bounds")).tokens.admin;
    systemId = (await registerSystem(testApp(db, dir), token, { nameJa: "需要予測", nameEn: "Demand forecast", purpose: "在庫の最適化", lifecycle: "development", profile: JP_BUSINESS_PROFILE })).id;
    await db.close();
    ({ child, url } = await spawnServer({ MUSUBI_DATA_DIR: dir, MUSUBI_BACKGROUND_JOBS: "0", NODE_OPTIONS: "--max-old-space-size=512" }));
  });

  afterAll(() => {
    child?.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const upload = async (name: string, bytes: Uint8Array, lang: "en" | "ja") => {
    const res = await fetch(`${url}/api/imports`, { method: "POST", headers: { authorization: `Bearer ${token}`, "x-file-name": encodeURIComponent(name), "accept-language": lang }, body: bytes as unknown as BodyInit });
    return { status: res.status, body: (await res.json()) as { error: { code: string; message: string; details: { limit?: string; reason?: string; message: { en: string; ja: string } } } } };
  };

  it("refuses each hostile file with a clear 4xx, stays up, and keeps answering health within 200 ms", async () => {
    // Built first: generating them blocks this process, which would show up as slow health answers.
    const files = {
      register: hugeRegister(3_800_000),
      lying: hugeRegister(3_800_000, 200 * 2 ** 20),
      bomb: zipBomb(1_100_000_000),
      lyingBomb: zipBomb(1_100_000_000, 1_000_000),
      wide: new TextEncoder().encode("a,".repeat(1_000_000)),
    };
    let deep: unknown = { type: "library", name: "leaf" };
    for (let i = 0; i < 1_000; i++) deep = { type: "library", name: `c${i}`, components: [deep] };
    const deepBom = JSON.stringify({ bom: { bomFormat: "CycloneDX", specVersion: "1.6", components: [deep] } });
    const poller = await pollHealth(url);
    let health: Health = { latencies: [], failures: [] };
    const answers: Record<string, { status: number; code: string; limit: string | undefined; message: string; en: string; ja: string }> = {};
    const record = (label: string, a: Awaited<ReturnType<typeof upload>>) => {
      const { code, message, details } = a.body.error;
      answers[label] = { status: a.status, code, limit: details.limit ?? details.reason, message, en: details.message.en, ja: details.message.ja };
    };
    try {
      record("register", await upload("台帳.xlsx", files.register, "en"));
      record("register, lying", await upload("台帳.xlsx", files.lying, "ja"));
      record("zip bomb", await upload("bomb.xlsx", files.bomb, "en"));
      record("zip bomb, lying", await upload("bomb.xlsx", files.lyingBomb, "ja"));
      record("1M columns", await upload("wide.csv", files.wide, "en"));
      const bom = await fetch(`${url}/api/systems/${systemId}/cyclonedx`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "accept-language": "ja" },
        body: deepBom,
      });
      const bomBody = (await bom.json()) as { error: { code: string; message: string; details: { limit: string; message: { en: string; ja: string } } } };
      answers["BOM 1,000 deep"] = { status: bom.status, code: bomBody.error.code, limit: bomBody.error.details.limit, message: bomBody.error.message, en: bomBody.error.details.message.en, ja: bomBody.error.details.message.ja };
      const normal = await upload("台帳.csv", new TextEncoder().encode("名称,目的\n需要予測,在庫の最適化\n"), "ja");
      expect(normal.status).toBe(201);
    } finally {
      health = await poller.stop();
    }
    const peak = peakRssMb(child.pid!);
    const slow = health.latencies.map((ms, i) => [i, Math.round(ms)]).filter(([, ms]) => ms! > 100);
    console.info(`health polls: ${health.latencies.length}, max ${Math.max(...health.latencies).toFixed(0)} ms (over 100 ms: ${JSON.stringify(slow)}); server peak RSS ${peak?.toFixed(0)} MB`);

    expect(answers["register"]).toMatchObject({ status: 413, code: "import_too_large", limit: "uncompressed_bytes", en: expect.stringContaining("at most 256 MB") });
    expect(answers["register, lying"]).toMatchObject({ status: 413, code: "import_too_large", limit: "rows", ja: expect.stringContaining("200,000行まで"), message: expect.stringMatching(/上限/) });
    expect(answers["zip bomb"]).toMatchObject({ status: 413, code: "import_too_large", limit: "zip_ratio", en: expect.stringContaining("100-fold") });
    expect(answers["zip bomb, lying"]).toMatchObject({ status: 422, code: "import_unreadable", limit: "bad_xlsx", message: expect.stringMatching(/読み込めません/) });
    expect(answers["1M columns"]).toMatchObject({ status: 413, code: "import_too_large", limit: "columns", en: expect.stringContaining("at most 1,000 columns"), message: expect.stringMatching(/limit/) });
    expect(answers["BOM 1,000 deep"]).toMatchObject({ status: 413, code: "import_too_large", limit: "depth", ja: expect.stringContaining("64階層まで") });

    expect(child.exitCode).toBeNull();
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    expect(health.failures).toEqual([]);
    expect(health.latencies.length).toBeGreaterThan(20);
    expect(Math.max(...health.latencies)).toBeLessThan(200);
    if (peak !== undefined) expect(peak).toBeLessThan(1024);
  });
});
