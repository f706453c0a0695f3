import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import type { Actor } from "../platform/authz.ts";
import { AppError, ERROR_CODES, errorBody, notFound, type ErrorCode } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import type { Logger } from "../platform/logger.ts";
import { readOrgCalendar } from "../disclosures/haip/haip.period.ts";
import { boardPeriod } from "./board.period.ts";
import { unknownFramework } from "./compliance.data.ts";
import { renderOffThread } from "./reports.offthread.ts";
import { PRODUCE_STEPS, produceReport, type ReportFile } from "./reports.produce.ts";
import type { ReportJobView, ReportRequest } from "./reports.schema.ts";
import { REPORT_STAGES, type ReportStage } from "./reports.words.ts";

type JobRow = Database["report_jobs"];

export interface ReportJobDeps {
  db: Db;
  library: Library;
  dataDir: string;
  logger?: Logger;
}

/** Steps of a job: the report's own, then storing its file. */
const JOB_STEPS = PRODUCE_STEPS + 1;
/** Jobs and their files are removed this long after they were started. */
export const KEEP_MS = 24 * 3600 * 1000;
/** A queued or running job not heard of for this long died with its process: it is marked failed. */
export const STALE_MS = 15 * 60 * 1000;

/** Organisations whose job is being started in this process: closes the gap between the check and the insert. */
const starting = new Set<string>();

/** Where an organisation's report files lie: one folder per organisation under the data folder. */
export function reportsDir(dataDir: string, orgId: string): string {
  return path.join(dataDir, "reports", orgId.replace(/[^A-Za-z0-9_-]/g, "_"));
}

function filePath(dataDir: string, job: Pick<JobRow, "org_id" | "id" | "format">): string {
  return path.join(reportsDir(dataDir, job.org_id), `${job.id}.${job.format}`);
}

