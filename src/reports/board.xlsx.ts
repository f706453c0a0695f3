import { ITEM_STATUS_WORDS } from "../disclosures/system-card.labels.ts";
import { INCIDENT_STATUS_WORDS, LIFECYCLE_WORDS, RISK_STATUS_WORDS, SEVERITY_WORDS } from "../incidents/report.labels.ts";
import type { BoardReportData, BoardRisk, Listed } from "./board.data.ts";
import { formatter, type Formatter, type Lang } from "./reports.format.ts";
import type { XlsxCell, XlsxSheet, XlsxWorkbook } from "./reports.xlsx.ts";
import { BOARD, COMMON } from "./reports.words.ts";

const STATUSES = ["met", "partially_met", "not_met", "in_progress", "not_started", "not_applicable"] as const;

/** A list sheet whose footnote says how many rows the list left out. */
function listSheet(f: Formatter, name: string, columns: XlsxSheet["columns"], list: Listed<unknown>, rows: XlsxCell[][], frozenColumns = 1): XlsxSheet {
  const footnote = list.total > list.items.length ? f.fill(BOARD.listCapped, { shown: f.num(list.items.length), total: f.num(list.total) }) : undefined;
  return { name, columns, rows, frozenColumns, ...(footnote ? { footnote } : {}) };
}

function riskSheet(f: Formatter, name: string, list: Listed<BoardRisk>): XlsxSheet {
  const { w } = f;
  return listSheet(
    f,
    name,
    [{ header: w(COMMON.code), width: 14 }, { header: w(BOARD.risk), width: 40, wrap: true }, { header: w(COMMON.system), width: 40 }, { header: w(BOARD.rating), width: 14 }, { header: w(BOARD.band), width: 10 }, { header: w(BOARD.basis), width: 12 }, { header: w(COMMON.status), width: 10 }, { header: w(COMMON.owner), width: 18 }, { header: w(COMMON.nextReview), width: 14 }],
    list,
    list.items.map((r) => [r.code, f.lang === "ja" ? r.titleJa : r.titleEn, r.system ? `${r.system.code} ${f.name(r.system)}` : null, `${r.likelihood}×${r.impact}`, r.band ? w(r.band) : null, w(r.residual ? BOARD.residual : BOARD.inherent), f.word(RISK_STATUS_WORDS, r.status), r.owner, r.nextReviewOn ? { date: r.nextReviewOn } : null]),
  );
}

/**
 * The board report as a workbook in one language: the key figures and notes, posture by framework,
 * the figures the charts show, and one sheet per list (systems not assessed, overdue reviews of
 * systems and of risks, serious incidents, risks above appetite), each with a frozen header and a filter.
 */
