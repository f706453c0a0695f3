import { deserialize } from "node:v8";
import { Worker } from "node:worker_threads";
import type { ImportLimits } from "../../platform/config.ts";
import { AppError } from "../../platform/errors.ts";
import { workerScript } from "../../platform/worker-entry.ts";
import type { BomImport } from "./bom.parse.ts";
import { nestedDeeperThan } from "./json.depth.ts";
import type { GridRow } from "./table.grid.ts";
import type { ReadTableOptions, Table } from "./table.read.ts";
import { MAX_JSON_DEPTH, tooLarge } from "./upload.limits.ts";
import type { UploadJob, UploadReply } from "./upload.worker.ts";

const WORKER = new URL("./upload.worker.ts", import.meta.url);
const WORKER_WITH_TSX = new URL("./upload.worker.mjs", import.meta.url);
/** Files read at once; more wait their turn, so a burst of uploads cannot multiply the memory bound. */
const PARALLEL_READS = 2;

let running = 0;
const queue: (() => void)[] = [];

/**
 * Reads an uploaded table — bytes just received, or a stored file by path, which the worker reads
 * itself — in a worker thread, so the server's event loop never waits on a file. The worker's
 * refusals (`import_unreadable`, the row, column, cell and size limits) arrive as the same
 * `AppError`s `readTable` throws. The rows come back in transferred buffers, deserialised one
 * slice per turn of the event loop, with the file's SHA-256 and its count of rows. With
 * `sampleRows`, only the first rows come back: describing a file needs no more, and a 100,000-row
 * table parsed here only to be dropped is a few hundred MB of garbage for the server to collect.
 */
export async function readTableOffThread(source: Uint8Array | { path: string }, fileName: string, opts: ReadTableOptions & { limits: ImportLimits; sampleRows?: number }): Promise<Table & { sha256: string; rowCount: number }> {
  const shared = source instanceof Uint8Array ? await sharedCopy(source) : source;
  const { sampleRows, ...readOpts } = opts;
  const reply = await runJob({ kind: "table", source: shared, fileName, opts: readOpts, ...(sampleRows !== undefined && { sampleRows }) }, fileName, opts.limits);
  if (!("rowChunks" in reply)) throw new Error("the upload worker answered a table job without rows");
  const rows: GridRow[] = [];
  for (const chunk of reply.rowChunks) {
    for (const row of deserialize(chunk) as GridRow[]) rows.push(row);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { ...reply.table, rows, rowCount: reply.rowCount, sha256: reply.sha256 };
}

/**
 * `parseCycloneDx` in a worker: schema validation of a 1 MiB BOM takes the better part of a
 * second with the schema's compilation. Nesting is checked here first, because copying a deeply
 * nested value to the worker is itself recursive.
 */
export async function parseBomOffThread(json: unknown, limits: ImportLimits): Promise<BomImport> {
  if (nestedDeeperThan(json, MAX_JSON_DEPTH)) throw tooLarge(undefined, "depth", MAX_JSON_DEPTH);
  const reply = await runJob({ kind: "bom", json }, undefined, limits);
  if (!("bom" in reply)) throw new Error("the upload worker answered a BOM job without a BOM");
  return reply.bom;
}

/**
 * Runs one job in a fresh worker whose heap is capped at `limits.workerHeapMb` and which is
 * stopped after `limits.seconds` — both answered with 413 `import_too_large`. A fresh worker per
 * file means whatever a hostile file made it allocate is gone when it ends.
 */
async function runJob(job: UploadJob, fileName: string | undefined, limits: ImportLimits): Promise<Extract<UploadReply, { ok: true }>> {
  if (running >= PARALLEL_READS) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  let reply: UploadReply;
  try {
    reply = await inWorker(await workerScript(WORKER, WORKER_WITH_TSX), job, fileName, limits);
  } finally {
    running--;
    queue.shift()?.();
  }
  if (reply.ok) return reply;
  if ("crash" in reply) throw new Error(`reading ${fileName ?? "an upload"} failed in the worker: ${reply.crash}`);
  throw new AppError(reply.status, reply.code, reply.details);
}

function inWorker(script: URL, job: UploadJob, fileName: string | undefined, limits: ImportLimits): Promise<UploadReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb } });
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(tooLarge(fileName, "seconds", limits.seconds))), limits.seconds * 1000);
    worker.once("message", (reply: UploadReply) => settle(() => resolve(reply)));
    worker.once("error", (err: Error & { code?: string }) => settle(() => reject(err.code === "ERR_WORKER_OUT_OF_MEMORY" ? tooLarge(fileName, "memory", limits.workerHeapMb) : err)));
    worker.once("exit", (code) => settle(() => reject(new Error(`the upload worker exited with code ${code} before answering`))));
  });
}

const COPY_SLICE = 4 * 2 ** 20;

/**
 * The bytes in shared memory the worker reads without a copy. Handing a 38 MB upload to a worker
 * by cloning stalled the event loop for 130 ms (the copy faults in fresh pages); copying it here
 * 4 MiB per turn costs the same in all but never more than ~12 ms at a time, and the caller keeps
 * its own bytes (to store the file once it has been read).
 */
async function sharedCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  for (let at = 0; at < bytes.byteLength; at += COPY_SLICE) {
    shared.set(bytes.subarray(at, at + COPY_SLICE), at);
    if (at + COPY_SLICE < bytes.byteLength) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return shared;
}
