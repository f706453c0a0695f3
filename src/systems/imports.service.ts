import type { AppDeps } from "../platform/http/route.ts";
import { evaluateFacts, type Evaluation } from "../applicability/evaluate.ts";
import type { Transaction } from "kysely";
import { syncSystemAssessments } from "../compliance/assessments.sync.ts";
import type { CounterDeltas } from "../compliance/counters.ts";
import { checkProfile } from "../applicability/profile.ts";
import { audited, type ChangeContext } from "../audit/audited.ts";
import { filePath, recordOrgFile } from "../compliance/files.store.ts";
import type { Db } from "../db/connect.ts";
import type { AiSystem, Database, ImportJob } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { Locale } from "../platform/i18n.ts";
import { findOrgFile } from "../compliance/files.store.ts";
import { loadProblems, problemsTable, saveProblems, type Problems } from "./io/import.problems.ts";
import { tableCsv, tableXlsx } from "./io/export.write.ts";
import { newId, newSecret } from "../platform/ids.ts";
import type { Logger } from "../platform/logger.ts";
import { nowIso } from "../platform/time.ts";
import { orgToday } from "../orgs/orgs.store.ts";
import { timeSlicer } from "../platform/time-slice.ts";
import type { ColumnValuesBody, ImportOptions, ImportView, PreviewView, ReadOptions } from "./imports.schema.ts";
import { columnValues, type ColumnValues } from "./io/import.column-values.ts";
import { knownSystems, type KnownSystem, planUpsert, type PlannedRow, type UpsertPlan } from "./imports.upsert.ts";
import { MissingRecords } from "./io/import.missing.ts";
import { rowMessages } from "./io/import.messages.ts";
import { hashPassword } from "../auth/secrets.ts";
import { foldValue } from "./io/import.values.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import type { Mapping } from "./io/import.mapping.ts";
import { suggestMapping } from "./io/import.mapping.ts";
import { createRowValidator, type ImportContext, type RowError } from "./io/import.validate.ts";
import type { Table } from "./io/table.read.ts";
import { readTableOffThread } from "./io/upload.offthread.ts";
import { storeUpload } from "./io/upload.store.ts";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "../platform/config.ts";
import { summarise } from "./systems.classify.ts";
import type { CreateSystemInput } from "./systems.schema.ts";
import { writeOffThread, writesOffThread } from "./imports.offthread.ts";
import { withRecordFacts } from "./systems.record-facts.ts";
import { writeClassified, type ClassifiedRow, type ImportCreates, type ImportWrite } from "./imports.write.ts";
import { fieldDefs, fieldDefsByKey } from "../fields/fields.values.ts";
import { indexAllQueued } from "../search/search.indexer.ts";
import { importDuration } from "../platform/metrics.ts";
import { afterBulkLoad } from "../db/maintenance.ts";

type ValidRow = { line: number; input: CreateSystemInput; unnamed?: true };

/** What the import services need of the app's dependencies: every import route passes this. */
export function importDepsOf(deps: AppDeps): ImportDeps {
  return { db: deps.db, library: deps.library, dataDir: deps.config.dataDir, logger: deps.logger, limits: deps.config.importLimits };
}

export interface ImportDeps {
  db: Db;
  library: Library;
  dataDir: string;
  logger?: Logger;
  /** Bounds on reading the file (config `importLimits`); the defaults when absent. */
  limits?: ImportLimits;
}

type Phase = "validating" | "classifying" | "writing";

/**
 * Progress of imports running in this process. The job's status is in the database; the count of
 * rows done is kept here, because the writing transaction cannot publish it until it commits.
 */
const progress = new Map<string, { phase: Phase; done: number; total: number }>();

/** The progress of an import running in this process, if any (for the CLI's progress line). */
export function importProgress(id: string) {
  return progress.get(id);
}

export const SAMPLE_ROWS = 20;
/** An import this large changes the planner's picture of the tables it fills (see `afterBulkLoad`). */
const BULK_ROWS = 1_000;
const MAX_REPORTED_ERRORS = 500;
const MAX_SKIPPED_LINES = 1_000;
/** Rows validated between two looks at the clock (each a few tens of microseconds). */
const VALIDATE_STEP = 200;

/** What an import fills: the inventory, or the incident register. */
export type ImportTarget = "systems" | "incidents" | "reference";

