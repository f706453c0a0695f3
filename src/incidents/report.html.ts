import { createHash } from "node:crypto";
import type { IncidentReport } from "./report.schema.ts";

const REPORT_CSS = `
body{font-family:"Hiragino Sans","Noto Sans JP","Yu Gothic",sans-serif;margin:2rem auto;max-width:56rem;color:#1a1a1a;line-height:1.55}
h1{font-size:1.4rem;border-bottom:2px solid #1a1a1a;padding-bottom:.3rem}h2{font-size:1.05rem;margin-top:1.6rem;border-left:4px solid #8a1c1c;padding-left:.5rem}
.en{display:block;color:#555;font-size:.85em;font-weight:normal}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{width:28%;background:#f4f4f4}blockquote{margin:.4rem 0;padding:.4rem .8rem;background:#fafafa;border-left:3px solid #bbb;white-space:pre-wrap}.none{color:#888}
.meta{font-size:.85rem;color:#444}pre{white-space:pre-wrap;font-family:inherit;margin:0}@media print{body{margin:0;max-width:none}}
`;

/**
 * The report's own Content-Security-Policy: nothing may run, and its one inline style sheet is
 * allowed by hash — the app's policy (`style-src 'self'`) would leave the printed report unstyled.
 */
export const REPORT_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(REPORT_CSS).digest("base64")}'`,
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const esc = (s: string | number | null | undefined) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A heading in both languages: Japanese first, English beneath. */
const h = (ja: string, en: string) => `<h2>${esc(ja)}<span class="en">${esc(en)}</span></h2>`;
const row = (ja: string, en: string, value: string) => `<tr><th>${esc(ja)}<span class="en">${esc(en)}</span></th><td>${value}</td></tr>`;
const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : `<span class="none">—</span>`);
const vocab = (v: { ja: string; en: string }) => `${esc(v.ja)} <span class="en">${esc(v.en)}</span>`;

/**
 * The report as one bilingual HTML page, laid out to print on A4 (the browser's "print to PDF"
 * makes the document to hand over). Every value comes from the JSON report, escaped.
 */
