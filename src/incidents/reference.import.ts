import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/connect.ts";
import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { AppError } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { nowIso } from "../platform/time.ts";
import { isDateProblem, parsePartialDate } from "../systems/io/import.dates.ts";
import { suggestByWords } from "../systems/io/import.headers.ts";
import { parseList } from "../systems/io/import.values.ts";
import type { Table } from "../systems/io/table.read.ts";
import { referenceCasesChanged } from "./similar/similar.service.ts";

/** What a column of a public incident register can be read as. */
export const REFERENCE_FIELDS = ["id", "title", "description", "date", "url", "deployers", "developers", "harmed"] as const;
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];
const LIST: ReadonlySet<ReferenceField> = new Set(["deployers", "developers", "harmed"]);

/** Header words (folded as `normalizeHeader` folds them) that name each field. Musubi's own list. */
const SYNONYMS: Record<ReferenceField, string[]> = {
  id: ["id", "incidentid", "incidentnumber", "number", "no", "caseid", "reference", "番号", "事例番号", "id番号"],
  title: ["title", "headline", "incidenttitle", "name", "subject", "件名", "タイトル", "見出し", "事例名", "表題"],
  description: ["description", "summary", "details", "incidentdescription", "whathappened", "概要", "説明", "内容", "事例の概要"],
  date: ["date", "incidentdate", "occurred", "occurredon", "dateofincident", "year", "発生日", "日付", "発生年月日", "年月日"],
  url: ["url", "link", "sourceurl", "reporturl", "リンク", "出典", "出典url"],
  deployers: ["deployer", "deployers", "allegeddeployerofaisystem", "operator", "運用者", "利用者"],
  developers: ["developer", "developers", "allegeddeveloperofaisystem", "provider", "開発者", "提供者"],
  harmed: ["harmed", "harmedparties", "affected", "affectedparties", "allegedharmedornearlyharmedparties", "victims", "被害者", "影響を受けた者"],
};

export const referenceMapping = z
  .array(
    z.strictObject({
      column: z.string().min(1).max(500),
      field: z.enum(REFERENCE_FIELDS),
      /** For the lists of parties: the separator between names, or null for one name per cell. Default ";". */
      split: z.string().min(1).max(5).nullable().optional(),
    }),
  )
  .min(1)
  .max(100)
  .superRefine((mapping, ctx) => {
    // One column per field: a second would be dropped, not merged.
    const seen = new Set<string>();
    mapping.forEach((m, i) => {
      if (seen.has(m.field)) ctx.addIssue({ code: "custom", path: [i, "field"], message: `Only one column can feed ${m.field}` });
      seen.add(m.field);
    });
  });
export type ReferenceMapping = z.infer<typeof referenceMapping>;

export const referenceSource = z.strictObject({
  /** The source's name as people know it ("AI Incident Database", "OECD AI Incidents Monitor"). */
  name: z.string().trim().min(1).max(200),
  /** Its licence, as an SPDX id or in words ("CC BY-SA 4.0"). */
  licence: z.string().trim().min(1).max(200),
  /** Shown as a link beside every case: http or https only. */
  url: z.url({ protocol: /^https?$/ }).max(500).optional(),
});
export type ReferenceSource = z.infer<typeof referenceSource>;

/** What an import did: the source's id, the cases it now holds, and each row left out and why. */
export interface ReferenceImport {
  source: string;
  cases: number;
  skipped: { line: number; reason: "no_title" | "duplicate_id" | "date" }[];
  ms: number;
}

/** A first mapping: each column whose header (or the last part of a header of several rows) names a field. */
export function suggestReferenceMapping(headers: readonly string[]): ReferenceMapping {
  return suggestByWords(headers, SYNONYMS);
}

/**
 * A source's id from its name: the name's Latin letters and digits as a slug, or, for a name
 * without any (a Japanese name), a short hash of it — so the same name is always the same source.
 */
export function sourceId(name: string): string {
  const slug = name.normalize("NFKC").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
  if (name === "AI Incident Database") return "aiid";
  return slug.length >= 2 ? slug : `src-${createHash("sha256").update(name).digest("hex").slice(0, 10)}`;
}

const INSERT_CHUNK = 400;

/** A row of the register left out, and why: no title, an identifier seen earlier in the file, a date that cannot be read. */
export interface SkippedCase {
  line: number;
  reason: "no_title" | "duplicate_id" | "date";
  /** The file's column the reason is about. */
  column: string;
}

/** The source's id for an organisation's own import: the name's id and a short hash of the organisation, so two organisations' sources of one name never meet. */
export function orgSourceId(orgId: string, name: string): string {
  return `${sourceId(name)}.${createHash("sha256").update(orgId).digest("hex").slice(0, 8)}`;
}

/**
 * Reads a public incident register's rows as reference cases of the source `id`. Each case keeps
 * the source's own identifier (as text), its link, and a date only as precise as the register
 * gives it (`2021`, `2021-03`). A row without a title, with an identifier seen earlier in the file,
 * or with a date that cannot be read is left out and listed — never the whole file.
 */