/** An import job for the API: its status and report, and, once the file is read, what it holds and a suggested mapping (`suggest`, by target). */
export function presentJob(job: ImportJob, table?: Table, suggest: (headers: readonly string[]) => unknown[] = suggestMapping): ImportView {
  const report = job.report ? JSON.parse(job.report) : null;
  const p = progress.get(job.id);
  return {
    id: job.id,
    fileName: job.file_name,
    sha256: job.file_sha256,
    size: job.file_size,
    status: job.status as ImportView["status"],
    total: job.total,
    imported: job.imported,
    ...(p ? { progress: p } : {}),
    ...(report ? { report } : {}),
    ...(table
      ? {
          format: table.format,
          ...(table.recordsPath !== undefined && { recordsPath: table.recordsPath }),
          ...(table.encoding ? { encoding: table.encoding } : {}),
          ...(table.sheets ? { sheets: table.sheets } : {}),
          ...(table.sheet ? { sheet: table.sheet } : {}),
          headerRow: table.headerRow,
          ...(table.headerRows !== undefined && { headerRows: table.headerRows }),
          headers: table.headers,
          sample: table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
          suggestedMapping: suggest(table.headers) as ImportView["suggestedMapping"],
        }
      : {}),
    createdAt: job.created_at,
    updatedAt: job.updated_at,
  };
}

/** The organisation's import job of this target (another target's job is not found here). */
export async function getJob(db: Db, orgId: string, id: string, target: ImportTarget = "systems"): Promise<ImportJob> {
  const job = await db.kysely.selectFrom("import_jobs").selectAll().where("org_id", "=", orgId).where("id", "=", id).where("target", "=", target).executeTakeFirst();
  if (!job) throw notFound();
  return job;
}

/** The inventory's suggestion: Musubi's fields, and the organisation's own by key or label. */
async function systemSuggester(deps: ImportDeps, orgId: string): Promise<(headers: readonly string[]) => unknown[]> {
  const custom = (await fieldDefs(deps.db.kysely, orgId, "system")).filter((d) => !d.archived);
  return (headers) => suggestMapping(headers, custom);
}

/** Stores the uploaded file content-addressed, reads it once to describe it, and opens a job for `target`. */
export async function uploadImport(deps: ImportDeps, who: ChangeContext, bytes: Uint8Array, fileName: string, target: ImportTarget = "systems", suggest?: (headers: readonly string[]) => unknown[]): Promise<ImportView> {
  // Only the sample comes back to this thread: describing the file needs no more.
  const table = await readTableOffThread(bytes, fileName, { limits: deps.limits ?? DEFAULT_IMPORT_LIMITS, sampleRows: SAMPLE_ROWS });
  const stored = await storeUpload(deps.dataDir, bytes, table.sha256);
  const now = nowIso();
  const job: ImportJob = { id: newId("imp"), org_id: who.orgId, created_by: who.actor.label, file_name: fileName, file_sha256: stored.sha256, file_size: stored.size, status: "uploaded", total: table.rowCount, imported: 0, report: null, problems_sha256: null, target, created_at: now, updated_at: now, version: 1 };
  await audited(deps.db, who, async (trx, record) => {
    await trx.insertInto("import_jobs").values(job).execute();
    await recordOrgFile(trx, who.orgId, stored);
    record({ action: "import.uploaded", entityType: "import", entityId: job.id, after: { fileName, sha256: stored.sha256, size: stored.size, rows: table.rowCount, format: table.format, target } });
  });
  return presentJob(job, table, suggest ?? (target === "systems" ? await systemSuggester(deps, who.orgId) : undefined));
}

export async function readImport(deps: ImportDeps, orgId: string, id: string): Promise<ImportView> {
  return presentJob(await getJob(deps.db, orgId, id));
}

/**
 * Reads the stored file again another way (encoding, sheet, header row) and describes it as the
 * upload did: its headers, a sample and a suggested mapping for those headers.
 */
export async function rereadImport(deps: ImportDeps, orgId: string, id: string, opts: ReadOptions): Promise<ImportView> {
  const job = await getJob(deps.db, orgId, id);
  const table = await loadTable(deps, job, opts, SAMPLE_ROWS);
  return presentJob({ ...job, total: table.rowCount }, table, await systemSuggester(deps, orgId));
}

