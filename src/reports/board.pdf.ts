import { ITEM_STATUS_WORDS } from "../disclosures/system-card.labels.ts";
import { INCIDENT_STATUS_WORDS, LIFECYCLE_WORDS, RISK_STATUS_WORDS, SEVERITY_WORDS } from "../incidents/report.labels.ts";
import type { PdfBlock, PdfDocument } from "../platform/pdf/pdf.model.ts";
import type { BoardIncident, BoardReportData, BoardRisk } from "./board.data.ts";
import { formatter, type Formatter, type Lang } from "./reports.format.ts";
import { BOARD, COMMON } from "./reports.words.ts";

/** Rows of each list in the body; the appendices hold the rest (up to `LIST_ROWS`). */
export const BODY_ROWS = 10;
const STATUSES = ["met", "partially_met", "not_met", "in_progress", "not_started", "not_applicable"] as const;
const SEVERITIES = ["low", "medium", "high", "critical"] as const;
const INCIDENT_STATUSES = ["open", "investigating", "mitigated", "closed"] as const;

/** The month's short label: 4月 / Apr, with the year when the period runs over more than twelve months. */
function monthLabel(month: string, lang: Lang, withYear: boolean): string {
  const [y, m] = [month.slice(0, 4), Number(month.slice(5, 7))];
  if (lang === "ja") return withYear ? `${y.slice(2)}年${m}月` : `${m}月`;
  const name = new Date(Date.UTC(2000, m - 1, 1)).toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  return withYear ? `${name} ${y.slice(2)}` : name;
}

/** A requirement's label with its title, unless the label already ends with it (共通の指針 3) 公平性). */
function withTitle(label: string, title: string | null): string {
  return title && !label.endsWith(title) ? `${label} ${title}` : label;
}

/** Table specs shared by the body and the appendices, and by the workbook's column order. */
export function riskTable(f: Formatter, rows: BoardRisk[]): PdfBlock {
  const { w } = f;
  return {
    kind: "table",
    columns: [{ header: w(COMMON.code), width: 0.12 }, { header: w(BOARD.risk) }, { header: w(COMMON.system), width: 0.27 }, { header: w(BOARD.band), width: 0.1 }, { header: w(BOARD.basis), width: 0.1 }, { header: w(COMMON.status), width: 0.08 }, { header: w(COMMON.nextReview), width: 0.15 }],
    rows: rows.map((r) => [r.code, f.lang === "ja" ? r.titleJa : r.titleEn, r.system ? `${r.system.code} ${f.name(r.system)}` : w(COMMON.none), `${r.likelihood}×${r.impact}${r.band ? ` ${w(r.band)}` : ""}`, w(r.residual ? BOARD.residual : BOARD.inherent), f.word(RISK_STATUS_WORDS, r.status), f.day(r.nextReviewOn)]),
  };
}

function incidentTable(f: Formatter, rows: BoardIncident[]): PdfBlock {
  const { w } = f;
  return {
    kind: "table",
    columns: [{ header: w(COMMON.code), width: 0.13 }, { header: w(BOARD.subject) }, { header: w(BOARD.severity), width: 0.09 }, { header: w(COMMON.status), width: 0.12 }, { header: w(BOARD.detected), width: 0.2 }, { header: w(COMMON.system), width: 0.14 }],
    rows: rows.map((r) => [r.code, r.title, f.word(SEVERITY_WORDS, r.severity), f.word(INCIDENT_STATUS_WORDS, r.status), f.at(r.detectedAt), r.systems.join(", ") || w(COMMON.none)]),
  };
}

/**
 * The board report as a PDF document in one language: key figures, the inventory by EU AI Act
 * class and lifecycle, registrations by month, posture by framework (today's, with the period's
 * recorded activity — no trend is invented), overdue reviews, incidents of the period, risks above
 * appetite, and appendices listing systems not assessed, overdue reviews, risks and serious incidents.
 */
