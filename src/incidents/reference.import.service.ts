import { z } from "zod";
import { audited, type ChangeContext } from "../audit/audited.ts";
import { AppError } from "../platform/errors.ts";
import { nowIso } from "../platform/time.ts";
import { importDuration } from "../platform/metrics.ts";
import { importReport, importView, readOptions, type ImportView } from "../systems/imports.schema.ts";
import { getJob, keepProblems, loadTable, presentJob, reportOf, SAMPLE_ROWS, setStatus, uploadImport, type ImportDeps } from "../systems/imports.service.ts";
import { orgSourceId, readReferenceRows, referenceMapping, referenceSource, replaceSourceIn, suggestReferenceMapping, type SkippedCase } from "./reference.import.ts";
import { referenceCasesChanged } from "./similar/similar.service.ts";

/** The most cases one organisation's import may hold: a public database is large, but one file is held in memory to be checked. */
export const MAX_REFERENCE_ROWS = 200_000;

export const referenceImportView = importView.extend({
  suggestedMapping: referenceMapping.optional(),
  /** Once checked: as any import's, with how many of the source's cases the import replaces (0: a new source). */
  report: importReport.extend({ replaces: z.number().int() }).optional(),
});
export const referenceImportBody = readOptions.extend({ mapping: referenceMapping, source: referenceSource });
/** Rows with a problem are always left out (listed), never the whole file: `skipInvalid` is accepted for the wizard's sake and must not be false. */
export const referenceCommitBody = referenceImportBody.extend({ skipInvalid: z.literal(true).default(true) });
export const referencePreviewView = importReport.extend({
  /** How many cases this organisation's source of that name holds now, which the import replaces (0: a new source). */
  replaces: z.number().int(),
  sample: z.array(z.object({ line: z.number().int(), externalId: z.string().nullable(), title: z.string(), date: z.string().nullable(), url: z.string() })),
});

type Body = z.infer<typeof referenceImportBody>;

/** Why a row is left out, in the person's words (the problems download and the report show these). */
const REASONS: Record<SkippedCase["reason"], { field: string; message: { en: string; ja: string } }> = {
  no_title: { field: "title", message: { en: "No title: the row is left out.", ja: "件名がないため、この行は取り込みません。" } },
  duplicate_id: { field: "id", message: { en: "This identifier appears on an earlier row: the row is left out.", ja: "この識別子は前の行にもあるため、この行は取り込みません。" } },
  date: { field: "date", message: { en: "The date cannot be read (use 2021, 2021-03 or 2021-03-15): the row is left out.", ja: "日付を読み取れないため、この行は取り込みません（2021、2021-03、2021-03-15 の形で）。" } },
};

/** Uploads a public incident register to import as this organisation's reference cases; the columns and a suggested mapping come back. */
export async function uploadReferenceImport(deps: ImportDeps, who: ChangeContext, bytes: Uint8Array, fileName: string): Promise<ImportView> {
  return uploadImport(deps, who, bytes, fileName, "reference", suggestReferenceMapping);
}

export async function readReferenceImport(deps: ImportDeps, orgId: string, id: string): Promise<ImportView> {
  return presentJob(await getJob(deps.db, orgId, id, "reference"), undefined, suggestReferenceMapping);
}

export async function rereadReferenceImport(deps: ImportDeps, orgId: string, id: string, opts: z.infer<typeof readOptions>): Promise<ImportView> {
  const job = await getJob(deps.db, orgId, id, "reference");
  const table = await loadTable(deps, job, opts, SAMPLE_ROWS);
  return presentJob({ ...job, total: table.rowCount }, table, suggestReferenceMapping);
}

