import { ITEM_STATUS_WORDS } from "../disclosures/system-card.labels.ts";
import { ITEM_STATUSES } from "../compliance/statuses.ts";
import type { ComplianceReportData } from "./compliance.data.ts";
import { formatter, type Lang } from "./reports.format.ts";
import type { XlsxCell, XlsxSheet, XlsxWorkbook } from "./reports.xlsx.ts";
import { COMMON, COMPLIANCE, EVIDENCE_KIND_WORDS, EVIDENCE_STATUS_WORDS } from "./reports.words.ts";

/** Rows one sheet holds at most: past that a footnote says how many were left out. */
export const MAX_SHEET_ROWS = 50_000;

/** Cuts `rows` to {@link MAX_SHEET_ROWS}, with the footnote that says so. */
export function bounded(rows: XlsxCell[][], f: ReturnType<typeof formatter>): Pick<XlsxSheet, "rows" | "footnote"> {
  if (rows.length <= MAX_SHEET_ROWS) return { rows };
  return { rows: rows.slice(0, MAX_SHEET_ROWS), footnote: f.fill(COMMON.andMoreXlsx, { n: f.num(rows.length - MAX_SHEET_ROWS), max: f.num(MAX_SHEET_ROWS) }) };
}

/**
 * The compliance report as a workbook in one language: a summary sheet (the framework, its source
 * and licence, the posture by status), every assessed system with its counts and sign-off, every
 * open requirement of every system with the controls mapped to it, and the evidence attached.
 */
export function complianceWorkbook(d: ComplianceReportData, lang: Lang): XlsxWorkbook {
  const f = formatter(lang, d.timeZone);
  const { w } = f;
  const fw = d.framework;
  const kv = (key: string, value: XlsxCell): XlsxCell[] => [key, value];
  const summary: XlsxSheet = {
    name: w(COMPLIANCE.sheetSummary),
    plain: true,
    columns: [{ header: w(COMMON.item), width: 34 }, { header: w(COMMON.value), width: 90, wrap: true }],
    rows: [
      kv(w(COMPLIANCE.name), f.lib(fw.fullName)),
      kv(w(COMPLIANCE.version), fw.version),
      kv(w(COMPLIANCE.issuer), fw.issuer.map((i) => f.lib(i)).join(lang === "ja" ? "、" : ", ")),
      kv(w(COMPLIANCE.legalEffect), f.lib(fw.legalEffect)),
      kv(w(COMPLIANCE.textAsOf), fw.textAsOf ? { date: fw.textAsOf } : null),
      kv(w(COMPLIANCE.source), [f.lib(fw.source.title), fw.source.reference ? f.lib(fw.source.reference) : null, fw.source.url ?? null].filter(Boolean).join("\n")),
      kv(w(COMPLIANCE.licence), fw.licences.map((l) => `${l.name} — ${l.attribution}${l.url ? ` (${l.url})` : ""}`).join("\n")),
      kv(w(COMPLIANCE.requirements), fw.requirements),
      kv(w(COMPLIANCE.inScope), d.posture.inScope),
      kv(w(COMPLIANCE.assessed), d.posture.assessed),
      kv(w(COMPLIANCE.rows), d.posture.total),
      ...ITEM_STATUSES.map((s) => kv(f.word(ITEM_STATUS_WORDS, s), d.posture.counts[s])),
      kv(w(COMMON.generated), { instant: d.generatedAt }),
      kv(w(COMPLIANCE.gaps), w(COMPLIANCE.gapsNote)),
    ],
  };
  const statuses = ["met", "partially_met", "not_met", "in_progress", "not_started", "not_applicable"] as const;
  const systems: XlsxSheet = {
    name: w(COMPLIANCE.sheetSystems),
    frozenColumns: 2,
    columns: [{ header: w(COMMON.code), width: 14 }, { header: w(COMMON.name), width: 36 }, { header: w(COMPLIANCE.version), width: 12 }, ...statuses.map((s) => ({ header: f.word(ITEM_STATUS_WORDS, s), width: 11 })), { header: w(COMPLIANCE.gaps), width: 10 }, { header: w(COMPLIANCE.signedOffAt), width: 18 }, { header: w(COMPLIANCE.signedOffBy), width: 20 }, { header: w(COMPLIANCE.evidence), width: 10 }, { header: w(COMPLIANCE.evidenceExpired), width: 14 }],
    ...bounded(
      d.systems.map((s) => [s.code, f.name(s), s.frameworkVersion, ...statuses.map((k) => s.counts[k]), s.gaps.length, s.signedOff ? { instant: s.signedOff.at } : w(COMMON.notSignedOff), s.signedOff ? (s.signedOff.by ?? w(COMMON.unknownPerson)) : null, s.evidence.count, s.evidence.expired]),
      f,
    ),
  };
  const gapRows: XlsxCell[][] = [];
  for (const s of d.systems) for (const g of s.gaps) gapRows.push([s.code, f.name(s), f.lib(g.label), g.title ? f.lib(g.title) : null, f.word(ITEM_STATUS_WORDS, g.status), g.controls.join(", ") || null, g.dueDate ? { date: g.dueDate } : null]);
  const gaps: XlsxSheet = {
    name: w(COMPLIANCE.sheetGaps),
    frozenColumns: 1,
    columns: [{ header: w(COMMON.code), width: 14 }, { header: w(COMMON.system), width: 32 }, { header: w(COMPLIANCE.requirement), width: 22 }, { header: w(COMPLIANCE.requirementTitle), width: 48, wrap: true }, { header: w(COMMON.status), width: 12 }, { header: w(COMPLIANCE.controls), width: 20 }, { header: w(COMPLIANCE.dueDate), width: 12 }],
    ...bounded(gapRows, f),
  };
  const evidence: XlsxSheet = {
    name: w(COMPLIANCE.sheetEvidence),
    columns: [{ header: w(COMMON.name), width: 40 }, { header: w(COMPLIANCE.kind), width: 10 }, { header: w(COMPLIANCE.validUntil), width: 12 }, { header: w(COMPLIANCE.evidenceStatus), width: 12 }, { header: w(COMPLIANCE.attachedTo), width: 12 }, { header: w(COMMON.system), width: 14 }, { header: w(COMPLIANCE.requirement), width: 22 }, { header: w(COMPLIANCE.controls), width: 14 }],
    ...bounded(
      d.evidence.map((e) => [e.title, f.word(EVIDENCE_KIND_WORDS, e.kind), e.validUntil ? { date: e.validUntil } : null, f.word(EVIDENCE_STATUS_WORDS, e.status), w(e.via === "item" ? COMPLIANCE.viaItem : COMPLIANCE.viaControl), e.target.system ?? null, e.target.label ? f.lib(e.target.label) : null, e.target.control ?? null]),
      f,
    ),
  };
  return { lang, timeZone: d.timeZone, title: `${w(COMPLIANCE.title)} — ${f.lib(fw.name)}`, sheets: [summary, systems, gaps, evidence] };
}