/** The stored file read as a table; with `sampleRows`, only that many rows (and the count of all). */
export async function loadTable(deps: ImportDeps, job: ImportJob, opts: ReadOptions, sampleRows?: number): Promise<Table & { rowCount: number }> {
  return readTableOffThread({ path: filePath(deps.dataDir, job.file_sha256) }, job.file_name, { limits: deps.limits ?? DEFAULT_IMPORT_LIMITS, ...(sampleRows !== undefined && { sampleRows }), ...(opts.encoding && { encoding: opts.encoding }), ...(opts.sheet && { sheet: opts.sheet }), ...(opts.headerRow && { headerRow: opts.headerRow }), ...(opts.headerRows && { headerRows: opts.headerRows }), ...(opts.skipRows && { skipRows: opts.skipRows }), ...(opts.recordsPath && { recordsPath: opts.recordsPath }) });
}

/** Everything validation needs about the organisation: three statements, whatever the file size. */
async function importContext(deps: ImportDeps, orgId: string, opts: Pick<ImportOptions, "upsertBy" | "createMissing">, codes: readonly KnownSystem[]): Promise<ImportContext> {
  const [users, departments, custom] = await Promise.all([
    deps.db.kysely.selectFrom("users").select(["id", "email"]).where("org_id", "=", orgId).where("status", "=", "active").execute(),
    deps.db.kysely.selectFrom("departments").select(["id", "code", "name_ja", "name_en"]).where("org_id", "=", orgId).execute(),
    fieldDefsByKey(deps.db.kysely, orgId, "system"),
  ]);
  return {
    customFields: custom,
    userIdByEmail: new Map(users.map((u) => [u.email.toLowerCase(), u.id])),
    departmentIdByCode: new Map(departments.map((d) => [d.code, d.id])),
    departmentIdByName: new Map(departments.flatMap((d) => [[foldValue(d.name_en), d.id] as const, [foldValue(d.name_ja), d.id] as const])),
    existingCodes: new Set(codes.map((c) => c.code)),
    upsert: opts.upsertBy !== undefined,
    ...(opts.createMissing?.length && { missing: new MissingRecords(new Set(opts.createMissing), departments.map((d) => d.code)) }),
    checkProfile: (facts) =>
      checkProfile(deps.library, facts, "en").issues.map((i) => {
        const ja = checkProfile(deps.library, facts, "ja").issues.find((j) => j.field === i.field && j.code === i.code);
        return { path: i.field.replace(/^facts\./, ""), message: { en: i.message, ja: ja?.message ?? i.message } };
      }),
  };
}

/**
 * Validates with one validator (so a code repeated anywhere in the file is reported against its
 * first row), a few hundred rows at a time, yielding whenever a time slice is spent so the server
 * keeps answering and the progress can be polled.
 */
async function validateInSlices(table: Table, mapping: Mapping, ctx: ImportContext, onProgress: (done: number) => void) {
  const validator = createRowValidator(table, mapping, ctx);
  const slicer = timeSlicer();
  const valid: { line: number; input: CreateSystemInput }[] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  for (let i = 0; i < table.rows.length; i += VALIDATE_STEP) {
    const end = Math.min(i + VALIDATE_STEP, table.rows.length);
    const slice = validator.validateRange(i, end);
    for (const v of slice.valid) valid.push(v);
    for (const e of slice.errors) errors.push(e);
    for (const w of slice.warnings) warnings.push(w);
    onProgress(end);
    await slicer.pause();
  }
  return { valid, errors, warnings };
}

/**
 * Every row checked and planned: validated, then matched against the inventory (new, changed or
 * unchanged with an upsert key; possible duplicates flagged without one). Problems in row order.
 */
async function checkRows(deps: ImportDeps, orgId: string, table: Table, opts: ImportOptions, onProgress: (done: number) => void) {
  // The inventory's codes and names, read once: validation checks codes against them, the upsert matches by them.
  const known = await knownSystems(deps.db, orgId);
  const ctx = await importContext(deps, orgId, opts, known);
  const checked = await validateInSlices(table, opts.mapping, ctx, onProgress);
  const elsewhere = await ownersElsewhere(deps.db, ctx.missing, checked.valid);
  const plan = await planUpsert(deps.db, orgId, elsewhere.valid, opts.mapping, opts.upsertBy, known);
  const byLine = (a: RowError, b: RowError) => a.line - b.line;
  const problems: Problems = { errors: [...checked.errors, ...elsewhere.errors, ...plan.errors].sort(byLine), warnings: [...checked.warnings, ...plan.warnings].sort(byLine) };
  return { plan, problems, valid: plan.counts.new + plan.counts.changed + plan.counts.unchanged, create: toCreate(ctx.missing, plan.rows) };
}

