import { createHash } from "node:crypto";
import { readFileSync, readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { serialize } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { AppError } from "../../platform/errors.ts";
import type { BomImport } from "./bom.parse.ts";
import type { GridRow } from "./table.grid.ts";
import { readTable, type ReadTableOptions, type Table } from "./table.read.ts";

/**
 * What the server hands the worker: an uploaded table — its bytes (shared, not copied) or the path
 * of the stored file — and how to read it; or a parsed BOM.
 */
export type UploadJob = { kind: "table"; source: Uint8Array | { path: string }; fileName: string; opts: ReadTableOptions; sampleRows?: number } | { kind: "bom"; json: unknown };

/**
 * The worker's one answer. Table rows travel as serialised slices in transferred buffers: moving
 * them costs the server nothing (cloning 45 M characters of strings in one message stalled it for
 * 400 ms), and it deserialises them a slice per turn of its event loop.
 */
export type UploadReply =
  | { ok: true; table: Omit<Table, "rows">; rowChunks: Uint8Array[]; rowCount: number; sha256: string }
  | { ok: true; bom: BomImport }
  | { ok: false; status: number; code: AppError["code"]; details: unknown }
  | { ok: false; crash: string };

/** Cells per slice of rows: deserialising one slice takes the server a few milliseconds. */
const CELLS_PER_CHUNK = 16_384;

/**
 * The rows in slices serialised with V8's own format (three times faster than JSON both ways);
 * each row is dropped once encoded, so the worker never holds two copies.
 */
export function encodeRows(rows: (GridRow | undefined)[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let slice: GridRow[] = [];
  let cells = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    rows[i] = undefined;
    slice.push(row);
    cells += row.cells.length + 1;
    if (cells >= CELLS_PER_CHUNK) {
      chunks.push(serialize(slice));
      slice = [];
      cells = 0;
    }
  }
  if (slice.length > 0) chunks.push(serialize(slice));
  return chunks;
}

async function run(job: UploadJob): Promise<UploadReply> {
  try {
    // Loaded only for a BOM: its schema validator and the system schemas would add a quarter of a
    // second to the start of every worker reading a spreadsheet.
    if (job.kind === "bom") return { ok: true, bom: (await import("./bom.parse.ts")).parseBom(job.json) };
    const bytes = job.source instanceof Uint8Array ? job.source : readFileSync(job.source.path);
    const { rows, ...table } = await readTable(bytes, job.fileName, job.opts);
    // Hashed here too, so storing the upload costs the server's event loop nothing but the write.
    const sent = job.sampleRows === undefined ? rows : rows.slice(0, job.sampleRows);
    return { ok: true, table, rowChunks: encodeRows(sent), rowCount: rows.length, sha256: createHash("sha256").update(bytes).digest("hex") };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, status: err.status, code: err.code, details: err.details };
    return { ok: false, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

/**
 * Reading a file is background work: on Linux the worker lowers its own thread's priority (nice
 * 10), so when the cores are busy the server's main thread — every other tenant's requests — runs
 * first. Elsewhere it keeps the default.
 */
function yieldPriority(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: read at normal priority.
  }
}

if (parentPort) {
  yieldPriority();
  const reply = await run(workerData as UploadJob);
  parentPort.postMessage(reply, "rowChunks" in reply ? reply.rowChunks.map((c) => c.buffer as ArrayBuffer) : []);
}
