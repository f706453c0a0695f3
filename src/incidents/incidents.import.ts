import { z } from "zod";
import { isDateProblem, parseDate, parsePartialDate } from "../systems/io/import.dates.ts";
import { suggestByWords } from "../systems/io/import.headers.ts";
import { rowMessages, type Bilingual } from "../systems/io/import.messages.ts";
import { foldValue } from "../systems/io/import.values.ts";
import type { RowError } from "../systems/io/import.validate.ts";
import type { Table } from "../systems/io/table.read.ts";
import { midnightIn } from "../platform/time.ts";
import { createIncidentBody, type CreateIncidentInput } from "./incidents.schema.ts";
import { INCIDENT_STATUSES, SEVERITIES } from "./vocabulary.ts";

/** What a column of an incident register can be read as. */
export const INCIDENT_FIELDS = ["externalId", "title", "summary", "severity", "status", "occurredOn", "detectedAt", "systemCode", "affectedParties", "rootCause"] as const;
export type IncidentField = (typeof INCIDENT_FIELDS)[number];

/** The most incidents one file may bring: an organisation's register, not a public database (those go in as reference cases). */
export const MAX_INCIDENT_ROWS = 20_000;

/** Header words (folded as `normalizeHeader` folds them) that name each field. Musubi's own list. */
const SYNONYMS: Record<IncidentField, string[]> = {
  externalId: ["id", "incidentid", "incidentnumber", "reference", "ref", "externalid", "ticket", "ticketid", "caseid", "番号", "管理番号", "インシデント番号", "受付番号"],
  title: ["title", "headline", "subject", "incident", "incidenttitle", "name", "件名", "タイトル", "見出し", "インシデント名", "事象", "事象名"],
  summary: ["summary", "description", "details", "whathappened", "incidentdescription", "概要", "説明", "内容", "詳細", "事象の概要"],
  severity: ["severity", "priority", "impact", "level", "重大度", "深刻度", "影響度", "優先度", "レベル"],
  status: ["status", "state", "状態", "ステータス", "対応状況"],
  occurredOn: ["date", "occurred", "occurredon", "occurredat", "dateofincident", "incidentdate", "year", "発生日", "発生日時", "日付", "年月日", "発生年月日"],
  detectedAt: ["detected", "detectedat", "detectedon", "reported", "reportedon", "reportdate", "検知日", "検知日時", "発見日", "報告日"],
  systemCode: ["system", "systemcode", "aisystem", "aisystemcode", "systemid", "システム", "システムコード", "aiシステム", "対象システム"],
  affectedParties: ["affected", "affectedparties", "harmed", "harmedparties", "victims", "被害者", "影響を受けた者", "影響範囲"],
  rootCause: ["rootcause", "cause", "原因", "根本原因", "発生原因"],
};

export const incidentMappingEntry = z.strictObject({
  column: z.string().min(1).max(300),
  field: z.enum(INCIDENT_FIELDS),
  values: z.record(z.string().max(500), z.string().max(500)).refine((v) => Object.keys(v).length <= 1000, { message: "At most 1000 values can be translated per column" }).optional(),
  split: z.string().min(1).max(10).nullable().optional(),
});
export type IncidentMappingEntry = z.infer<typeof incidentMappingEntry>;

/** A first mapping for the person to confirm: each column whose header (or its last part) names a field. */
export function suggestIncidentMapping(headers: readonly string[]): IncidentMappingEntry[] {
  return suggestByWords(headers, SYNONYMS);
}

/** Words registers use for a severity, folded; Musubi's own reading, shown to the person before anything goes in. */
const SEVERITY_WORDS: Record<string, (typeof SEVERITIES)[number]> = {
  low: "low", minor: "low", p4: "low", sev4: "low", "4": "low", 低: "low", 軽微: "low", 小: "low",
  medium: "medium", moderate: "medium", normal: "medium", p3: "medium", sev3: "medium", "3": "medium", 中: "medium", 普通: "medium",
  high: "high", major: "high", serious: "high", p2: "high", sev2: "high", "2": "high", 高: "high", 重大: "high", 大: "high",
  critical: "critical", severe: "critical", blocker: "critical", p1: "critical", sev1: "critical", "1": "critical", 致命的: "critical", 緊急: "critical", 最重要: "critical",
};
const STATUS_WORDS: Record<string, (typeof INCIDENT_STATUSES)[number]> = {
  open: "open", new: "open", reported: "open", 未対応: "open", 受付: "open", 新規: "open", 登録: "open",
  investigating: "investigating", "in progress": "investigating", inprogress: "investigating", ongoing: "investigating", 調査中: "investigating", 対応中: "investigating",
  mitigated: "mitigated", resolved: "mitigated", contained: "mitigated", 対策済: "mitigated", 解決: "mitigated", 解決済: "mitigated", 暫定対応済: "mitigated",
  closed: "closed", done: "closed", complete: "closed", completed: "closed", 完了: "closed", クローズ: "closed", 終了: "closed", 対応完了: "closed",
};