/**
 * An owner to create whose address is already someone's (another organisation's, or a disabled
 * account here) cannot be created: the rows naming them are refused, saying so.
 */
async function ownersElsewhere(db: Db, missing: MissingRecords | undefined, valid: ValidRow[]): Promise<{ valid: ValidRow[]; errors: RowError[] }> {
  if (!missing || missing.owners.size === 0) return { valid, errors: [] };
  const emails = [...missing.owners.keys()];
  const taken = new Set<string>();
  for (let i = 0; i < emails.length; i += 500) {
    for (const r of await db.kysely.selectFrom("users").select("email").where("email", "in", emails.slice(i, i + 500)).execute()) taken.add(r.email.toLowerCase());
  }
  if (taken.size === 0) return { valid, errors: [] };
  const refused = new Map<string, string>();
  for (const email of taken) refused.set(missing.owners.get(email)!.id, email);
  const errors: RowError[] = [];
  const kept: ValidRow[] = [];
  for (const v of valid) {
    const email = refused.get(v.input.businessOwnerId ?? "") ?? refused.get(v.input.technicalOwnerId ?? "");
    if (email === undefined) kept.push(v);
    else errors.push({ line: v.line, field: refused.has(v.input.businessOwnerId ?? "") ? "businessOwnerEmail" : "technicalOwnerEmail", code: "owner_elsewhere", message: rowMessages.owner_elsewhere(email) });
  }
  return { valid: kept, errors };
}

/** The departments and owners to create: those the rows that go in name, no others. */
function toCreate(missing: MissingRecords | undefined, rows: PlannedRow[]): ImportCreates | undefined {
  if (!missing) return undefined;
  const used = new Set<string>();
  for (const r of rows) for (const id of [r.input.departmentId, r.input.businessOwnerId, r.input.technicalOwnerId]) if (id) used.add(id);
  const departments = [...missing.departments.values()].filter((d) => used.has(d.id));
  const owners = [...missing.owners.values()].filter((o) => used.has(o.id)).map(({ id, email, displayName }) => ({ id, email, displayName }));
  return departments.length || owners.length ? { departments, owners } : undefined;
}

export function reportOf(total: number, validCount: number, problems: Problems, skipInvalid = false, plan?: UpsertPlan | "", create?: ImportCreates) {
  const { errors, warnings } = problems;
  const lines = [...new Set(errors.map((e) => e.line))];
  return {
    rows: total,
    valid: validCount,
    ...(create && { created: { departments: create.departments.map((d) => ({ code: d.code, name: d.nameJa })), owners: create.owners.map((o) => o.email) } }),
    ...(plan && { upsert: plan.counts }),
    invalid: lines.length,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    truncated: errors.length > MAX_REPORTED_ERRORS,
    warnings: warnings.slice(0, MAX_REPORTED_ERRORS),
    warningCount: warnings.length,
    ...(skipInvalid && lines.length > 0 && { skippedLines: lines.slice(0, MAX_SKIPPED_LINES) }),
  };
}

/** Keeps the whole list of problems for download, when there are any (the report holds the first 500). */
export async function keepProblems(deps: ImportDeps, job: ImportJob, problems: Problems): Promise<void> {
  if (problems.errors.length > 0 || problems.warnings.length > 0) await saveProblems(deps.db, deps.dataDir, job.org_id, job.id, problems);
  else if (job.problems_sha256) await deps.db.kysely.updateTable("import_jobs").set({ problems_sha256: null }).where("org_id", "=", job.org_id).where("id", "=", job.id).execute();
}

export async function previewImport(deps: ImportDeps, orgId: string, id: string, opts: ImportOptions): Promise<PreviewView> {
  const job = await getJob(deps.db, orgId, id);
  const table = await loadTable(deps, job, opts);
  const { plan, problems, valid, create } = await checkRows(deps, orgId, table, opts, () => undefined);
  await keepProblems(deps, job, problems);
  return {
    ...reportOf(table.rows.length, valid, problems, false, opts.upsertBy && plan, create),
    changes: plan.changes,
    sample: plan.rows.filter((r) => !r.existing).slice(0, SAMPLE_ROWS).map((v) => ({ line: v.line, ...v.input })),
  };
}