export function boardWorkbook(d: BoardReportData, lang: Lang): XlsxWorkbook {
  const f = formatter(lang, d.timeZone);
  const { w } = f;
  const dash = d.dashboard;
  const kv = (k: { ja: string; en: string }, v: XlsxCell): XlsxCell[] => [w(k), v];
  const summary: XlsxSheet = {
    name: w(BOARD.sheetSummary),
    plain: true,
    columns: [{ header: w(COMMON.item), width: 44 }, { header: w(COMMON.value), width: 90, wrap: true }],
    rows: [
      [w(BOARD.period), `${f.fill(BOARD.periodLine, { from: f.day(d.period.from), to: f.day(d.period.to) })}${d.period.fiscalYear ? f.fill(BOARD.fiscalYear, { fy: d.period.fiscalYear }) : ""}`],
      kv(COMMON.generated, { instant: d.generatedAt }),
      kv(BOARD.totalSystems, dash.totals.systems),
      kv(BOARD.registeredInPeriod, d.registeredByMonth.reduce((s, m) => s + m.n, 0)),
      kv(BOARD.notAssessed, d.notAssessed.total),
      kv(BOARD.overdueSystems, d.overdueSystems.total),
      kv(BOARD.overdueRisks, d.overdueRisks.total),
      kv(BOARD.incidentsInPeriod, d.incidents.total),
      kv(BOARD.seriousIncidents, d.incidents.serious.total),
      kv(BOARD.risksAbove, d.risks.above.total),
      kv(BOARD.answersChanged, d.activity.answersChanged),
      kv(BOARD.signOffs, d.activity.signOffs),
      kv(BOARD.hPosture, w(BOARD.trendNote)),
      kv(BOARD.hRisks, f.fill(BOARD.appetiteNote, { n: d.risks.bands.length, bands: d.risks.bands.map((b) => w(b)).join(lang === "ja" ? "・" : ", ") })),
      kv(BOARD.hOverdue, f.fill(BOARD.overdueNote, { today: f.day(d.today) })),
      kv(BOARD.hIncidents, w(BOARD.incidentsNote)),
    ],
  };
  const posture: XlsxSheet = {
    name: w(BOARD.hPosture),
    frozenColumns: 1,
    columns: [{ header: w(COMMON.framework), width: 34 }, { header: w(BOARD.inScope), width: 10 }, { header: w(BOARD.assessed), width: 10 }, { header: w(BOARD.rows), width: 10 }, ...STATUSES.map((s) => ({ header: f.word(ITEM_STATUS_WORDS, s), width: 11 }))],
    rows: dash.frameworks.map((fw) => [f.lib(fw.name), fw.inScope, fw.assessed, fw.total, ...STATUSES.map((s) => fw.counts[s] ?? 0)]),
  };
  const figures: XlsxSheet = {
    name: w(COMMON.count),
    columns: [{ header: w(COMMON.item), width: 40 }, { header: w(COMMON.name), width: 36 }, { header: w(COMMON.count), width: 12 }],
    rows: [
      ...dash.euClass.map((c) => [w(BOARD.chartEuClass), f.lib(c.label), c.n]),
      ...dash.lifecycle.map((l) => [w(BOARD.chartLifecycle), f.word(LIFECYCLE_WORDS, l.value), l.n]),
      ...d.registeredByMonth.map((m) => [w(BOARD.chartRegistered), m.month, m.n]),
      ...(["low", "medium", "high", "critical"] as const).map((s) => [w(BOARD.chartSeverity), f.word(SEVERITY_WORDS, s), d.incidents.bySeverity[s] ?? 0]),
      ...(["open", "investigating", "mitigated", "closed"] as const).map((s) => [w(BOARD.chartIncidentStatus), f.word(INCIDENT_STATUS_WORDS, s), d.incidents.byStatus[s] ?? 0]),
      ...d.risks.byBand.map((b) => [w(BOARD.chartBands), w(b.band), b.n]),
    ],
  };
  const notAssessed = listSheet(
    f,
    w(BOARD.sheetNotAssessed),
    [{ header: w(COMMON.code), width: 14 }, { header: w(COMMON.name), width: 36 }, { header: w(COMMON.lifecycle), width: 12 }, { header: w(BOARD.missingFrameworks), width: 60, wrap: true }],
    d.notAssessed,
    d.notAssessed.items.map((s) => [s.code, f.name(s), f.word(LIFECYCLE_WORDS, s.lifecycle), s.missing.map((m) => f.lib(m)).join(lang === "ja" ? "、" : ", ")]),
  );
  const overdueSystems = listSheet(
    f,
    w(BOARD.sheetOverdueSystems),
    [{ header: w(COMMON.code), width: 14 }, { header: w(COMMON.name), width: 36 }, { header: w(COMMON.lifecycle), width: 12 }, { header: w(COMMON.owner), width: 20 }, { header: w(COMMON.nextReview), width: 14 }],
    d.overdueSystems,
    d.overdueSystems.items.map((s) => [s.code, f.name(s), f.word(LIFECYCLE_WORDS, s.lifecycle), s.businessOwner?.displayName ?? null, s.nextReviewAt ? { date: s.nextReviewAt } : null]),
  );
  const incidents = listSheet(
    f,
    w(BOARD.sheetIncidents),
    [{ header: w(COMMON.code), width: 14 }, { header: w(BOARD.subject), width: 44, wrap: true }, { header: w(BOARD.severity), width: 10 }, { header: w(COMMON.status), width: 14 }, { header: w(BOARD.detected), width: 18 }, { header: w(COMMON.system), width: 20 }],
    d.incidents.serious,
    d.incidents.serious.items.map((r) => [r.code, r.title, f.word(SEVERITY_WORDS, r.severity), f.word(INCIDENT_STATUS_WORDS, r.status), { instant: r.detectedAt }, r.systems.join(", ") || null]),
  );
  return {
    lang,
    timeZone: d.timeZone,
    title: w(BOARD.title),
    sheets: [summary, posture, figures, notAssessed, overdueSystems, riskSheet(f, w(BOARD.sheetOverdueRisks), d.overdueRisks), incidents, riskSheet(f, w(BOARD.sheetRisks), d.risks.above)],
  };
}
