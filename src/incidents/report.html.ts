import { formatInstant } from "../platform/time.ts";
import {
  ACTION_KIND_WORDS,
  ACTION_STATUS_WORDS,
  APPROVAL_STATUS_WORDS,
  channelWords,
  CONTROL_STATUS_WORDS,
  INCIDENT_STATUS_WORDS,
  LIFECYCLE_WORDS,
  RISK_STATUS_WORDS,
  RISK_TREATMENT_WORDS,
  SEVERITY_WORDS,
  TIMELINE_KIND_WORDS,
  TRISTATE_WORDS,
  wordsFor,
  type Words,
} from "./report.labels.ts";
import type { IncidentReport } from "./report.schema.ts";
import { documentCsp, escapeHtml } from "../platform/html-document.ts";

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
export const REPORT_CSP = documentCsp(REPORT_CSS);

const esc = escapeHtml;

/** A heading in both languages: Japanese first, English beneath. */
const h = (ja: string, en: string) => `<h2>${esc(ja)}<span class="en">${esc(en)}</span></h2>`;
const row = (ja: string, en: string, value: string) => `<tr><th>${esc(ja)}<span class="en">${esc(en)}</span></th><td>${value}</td></tr>`;
const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : `<span class="none">—</span>`);
const vocab = (v: Words) => `${esc(v.ja)} <span class="en">${esc(v.en)}</span>`;
const none = '<span class="none">—</span>';

/** An instant in the organisation's zone, zone named: Japanese, English beneath. */
const at = (iso: string | null, tz: string) => (iso ? vocab({ ja: formatInstant(iso, tz, "ja"), en: formatInstant(iso, tz, "en") }) : none);
/** A calendar date (YYYY-MM-DD, already the organisation's day): formatted, never shifted by a zone. */
const day = (date: string, lang: "ja" | "en") => formatInstant(`${date}T00:00:00Z`, "UTC", lang, "date");

/** A status change entry is written `open → investigating`: shown in words, as the UI does. */
function timelineBody(kind: string, body: string): string {
  const change = kind === "status" ? /^(\w+) → (\w+)$/.exec(body) : null;
  if (!change) return `<pre>${esc(body)}</pre>`;
  const [from, to] = [wordsFor(INCIDENT_STATUS_WORDS, change[1]!), wordsFor(INCIDENT_STATUS_WORDS, change[2]!)];
  return vocab({ ja: `${from.ja} → ${to.ja}`, en: `${from.en} → ${to.en}` });
}

function action(a: IncidentReport["actions"][number], tz: string): string {
  const kind = wordsFor(ACTION_KIND_WORDS, a.kind);
  const status = wordsFor(ACTION_STATUS_WORDS, a.status);
  const approval = a.approval ? wordsFor(APPROVAL_STATUS_WORDS, a.approval) : null;
  const ja = [kind.ja, status.ja, a.completedAt ? `完了 ${formatInstant(a.completedAt, tz, "ja")}` : a.dueOn ? `期限 ${day(a.dueOn, "ja")}` : "", approval ? `承認：${approval.ja}` : ""];
  const en = [kind.en, status.en, a.completedAt ? `completed ${formatInstant(a.completedAt, tz, "en")}` : a.dueOn ? `due ${day(a.dueOn, "en")}` : "", approval ? `approval: ${approval.en}` : ""];
  return `<strong>${esc(a.code)}</strong> ${esc(a.title)}<br>${vocab({ ja: ja.filter(Boolean).join("・"), en: en.filter(Boolean).join(" · ") })}`;
}

function linkedRisk(k: IncidentReport["linkedRisks"][number]): string {
  const band = (rating: string, b: Words | null, lang: "ja" | "en") => `${rating.split(" ")[0]}${b ? ` ${b[lang]}` : ""}`;
  const treatment = k.treatment ? wordsFor(RISK_TREATMENT_WORDS, k.treatment) : { ja: "未決定", en: "Not decided" };
  const status = wordsFor(RISK_STATUS_WORDS, k.status);
  const ja = `固有 ${band(k.inherent, k.inherentBand, "ja")}${k.residual ? `・残留 ${band(k.residual, k.residualBand, "ja")}` : ""}・${treatment.ja}・${status.ja}`;
  const en = `inherent ${band(k.inherent, k.inherentBand, "en")}${k.residual ? ` · residual ${band(k.residual, k.residualBand, "en")}` : ""} · ${treatment.en} · ${status.en}`;
  return `<strong>${esc(k.code)}</strong> ${esc(k.titleJa)} <span class="en">${esc(k.titleEn)}</span>${vocab({ ja, en })}`;
}

