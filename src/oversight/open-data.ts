import { stringify } from "csv-stringify/sync";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { HARM_TYPES, RIGHTS } from "../incidents/vocabulary.ts";
import type { Library } from "../library/library.model.ts";
import { contentDisposition } from "../platform/http/download.ts";
import { writeXlsx } from "../reports/reports.xlsx.ts";
import { openData, SUPPRESS_BELOW, type TrendsQuery } from "./trends.ts";
import { NO_MONTH, UNSPECIFIED, type TrendDimension } from "./trends.tags.ts";

export const OPEN_DATA_FORMATS = ["csv", "xlsx", "json"] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

type Words = { ja: string; en: string };

/** Dimension names, Musubi's words. */
export const DIMENSION_LABELS: Record<TrendDimension, Words> = {
  sector: { ja: "業種・分野", en: "Sector" },
  harmType: { ja: "被害の種類", en: "Type of harm" },
  right: { ja: "侵害された権利・利益", en: "Rights affected" },
  generative: { ja: "生成AI", en: "Generative AI" },
  modelProvider: { ja: "モデル・サービスの提供者", en: "Model or service provider" },
  actorRole: { ja: "AI事業者ガイドライン上の立場", en: "Role under the AI Guidelines for Business" },
  severity: { ja: "深刻度", en: "Severity" },
  kind: { ja: "提出の種類", en: "Kind of submission" },
};

const FIXED: Record<string, Record<string, Words>> = {
  harmType: Object.fromEntries(Object.entries(HARM_TYPES).map(([k, v]) => [k, { ja: v.ja, en: v.en }])),
  right: Object.fromEntries(Object.entries(RIGHTS).map(([k, v]) => [k, { ja: v.ja, en: v.en }])),
  generative: { yes: { ja: "生成AIである", en: "Generative" }, no: { ja: "生成AIでない", en: "Not generative" } },
  severity: { low: { ja: "低", en: "Low" }, medium: { ja: "中", en: "Medium" }, high: { ja: "高", en: "High" }, critical: { ja: "重大", en: "Critical" } },
  kind: { "incident-report": { ja: "インシデント報告", en: "Incident report" }, "haip-report": { ja: "HAIP透明性報告", en: "HAIP transparency report" }, "system-card": { ja: "AIシステムカード", en: "AI system card" }, "harm-report": { ja: "一般からの被害報告", en: "Report from the public" }, "rfi-answer": { ja: "情報提供依頼への回答", en: "Answer to a request for information" } },
};

/**
 * A dimension value in people's words: vocabularies Musubi ships (the library's sectors and roles,
 * the incident vocabularies); a provider's name as its sender wrote it; null for none.
 */
export function valueLabel(library: Library, dimension: TrendDimension, value: string): Words {
  if (value === UNSPECIFIED) return { ja: "未回答", en: "Not stated" };
  const fixed = FIXED[dimension]?.[value];
  if (fixed) return fixed;
  if (dimension === "sector" || dimension === "actorRole") {
    const q = library.profile.questions.find((x) => x.id === (dimension === "sector" ? "sector" : "jpRoles"));
    const o = q?.options?.find((x) => x.value === value);
    if (o) return { ja: o.label.ja ?? o.label.en ?? value, en: o.label.en ?? o.label.ja ?? value };
  }
  return { ja: value, en: value };
}

/** The open data file: every dimension by month and value, confidential parts left out, small counts suppressed. */
export async function openDataFile(db: Kysely<Database>, library: Library, orgId: string, q: Pick<TrendsQuery, "from" | "to">, format: OpenDataFormat, now = new Date()): Promise<Response> {
  const data = await openData(db, orgId, q, now);
  const rows = data.rows.map((r) => ({ ...r, dimensionLabel: DIMENSION_LABELS[r.dimension], valueLabel: valueLabel(library, r.dimension, r.value), month: r.month === NO_MONTH ? "" : r.month }));
  const name = `musubi-open-data-${data.from}-${data.to}`;
  const note = {
    ja: `機密・個人情報として指定された箇所は集計に含めていません。${SUPPRESS_BELOW}件未満の件数は「${SUPPRESS_BELOW}件未満」として伏せています（Musubiの既定）。`,
    en: `Parts senders marked confidential are not counted. Counts below ${SUPPRESS_BELOW} are suppressed (Musubi's default).`,
  };
  if (format === "json") {
    const body = JSON.stringify({ format: "musubi-open-data/1", generatedAt: now.toISOString(), period: { from: data.from, to: data.to }, suppressBelow: data.suppressBelow, note, rows }, null, 2);
    return new Response(body, { headers: { "content-type": "application/json; charset=utf-8", "content-disposition": contentDisposition(`${name}.json`), "cache-control": "no-store" } });
  }
  const header = ["dimension", "dimension_ja", "dimension_en", "month", "value", "value_ja", "value_en", "count", "suppressed"];
  const table = rows.map((r) => [r.dimension, r.dimensionLabel.ja, r.dimensionLabel.en, r.month, r.value, r.valueLabel.ja, r.valueLabel.en, r.count, r.suppressed ? `<${SUPPRESS_BELOW}` : ""]);
  if (format === "csv") {
    // With a BOM, so Excel in Japan opens the UTF-8 file with its Japanese intact.
    const csv = `\ufeff${stringify([header, ...table])}`;
    return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": contentDisposition(`${name}.csv`), "cache-control": "no-store" } });
  }
  const bytes = await writeXlsx({
    lang: "ja",
    timeZone: "Asia/Tokyo",
    title: name,
    sheets: [{ name: "open-data", columns: header.map((h) => ({ header: h, width: h.endsWith("_ja") || h.endsWith("_en") ? 28 : 14 })), rows: table.map((r) => r.map((c) => (c === null ? null : c))), footnote: `${note.ja} / ${note.en}` }],
  });
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": contentDisposition(`${name}.xlsx`), "cache-control": "no-store" } });
}
