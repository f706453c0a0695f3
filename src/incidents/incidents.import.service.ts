import { z } from "zod";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { AppError } from "../platform/errors.ts";
import type { Actor } from "../platform/authz.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { importReport, importView, readOptions, type ImportView } from "../systems/imports.schema.ts";
import { getJob, keepProblems, loadTable, presentJob, reportOf, SAMPLE_ROWS, setStatus, uploadImport, type ImportDeps } from "../systems/imports.service.ts";
import { foldValue } from "../systems/io/import.values.ts";
import { announceBulkFiling, fileIncident } from "./incidents.service.ts";
import { checkIncidentRows, incidentMappingEntry, INCIDENT_FIELDS, MAX_INCIDENT_ROWS, readIncidentValue, suggestIncidentMapping, type CheckedIncidents, type IncidentMappingEntry } from "./incidents.import.ts";
import { afterBulkLoad } from "../db/maintenance.ts";
import { indexAllQueued } from "../search/search.indexer.ts";
import { importDuration } from "../platform/metrics.ts";
import { timeSlicer } from "../platform/time-slice.ts";

/** Where imported incidents say they came from; with the row's id it keeps a re-import from filing twice. */
export const IMPORT_SOURCE = "import";

const incidentMapping = z
  .array(incidentMappingEntry)
  .min(1)
  .max(50)
  .superRefine((mapping, ctx) => {
    const seen = new Set<string>();
    mapping.forEach((m, i) => {
      if (seen.has(m.field)) ctx.addIssue({ code: "custom", path: [i, "field"], message: `Only one column can feed ${m.field}` });
      seen.add(m.field);
    });
  });

export const incidentImportView = importView.extend({ suggestedMapping: z.array(incidentMappingEntry).optional() });
export const incidentImportOptions = readOptions.extend({
  mapping: incidentMapping,
  /** Bulk work: the governance leads get one notice for the whole import (the default), not one per incident. */
  quiet: z.boolean().default(true),
});
export const incidentCommitBody = incidentImportOptions.extend({ skipInvalid: z.boolean().default(false) });
export const incidentPreviewView = importReport.extend({
  /** Rows an earlier import already brought in (same id): left as they are. */
  unchanged: z.number().int(),
  sample: z.array(z.record(z.string(), z.unknown())),
});
export const incidentValuesBody = readOptions.extend({ column: z.string().min(1).max(300), field: z.enum(["severity", "status"]) });
export const incidentValuesView = z.object({
  column: z.string(),
  field: z.enum(["severity", "status"]),
  blank: z.number().int(),
  values: z.array(z.object({ value: z.string(), rows: z.number().int(), reading: z.string().nullable() })),
  more: z.number().int(),
});

type Options = z.infer<typeof incidentImportOptions>;

/** Uploads an incident register: the same reading as the inventory's import, with incident fields suggested. */
export async function uploadIncidentImport(deps: ImportDeps, who: ChangeContext, bytes: Uint8Array, fileName: string): Promise<ImportView> {
  return uploadImport(deps, who, bytes, fileName, "incidents", suggestIncidentMapping);
}

export async function readIncidentImport(deps: ImportDeps, orgId: string, id: string): Promise<ImportView> {
  return presentJob(await getJob(deps.db, orgId, id, "incidents"));
}

export async function rereadIncidentImport(deps: ImportDeps, orgId: string, id: string, opts: z.infer<typeof readOptions>): Promise<ImportView> {
  const job = await getJob(deps.db, orgId, id, "incidents");
  const table = await loadTable(deps, job, opts, SAMPLE_ROWS);
  return presentJob({ ...job, total: table.rowCount }, table, suggestIncidentMapping);
}

async function checked(deps: ImportDeps, actor: Actor, id: string, opts: Options) {
  const job = await getJob(deps.db, actor.orgId, id, "incidents");
  const table = await loadTable(deps, job, opts);
  if (table.rows.length > MAX_INCIDENT_ROWS) {
    throw new AppError(413, "import_too_large", { limit: "rows", max: MAX_INCIDENT_ROWS, message: { en: `An incident register may hold at most ${MAX_INCIDENT_ROWS.toLocaleString("en-US")} rows; this one has ${table.rows.length.toLocaleString("en-US")}. Split it, or import a public database as reference cases.`, ja: `インシデント台帳は${MAX_INCIDENT_ROWS.toLocaleString("ja-JP")}行まで取り込めます（このファイルは${table.rows.length.toLocaleString("ja-JP")}行）。分割するか、公開データベースは参考事例として取り込んでください。` } });
  }
  for (const m of opts.mapping) {
    if (!table.headers.includes(m.column)) throw new AppError(400, "validation_failed", [{ field: "body.mapping", message: fieldText("no_such_column") }]);
  }
  if (!opts.mapping.some((m) => m.field === "title")) throw new AppError(400, "validation_failed", [{ field: "body.mapping", message: fieldText("title_column") }]);
  const [systems, imported] = await Promise.all([
    deps.db.kysely.selectFrom("ai_systems").select(["id", "code"]).where("org_id", "=", actor.orgId).execute(),
    deps.db.kysely.selectFrom("incidents").select("external_key").where("org_id", "=", actor.orgId).where("source", "=", IMPORT_SOURCE).where("external_key", "is not", null).execute(),
  ]);
  const result = checkIncidentRows(table, opts.mapping, {
    systemIdByCode: new Map(systems.map((s) => [s.code, s.id])),
    importedIds: new Set(imported.map((r) => r.external_key!)),
    timeZone: actor.timeZone,
  });
  await keepProblems(deps, job, { errors: result.errors, warnings: result.warnings });
  return { job, table, result };
}