export function readReferenceRows(table: Pick<Table, "headers" | "rows">, mapping: ReferenceMapping, id: string, orgId: string | null, now: string): { rows: Database["reference_incidents"][]; lines: number[]; skipped: SkippedCase[] } {
  for (const m of mapping) {
    if (!table.headers.includes(m.column)) throw new AppError(400, "validation_failed", [{ field: "body.mapping", message: fieldText("no_such_column") }]);
  }
  if (!mapping.some((m) => m.field === "title")) throw new AppError(400, "validation_failed", [{ field: "body.mapping", message: fieldText("title_column") }]);
  const column = new Map(mapping.map((m) => [m.field, { name: m.column, index: table.headers.indexOf(m.column), split: m.split === undefined ? ";" : m.split }]));
  const cell = (cells: string[], field: ReferenceField) => {
    const c = column.get(field);
    return c === undefined ? "" : (cells[c.index] ?? "").trim();
  };
  const skipped: SkippedCase[] = [];
  const seen = new Set<string>();
  const rows: Database["reference_incidents"][] = [];
  // Each case's row in the file, as Excel numbers it (for the preview; a stored case has none).
  const lines: number[] = [];
  for (const { line, cells } of table.rows) {
    const title = cell(cells, "title");
    if (title === "") {
      skipped.push({ line, reason: "no_title", column: column.get("title")!.name });
      continue;
    }
    const external = cell(cells, "id") || null;
    if (external !== null && seen.has(external)) {
      skipped.push({ line, reason: "duplicate_id", column: column.get("id")!.name });
      continue;
    }
    if (external !== null) seen.add(external);
    const dateText = cell(cells, "date");
    const date = dateText === "" ? null : parsePartialDate(dateText);
    if (date !== null && isDateProblem(date)) {
      skipped.push({ line, reason: "date", column: column.get("date")!.name });
      continue;
    }
    const list = (field: ReferenceField) => JSON.stringify(LIST.has(field) && column.has(field) ? (parseList(cell(cells, field), false, column.get(field)!.split) ?? []) : []);
    lines.push(line);
    rows.push({
      id: "",
      org_id: orgId,
      source: id,
      number: 0,
      external_id: external,
      date,
      title: title.slice(0, 1000),
      description: cell(cells, "description").slice(0, 20_000),
      deployers: list("deployers"),
      developers: list("developers"),
      harmed: list("harmed"),
      categories: "[]",
      classifications: "{}",
      url: cell(cells, "url"),
      imported_at: now,
    });
  }
  // The source's own numbers when every case has a distinct whole-number id; otherwise row order.
  const numeric = rows.every((r) => r.external_id !== null && /^\d{1,9}$/.test(r.external_id)) && new Set(rows.map((r) => Number(r.external_id))).size === rows.length;
  rows.forEach((r, i) => {
    r.number = numeric ? Number(r.external_id) : i + 1;
    r.id = `ref-${id}-${r.number}`;
  });
  return { rows, lines, skipped };
}

/**
 * Imports a public incident register as reference cases of one named source, shared by every
 * organisation (so only the operator runs it: the CLI), replacing that source's earlier import
 * and no other source's, in one transaction. Rows are read by `readReferenceRows`.
 */
export async function importReferenceCases(db: Db, table: Pick<Table, "headers" | "rows">, mapping: ReferenceMapping, source: ReferenceSource): Promise<ReferenceImport> {
  const started = performance.now();
  const id = sourceId(source.name);
  const now = nowIso();
  const { rows, skipped } = readReferenceRows(table, mapping, id, null, now);
  await replaceSource(db, { id, org_id: null, name: source.name, licence: source.licence, url: source.url ?? null, cases: rows.length, imported_at: now }, rows);
  return { source: id, cases: rows.length, skipped: skipped.map(({ line, reason }) => ({ line, reason })), ms: Math.round(performance.now() - started) };
}

/** Replaces one source's cases and its record in one transaction; other sources are untouched. */
export async function replaceSource(db: Db, source: Database["reference_sources"], rows: Database["reference_incidents"][]): Promise<void> {
  await db.kysely.transaction().execute((trx) => replaceSourceIn(trx, source, rows));
  referenceCasesChanged();
}

/** `replaceSource` inside a transaction the caller holds (and commits); the caller then calls `referenceCasesChanged`. */
export async function replaceSourceIn(trx: Transaction<Database>, source: Database["reference_sources"], rows: Database["reference_incidents"][]): Promise<void> {
  await trx.deleteFrom("reference_incidents").where("source", "=", source.id).execute();
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto("reference_incidents").values(rows.slice(i, i + INSERT_CHUNK)).execute();
  await trx.deleteFrom("reference_sources").where("id", "=", source.id).execute();
  await trx.insertInto("reference_sources").values(source).execute();
}
