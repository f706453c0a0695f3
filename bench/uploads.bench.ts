// Issue 12, hole 3: one upload must not take the server down for every tenant. A real server is
// started with an event-loop monitor preloaded (bench/lib/loop-monitor.mjs); for a normal
// 100,000-row import and for each hostile upload the benchmark measures, inside the server, the
// longest event-loop stall, and from /proc the server's peak RSS over its RSS just before (the
// peak is reset through /proc/<pid>/clear_refs). A worker thread of this process also polls
// /api/health every 50 ms, as a second, outside view of the same stalls.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { getLibrary } from "../src/library/library.runtime.ts";
import { readTable } from "../src/systems/io/table.read.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../test/support/compliance.ts";
import { seedOrg, testApp } from "../test/support/app.ts";
import { hugeRegister, rowsXml, workbookOf, zipBomb } from "../test/support/xlsx.ts";
import { importFile } from "./compliance.bench.ts";
import { openBenchDb } from "./lib/db.ts";
import { startServe, type Spawned } from "./lib/proc.ts";
import { figure, progress, type BenchResult, type Figure } from "./lib/report.ts";

const ROWS = 100_000;
const MONITOR = fileURLToPath(new URL("./lib/loop-monitor.mjs", import.meta.url));

const POLLER = `
const { parentPort, workerData } = require("node:worker_threads");
const latencies = [];
let running = true;
parentPort.once("message", () => (running = false));
(async () => {
  while (running) {
    const t = performance.now();
    try { await (await fetch(workerData.url + "/api/health", { signal: AbortSignal.timeout(10000) })).arrayBuffer(); } catch {}
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  parentPort.postMessage(latencies);
})();
`;

function status(pid: number, field: "VmRSS" | "VmHWM"): number {
  const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}

/** Asks the preloaded monitor for its report and waits for the line; the report also resets it. */
async function loopReport(server: Spawned): Promise<{ maxMs: number; p99Ms: number }> {
  const before = server.stderr().split("loop-monitor ").length;
  server.child.kill("SIGUSR2");
  for (let i = 0; i < 200; i++) {
    const parts = server.stderr().split("loop-monitor ");
    if (parts.length > before) return JSON.parse(parts[parts.length - 1]!.split("\n")[0]!);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no loop-monitor report: ${server.stderr().slice(-500)}`);
}

interface Measured<T> {
  result: T;
  seconds: number;
  loopMaxMs: number;
  peakOverIdleMb: number;
  idleMb: number;
  healthMaxMs: number;
}

/** Runs `work` between a reset and a reading of the server's peak RSS and its event-loop monitor. */
export async function measure<T>(url: string, server: Spawned, work: () => Promise<T>): Promise<Measured<T>> {
  const pid = server.child.pid!;
  await new Promise((r) => setTimeout(r, 500));
  fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  const idleMb = status(pid, "VmRSS");
  await loopReport(server);
  const poller = new Worker(POLLER, { eval: true, workerData: { url } });
  await new Promise((r) => setTimeout(r, 200));
  const t0 = performance.now();
  const result = await work();
  const seconds = (performance.now() - t0) / 1000;
  const loop = await loopReport(server);
  const peakOverIdleMb = status(pid, "VmHWM") - idleMb;
  const done = new Promise<number[]>((resolve) => poller.once("message", resolve));
  poller.postMessage("stop");
  const latencies = await done;
  await poller.terminate();
  return { result, seconds, loopMaxMs: loop.maxMs, peakOverIdleMb, idleMb, healthMaxMs: Math.max(...latencies) };
}

export async function post(url: string, token: string, path: string, body: Uint8Array | string, headers: Record<string, string>) {
  const res = await fetch(`${url}${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, ...headers }, body: body as BodyInit });
  const json = (await res.json()) as { id?: string; suggestedMapping?: unknown; error?: { code: string; details?: { limit?: string; reason?: string } } };
  return { status: res.status, json, answer: `${res.status} ${json.error ? `${json.error.code}/${json.error.details?.limit ?? json.error.details?.reason ?? ""}` : "ok"}` };
}

