// Worker thread that writes one import on a SQLite connection of its own (see imports.offthread.ts).
import { deserialize } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { openSqlite } from "../db/connect.ts";
import { afterBulkLoad } from "../db/maintenance.ts";
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
    // Committed. Before answering — while the server still holds its write connection for this
    // import, so that nothing of its own races these — the statistics are refreshed, for the next
    // import's look-ups to be planned for the tables as they now are, and the new WAL is copied
    // into the database: done after the answer, the server's next write (the next upload) often
    // committed first and did that checkpoint itself, on its own thread (a 130 ms stall). PASSIVE:
    // readers are never waited for; what it cannot copy now a later checkpoint will.
    if (job.analyse?.length) await afterBulkLoad(db, job.analyse);
    db.sqlite?.pragma("wal_checkpoint(PASSIVE)");
    post({ ok: true });
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
