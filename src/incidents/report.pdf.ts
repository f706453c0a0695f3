import type { PdfBlock, PdfDocument } from "../platform/pdf/pdf.model.ts";
import { renderPdf } from "../platform/pdf/pdf.render.ts";
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

type Lang = "ja" | "en";
const NONE = "—";
const TITLE: Words = { ja: "AIインシデント報告書", en: "AI incident report" };

/**
 * The incident report as a PDF document in one language: the HTML page's sections, labels and
 * notes (`report.html.ts`) in `lang` alone. Provisions are quoted in `lang` where the library has
 * that text, else in the language it has.
 */
export function incidentReportPdfDocument(r: IncidentReport, lang: Lang): PdfDocument {
  const i = r.incident;
  const tz = r.timeZone;
  const w = (x: Words) => x[lang];
  const ja = lang === "ja";
  const at = (iso: string | null) => (iso ? formatInstant(iso, tz, lang) : NONE);
  const day = (date: string) => formatInstant(`${date}T00:00:00Z`, "UTC", lang, "date");
  const row = (keyJa: string, keyEn: string, value: string) => ({ key: ja ? keyJa : keyEn, value });
  const h = (textJa: string, textEn: string): PdfBlock => ({ kind: "heading", level: 1, text: ja ? textJa : textEn });
  const list = (items: { title?: string; text?: string }[]): PdfBlock => ({ kind: "list", items, empty: NONE });
  const sep = ja ? "・" : " · ";
  const vocabList = (xs: Words[]) => (xs.length ? xs.map(w).join(ja ? "、" : ", ") : NONE);
  const blocks: PdfBlock[] = [];

  blocks.push(h("報告者", "Reporter"), { kind: "keyValue", rows: [row("組織", "Organisation", ja ? r.reporter.organisation.nameJa : r.reporter.organisation.nameEn), row("担当者", "Contact", r.reporter.contact ? `${r.reporter.contact.name} <${r.reporter.contact.email}>` : NONE)] });

  blocks.push(h("根拠規定", "Legal basis"));
  for (const p of r.legalBasis) {
    const reading = p.obligation.length ? (ja ? `（${p.obligation.map((o) => o.ja).join("・")}、Musubiの読み方）` : ` (${p.obligation.map((o) => o.en).join(", ")}; Musubi's reading)`) : "";
    blocks.push({ kind: "heading", level: 3, text: `${p.title ? w(p.title) : ""}${reading}` });
    const text = ja ? (p.text.ja ?? p.text.en) : (p.text.en ?? p.text.ja);
    if (text) blocks.push({ kind: "quote", text });
    blocks.push({ kind: "paragraph", style: "small", text: `${p.source} — ${p.urn}` });
  }

  blocks.push(h("事案の概要", "The incident"), {
    kind: "keyValue",
    rows: [
      row("番号", "Code", i.code),
      row("件名", "Title", i.title),
      row("概要", "Summary", i.summary || NONE),
      row("状態", "Status", w(wordsFor(INCIDENT_STATUS_WORDS, i.status))),
      row("深刻度", "Severity", w(wordsFor(SEVERITY_WORDS, i.severity))),
      row("発生日時", "Occurred", at(i.occurredAt)),
      row("検知日時", "Detected", at(i.detectedAt)),
      row("登録日時（Musubiへの記録）", "Filed (recorded in Musubi)", at(i.recordedAt)),
      row("クローズ日時", "Closed", at(i.closedAt)),
      row("登録経路", "Reported through", w(channelWords(i.source))),
    ],
  });

  blocks.push(h("関係するAIシステム", "AI systems involved"), list(r.aiSystems.map((s) => {
    const eu = s.euAiActClass ? (ja ? `EU AI法：${s.euAiActClassLabel?.ja ?? ""}${s.euAiActClassFrom ? `（${day(s.euAiActClassFrom)}から適用）` : ""}` : `EU AI Act: ${s.euAiActClassLabel?.en ?? ""}${s.euAiActClassFrom ? ` (applies from ${day(s.euAiActClassFrom)})` : ""}`) : null;
    const line = [w(wordsFor(LIFECYCLE_WORDS, s.lifecycle)), eu, s.vendors.length ? s.vendors.join(", ") : null].filter(Boolean).join(sep);
    return { title: `${s.code} ${ja ? s.nameJa : s.nameEn}`, text: s.purpose ? `${line}\n${s.purpose}` : line };
  })));

  blocks.push(h("損害", "Harm (CSETv1)"), {
    kind: "keyValue",
    rows: [
      row("損害の水準", "AI harm level", w(r.harm.level)),
      row("損害の種類", "Harm types", vocabList(r.harm.types)),
      row("偏りの基礎", "Harm distribution basis", vocabList(r.harm.distributionBasis)),
      row("侵害された権利・利益", "Rights affected", vocabList(r.harm.rightsAffected)),
      row("影響を受けた人数", "People affected", String(r.harm.peopleAffected ?? NONE)),
      row("死亡・負傷", "Lives lost, injuries", `${r.harm.livesLost ?? NONE} / ${r.harm.injuries ?? NONE}`),
      row("影響を受けた者", "Affected parties", r.harm.affectedParties || NONE),
    ],
  });

  blocks.push(h("分類（MIT AI Risk Repository）", "Classification (MIT AI Risk Repository)"), list(r.classification.mitAiRiskRepository.map((c) => ({ text: `${/^\d+(\.\d+)?$/.test(c.id) ? `${c.id} ` : ""}${ja ? (c.ja ?? c.en) : c.en}` }))));

  const tri = (v: string) => w(wordsFor(TRISTATE_WORDS, v));
  blocks.push(
    h("個人データ", "Personal data"),
    { kind: "keyValue", rows: [row("漏えい等", "Leaked, lost or damaged", tri(r.personalData.leaked)), row("本人の数", "Persons concerned", String(r.personalData.dataSubjects ?? NONE)), row("要配慮個人情報", "Special care-required information", tri(r.personalData.sensitive)), row("第26条の確認", "APPI Art. 26 check", w(r.personalData.appiArticle26Check ? { ja: "要", en: "Needed" } : { ja: "不要", en: "Not needed" }))] },
    { kind: "paragraph", text: w(r.personalData.note) },
  );

  blocks.push(h("経過", "Timeline"), {
    kind: "table",
    columns: [{ header: w({ ja: "日時", en: "When" }), width: 0.28 }, { header: w({ ja: "種類", en: "Kind" }), width: 0.16 }, { header: w({ ja: "内容", en: "Entry" }) }],
    rows: r.timeline.map((e) => [formatInstant(e.at, tz, lang), w(wordsFor(TIMELINE_KIND_WORDS, e.kind)), timelineBody(e.kind, e.body, lang)]),
  });

  blocks.push(h("根本原因", "Root cause"), { kind: "paragraph", text: r.rootCause || NONE });

  blocks.push(h("是正・予防措置", "Corrective and preventive actions"), list(r.actions.map((a) => {
    const approval = a.approval ? wordsFor(APPROVAL_STATUS_WORDS, a.approval) : null;
    const due = a.completedAt ? (ja ? `完了 ${formatInstant(a.completedAt, tz, "ja")}` : `completed ${formatInstant(a.completedAt, tz, "en")}`) : a.dueOn ? (ja ? `期限 ${day(a.dueOn)}` : `due ${day(a.dueOn)}`) : "";
    return { title: `${a.code} ${a.title}`, text: [w(wordsFor(ACTION_KIND_WORDS, a.kind)), w(wordsFor(ACTION_STATUS_WORDS, a.status)), due, approval ? (ja ? `承認：${approval.ja}` : `approval: ${approval.en}`) : ""].filter(Boolean).join(sep) };
  })));

  const band = (rating: string, b: Words | null) => `${rating.split(" ")[0]}${b ? ` ${w(b)}` : ""}`;
  blocks.push(h("関連するリスク", "Risks concerned"), list(r.linkedRisks.map((k) => {
    const treatment = k.treatment ? wordsFor(RISK_TREATMENT_WORDS, k.treatment) : { ja: "未決定", en: "Not decided" };
    const parts = [ja ? `固有 ${band(k.inherent, k.inherentBand)}` : `inherent ${band(k.inherent, k.inherentBand)}`, k.residual ? (ja ? `残留 ${band(k.residual, k.residualBand)}` : `residual ${band(k.residual, k.residualBand)}`) : null, w(treatment), w(wordsFor(RISK_STATUS_WORDS, k.status))];
    return { title: `${k.code} ${ja ? k.titleJa : k.titleEn}`, text: parts.filter(Boolean).join(sep) };
  })));

  blocks.push(h("機能しなかった管理策", "Controls that failed"), list(r.failedControls.map((c) => ({ text: `${c.code} ${ja ? c.titleJa : c.titleEn}${c.status ? `${sep}${w(wordsFor(CONTROL_STATUS_WORDS, c.status))}` : ""}` }))));

  blocks.push(h("類似の公開事例", "Similar public cases"), list(r.similarPublicCases.map((p) => ({ title: `${p.source.toUpperCase()} #${p.number} ${p.title}`, text: p.url }))));

  blocks.push(h("記録の完全性", "Record integrity"), {
    kind: "paragraph",
    text: ja
      ? `監査台帳（ハッシュチェーン）の先頭 #${r.ledger.headSeq} ${r.ledger.headHash}。本件の記録: ${r.ledger.incidentEntries.map((n) => `#${n}`).join(", ")}`
      : `Ledger head #${r.ledger.headSeq} ${r.ledger.headHash}; this incident's entries: ${r.ledger.incidentEntries.join(", ")}. Verify with GET /api/audit/verify or \`musubi audit verify\`.`,
  }, { kind: "paragraph", style: "small", text: r.licences.join(" · ") });

  return {
    title: w(TITLE),
    subtitle: `${i.code} ${i.title}`,
    meta: [
      ja ? `作成 ${formatInstant(r.generatedAt, tz, "ja")} · ${r.generatedBy.name} <${r.generatedBy.email}> · ${r.format}` : `Generated ${formatInstant(r.generatedAt, tz, "en")} · ${r.generatedBy.name} <${r.generatedBy.email}> · ${r.format}`,
      w({ ja: `日時は組織のタイムゾーン（${tz}）で表示しています。`, en: `Times are shown in the organisation's time zone, ${tz}.` }),
    ],
    footer: `${w(TITLE)} — ${i.code}`,
    blocks,
  };
}

/** A status change entry is written `open → investigating`: shown in words, as the HTML does. */
function timelineBody(kind: string, body: string, lang: Lang): string {
  const change = kind === "status" ? /^(\w+) → (\w+)$/.exec(body) : null;
  if (!change) return body;
  return `${wordsFor(INCIDENT_STATUS_WORDS, change[1]!)[lang]} → ${wordsFor(INCIDENT_STATUS_WORDS, change[2]!)[lang]}`;
}

/** The report as a PDF in `lang`: the Buffer to send or write. */
export function renderIncidentReportPdf(r: IncidentReport, lang: Lang): Promise<Buffer> {
  const doc = incidentReportPdfDocument(r, lang);
  return renderPdf(doc, { lang, title: `${doc.title} — ${doc.subtitle}`, author: lang === "ja" ? r.reporter.organisation.nameJa : r.reporter.organisation.nameEn, subject: r.format });
}