export function renderIncidentReportHtml(r: IncidentReport): string {
  const i = r.incident;
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${esc(i.code)} ${esc(i.title)} — インシデント報告 / Incident report</title>
<style>${REPORT_CSS}</style></head><body>
<h1>AIインシデント報告書<span class="en">AI incident report</span></h1>
<p class="meta">${esc(r.format)} · ${esc(r.generatedAt)} · ${esc(r.generatedBy.name)} &lt;${esc(r.generatedBy.email)}&gt;</p>
${h("報告者", "Reporter")}
<table>${row("組織", "Organisation", `${esc(r.reporter.organisation.nameJa)} <span class="en">${esc(r.reporter.organisation.nameEn)}</span>`)}${row("担当者", "Contact", r.reporter.contact ? `${esc(r.reporter.contact.name)} &lt;${esc(r.reporter.contact.email)}&gt;` : '<span class="none">—</span>')}</table>
${h("根拠規定", "Legal basis")}
${r.legalBasis.map((p) => `<p><strong>${esc(p.title?.ja ?? "")}</strong>${p.obligation.length ? `（${p.obligation.map((o) => esc(o.ja)).join("・")}、Musubiの読み方）` : ""} <span class="en">${esc(p.title?.en ?? "")}${p.obligation.length ? ` (${p.obligation.map((o) => esc(o.en)).join(", ")}; Musubi's reading)` : ""} — ${esc(p.urn)}</span></p>${p.text.ja ? `<blockquote lang="ja">${esc(p.text.ja)}</blockquote>` : ""}${p.text.en ? `<blockquote lang="en">${esc(p.text.en)}</blockquote>` : ""}<p class="meta">${esc(p.source)}</p>`).join("")}
${h("事案の概要", "The incident")}
<table>${row("番号", "Code", esc(i.code))}${row("件名", "Title", esc(i.title))}${row("概要", "Summary", `<pre>${esc(i.summary)}</pre>`)}${row("状態・深刻度", "Status, severity", `${esc(i.status)} · ${esc(i.severity)}`)}${row("発生日時", "Occurred", esc(i.occurredAt ?? "—"))}${row("検知日時", "Detected", esc(i.detectedAt))}${row("終結日時", "Closed", esc(i.closedAt ?? "—"))}${row("受付経路", "Reported via", esc(i.source))}</table>
${h("関係するAIシステム", "AI systems involved")}
${list(r.aiSystems.map((s) => `<strong>${esc(s.code)}</strong> ${esc(s.nameJa)}${s.euAiActClass ? ` · EU AI法：${esc(s.euAiActClassLabel?.ja ?? s.euAiActClass)}${s.euAiActClassFrom ? `（${esc(s.euAiActClassFrom)}から適用）` : ""}` : ""} <span class="en">${esc(s.nameEn)} · ${esc(s.lifecycle)}${s.euAiActClass ? ` · EU AI Act: ${esc(s.euAiActClassLabel?.en ?? s.euAiActClass)}${s.euAiActClassFrom ? ` (applies from ${esc(s.euAiActClassFrom)})` : ""}` : ""}${s.vendors.length ? ` · ${esc(s.vendors.join(", "))}` : ""}</span><br>${esc(s.purpose)}`))}
${h("損害", "Harm (CSETv1)")}
<table>${row("損害の水準", "AI harm level", vocab(r.harm.level))}${row("損害の種類", "Harm types", list(r.harm.types.map(vocab)))}${row("偏りの基礎", "Harm distribution basis", list(r.harm.distributionBasis.map(vocab)))}${row("侵害された権利・利益", "Rights affected", list(r.harm.rightsAffected.map(vocab)))}${row("影響を受けた人数", "People affected", esc(r.harm.peopleAffected ?? "—"))}${row("死亡・負傷", "Lives lost, injuries", `${esc(r.harm.livesLost ?? "—")} / ${esc(r.harm.injuries ?? "—")}`)}${row("影響を受けた者", "Affected parties", `<pre>${esc(r.harm.affectedParties)}</pre>`)}</table>
${h("分類（MIT AI Risk Repository）", "Classification (MIT AI Risk Repository)")}
${list(r.classification.mitAiRiskRepository.map((c) => `${esc(c.id)} ${esc(c.ja ?? "")} <span class="en">${esc(c.en)}</span>`))}
${h("個人データ", "Personal data")}
<table>${row("漏えい等", "Leaked, lost or damaged", esc(r.personalData.leaked))}${row("本人の数", "Persons concerned", esc(r.personalData.dataSubjects ?? "—"))}${row("要配慮個人情報", "Special care-required information", esc(r.personalData.sensitive))}${row("第26条の確認", "APPI Art. 26 check", r.personalData.appiArticle26Check ? "要 / needed" : "不要 / not needed")}</table>
<p>${esc(r.personalData.note.ja)}<span class="en">${esc(r.personalData.note.en)}</span></p>
${h("経過", "Timeline")}
<table>${r.timeline.map((e) => `<tr><th>${esc(e.at)}<span class="en">${esc(e.kind)}</span></th><td><pre>${esc(e.body)}</pre></td></tr>`).join("")}</table>
${h("根本原因", "Root cause")}<pre>${esc(r.rootCause) || '<span class="none">—</span>'}</pre>
${h("是正・予防措置", "Corrective and preventive actions")}
${list(r.actions.map((a) => `<strong>${esc(a.code)}</strong> [${esc(a.kind)}] ${esc(a.title)} — ${esc(a.status)}${a.completedAt ? ` (${esc(a.completedAt)})` : a.dueOn ? ` (due ${esc(a.dueOn)})` : ""}${a.approval ? ` · approval: ${esc(a.approval)}` : ""}`))}
${h("関連するリスク", "Risks concerned")}
${list(r.linkedRisks.map((k) => `<strong>${esc(k.code)}</strong> ${esc(k.titleJa)} <span class="en">${esc(k.titleEn)} · inherent ${esc(k.inherent)}${k.residual ? ` · residual ${esc(k.residual)}` : ""} · ${esc(k.treatment ?? "—")} · ${esc(k.status)}</span>`))}
${h("機能しなかった管理策", "Controls that failed")}
${list(r.failedControls.map((c) => `<strong>${esc(c.code)}</strong> ${esc(c.titleJa)} <span class="en">${esc(c.titleEn)} · ${esc(c.status)}</span>`))}
${h("類似の公開事例", "Similar public cases")}
${list(r.similarPublicCases.map((p) => `${esc(p.source.toUpperCase())} #${esc(p.number)} <a href="${esc(p.url)}">${esc(p.title)}</a>`))}
${h("記録の完全性", "Record integrity")}
<p>監査台帳（ハッシュチェーン）の先頭 #${esc(r.ledger.headSeq)} <code>${esc(r.ledger.headHash)}</code>。本件の記録: ${esc(r.ledger.incidentEntries.map((n) => `#${n}`).join(", "))}<span class="en">Ledger head #${esc(r.ledger.headSeq)}; this incident's entries: ${esc(r.ledger.incidentEntries.join(", "))}. Verify with GET /api/audit/verify or \`musubi audit verify\`.</span></p>
<p class="meta">${r.licences.map(esc).join(" · ")}</p>
</body></html>`;
}