/**
 * The distinct values of one column with Musubi's reading of each, for the person to confirm or
 * translate (a 400 `validation_failed` when the file has no such column).
 */
export async function importColumnValues(deps: ImportDeps, orgId: string, id: string, body: ColumnValuesBody): Promise<ColumnValues> {
  const job = await getJob(deps.db, orgId, id);
  const table = await loadTable(deps, job, body);
  const departments = await deps.db.kysely.selectFrom("departments").select(["code", "name_ja", "name_en"]).where("org_id", "=", orgId).execute();
  const departmentByWord = new Map<string, string>();
  for (const d of departments) for (const word of [d.name_en, d.name_ja, d.code]) departmentByWord.set(foldValue(word), d.code);
  const [custom, users] = await Promise.all([fieldDefsByKey(deps.db.kysely, orgId, "system"), deps.db.kysely.selectFrom("users").select(["id", "email"]).where("org_id", "=", orgId).where("status", "=", "active").execute()]);
  const values = columnValues(table, body.column, body.field, body.split, { departmentByWord, customFields: custom, userIdByEmail: new Map(users.map((u) => [u.email.toLowerCase(), u.id])) });
  if (!values) throw new AppError(400, "validation_failed", [{ field: "body.column", message: fieldText("no_such_column") }]);
  return values;
}

/**
 * Every problem the import's last validation found, as CSV or XLSX in the person's language;
 * 404 when it found none (or the job is another organisation's).
 */