/** Musubi's reading of a severity or status word (`undefined` when it has none), before the column's translations. */
export function readIncidentValue(field: "severity" | "status", text: string): string | undefined {
  const folded = foldValue(text);
  return field === "severity" ? SEVERITY_WORDS[folded] : STATUS_WORDS[folded];
}

/** What validation needs about the organisation: its systems by code, the incidents already imported, its time zone. */
export interface IncidentImportContext {
  systemIdByCode: Map<string, string>;
  /** The external ids of incidents an earlier import brought: the same row again is left as it is. */
  importedIds: Set<string>;
  timeZone: string;
}

export interface IncidentRow {
  line: number;
  input: CreateIncidentInput;
  status: (typeof INCIDENT_STATUSES)[number];
  occurredOn: string | null;
  externalId: string | null;
}

export interface CheckedIncidents {
  valid: IncidentRow[];
  /** Rows an earlier import already brought in (by their id): not filed again. */
  unchanged: number;
  errors: RowError[];
  warnings: RowError[];
}

const message = {
  title_required: (): Bilingual => ({ en: "Give the incident a title.", ja: "インシデントの件名を入力してください。" }),
  unknown_severity: (v: string): Bilingual => ({
    en: `"${v}" is not a severity; use low, medium, high or critical (or 低, 中, 高, 致命的), or translate the file's words in the column's value mapping.`,
    ja: `「${v}」は重大度として認識できません。低・中・高・致命的（又は low, medium, high, critical）を使用するか、列の値の対応付けでファイルの語を読み替えてください。`,
  }),
  unknown_status: (v: string): Bilingual => ({
    en: `"${v}" is not a status; use open, investigating, mitigated or closed (or 未対応, 調査中, 対策済, 完了), or translate the file's words in the column's value mapping.`,
    ja: `「${v}」は状態として認識できません。未対応・調査中・対策済・完了（又は open, investigating, mitigated, closed）を使用するか、列の値の対応付けでファイルの語を読み替えてください。`,
  }),
  unknown_system: (v: string): Bilingual => ({ en: `No AI system in the inventory has the code "${v}".`, ja: `コード「${v}」のAIシステムは台帳にありません。` }),
  duplicate_id: (v: string, first: number): Bilingual => ({ en: `Id "${v}" is already used on row ${first} of this file.`, ja: `番号「${v}」はこのファイルの${first}行目で既に使われています。` }),
  severity_absent: (): Bilingual => ({ en: "No severity given: recorded as medium — check it.", ja: "重大度の記載がないため「中」として登録します。確認してください。" }),
  too_long: (max: number): Bilingual => ({ en: `Longer than ${max.toLocaleString("en-US")} characters.`, ja: `${max.toLocaleString("ja-JP")}文字を超えています。` }),
};

const TEXT_LIMITS: Partial<Record<IncidentField, number>> = { externalId: 200, title: 300, summary: 20_000, affectedParties: 4_000, rootCause: 20_000 };
const TIME = /\d{1,2}:\d{2}/;

/**
 * Checks every row of an incident register against the mapping. A row without a title, with a
 * severity or status Musubi cannot read (after the column's translations), an unreadable date,
 * an unknown system code or an id repeated in the file is an error naming its row and column;
 * no severity is a warning (recorded as medium). A date with a time becomes the instant it names;
 * a date without one is kept as the day, month or year the register gives (`occurredOn`).
 */
