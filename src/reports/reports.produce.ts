import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import { readBoardReport } from "./board.data.ts";
import { boardPdfDocument } from "./board.pdf.ts";
import { boardWorkbook } from "./board.xlsx.ts";
import { readComplianceReport } from "./compliance.data.ts";
import { compliancePdfDocument } from "./compliance.pdf.ts";
import { complianceWorkbook } from "./compliance.xlsx.ts";
import type { ReportRequest } from "./reports.schema.ts";
import { exportSystemCards } from "../disclosures/system-cards.bulk.ts";
import { render, type RenderJob } from "./reports.worker.ts";
import type { ReportStage } from "./reports.words.ts";

/** A written report: its bytes, the download's name and its media type. */
export interface ReportFile {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

/** Called as a report moves on: the step under way, steps done of `total`. */
export type OnProgress = (stage: ReportStage, done: number, total: number) => void | Promise<void>;

/** Writes a composed document: in this thread (the CLI), or in a worker (`renderOffThread`, the server). */
export type Renderer = (job: RenderJob) => Promise<Uint8Array>;

/** Steps of a report: reading the data, composing the document, writing the file. */
export const PRODUCE_STEPS = 3;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Produces a report: reads its data (a 400 for an unknown framework or a bad period), composes
 * the PDF document or the workbook in the requested language, and writes it with `renderer`.
 * `onProgress` hears of each step; the caller (a job, the CLI) says where that goes.
 */
export async function produceReport(deps: { db: Kysely<Database>; library: Library }, orgId: string, req: ReportRequest, opts: { onProgress?: OnProgress; renderer?: Renderer; now?: Date } = {}): Promise<ReportFile> {
  const progress = opts.onProgress ?? (() => undefined);
  const renderer = opts.renderer ?? render;
  const now = opts.now ?? new Date();
  if (req.kind === "system-cards") {
    // Progress counts cards here: done of the organisation's systems.
    const cards = await exportSystemCards(deps.db, deps.library, orgId, (done, total) => progress("composing", done, total), now);
    return { bytes: cards.bytes, fileName: cards.fileName, contentType: "application/gzip" };
  }
  await progress("reading", 0, PRODUCE_STEPS);
  let job: RenderJob;
  let fileName: string;
  if (req.kind === "compliance") {
    const data = await readComplianceReport(deps.db, deps.library, orgId, req.params.framework, now);
    await progress("composing", 1, PRODUCE_STEPS);
    fileName = `compliance-report-${data.framework.id}-${data.today}-${req.lang}`;
    if (req.format === "pdf") {
      const doc = compliancePdfDocument(data, req.lang);
      job = { kind: "pdf", doc, opts: { lang: req.lang, title: `${doc.title} — ${doc.subtitle}`, author: req.lang === "ja" ? data.org.nameJa : data.org.nameEn, subject: doc.subtitle ?? doc.title } };
    } else job = { kind: "xlsx", book: complianceWorkbook(data, req.lang) };
  } else {
    const data = await readBoardReport(deps.db, deps.library, orgId, req.params, now);
    await progress("composing", 1, PRODUCE_STEPS);
    fileName = `board-report-${data.period.from}_${data.period.to}-${req.lang}`;
    if (req.format === "pdf") {
      const doc = boardPdfDocument(data, req.lang);
      job = { kind: "pdf", doc, opts: { lang: req.lang, title: `${doc.title} — ${doc.subtitle}`, author: req.lang === "ja" ? data.org.nameJa : data.org.nameEn, subject: doc.subtitle ?? doc.title } };
    } else job = { kind: "xlsx", book: boardWorkbook(data, req.lang) };
  }
  await progress("rendering", 2, PRODUCE_STEPS);
  const bytes = await renderer(job);
  return { bytes, fileName: `${fileName}.${req.format}`, contentType: req.format === "pdf" ? "application/pdf" : XLSX };
}

/** The pages of a PDF Musubi wrote (PDFKit writes each page object uncompressed). */
export function pdfPageCount(bytes: Uint8Array): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

/** A file download answer, named `fileName` (reduced to safe characters), never cached. */
export function fileResponse(file: { bytes: Uint8Array; fileName: string; contentType: string }): Response {
  const safe = file.fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Uint8Array(file.bytes), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${safe}"`, "content-length": String(file.bytes.byteLength), "cache-control": "no-store" },
  });
}