/**
 * The report as one bilingual HTML page, laid out to print on A4 (the browser's "print to PDF"
 * makes the document to hand over). Every value comes from the JSON report, escaped; stored values
 * are shown in words and instants in the organisation's time zone, named.
 */
export function renderIncidentReportHtml(r: IncidentReport): string {
  const i = r.incident;
  const tz = r.timeZone;
  const tri = (v: string) => vocab(wordsFor(TRISTATE_WORDS, v));
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${esc(i.code)} ${esc(i.title)} — インシデント報告 / Incident report</title>
<style>${REPORT_CSS}</style></head><body>
<h1>AIインシデント報告書<span class="en">AI incident report</span></h1>
<p class="meta">作成 ${esc(formatInstant(r.generatedAt, tz, "ja"))} · ${esc(r.generatedBy.name)} &lt;${esc(r.generatedBy.email)}&gt; · ${esc(r.format)}<span class="en">Generated ${esc(formatInstant(r.generatedAt, tz, "en"))}</span></p>
<p class="meta">日時は組織のタイムゾーン（${esc(tz)}）で表示しています。<span class="en">Times are shown in the organisation's time zone, ${esc(tz)}.</span></p>
${h("報告者", "Reporter")}
<table>${row("組織", "Organisation", `${esc(r.reporter.organisation.nameJa)} <span class="en">${esc(r.reporter.organisation.nameEn)}</span>`)}${row("担当者", "Contact", r.reporter.contact ? `${esc(r.reporter.contact.name)} &lt;${esc(r.reporter.contact.email)}&gt;` : none)}</table>
${h("根拠規定", "Legal basis")}
${r.legalBasis.map((p) => `<p><strong>${esc(p.title?.ja ?? "")}</strong>${p.obligation.length ? `（${p.obligation.map((o) => esc(o.ja)).join("・")}、Musubiの読み方）` : ""} <span class="en">${esc(p.title?.en ?? "")}${p.obligation.length ? ` (${p.obligation.map((o) => esc(o.en)).join(", ")}; Musubi's reading)` : ""} — ${esc(p.urn)}</span></p>${p.text.ja ? `<blockquote lang="ja">${esc(p.text.ja)}</blockquote>` : ""}${p.text.en ? `<blockquote lang="en">${esc(p.text.en)}</blockquote>` : ""}<p class="meta">${esc(p.source)}</p>`).join("")}
${h("事案の概要", "The incident")}
<table>${row("番号", "Code", esc(i.code))}${row("件名", "Title", esc(i.title))}${row("概要", "Summary", `<pre>${esc(i.summary)}</pre>`)}${row("状態", "Status", vocab(wordsFor(INCIDENT_STATUS_WORDS, i.status)))}${row("深刻度", "Severity", vocab(wordsFor(SEVERITY_WORDS, i.severity)))}${row("発生日時", "Occurred", at(i.occurredAt, tz))}${row("検知日時", "Detected", at(i.detectedAt, tz))}${row("登録日時（Musubiへの記録）", "Filed (recorded in Musubi)", at(i.recordedAt, tz))}${row("クローズ日時", "Closed", at(i.closedAt, tz))}${row("登録経路", "Reported through", vocab(channelWords(i.source)))}</table>
${h("関係するAIシステム", "AI systems involved")}
${list(r.aiSystems.map((s) => { const life = wordsFor(LIFECYCLE_WORDS, s.lifecycle); return `<strong>${esc(s.code)}</strong> ${esc(s.nameJa)} · ${esc(life.ja)}${s.euAiActClass ? ` · EU AI法：${esc(s.euAiActClassLabel?.ja ?? "")}${s.euAiActClassFrom ? `（${esc(day(s.euAiActClassFrom, "ja"))}から適用）` : ""}` : ""} <span class="en">${esc(s.nameEn)} · ${esc(life.en)}${s.euAiActClass ? ` · EU AI Act: ${esc(s.euAiActClassLabel?.en ?? "")}${s.euAiActClassFrom ? ` (applies from ${esc(day(s.euAiActClassFrom, "en"))})` : ""}` : ""}${s.vendors.length ? ` · ${esc(s.vendors.join(", "))}` : ""}</span><br>${esc(s.purpose)}`; }))}
${h("損害", "Harm (CSETv1)")}
<table>${row("損害の水準", "AI harm level", vocab(r.harm.level))}${row("損害の種類", "Harm types", list(r.harm.types.map(vocab)))}${row("偏りの基礎", "Harm distribution basis", list(r.harm.distributionBasis.map(vocab)))}${row("侵害された権利・利益", "Rights affected", list(r.harm.rightsAffected.map(vocab)))}${row("影響を受けた人数", "People affected", esc(r.harm.peopleAffected ?? "—"))}${row("死亡・負傷", "Lives lost, injuries", `${esc(r.harm.livesLost ?? "—")} / ${esc(r.harm.injuries ?? "—")}`)}${row("影響を受けた者", "Affected parties", `<pre>${esc(r.harm.affectedParties)}</pre>`)}</table>
${h("分類（MIT AI Risk Repository）", "Classification (MIT AI Risk Repository)")}
${list(r.classification.mitAiRiskRepository.map((c) => `${/^\d+(\.\d+)?$/.test(c.id) ? `${esc(c.id)} ` : ""}${esc(c.ja ?? "")} <span class="en">${esc(c.en)}</span>`))}
${h("個人データ", "Personal data")}
<table>${row("漏えい等", "Leaked, lost or damaged", tri(r.personalData.leaked))}${row("本人の数", "Persons concerned", esc(r.personalData.dataSubjects ?? "—"))}${row("要配慮個人情報", "Special care-required information", tri(r.personalData.sensitive))}${row("第26条の確認", "APPI Art. 26 check", r.personalData.appiArticle26Check ? vocab({ ja: "要", en: "Needed" }) : vocab({ ja: "不要", en: "Not needed" }))}</table>
<p>${esc(r.personalData.note.ja)}<span class="en">${esc(r.personalData.note.en)}</span></p>
${h("経過", "Timeline")}
<table>${r.timeline.map((e) => { const kind = wordsFor(TIMELINE_KIND_WORDS, e.kind); return `<tr><th>${esc(formatInstant(e.at, tz, "ja"))} ${esc(kind.ja)}<span class="en">${esc(formatInstant(e.at, tz, "en"))} · ${esc(kind.en)}</span></th><td>${timelineBody(e.kind, e.body)}</td></tr>`; }).join("")}</table>
${h("根本原因", "Root cause")}${r.rootCause ? `<pre>${esc(r.rootCause)}</pre>` : none}
${h("是正・予防措置", "Corrective and preventive actions")}
${list(r.actions.map((a) => action(a, tz)))}
${h("関連するリスク", "Risks concerned")}
${list(r.linkedRisks.map(linkedRisk))}
${h("機能しなかった管理策", "Controls that failed")}
${list(r.failedControls.map((c) => { const st = c.status ? wordsFor(CONTROL_STATUS_WORDS, c.status) : null; return `<strong>${esc(c.code)}</strong> ${esc(c.titleJa)}${st ? `・${esc(st.ja)}` : ""} <span class="en">${esc(c.titleEn)}${st ? ` · ${esc(st.en)}` : ""}</span>`; }))}
${h("類似の公開事例", "Similar public cases")}
${list(r.similarPublicCases.map((p) => `${esc(p.source.toUpperCase())} #${esc(p.number)} <a href="${esc(p.url)}">${esc(p.title)}</a>`))}
${h("記録の完全性", "Record integrity")}
<p>監査台帳（ハッシュチェーン）の先頭 #${esc(r.ledger.headSeq)} <code>${esc(r.ledger.headHash)}</code>。本件の記録: ${esc(r.ledger.incidentEntries.map((n) => `#${n}`).join(", "))}<span class="en">Ledger head #${esc(r.ledger.headSeq)}; this incident's entries: ${esc(r.ledger.incidentEntries.join(", "))}. Verify with GET /api/audit/verify or \`musubi audit verify\`.</span></p>
<p class="meta">${r.licences.map(esc).join(" · ")}</p>
</body></html>`;
}