export async function downloadProblems(deps: ImportDeps, orgId: string, id: string, format: "csv" | "xlsx", locale: Locale, target: ImportTarget = "systems"): Promise<Response> {
  const job = await getJob(deps.db, orgId, id, target);
  if (!job.problems_sha256 || !(await findOrgFile(deps.db.kysely, orgId, job.problems_sha256))) throw notFound();
  const table = problemsTable(await loadProblems(deps.dataDir, job.problems_sha256), locale);
  const body = format === "csv" ? tableCsv(table) : await tableXlsx(table);
  const name = `import-problems-${job.file_name.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "_").slice(0, 80) || job.id}.${format}`;
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: { "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
}

export async function setStatus(deps: ImportDeps, job: ImportJob, status: ImportView["status"], extra: Partial<ImportJob> = {}) {
  await deps.db.kysely.updateTable("import_jobs").set({ status, updated_at: nowIso(), ...extra }).where("org_id", "=", job.org_id).where("id", "=", job.id).execute();
}

/**
 * All or nothing. Validates the whole file first: with any invalid row and `skipInvalid` false it
 * answers 422 `import_has_errors` with the report and writes nothing. Otherwise classification
 * runs in slices (the server stays responsive) and every system, its counters, one ledger entry
 * per system and the job's own status are written in one transaction; the returned promise
 * resolves when that commit is done, and `started` once the request may be answered.
 */
export async function commitImport(deps: ImportDeps, who: ChangeContext, id: string, opts: ImportOptions & { skipInvalid: boolean }): Promise<{ job: ImportView; done: Promise<void> }> {
  const job = await getJob(deps.db, who.orgId, id);
  if (job.status !== "uploaded" && job.status !== "failed") throw new AppError(409, "import_not_ready", { status: job.status });
  const table = await loadTable(deps, job, opts);
  progress.set(job.id, { phase: "validating", done: 0, total: table.rows.length });
  let checked;
  try {
    await setStatus(deps, job, "validating");
    checked = await checkRows(deps, who.orgId, table, opts, (done) => progress.set(job.id, { phase: "validating", done, total: table.rows.length }));
  } catch (err) {
    progress.delete(job.id);
    await setStatus(deps, job, "uploaded");
    throw err;
  }
  const report = reportOf(table.rows.length, checked.valid, checked.problems, opts.skipInvalid, opts.upsertBy && checked.plan, checked.create);
  await keepProblems(deps, job, checked.problems);
  if (checked.problems.errors.length > 0 && !opts.skipInvalid) {
    progress.delete(job.id);
    await setStatus(deps, job, "uploaded", { report: JSON.stringify(report) });
    throw new AppError(422, "import_has_errors", report);
  }
  await setStatus(deps, job, "committing", { report: JSON.stringify(report) });
  const done = writeImport(deps, who, job, checked.plan.rows, report, checked.create).catch(async (err) => {
    deps.logger?.error({ err, importId: job.id }, "import failed");
    progress.delete(job.id);
    await setStatus(deps, job, "failed", { report: JSON.stringify({ ...report, failure: err instanceof AppError ? err.code : "internal" }) });
    throw err;
  });
  // The caller answers 202 now; a failure is recorded on the job for the poller.
  done.catch(() => undefined);
  return { job: presentJob({ ...job, status: "committing" }), done };
}

async function writeImport(deps: ImportDeps, who: ChangeContext, job: ImportJob, valid: PlannedRow[], report: ReturnType<typeof reportOf>, create: ImportCreates | undefined): Promise<void> {
  const end = importDuration.startTimer({ target: "systems" });
  await writeImportTimed(deps, who, job, valid, report, create);
  end();
}

async function writeImportTimed(deps: ImportDeps, who: ChangeContext, job: ImportJob, valid: PlannedRow[], report: ReturnType<typeof reportOf>, create: ImportCreates | undefined): Promise<void> {
  const total = valid.length;
  // Classified as of the organisation's day, as a system saved through the API would be.
  const asOf = await orgToday(deps.db.kysely, who.orgId);
  const slicer = timeSlicer();
  const classified: ClassifiedRow[] = [];
  // Registers repeat profiles (rows copied from a template, one profile per kind of system): each
  // distinct profile is evaluated once per import. The evaluation depends only on the answers and
  // the date, so rows with the same answers get the same classification.
  const byProfile = new Map<string, { summary: Omit<ClassifiedRow, "input">; evaluation: Evaluation }>();
  // Updated systems whose profile changed: their assessments follow the new classification.
  const evaluations = new Map<string, Evaluation>();
  for (let i = 0; i < total; i++) {
    // The record's purpose and countries are the profile's too, as when a system is saved.
    const stated = valid[i]!.input;
    const existing = valid[i]!.existing;
    const input = { ...stated, profile: withRecordFacts(stated.profile, stated) };
    const key = JSON.stringify(input.profile);
    let c = byProfile.get(key);
    if (!c) {
      const evaluation = evaluateFacts(deps.library, checkProfile(deps.library, input.profile, "en").facts, asOf);
      c = { summary: summarise(evaluation), evaluation };
      byProfile.set(key, c);
    }
    if (existing && existing.profile !== key) evaluations.set(existing.id, c.evaluation);
    classified.push({ input, ...c.summary, ...(existing && { existing }) });
    if ((i + 1) % 200 === 0) {
      progress.set(job.id, { phase: "classifying", done: i + 1, total });
      await slicer.pause();
    }
  }
  progress.set(job.id, { phase: "writing", done: 0, total });
  // The people an import registers get one password hash of a secret nobody keeps: they sign in once an administrator sets theirs.
  const customFields = (await fieldDefs(deps.db.kysely, who.orgId, "system")).filter((d) => !d.archived);
  const write: ImportWrite = { who, job, report, asOf, libraryDigest: deps.library.digest, ...(customFields.length && { customFields }), ...(create && { create, unusablePassword: create.owners.length ? await hashPassword(newSecret(32)) : "" }) };
  const onProgress = (done: number) => progress.set(job.id, { phase: "writing", done, total });
  // Assessments are synchronised with the library at hand: an import that reclassifies systems is written on this thread.
  const sync = evaluations.size > 0 ? async (trx: Transaction<Database>, id: string, d: CounterDeltas) => {
          const evaluation = evaluations.get(id);
          if (evaluation) await syncSystemAssessments(trx, who.orgId, id, deps.library, evaluation, d);
        }
      : undefined;
  // Thousands of new systems change the planner's picture of the tables; updates leave their size as it was.
  const analyse = classified.filter((r) => !r.existing).length >= BULK_ROWS ? ["ai_systems", "custom_field_values"] : undefined;
  if (writesOffThread(deps.db) && !sync) await writeOffThread(deps.db, write, classified, onProgress, analyse);
  else {
    await writeClassified(deps.db, write, classified, onProgress, sync);
    if (analyse) await afterBulkLoad(deps.db, analyse);
  }
  // The rows just written are searchable already (as queued records); filed now, they are found through the index.
  void indexAllQueued(deps.db).catch((err) => deps.logger?.error({ err }, "filing records into the text index failed"));
  progress.delete(job.id);
}

