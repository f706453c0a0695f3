import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { PdfDocument, PdfRenderOptions } from "../platform/pdf/pdf.model.ts";
import { renderPdf } from "../platform/pdf/pdf.render.ts";
import { writeXlsx, type XlsxWorkbook } from "./reports.xlsx.ts";

/** What the server hands the worker: a composed document, to be written as a PDF or a workbook. */
export type RenderJob = { kind: "pdf"; doc: PdfDocument; opts: PdfRenderOptions } | { kind: "xlsx"; book: XlsxWorkbook };

/** The worker's one answer: the file's bytes (transferred, not copied), or why it failed. */
export type RenderReply = { ok: true; bytes: Uint8Array } | { ok: false; crash: string };

/** Writes the file for a composed document: the same functions the CLI calls in its own thread. */
export async function render(job: RenderJob): Promise<Uint8Array> {
  if (job.kind === "pdf") return new Uint8Array(await renderPdf(job.doc, job.opts));
  return writeXlsx(job.book);
}

if (parentPort) {
  // Background work: on Linux the worker lowers its own thread's priority, so the server's
  // requests run first when the cores are busy (as the upload worker does).
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: write at normal priority.
  }
  let reply: RenderReply;
  try {
    reply = { ok: true, bytes: await render(workerData as RenderJob) };
  } catch (err) {
    reply = { ok: false, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []);
}