/** Commits an uploaded import with its suggested mapping and polls until it is committed. */
async function commitAll(url: string, token: string, job: { id?: string; suggestedMapping?: unknown }): Promise<string> {
  const commit = await post(url, token, `/api/imports/${job.id}/commit`, JSON.stringify({ mapping: job.suggestedMapping }), { "content-type": "application/json" });
  if (commit.status !== 202) throw new Error(`commit answered ${commit.answer}`);
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const s = (await (await fetch(`${url}/api/imports/${job.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { status: string; imported: number };
    if (s.status === "committed") return `committed ${s.imported} rows`;
    if (s.status === "failed") throw new Error("import failed");
  }
}

function deepBom(levels: number): string {
  let c: unknown = { type: "library", name: "leaf" };
  for (let i = 0; i < levels; i++) c = { type: "library", name: `c${i}`, components: [c] };
  return JSON.stringify({ bom: { bomFormat: "CycloneDX", specVersion: "1.6", components: [c] } });
}

/** A valid BOM just under the 1 MiB body limit: 4,400 components with licences and datasets. */
function bigBom(): string {
  const components = Array.from({ length: 4_400 }, (_, i) => ({ type: i % 3 ? "library" : "machine-learning-model", "bom-ref": `c${i}`, name: `component-${i}`, version: `1.0.${i}`, licenses: [{ license: { id: "MIT" } }], components: [{ type: "data", name: `ds${i}`, data: [{ type: "dataset", classification: "public" }] }] }));
  return JSON.stringify({ bom: { bomFormat: "CycloneDX", specVersion: "1.6", version: 1, components } });
}

export async function uploadsBench(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const library = getLibrary();
  const bdb = await openBenchDb("sqlite");
  try {
    const org = await seedOrg(bdb.db, "bench");
    const token = org.tokens.admin;
    const api = testApp(bdb.db, bdb.dataDir);
    for (let i = 0; i < 40; i++) {
      const code = `D${String(i).padStart(3, "0")}`;
      await api.call("POST", "/api/departments", { token, body: { code, nameJa: `部署${code}`, nameEn: `Dept ${code}` } });
    }
    const system = await registerSystem(api, token, { nameJa: "需要予測", nameEn: "Demand forecast", purpose: "在庫の最適化", lifecycle: "development", profile: JP_BUSINESS_PROFILE });
    await bdb.db.close();

    progress("uploads: building the files");
    const csv = importFile(library, ROWS, "UPL");
    const table = await readTable(csv, "register.csv");
    const xlsx = workbookOf([{ name: "台帳", part: rowsXml([table.headers, ...table.rows.map((r) => r.cells)]) }]);
    const hostile: [string, string, Uint8Array | string, Record<string, string>][] = [
      ["3.8 M-row .xlsx (530 MB of sheet XML, honest sizes)", "/api/imports", hugeRegister(3_800_000), { "x-file-name": "register.xlsx" }],
      ["3.8 M-row .xlsx, sheet size declared as 200 MB", "/api/imports", hugeRegister(3_800_000, 200 * 2 ** 20), { "x-file-name": "register.xlsx" }],
      ["zip bomb (1.1 GB of XML in 1 MB)", "/api/imports", zipBomb(1_100_000_000), { "x-file-name": "bomb.xlsx" }],
      ["zip bomb declaring 1 MB", "/api/imports", zipBomb(1_100_000_000, 1_000_000), { "x-file-name": "bomb.xlsx" }],
      ["CSV of 1,000,000 columns", "/api/imports", new TextEncoder().encode("a,".repeat(1_000_000)), { "x-file-name": "wide.csv" }],
      ["CycloneDX BOM nested 1,000 levels", `/api/systems/${system.id}/cyclonedx`, deepBom(1_000), { "content-type": "application/json" }],
      ["CycloneDX BOM of 1 MiB (4,400 components, valid)", `/api/systems/${system.id}/cyclonedx`, bigBom(), { "content-type": "application/json" }],
    ];
    notes.push(`files: ${ROWS.toLocaleString("en-US")}-row CSV ${(csv.length / 2 ** 20).toFixed(1)} MB, same rows as .xlsx ${(xlsx.length / 2 ** 20).toFixed(1)} MB; ${hostile.map(([n, , b]) => `${n.split(" (")[0]}: ${(Buffer.byteLength(b) / 2 ** 20).toFixed(1)} MB`).join("; ")}`);

    const { url, server } = await startServe({ ...bdb.env, MUSUBI_BACKGROUND_JOBS: "0", NODE_OPTIONS: `--import=${MONITOR}` });
    try {
      const add = (name: string, m: Measured<string>, rssTarget: boolean) => {
        const detail = { answer: m.result, seconds: m.seconds, healthPollMaxMs: m.healthMaxMs };
        figures.push(
          figure({ bench: "uploads", name: `${name}: longest event-loop stall`, value: m.loopMaxMs, unit: "ms", target: { op: "<", value: 100 }, detail }),
          figure({ bench: "uploads", name: `${name}: peak RSS over idle`, value: m.peakOverIdleMb, unit: "MB", ...(rssTarget && { target: { op: "<" as const, value: 300 } }), detail: { idleMb: m.idleMb } }),
        );
      };
      const rows = ROWS.toLocaleString("en-US");
      progress(`uploads: uploading ${ROWS} rows as CSV`);
      let job: Awaited<ReturnType<typeof post>>["json"] = {};
      add(`${rows}-row CSV import, upload (read in a worker)`, await measure(url, server, async () => {
        const up = await post(url, token, "/api/imports", new Uint8Array(csv), { "x-file-name": "register.csv" });
        job = up.json;
        return up.answer;
      }), false);
      progress("uploads: uploading the same rows as .xlsx");
      add(`${rows}-row .xlsx upload (read in a worker)`, await measure(url, server, async () => (await post(url, token, "/api/imports", new Uint8Array(xlsx), { "x-file-name": "register.xlsx" })).answer), false);
      for (const [name, path, body, headers] of hostile) {
        progress(`uploads: ${name}`);
        add(name, await measure(url, server, async () => (await post(url, token, path, body, headers)).answer), true);
      }
      // Last: the commit leaves a large heap behind, whose collection would land on later figures.
      progress(`uploads: committing the ${ROWS}-row CSV import`);
      add(`${rows}-row CSV import, commit (validate, classify, write)`, await measure(url, server, () => commitAll(url, token, job)), false);
      if (server.child.exitCode !== null) throw new Error(`the server died: ${server.stderr().slice(-500)}`);
      figures.push(figure({ bench: "uploads", name: "server still up after every upload", value: 1, unit: "", target: { op: "==", value: 1 } }));
    } finally {
      await server.stop();
    }
  } finally {
    await bdb.cleanup();
  }
  notes.push("stall: the longest gap of a 10 ms timer in the server's main thread (a stall of d ms reads as at most d + 10); RSS: the whole server process, worker threads included");
  return { bench: "uploads", figures, notes };
}
