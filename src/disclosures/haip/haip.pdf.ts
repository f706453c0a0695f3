import { renderPdf, type PdfBlock } from "../../platform/pdf/pdf.render.ts";
import { formatInstant } from "../../platform/time.ts";
import type { HaipReportDocument } from "./haip.document.ts";

type Lang = "ja" | "en";
const W = {
  title: { ja: "HAIP 透明性報告書", en: "HAIP transparency report" },
  period: { ja: "対象期間", en: "Period" },
  roles: { ja: "報告する立場", en: "Reporting as" },
  questionnaire: { ja: "質問票", en: "Questionnaire" },
  musubi: { ja: "質問の文言は Musubi の作成です（公式の質問ではありません）。", en: "Question worded by Musubi (not the official question)." },
  noAnswer: { ja: "回答なし", en: "No answer" },
  basis: { ja: "Musubi のデータから下書き。根拠：", en: "Drafted from Musubi's data. Based on: " },
  draft: { ja: "公開前の下書きです。", en: "Draft, not yet published." },
  published: { ja: "公開", en: "Published" },
  people: { ja: "このセクションは担当者が記入しました。", en: "This section is written by people." },
} as const;

/** The report as a PDF in one language, laid out by Musubi's PDF writer with its bundled Japanese font. */
export function renderHaipPdf(doc: HaipReportDocument, lang: Lang): Promise<Buffer> {
  const w = (k: keyof typeof W) => W[k][lang];
  const sep = lang === "ja" ? "、" : ", ";
  const blocks: PdfBlock[] = [
    { kind: "keyValue", rows: [
      { key: w("period"), value: `${doc.period.start} – ${doc.period.end}` },
      { key: w("roles"), value: `${doc.roles.map((r) => r.label[lang]).join(sep)}${lang === "ja" ? `（${doc.path.label.ja}）` : ` (${doc.path.label.en})`}` },
      { key: w("questionnaire"), value: doc.questionnaire.name[lang] },
    ] },
    ...doc.questionnaire.notes.map((n): PdfBlock => ({ kind: "note", text: n[lang] })),
  ];
  if (!doc.publication) blocks.push({ kind: "note", text: w("draft") });
  for (const s of doc.sections) {
    blocks.push({ kind: "heading", level: 1, text: s.title[lang] });
    if (s.writtenByPeople) blocks.push({ kind: "paragraph", text: w("people"), style: "small" });
    for (const q of s.questions) {
      blocks.push({ kind: "heading", level: 3, text: `${q.id} ${q.text[lang]}` });
      if (q.wording === "musubi") blocks.push({ kind: "paragraph", text: w("musubi"), style: "small" });
      const answer = q.answer[lang].trim();
      blocks.push(answer ? { kind: "quote", text: answer } : { kind: "paragraph", text: w("noAnswer"), style: "small" });
      if (q.basis.draftedFromData) blocks.push({ kind: "paragraph", style: "small", text: `${w("basis")}${q.basis.sources.map((src) => `${src.label[lang]}${src.records.length ? ` (${src.records.map((r) => r.code ?? r.title[lang]).join(sep)})` : ""}`).join(sep)}` });
    }
  }
  const meta = [doc.organisation.name[lang], doc.publication ? `${w("published")}: ${formatInstant(doc.publication.publishedAt, doc.organisation.timeZone, lang)}` : formatInstant(doc.generatedAt, doc.organisation.timeZone, lang)];
  const title = `${w("title")} ${doc.year}`;
  return renderPdf({ title, subtitle: doc.organisation.name[lang], meta, footer: `${doc.organisation.name[lang]} — ${title}`, blocks }, { lang, title, author: doc.organisation.name[lang] });
}
