import { LIST_IMPORT_FIELDS, type ImportEncoding, type ImportField, type ImportJob, type ReadingOptions } from "../../api/systems.ts";

/** Fields a row cannot do without: a system needs both names. */
export const REQUIRED_FIELDS: readonly ImportField[] = ["nameJa", "nameEn"];

/**
 * A column's mapping, whatever is imported: the field it feeds (a name from the import target's
 * list, or `custom.<key>`), translations of the file's values and, for a list field, how a cell is cut.
 */
export interface ColumnMapping {
  column: string;
  field: string;
  values?: Record<string, string>;
  split?: string | null;
}

/** The reading options and mapping the wizard starts from: what the server detected and suggested. */
export function initialSettings<E extends ColumnMapping = ColumnMapping>(job: Pick<ImportJob, "headers" | "encoding" | "headerRow" | "sheet"> & { suggestedMapping?: readonly E[] }): ReadingOptions & { mapping: E[] } {
  const headers = job.headers ?? [];
  const encoding = job.encoding === "utf-8" || job.encoding === "shift_jis" ? (job.encoding as ImportEncoding) : undefined;
  return {
    mapping: (job.suggestedMapping ?? []).filter((m) => headers.includes(m.column)),
    ...(job.headerRow && { headerRow: job.headerRow }),
    ...(job.sheet && { sheet: job.sheet }),
    ...(encoding && { encoding }),
  };
}

/** How the file is read, without what is done with it (mapping, upsert key): what `read` and `values` take. */
export function readingOf(settings: ReadingOptions): ReadingOptions {
  const { sheet, headerRow, headerRows, encoding, skipRows, recordsPath } = settings;
  return { ...(sheet !== undefined && { sheet }), ...(headerRow !== undefined && { headerRow }), ...(headerRows !== undefined && { headerRows }), ...(encoding !== undefined && { encoding }), ...(skipRows !== undefined && { skipRows }), ...(recordsPath !== undefined && { recordsPath }) };
}

/** The field a column feeds, or "" when it is not imported. */
export function fieldOf<E extends ColumnMapping>(mapping: readonly E[], column: string): E["field"] | "" {
  return mapping.find((m) => m.column === column)?.field ?? "";
}

/**
 * The mapping with one column pointed at `field` (or left out), keeping the columns' order. A
 * column moved to another field loses its translations and split rule: they were the old field's.
 */
export function withColumn(mapping: readonly ColumnMapping[], headers: readonly string[], column: string, field: string): ColumnMapping[] {
  const next = new Map(mapping.map((m) => [m.column, m]));
  const old = next.get(column);
  if (field) next.set(column, old && old.field === field ? old : { column, field });
  else next.delete(column);
  return headers.filter((h) => next.has(h)).map((h) => next.get(h)!);
}

/** The mapping with one column's entry replaced (its translations or split rule changed). */
export function withEntry<E extends ColumnMapping>(mapping: readonly E[], entry: E): E[] {
  return mapping.map((m) => (m.column === entry.column ? entry : m));
}

/** The person's translation of a value of the column, if any ("" means absent). */
export function translationOf(entry: ColumnMapping, value: string): string | undefined {
  return entry.values?.[value];
}

/** The entry with one value's translation set, or removed (`undefined`). */
export function withTranslation<E extends ColumnMapping>(entry: E, value: string, to: string | undefined): E {
  const values = { ...entry.values };
  if (to === undefined) delete values[value];
  else values[value] = to;
  const { values: _, ...rest } = entry;
  return (Object.keys(values).length > 0 ? { ...rest, values } : rest) as E;
}

/** How a list column's cells are cut: the field's own rule, never, or a separator (these, or one a preset file names). */
export const SPLIT_CHOICES = ["default", "none", ";", ",", "|", "/", "\n"] as const;

/** The split select's value for an entry: "default", "none" or the separator itself. */
export function splitChoiceOf(entry: ColumnMapping): string {
  if (entry.split === undefined) return "default";
  return entry.split === null ? "none" : entry.split;
}

export function withSplit<E extends ColumnMapping>(entry: E, choice: string): E {
  const { split: _, ...rest } = entry;
  if (choice === "default") return rest as E;
  return { ...rest, split: choice === "none" ? null : choice } as E;
}
/**
 * Fields more than one column feeds, where only the target's list fields (by default the
 * inventory's) may take several; an organisation's own field takes one column.
 */
export function duplicateFields<E extends ColumnMapping>(mapping: readonly E[], listFields: ReadonlySet<string> = LIST_IMPORT_FIELDS as ReadonlySet<string>): E["field"][] {
  const seen = new Map<E["field"], number>();
  for (const m of mapping) seen.set(m.field, (seen.get(m.field) ?? 0) + 1);
  return [...seen].filter(([f, n]) => n > 1 && !listFields.has(f)).map(([f]) => f);
}

/** The required fields (by default a system's names) no column feeds. */
export function missingFields<F extends string = ImportField>(mapping: readonly ColumnMapping[], required: readonly F[] = REQUIRED_FIELDS as readonly F[]): F[] {
  return required.filter((f) => !mapping.some((m) => m.field === f));
}

/** Whether an import job has stopped moving. */
export function isFinished(job: Pick<ImportJob, "status">): boolean {
  return job.status === "committed" || job.status === "failed";
}

const PHASES = ["validating", "classifying", "writing"] as const;

/** 0–100 for the progress bar: validating, classifying and writing take a third each. */
export function progressPercent(job: Pick<ImportJob, "status" | "progress">): number {
  if (job.status === "committed") return 100;
  const p = job.progress;
  if (!p || p.total === 0) return 0;
  const share = Math.min(1, p.done / p.total);
  return Math.round(((PHASES.indexOf(p.phase) + share) / PHASES.length) * 100);
}