/** Reads the whole file as the source's cases; what would be left out is kept for download. */
async function checked(deps: ImportDeps, orgId: string, id: string, body: Body) {
  const job = await getJob(deps.db, orgId, id, "reference");
  const table = await loadTable(deps, job, body);
  if (table.rows.length > MAX_REFERENCE_ROWS) {
    throw new AppError(413, "import_too_large", { limit: "rows", max: MAX_REFERENCE_ROWS, message: { en: `One import may hold at most ${MAX_REFERENCE_ROWS.toLocaleString("en-US")} cases; this file has ${table.rows.length.toLocaleString("en-US")} rows. Split it into several sources, or ask the operator to import it for the whole installation.`, ja: `1回の取込みは${MAX_REFERENCE_ROWS.toLocaleString("ja-JP")}件までです（このファイルは${table.rows.length.toLocaleString("ja-JP")}行）。複数の出典に分けるか、運用者にインストール全体向けの取込みを依頼してください。` } });
  }
  const source = { id: orgSourceId(orgId, body.source.name), org_id: orgId, name: body.source.name, licence: body.source.licence, url: body.source.url ?? null, imported_at: nowIso() };
  const { rows, lines, skipped } = readReferenceRows(table, body.mapping, source.id, orgId, source.imported_at);
  const errors = skipped.map((s) => ({ line: s.line, column: s.column, field: REASONS[s.reason].field, code: s.reason, message: REASONS[s.reason].message }));
  await keepProblems(deps, job, { errors, warnings: [] });
  const held = await deps.db.kysely.selectFrom("reference_sources").select("cases").where("id", "=", source.id).where("org_id", "=", orgId).executeTakeFirst();
  return { job, total: table.rows.length, source: { ...source, cases: rows.length }, rows, lines, report: { ...reportOf(table.rows.length, rows.length, { errors, warnings: [] }, true), replaces: held?.cases ?? 0 } };
}

/** What the import would bring in: the cases read, the rows left out and why, a sample; nothing is written (but the problems download). */
export async function previewReferenceImport(deps: ImportDeps, orgId: string, id: string, body: Body): Promise<z.infer<typeof referencePreviewView>> {
  const { rows, lines, report } = await checked(deps, orgId, id, body);
  const { skippedLines: _left, ...rest } = report;
  return { ...rest, sample: rows.slice(0, SAMPLE_ROWS).map((r, i) => ({ line: lines[i]!, externalId: r.external_id, title: r.title, date: r.date, url: r.url })) };
}

/**
 * Imports the register as this organisation's reference cases of the named source, in one
 * transaction with its ledger entry: that source's earlier cases are replaced, no other source's,
 * and no other organisation sees them. Rows with a problem are left out and listed.
 */
export async function commitReferenceImport(deps: ImportDeps, who: ChangeContext, id: string, body: Body): Promise<ImportView> {
  const { job, source, rows, report } = await checked(deps, who.orgId, id, body);
  if (job.status !== "uploaded" && job.status !== "failed") throw new AppError(409, "import_not_ready", { status: job.status });
  const end = importDuration.startTimer({ target: "reference" });
  await audited(deps.db, who, async (trx, record) => {
    await replaceSourceIn(trx, source, rows);
    await trx.updateTable("import_jobs").set({ status: "committed", imported: rows.length, report: JSON.stringify(report), updated_at: nowIso() }).where("org_id", "=", job.org_id).where("id", "=", job.id).execute();
    record({ action: "import.committed", entityType: "import", entityId: job.id, after: { target: "reference", source: source.name, licence: source.licence, url: source.url, imported: rows.length, replaced: report.replaces, skipped: report.invalid } });
  }).catch(async (err) => {
    await setStatus(deps, job, "failed", { report: JSON.stringify({ ...report, failure: err instanceof AppError ? err.code : "internal" }) });
    throw err;
  });
  end();
  referenceCasesChanged();
  return readReferenceImport(deps, who.orgId, id);
}

/** Removes one of this organisation's own sources and its cases (a shared source is the operator's: not found here). */
export async function deleteOwnSource(deps: ImportDeps, who: ChangeContext, sourceId: string): Promise<void> {
  await audited(deps.db, who, async (trx, record) => {
    const source = await trx.selectFrom("reference_sources").selectAll().where("id", "=", sourceId).where("org_id", "=", who.orgId).executeTakeFirst();
    if (!source) throw new AppError(404, "not_found");
    await trx.deleteFrom("reference_incidents").where("source", "=", source.id).where("org_id", "=", who.orgId).execute();
    await trx.deleteFrom("reference_sources").where("id", "=", source.id).where("org_id", "=", who.orgId).execute();
    record({ action: "reference_source.deleted", entityType: "reference_source", entityId: source.id, before: { name: source.name, licence: source.licence, url: source.url, cases: source.cases } });
  });
  referenceCasesChanged();
}
