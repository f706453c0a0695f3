import { serialize } from "node:v8";
import { Worker } from "node:worker_threads";
import type { Db } from "../db/connect.ts";
import { AppError } from "../platform/errors.ts";
import { timeSlicer } from "../platform/time-slice.ts";
import { workerScript } from "../platform/worker-entry.ts";
import type { ClassifiedRow, ImportWrite } from "./imports.write.ts";

/** What the import worker is given: the database file, the write, and the rows in serialised slices. */
export interface WriteJob {
  file: string;
  write: ImportWrite;
  rowChunks: Uint8Array[];
  /** After a bulk load: the tables whose planner statistics the worker refreshes before it answers. */
  analyse?: readonly string[];
}

/** The worker's messages: progress, then one answer. */
export type WriteMessage = { done: number } | { ok: true } | { ok: false; status: number; code: AppError["code"]; details: unknown } | { ok: false; crash: string };

const ROWS_PER_CHUNK = 1_000;
const WORKER = new URL("./imports.write.worker.ts", import.meta.url);
const WORKER_WITH_TSX = new URL("./imports.write.worker.mjs", import.meta.url);

/** Workers still closing after their import committed; awaited on shutdown. */
const finishing = new Set<Promise<void>>();

/**
 * Whether an import's write can run in a worker: SQLite on a file. better-sqlite3 runs every
 * statement on the calling thread, and one transaction of 100,000 systems writes a WAL of over
 * 300 MB whose COMMIT (checksums re-read, fsync) and checkpoint hold that thread for seconds
 * whatever the slicing. PostgreSQL does its work in its own process, so the write stays here.
 */
export function writesOffThread(db: Db): boolean {
  return db.dialect === "sqlite" && db.connection?.kind === "sqlite";
}

/**
 * Runs `writeClassified` in a worker thread on a connection of its own, while holding the
 * server's one write connection, so that every other write waits its turn as it would behind a
 * write on this thread (asynchronously, never on SQLite's busy timeout). Reads go on, on the read
 * connection. After its COMMIT, and before it answers (so while the write connection is still
 * held), the worker refreshes the planner's statistics after a bulk load (`analyse`) and
 * checkpoints the WAL into the database: on this thread either held the server for over 100 ms
 * at 100,000 systems, just as the next request came.
 */
export async function writeOffThread(db: Db, write: ImportWrite, rows: readonly ClassifiedRow[], onProgress: (done: number) => void, analyse?: readonly string[]): Promise<void> {
  if (db.connection?.kind !== "sqlite") throw new Error("writeOffThread needs SQLite on a file");
  const file = db.connection.file;
  const rowChunks = await serialiseInSlices(rows);
  const script = await workerScript(WORKER, WORKER_WITH_TSX);
  const reply = await db.kysely.connection().execute(() => runWorker(script, { file, write, rowChunks, ...(analyse && { analyse }) }, onProgress));
  if (reply.ok) return;
  if ("crash" in reply) throw new Error(`the import worker failed: ${reply.crash}`);
  throw new AppError(reply.status, reply.code, reply.details);
}

/** Resolves once every import worker still closing has ended (server shutdown). */
export async function importWorkersFinished(): Promise<void> {
  await Promise.all([...finishing]);
}

async function serialiseInSlices(rows: readonly ClassifiedRow[]): Promise<Uint8Array[]> {
  const slicer = timeSlicer();
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) {
    chunks.push(serialize(rows.slice(i, i + ROWS_PER_CHUNK)));
    await slicer.pause();
  }
  return chunks;
}

function runWorker(script: URL, job: WriteJob, onProgress: (done: number) => void): Promise<Extract<WriteMessage, { ok: boolean }>> {
  return new Promise((resolve) => {
    // The slices are moved, not copied: cloning 30 MB into the worker took 200 ms of this thread.
    const worker = new Worker(script, { workerData: job, transferList: job.rowChunks.map((c) => c.buffer as ArrayBuffer) });
    let answered = false;
    const answer = (reply: Extract<WriteMessage, { ok: boolean }>) => {
      if (answered) return;
      answered = true;
      resolve(reply);
    };
    const ended = new Promise<void>((done) => worker.once("exit", () => done()));
    finishing.add(ended);
    void ended.then(() => finishing.delete(ended));
    worker.on("message", (m: WriteMessage) => ("done" in m ? onProgress(m.done) : answer(m)));
    worker.once("error", (err: Error) => answer({ ok: false, crash: err.stack ?? err.message }));
    worker.once("exit", (code) => answer({ ok: false, crash: `the import worker exited with code ${code} before answering` }));
  });
}