/** A job as the API shows it: progress with its step in both languages, the file once done. */
export function presentJob(row: JobRow): ReportJobView {
  const stage = (Object.hasOwn(REPORT_STAGES, row.stage) ? row.stage : "queued") as ReportStage;
  const code: ErrorCode | null = row.error ? ((ERROR_CODES as readonly string[]).includes(row.error) ? (row.error as ErrorCode) : "internal") : null;
  return {
    id: row.id,
    kind: row.kind as ReportJobView["kind"],
    format: row.format as ReportJobView["format"],
    lang: row.lang as ReportJobView["lang"],
    status: row.status as ReportJobView["status"],
    progress: { done: row.done, total: row.total, stage, label: REPORT_STAGES[stage] },
    file: row.status === "done" && row.file_name ? { name: row.file_name, size: row.file_size ?? 0, href: `/api/reports/jobs/${row.id}/file` } : null,
    error: code ? { code, message: { ja: errorBody(code, "ja").error.message, en: errorBody(code, "en").error.message } } : null,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Checks a request before a job is opened for it, so a bad one is refused with its 400 at once
 * (an unknown framework, a period that ends before it starts) instead of failing later.
 */
async function checkRequest(deps: ReportJobDeps, orgId: string, req: ReportRequest): Promise<void> {
  if (req.kind === "system-cards") return;
  if (req.kind === "compliance") {
    if (!deps.library.current.has(req.params.framework)) throw unknownFramework();
  } else boardPeriod(req.params, await readOrgCalendar(deps.db.kysely, orgId));
}

/**
 * Removes jobs (and their files) older than {@link KEEP_MS}, and marks failed the queued or running
 * jobs nobody has heard of for {@link STALE_MS} — their process ended — so they no longer hold
 * their organisation's one running job. Maintenance across organisations, run when a job starts.
 */
export async function sweepReportJobs(deps: Pick<ReportJobDeps, "db" | "dataDir">, now = new Date()): Promise<number> {
  const db = deps.db.kysely;
  const stale = new Date(now.getTime() - STALE_MS).toISOString();
  await db.updateTable("report_jobs").set({ status: "failed", stage: "failed", error: "internal", updated_at: now.toISOString(), finished_at: now.toISOString() }).where("status", "in", ["queued", "running"]).where("updated_at", "<", stale).execute();
  const old = await db.selectFrom("report_jobs").select(["id", "org_id", "format"]).where("created_at", "<", new Date(now.getTime() - KEEP_MS).toISOString()).execute();
  for (const job of old) await fs.rm(filePath(deps.dataDir, job), { force: true });
  if (old.length) await db.deleteFrom("report_jobs").where("id", "in", old.map((j) => j.id)).execute();
  return old.length;
}

/**
 * Opens a job for a report and runs it in the background: 202 with the job, which the caller polls.
 * One job at a time per organisation (409 `report_in_progress` while one is queued or running), so a
 * burst of clicks cannot queue a dozen 50-page reports.
 */
export async function startReportJob(deps: ReportJobDeps, actor: Actor, req: ReportRequest): Promise<{ job: ReportJobView; done: Promise<void> }> {
  await checkRequest(deps, actor.orgId, req);
  if (starting.has(actor.orgId)) throw new AppError(409, "report_in_progress");
  starting.add(actor.orgId);
  let row: JobRow;
  try {
    await sweepReportJobs(deps);
    const busy = await deps.db.kysely.selectFrom("report_jobs").select("id").where("org_id", "=", actor.orgId).where("status", "in", ["queued", "running"]).executeTakeFirst();
    if (busy) throw new AppError(409, "report_in_progress", { job: busy.id });
    const now = new Date().toISOString();
    row = { id: newId("rpt"), org_id: actor.orgId, kind: req.kind, params: JSON.stringify(req.params), format: req.format, lang: req.lang, status: "queued", stage: "queued", done: 0, total: JOB_STEPS, file_name: null, file_size: null, error: null, created_by: actor.userId, created_at: now, updated_at: now, finished_at: null };
    await deps.db.kysely.insertInto("report_jobs").values(row).execute();
  } finally {
    starting.delete(actor.orgId);
  }
  const done = runJob(deps, row, req);
  return { job: presentJob(row), done };
}

async function update(deps: ReportJobDeps, row: JobRow, set: Partial<JobRow>): Promise<void> {
  Object.assign(row, set, { updated_at: new Date().toISOString() });
  await deps.db.kysely.updateTable("report_jobs").set({ ...set, updated_at: row.updated_at }).where("org_id", "=", row.org_id).where("id", "=", row.id).execute();
}

/** Runs a job: each step recorded on its row as it starts; the file written under the data folder. */
async function runJob(deps: ReportJobDeps, row: JobRow, req: ReportRequest): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  try {
    await update(deps, row, { status: "running" });
    const file: ReportFile = await produceReport({ db: deps.db.kysely, library: deps.library }, row.org_id, req, {
      renderer: renderOffThread,
      // Steps of the report, or cards of the export, and one more for storing the file.
      onProgress: (stage, done, total) => update(deps, row, { stage, done, total: total + 1 }),
    });
    await update(deps, row, { stage: "storing", done: row.total - 1 });
    const target = filePath(deps.dataDir, row);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(`${target}.partial`, file.bytes);
    await fs.rename(`${target}.partial`, target);
    const finished = new Date().toISOString();
    await update(deps, row, { status: "done", stage: "done", done: row.total, file_name: file.fileName, file_size: file.bytes.byteLength, finished_at: finished });
  } catch (err) {
    deps.logger?.error({ err, reportJob: row.id }, "report job failed");
    await update(deps, row, { status: "failed", stage: "failed", error: err instanceof AppError ? err.code : "internal", finished_at: new Date().toISOString() }).catch(() => undefined);
  }
}

/** The organisation's job, or 404 — another organisation's id is not found, like any record of theirs. */
export async function readReportJob(db: Db, orgId: string, id: string): Promise<ReportJobView> {
  const row = await db.kysely.selectFrom("report_jobs").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound();
  return presentJob(row);
}

/** The finished job's file: 409 `report_not_ready` before it is done, 404 once it has been cleaned away. */
export async function reportJobFile(deps: Pick<ReportJobDeps, "db" | "dataDir">, orgId: string, id: string): Promise<ReportFile> {
  const row = await deps.db.kysely.selectFrom("report_jobs").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== "done" || !row.file_name) throw new AppError(409, "report_not_ready", { status: row.status });
  const bytes = await fs.readFile(filePath(deps.dataDir, row)).catch(() => null);
  if (!bytes) throw notFound();
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName: row.file_name, contentType: row.format === "pdf" ? "application/pdf" : row.format === "jsonl" ? "application/gzip" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
}
