import { CONTROL_STATUS_WORDS } from "../incidents/report.labels.ts";
import { ITEM_STATUS_WORDS } from "../disclosures/system-card.labels.ts";
import { ITEM_STATUSES } from "../compliance/statuses.ts";
import type { PdfBlock, PdfDocument } from "../platform/pdf/pdf.model.ts";
import type { ComplianceReportData, SystemPosture } from "./compliance.data.ts";
import { formatter, type Lang } from "./reports.format.ts";
import { COMMON, COMPLIANCE } from "./reports.words.ts";

/** Systems in the posture table of the PDF; the workbook lists every one. */
export const SYSTEM_TABLE_ROWS = 300;
/** Systems given a section of their own, those with the most open requirements first. */
export const DETAIL_SYSTEMS = 30;
/** Open requirements listed under one system. */
export const GAP_ROWS = 25;
/** Controls listed. */
export const CONTROL_ROWS = 200;

const gapCount = (s: SystemPosture) => s.gaps.length;

/**
 * The compliance report as a PDF document in one language: the framework as the library describes
 * it (name, version, issuer, legal effect, source and licence), the posture across every assessed
 * system with a chart, each system's posture and sign-off, the open requirements of the systems
 * with the most, with the controls mapped to them, and the controls answering the framework.
 */
