// Worker thread that writes one import on a SQLite connection of its own (see imports.offthread.ts).
import { deserialize } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { openSqlite } from "../db/connect.ts";
import { AppError } from "../platform/errors.ts";
import type { WriteJob, WriteMessage } from "./imports.offthread.ts";
import { writeClassified, type ClassifiedRow } from "./imports.write.ts";

/** Progress is posted at most this often; the server only shows it. */
const PROGRESS_EVERY_MS = 100;

async function run(job: WriteJob, post: (m: WriteMessage) => void): Promise<void> {
  const db = openSqlite(job.file);
  try {
    const rows: ClassifiedRow[] = [];
    for (const chunk of job.rowChunks) for (const row of deserialize(chunk) as ClassifiedRow[]) rows.push(row);
    let last = 0;
    await writeClassified(db, job.write, rows, (done) => {
      const now = performance.now();
      if (now - last < PROGRESS_EVERY_MS && done < rows.length) return;
      last = now;
      post({ done });
    });
    post({ ok: true });
    // Committed: the server goes on. Copying the new WAL into the database here spares the
    // server's next write the checkpoint that would otherwise fall to it. PASSIVE: readers and
    // writers are never waited for; what it cannot copy now a later checkpoint will.
    db.sqlite?.pragma("wal_checkpoint(PASSIVE)");
  } catch (err) {
    if (err instanceof AppError) post({ ok: false, status: err.status, code: err.code, details: err.details });
    else post({ ok: false, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  } finally {
    await db.close();
  }
}

if (parentPort) {
  const port = parentPort;
  await run(workerData as WriteJob, (m) => port.postMessage(m));
}
