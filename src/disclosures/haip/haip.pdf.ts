import { renderPdf, type PdfBlock } from "../../platform/pdf/pdf.render.ts";
import { formatInstant } from "../../platform/time.ts";
import type { HaipReportDocument } from "./haip.document.ts";
import { DOCUMENT_WORDS } from "./haip.words.ts";

type Lang = "ja" | "en";
const W = DOCUMENT_WORDS;

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
      if (q.wording === "musubi") blocks.push({ kind: "paragraph", text: w("musubiWording"), style: "small" });
      const answer = q.answer[lang].trim();
      blocks.push(answer ? { kind: "quote", text: answer } : { kind: "paragraph", text: w("noAnswer"), style: "small" });
      if (q.basis.draftedFromData) blocks.push({ kind: "paragraph", style: "small", text: `${w("draftedOnly")}${q.basis.sources.map((src) => `${src.label[lang]}${src.records.length ? ` (${src.records.map((r) => r.code ?? r.title[lang]).join(sep)})` : ""}`).join(sep)}` });
    }
  }
  const meta = [doc.organisation.name[lang], doc.publication ? `${w("published")}: ${formatInstant(doc.publication.publishedAt, doc.organisation.timeZone, lang)}` : formatInstant(doc.generatedAt, doc.organisation.timeZone, lang)];
  const title = `${w("title")} ${doc.year}`;
  return renderPdf({ title, subtitle: doc.organisation.name[lang], meta, footer: `${doc.organisation.name[lang]} — ${title}`, blocks }, { lang, title, author: doc.organisation.name[lang] });
}