export function boardPdfDocument(d: BoardReportData, lang: Lang): PdfDocument {
  const f = formatter(lang, d.timeZone);
  const { w } = f;
  const dash = d.dashboard;
  const blocks: PdfBlock[] = [];
  const h = (level: 1 | 2 | 3, text: string) => blocks.push({ kind: "heading", level, text });
  const p = (text: string, style: "body" | "small" = "body") => blocks.push({ kind: "paragraph", text, style });
  const note = (text: string) => blocks.push({ kind: "note", text });
  const capped = (shown: number, total: number) => total > shown && p(f.fill(BOARD.listCapped, { shown: f.num(shown), total: f.num(total) }), "small");
  const more = (shown: number, total: number) => {
    const line = f.more(shown, total);
    if (line) p(line, "small");
  };

  h(1, w(BOARD.hSummary));
  blocks.push({
    kind: "keyValue",
    rows: [
      [BOARD.totalSystems, dash.totals.systems],
      [BOARD.registeredInPeriod, d.registeredByMonth.reduce((s, m) => s + m.n, 0)],
      [BOARD.notAssessed, d.notAssessed.total],
      [BOARD.overdueSystems, d.overdueSystems.total],
      [BOARD.overdueRisks, d.overdueRisks.total],
      [BOARD.incidentsInPeriod, d.incidents.total],
      [BOARD.seriousIncidents, d.incidents.serious.total],
      [BOARD.risksAbove, d.risks.above.total],
      [BOARD.answersChanged, d.activity.answersChanged],
      [BOARD.signOffs, d.activity.signOffs],
    ].map(([k, v]) => ({ key: w(k as { ja: string; en: string }), value: f.num(v as number) })),
  });
  if (d.period.to < d.today) note(w(BOARD.pastPeriodNote));

  h(1, w(BOARD.hInventory));
  if (dash.totals.systems === 0) p(w(BOARD.noSystems));
  else {
    blocks.push(
      { kind: "barChart", orientation: "horizontal", title: w(BOARD.chartEuClass), bars: dash.euClass.map((c) => ({ label: f.lib(c.label), value: c.n })), valueAxisLabel: w(COMMON.systems) },
      {
        kind: "table",
        columns: [{ header: w(COMMON.euClass) }, { header: w(COMMON.systems), width: 0.18 }, { header: w(BOARD.classLater), width: 0.3 }],
        rows: dash.euClass.map((c) => [f.lib(c.label), f.num(c.n), c.later.length ? c.later.map((l) => `${f.day(l.from)}: ${f.num(l.n)}`).join("\n") : w(COMMON.none)]),
      },
      { kind: "barChart", orientation: "horizontal", title: w(BOARD.chartLifecycle), bars: dash.lifecycle.map((l) => ({ label: f.word(LIFECYCLE_WORDS, l.value), value: l.n })), valueAxisLabel: w(COMMON.systems) },
    );
  }

  h(1, w(BOARD.hRegistered));
  const withYear = d.registeredByMonth.length > 12;
  blocks.push({ kind: "barChart", orientation: "vertical", title: w(BOARD.chartRegistered), bars: d.registeredByMonth.map((m) => ({ label: monthLabel(m.month, lang, withYear), value: m.n })), valueAxisLabel: w(COMMON.systems), categoryAxisLabel: w(BOARD.month) });

  h(1, w(BOARD.hPosture));
  note(w(BOARD.trendNote));
  if (dash.frameworks.length === 0) p(w(BOARD.noFrameworks));
  else {
    blocks.push(
      {
        kind: "table",
        columns: [{ header: w(COMMON.framework), width: 0.22 }, { header: w(BOARD.inScope), width: 0.08 }, { header: w(BOARD.assessed), width: 0.08 }, { header: w(BOARD.rows), width: 0.08 }, ...STATUSES.map((s) => ({ header: f.word(ITEM_STATUS_WORDS, s), width: 0.09 }))],
        rows: dash.frameworks.map((fw) => [f.lib(fw.name), f.num(fw.inScope), f.num(fw.assessed), f.num(fw.total), ...STATUSES.map((s) => f.num(fw.counts[s] ?? 0))]),
      },
      { kind: "barChart", orientation: "horizontal", title: w(BOARD.chartGaps), bars: dash.frameworks.map((fw) => ({ label: f.lib(fw.name), value: (fw.counts.not_met ?? 0) + (fw.counts.partially_met ?? 0) })), valueAxisLabel: w(BOARD.rows) },
    );
    if (dash.topGaps.length) {
      h(2, w(BOARD.hGaps));
      blocks.push({
        kind: "table",
        columns: [{ header: w(COMMON.framework), width: 0.2 }, { header: w(BOARD.requirement) }, { header: w(BOARD.notMet), width: 0.12 }, { header: w(BOARD.partiallyMet), width: 0.12 }],
        rows: dash.topGaps.map((g) => [f.lib(g.requirement.frameworkName), withTitle(f.lib(g.requirement.label), g.requirement.title ? f.lib(g.requirement.title) : null), f.num(g.notMet), f.num(g.partiallyMet)]),
      });
    }
  }

  h(1, w(BOARD.hOverdue));
  note(f.fill(BOARD.overdueNote, { today: f.day(d.today) }));
  h(2, w(BOARD.overdueSystems));
  if (d.overdueSystems.total === 0) p(w(BOARD.noOverdue));
  else {
    blocks.push(overdueSystemsTable(f, d.overdueSystems.items.slice(0, BODY_ROWS)));
    more(Math.min(BODY_ROWS, d.overdueSystems.items.length), d.overdueSystems.total);
  }
  h(2, w(BOARD.overdueRisks));
  if (d.overdueRisks.total === 0) p(w(BOARD.noOverdue));
  else {
    blocks.push(riskTable(f, d.overdueRisks.items.slice(0, BODY_ROWS)));
    more(Math.min(BODY_ROWS, d.overdueRisks.items.length), d.overdueRisks.total);
  }

  h(1, w(BOARD.hIncidents));
  note(w(BOARD.incidentsNote));
  if (d.incidents.total === 0) p(w(BOARD.noIncidents));
  else {
    blocks.push(
      { kind: "barChart", orientation: "vertical", title: w(BOARD.chartSeverity), bars: SEVERITIES.map((s) => ({ label: f.word(SEVERITY_WORDS, s), value: d.incidents.bySeverity[s] ?? 0 })), valueAxisLabel: w(COMMON.count) },
      { kind: "barChart", orientation: "horizontal", title: w(BOARD.chartIncidentStatus), bars: INCIDENT_STATUSES.map((s) => ({ label: f.word(INCIDENT_STATUS_WORDS, s), value: d.incidents.byStatus[s] ?? 0 })), valueAxisLabel: w(COMMON.count) },
    );
    h(2, w(BOARD.seriousIncidents));
    if (d.incidents.serious.total === 0) p(w(BOARD.noSerious));
    else {
      blocks.push(incidentTable(f, d.incidents.serious.items.slice(0, BODY_ROWS)));
      more(Math.min(BODY_ROWS, d.incidents.serious.items.length), d.incidents.serious.total);
    }
  }

  h(1, w(BOARD.hRisks));
  note(f.fill(BOARD.appetiteNote, { n: d.risks.bands.length, bands: d.risks.bands.map((b) => w(b)).join(lang === "ja" ? "・" : ", ") }));
  blocks.push({ kind: "barChart", orientation: "horizontal", title: w(BOARD.chartBands), bars: d.risks.byBand.map((b) => ({ label: w(b.band), value: b.n })), valueAxisLabel: w(COMMON.count) });
  if (d.risks.above.total === 0) p(w(BOARD.noRisks));
  else {
    blocks.push(riskTable(f, d.risks.above.items.slice(0, BODY_ROWS)));
    more(Math.min(BODY_ROWS, d.risks.above.items.length), d.risks.above.total);
  }

  // Appendices: the lists in full, up to LIST_ROWS rows each.
  const appendix = (title: { ja: string; en: string }, total: number, shown: number, intro: string | null, table: () => PdfBlock, empty: string) => {
    h(1, w(title));
    if (intro) p(intro, "small");
    if (total === 0) return p(empty);
    capped(shown, total);
    blocks.push(table());
  };
  appendix(BOARD.hNotAssessed, d.notAssessed.total, d.notAssessed.items.length, w(BOARD.notAssessedNote), () => ({
    kind: "table",
    columns: [{ header: w(COMMON.code), width: 0.14 }, { header: w(COMMON.name) }, { header: w(COMMON.lifecycle), width: 0.14 }, { header: w(BOARD.missingFrameworks), width: 0.36 }],
    rows: d.notAssessed.items.map((s) => [s.code, f.name(s), f.word(LIFECYCLE_WORDS, s.lifecycle), s.missing.map((m) => f.lib(m)).join(lang === "ja" ? "、" : ", ")]),
  }), w(BOARD.noNotAssessed));
  appendix(BOARD.hOverdueSystems, d.overdueSystems.total, d.overdueSystems.items.length, null, () => overdueSystemsTable(f, d.overdueSystems.items), w(BOARD.noOverdue));
  appendix(BOARD.hOverdueRisks, d.overdueRisks.total, d.overdueRisks.items.length, null, () => riskTable(f, d.overdueRisks.items), w(BOARD.noOverdue));
  appendix(BOARD.hRiskList, d.risks.above.total, d.risks.above.items.length, null, () => riskTable(f, d.risks.above.items), w(BOARD.noRisks));
  appendix(BOARD.hSeriousList, d.incidents.serious.total, d.incidents.serious.items.length, null, () => incidentTable(f, d.incidents.serious.items), w(BOARD.noSerious));

  const orgName = lang === "ja" ? d.org.nameJa : d.org.nameEn;
  const period = `${f.fill(BOARD.periodLine, { from: f.day(d.period.from), to: f.day(d.period.to) })}${d.period.fiscalYear ? f.fill(BOARD.fiscalYear, { fy: d.period.fiscalYear }) : ""}`;
  return {
    title: w(BOARD.title),
    subtitle: `${w(BOARD.period)}: ${period}`,
    meta: [`${orgName} · ${w(COMMON.generated)} ${f.at(d.generatedAt)}`, f.fill(COMMON.timeZone, { tz: d.timeZone })],
    footer: `${w(BOARD.title)} — ${period}`,
    blocks,
  };
}

function overdueSystemsTable(f: Formatter, rows: BoardReportData["overdueSystems"]["items"]): PdfBlock {
  const { w } = f;
  return {
    kind: "table",
    columns: [{ header: w(COMMON.code), width: 0.14 }, { header: w(COMMON.name) }, { header: w(COMMON.lifecycle), width: 0.13 }, { header: w(COMMON.owner), width: 0.2 }, { header: w(COMMON.nextReview), width: 0.16 }],
    rows: rows.map((s) => [s.code, f.name(s), f.word(LIFECYCLE_WORDS, s.lifecycle), s.businessOwner?.displayName ?? w(COMMON.none), f.day(s.nextReviewAt)]),
  };
}