function reportFor(rows: number, result: CheckedIncidents, skipInvalid = false) {
  return { ...reportOf(rows, result.valid.length + result.unchanged, { errors: result.errors, warnings: result.warnings }, skipInvalid), unchanged: result.unchanged };
}

/** What the import would do, row by row, writing nothing (but the downloadable problem list). */
export async function previewIncidentImport(deps: ImportDeps, actor: Actor, id: string, opts: Options): Promise<z.infer<typeof incidentPreviewView>> {
  const { table, result } = await checked(deps, actor, id, opts);
  return { ...reportFor(table.rows.length, result), sample: result.valid.slice(0, SAMPLE_ROWS).map((r) => ({ line: r.line, ...r.input, status: r.status, occurredOn: r.occurredOn, externalId: r.externalId })) };
}

/**
 * Files every valid row as an incident in one transaction (all or nothing; with `skipInvalid`,
 * the valid rows and the others listed). Each keeps its register's status and id (a re-import of
 * the same file files nothing twice) and is recorded in the ledger; in quiet mode (the default)
 * the governance leads get one notice for the import instead of one per incident.
 */
export async function commitIncidentImport(deps: ImportDeps, actor: Actor, who: ChangeContext, id: string, opts: Options & { skipInvalid: boolean }): Promise<ImportView> {
  const { job, table, result } = await checked(deps, actor, id, opts);
  if (job.status !== "uploaded" && job.status !== "failed") throw new AppError(409, "import_not_ready", { status: job.status });
  const report = reportFor(table.rows.length, result, opts.skipInvalid);
  if (result.errors.length > 0 && !opts.skipInvalid) {
    await setStatus(deps, job, "uploaded", { report: JSON.stringify(report) });
    throw new AppError(422, "import_has_errors", report);
  }
  // Filed a slice at a time: between slices the server answers other requests (as the inventory's writer does).
  const slicer = timeSlicer();
  const end = importDuration.startTimer({ target: "incidents" });
  await audited(deps.db, who, async (trx, record) => {
    const codes: string[] = [];
    for (const row of result.valid) {
      await slicer.pause();
      const filed = await fileIncident(trx, record, who.orgId, row.input, { source: IMPORT_SOURCE, externalKey: row.externalId, reportedBy: `${job.file_name} (row ${row.line})`, authorId: actor.userId ?? null, quiet: opts.quiet, status: row.status, occurredOn: row.occurredOn });
      codes.push(filed.code);
    }
    if (opts.quiet) await announceBulkFiling(trx, who.orgId, job.file_name, codes);
    await trx.updateTable("import_jobs").set({ status: "committed", imported: codes.length, report: JSON.stringify(report), updated_at: new Date().toISOString() }).where("org_id", "=", job.org_id).where("id", "=", job.id).execute();
    record({ action: "import.committed", entityType: "import", entityId: job.id, after: { target: "incidents", imported: codes.length, unchanged: result.unchanged, skipped: report.invalid } });
  });
  end();
  if (result.valid.length >= 1_000) await afterBulkLoad(deps.db, ["incidents", "incident_links", "incident_timeline"]);
  void indexAllQueued(deps.db).catch(() => undefined);
  return readIncidentImport(deps, actor.orgId, id);
}

const MAX_VALUES = 200;

/** The distinct severity or status words of a column, with Musubi's reading of each, for the person to confirm or translate. */
export async function incidentColumnValues(deps: ImportDeps, orgId: string, id: string, body: z.infer<typeof incidentValuesBody>): Promise<z.infer<typeof incidentValuesView>> {
  const job = await getJob(deps.db, orgId, id, "incidents");
  const table = await loadTable(deps, job, body);
  const index = table.headers.indexOf(body.column);
  if (index < 0) throw new AppError(400, "validation_failed", [{ field: "body.column", message: fieldText("no_such_column") }]);
  const counts = new Map<string, { value: string; rows: number }>();
  let blank = 0;
  for (const r of table.rows) {
    const v = (r.cells[index] ?? "").trim();
    if (v === "") {
      blank++;
      continue;
    }
    const key = foldValue(v);
    const c = counts.get(key);
    if (c) c.rows++;
    else counts.set(key, { value: v, rows: 1 });
  }
  const all = [...counts.values()].sort((a, b) => b.rows - a.rows);
  const known = body.field === "severity" ? ["low", "medium", "high", "critical"] : ["open", "investigating", "mitigated", "closed"];
  return {
    column: body.column,
    field: body.field,
    blank,
    values: all.slice(0, MAX_VALUES).map((v) => ({ ...v, reading: known.includes(v.value) ? v.value : (readIncidentValue(body.field, v.value) ?? null) })),
    more: Math.max(0, all.length - MAX_VALUES),
  };
}

export { INCIDENT_FIELDS, type IncidentMappingEntry };