export function checkIncidentRows(table: Pick<Table, "headers" | "rows">, mapping: readonly IncidentMappingEntry[], ctx: IncidentImportContext): CheckedIncidents {
  const col = new Map(mapping.map((m) => [m.field, { index: table.headers.indexOf(m.column), column: m.column, values: new Map(Object.entries(m.values ?? {}).map(([k, v]) => [foldValue(k), v])) }]));
  const out: CheckedIncidents = { valid: [], unchanged: 0, errors: [], warnings: [] };
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const errors: RowError[] = [];
    const fail = (field: IncidentField, code: string, msg: Bilingual) => errors.push({ line, column: col.get(field)?.column, field, code, message: msg });
    /** A cell after the column's translations ("" where translated to nothing). */
    const cell = (field: IncidentField) => {
      const c = col.get(field);
      if (c === undefined || c.index < 0) return "";
      const raw = (cells[c.index] ?? "").trim();
      const translated = c.values.get(foldValue(raw));
      return (translated ?? raw).trim();
    };
    const text = (field: IncidentField) => {
      const v = cell(field);
      const max = TEXT_LIMITS[field];
      if (max !== undefined && v.length > max) fail(field, "too_long", message.too_long(max));
      return v;
    };

    const title = text("title");
    if (title === "") fail("title", "title_required", message.title_required());
    const externalId = text("externalId") || null;
    if (externalId !== null) {
      const first = seen.get(externalId);
      if (first !== undefined) fail("externalId", "duplicate_id", message.duplicate_id(externalId, first));
      else seen.set(externalId, line);
    }
    const severityText = cell("severity");
    const severity = severityText === "" ? "medium" : (SEVERITIES as readonly string[]).includes(severityText) ? severityText : readIncidentValue("severity", severityText);
    if (severity === undefined) fail("severity", "unknown_severity", message.unknown_severity(severityText));
    const statusText = cell("status");
    const status = statusText === "" ? "open" : (INCIDENT_STATUSES as readonly string[]).includes(statusText) ? statusText : readIncidentValue("status", statusText);
    if (status === undefined) fail("status", "unknown_status", message.unknown_status(statusText));

    let occurredAt: string | null = null;
    let occurredOn: string | null = null;
    const occurredText = cell("occurredOn");
    if (occurredText !== "") {
      if (TIME.test(occurredText) && !Number.isNaN(Date.parse(occurredText))) occurredAt = new Date(occurredText).toISOString();
      else {
        const d = parsePartialDate(occurredText);
        if (isDateProblem(d)) fail("occurredOn", "invalid_date", rowMessages.invalid_date(occurredText, d));
        else occurredOn = d;
      }
    }
    let detectedAt: string | undefined;
    const detectedText = cell("detectedAt");
    if (detectedText !== "") {
      if (TIME.test(detectedText) && !Number.isNaN(Date.parse(detectedText))) detectedAt = new Date(detectedText).toISOString();
      else {
        const d = parseDate(detectedText);
        if (isDateProblem(d)) fail("detectedAt", "invalid_date", rowMessages.invalid_date(detectedText, d));
        else detectedAt = midnightIn(d, ctx.timeZone);
      }
    } else if (occurredAt) detectedAt = occurredAt;
    else if (occurredOn && /^\d{4}-\d{2}-\d{2}$/.test(occurredOn)) detectedAt = midnightIn(occurredOn, ctx.timeZone);

    const systemCode = cell("systemCode");
    const systemId = systemCode === "" ? undefined : ctx.systemIdByCode.get(systemCode);
    if (systemCode !== "" && systemId === undefined) fail("systemCode", "unknown_system", message.unknown_system(systemCode));

    const summary = text("summary");
    const affectedParties = text("affectedParties");
    const rootCause = text("rootCause");
    if (errors.length > 0) {
      out.errors.push(...errors);
      continue;
    }
    if (externalId !== null && ctx.importedIds.has(externalId)) {
      out.unchanged++;
      continue;
    }
    if (severityText === "") out.warnings.push({ line, column: col.get("severity")?.column, field: "severity", code: "severity_absent", message: message.severity_absent() });
    const input = createIncidentBody.parse({ title, summary, severity, occurredAt, ...(detectedAt && { detectedAt }), affectedParties, rootCause, systemIds: systemId ? [systemId] : [] });
    out.valid.push({ line, input, status: status as IncidentRow["status"], occurredOn, externalId });
  }
  return out;
}