export function compliancePdfDocument(d: ComplianceReportData, lang: Lang): PdfDocument {
  const f = formatter(lang, d.timeZone);
  const { w } = f;
  const fw = d.framework;
  const blocks: PdfBlock[] = [];
  const h = (level: 1 | 2 | 3, text: string): PdfBlock => ({ kind: "heading", level, text });
  const more = (shown: number, total: number) => {
    const line = f.more(shown, total);
    if (line) blocks.push({ kind: "paragraph", style: "small", text: line });
  };

  blocks.push(h(1, w(COMPLIANCE.hFramework)), {
    kind: "keyValue",
    rows: [
      { key: w(COMPLIANCE.name), value: f.lib(fw.fullName) },
      { key: w(COMPLIANCE.version), value: fw.version },
      { key: w(COMPLIANCE.issuer), value: fw.issuer.map((i) => f.lib(i)).join(lang === "ja" ? "、" : ", ") },
      { key: w(COMPLIANCE.legalEffect), value: f.lib(fw.legalEffect) },
      ...(fw.textAsOf ? [{ key: w(COMPLIANCE.textAsOf), value: f.day(fw.textAsOf) }] : []),
      { key: w(COMPLIANCE.source), value: [f.lib(fw.source.title), fw.source.reference ? f.lib(fw.source.reference) : null, fw.source.url ?? null].filter(Boolean).join("\n") },
      { key: w(COMPLIANCE.licence), value: fw.licences.map((l) => `${l.name} — ${l.attribution}${l.url ? ` (${l.url})` : ""}`).join("\n") },
      { key: w(COMPLIANCE.requirements), value: f.num(fw.requirements) },
    ],
  });
  if (fw.olderVersions.length) blocks.push({ kind: "note", text: f.fill(COMPLIANCE.versionNote, { current: fw.version, versions: fw.olderVersions.join(", ") }) });

  const p = d.posture;
  blocks.push(
    h(1, w(COMPLIANCE.hPosture)),
    { kind: "keyValue", rows: [{ key: w(COMPLIANCE.inScope), value: f.num(p.inScope) }, { key: w(COMPLIANCE.assessed), value: f.num(p.assessed) }, { key: w(COMPLIANCE.rows), value: f.num(p.total) }] },
    { kind: "barChart", orientation: "horizontal", title: w(COMPLIANCE.chartTitle), bars: ITEM_STATUSES.map((s) => ({ label: f.word(ITEM_STATUS_WORDS, s), value: p.counts[s] })), valueAxisLabel: w(COMPLIANCE.chartAxis), categoryAxisLabel: w(COMMON.status) },
  );

  blocks.push(h(1, w(COMPLIANCE.hSystems)));
  if (d.systems.length === 0) blocks.push({ kind: "paragraph", text: w(COMPLIANCE.noAssessments) });
  else {
    const shown = d.systems.slice(0, SYSTEM_TABLE_ROWS);
    blocks.push({
      kind: "table",
      columns: [{ header: w(COMMON.system), width: 0.3 }, ...(["met", "partially_met", "not_met", "in_progress", "not_started", "not_applicable"] as const).map((s) => ({ header: f.word(ITEM_STATUS_WORDS, s), width: 0.075 })), { header: w(COMPLIANCE.signOff), width: 0.14 }, { header: w(COMPLIANCE.evidence), width: 0.11 }],
      rows: shown.map((s) => [`${s.code} ${f.name(s)}`, ...(["met", "partially_met", "not_met", "in_progress", "not_started", "not_applicable"] as const).map((k) => f.num(s.counts[k])), s.signedOff ? `${f.at(s.signedOff.at)}\n${s.signedOff.by ?? w(COMMON.unknownPerson)}` : w(COMMON.notSignedOff), f.fill(COMPLIANCE.evidenceLine, { n: f.num(s.evidence.count), expired: f.num(s.evidence.expired) })]),
    });
    more(shown.length, d.systems.length);
  }

  if (d.systems.length) {
    blocks.push(h(1, w(COMPLIANCE.hDetails)), { kind: "note", text: w(COMPLIANCE.gapsNote) });
    const capped = d.systems.length > DETAIL_SYSTEMS;
    const detailed = capped ? [...d.systems].sort((a, b) => gapCount(b) - gapCount(a) || a.code.localeCompare(b.code)).slice(0, DETAIL_SYSTEMS) : d.systems;
    if (capped) blocks.push({ kind: "paragraph", style: "small", text: f.fill(COMPLIANCE.detailsCapped, { shown: detailed.length, total: f.num(d.systems.length) }) });
    for (const s of detailed) {
      blocks.push(h(2, `${s.code} ${f.name(s)}`), {
        kind: "keyValue",
        rows: [
          { key: w(COMPLIANCE.version), value: s.frameworkVersion },
          { key: w(COMPLIANCE.rows), value: lang === "ja" ? `${f.num(s.total)}（達成 ${f.num(s.counts.met)}・未対応 ${f.num(s.gaps.length)}）` : `${f.num(s.total)} (met ${f.num(s.counts.met)}, gaps ${f.num(s.gaps.length)})` },
          { key: w(COMPLIANCE.signOff), value: s.signedOff ? f.fill(COMMON.signedOff, { at: f.at(s.signedOff.at), by: s.signedOff.by ?? w(COMMON.unknownPerson) }) : w(COMMON.notSignedOff) },
          { key: w(COMPLIANCE.evidence), value: f.fill(COMPLIANCE.evidenceLine, { n: f.num(s.evidence.count), expired: f.num(s.evidence.expired) }) },
        ],
      });
      if (s.gaps.length === 0) {
        blocks.push({ kind: "paragraph", text: w(COMPLIANCE.noGaps) });
        continue;
      }
      const gaps = s.gaps.slice(0, GAP_ROWS);
      blocks.push({
        kind: "table",
        columns: [{ header: w(COMPLIANCE.requirement), width: 0.16 }, { header: w(COMPLIANCE.requirementTitle) }, { header: w(COMMON.status), width: 0.13 }, { header: w(COMPLIANCE.controls), width: 0.16 }, { header: w(COMPLIANCE.dueDate), width: 0.14 }],
        rows: gaps.map((g) => [f.lib(g.label), g.title ? f.lib(g.title) : w(COMMON.none), f.word(ITEM_STATUS_WORDS, g.status), g.controls.join(", ") || w(COMMON.none), f.day(g.dueDate)]),
      });
      more(gaps.length, s.gaps.length);
    }
  }

  blocks.push(h(1, w(COMPLIANCE.hControls)));
  if (d.controls.length === 0) blocks.push({ kind: "paragraph", text: w(COMPLIANCE.noControls) });
  else {
    const shown = d.controls.slice(0, CONTROL_ROWS);
    blocks.push({
      kind: "table",
      columns: [{ header: w(COMMON.code), width: 0.16 }, { header: w(COMMON.name) }, { header: w(COMMON.status), width: 0.16 }, { header: w(COMPLIANCE.requirementsAnswered), width: 0.18 }],
      rows: shown.map((c) => [c.code, lang === "ja" ? c.titleJa : c.titleEn, f.word(CONTROL_STATUS_WORDS, c.status), f.num(c.requirements)]),
    });
    more(shown.length, d.controls.length);
  }

  const orgName = lang === "ja" ? d.org.nameJa : d.org.nameEn;
  return {
    title: w(COMPLIANCE.title),
    subtitle: `${f.lib(fw.name)} (${fw.version})`,
    meta: [`${orgName} · ${w(COMMON.generated)} ${f.at(d.generatedAt)}`, f.fill(COMMON.timeZone, { tz: d.timeZone })],
    footer: `${w(COMPLIANCE.title)} — ${f.lib(fw.name)}`,
    blocks,
  };
}
