import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { formatInstant } from "../../platform/time.ts";
import type { HaipReportDocument } from "./haip.document.ts";
import { DOCUMENT_WORDS } from "./haip.words.ts";

type Lang = "ja" | "en";

const WORDS = DOCUMENT_WORDS;

/**
 * The report as a Word document people can edit further or file: headings per section and
 * question, the answer as paragraphs, Musubi-worded questions and drafted answers' bases marked
 * as in the HTML. Fonts are named (Yu Gothic for Japanese), not embedded: Word substitutes.
 */
export async function renderHaipDocx(doc: HaipReportDocument, lang: Lang): Promise<Buffer> {
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const note = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true, size: 18, color: "7A3B00" })] });
  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${doc.organisation.name[lang]} ${w("title")}`)] }),
    new Paragraph(`${w("year")}: ${doc.year} (${doc.period.start} – ${doc.period.end})`),
    new Paragraph(`${w("roles")}: ${doc.roles.map((r) => r.label[lang]).join(lang === "ja" ? "、" : ", ")}`),
    new Paragraph(doc.publication ? `${w("published")}: ${formatInstant(doc.publication.publishedAt, doc.organisation.timeZone, lang)}` : w("draft")),
    ...doc.questionnaire.notes.map((n) => note(n[lang])),
  ];
  for (const s of doc.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.title[lang])] }));
    for (const q of s.questions) {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${q.id} ${q.text[lang]}`)] }));
      if (q.wording === "musubi") body.push(note(w("musubiWording")));
      const answer = q.answer[lang].trim();
      if (answer) for (const line of answer.split(/\r?\n/)) body.push(new Paragraph(line));
      else body.push(new Paragraph({ children: [new TextRun({ text: w("noAnswer"), italics: true })] }));
      if (q.basis.draftedFromData) body.push(note(`${w("draftedOnly")}${q.basis.sources.map((src) => src.label[lang]).join(lang === "ja" ? "、" : ", ")}`));
    }
  }
  const document = new Document({
    creator: "Musubi",
    title: `${w("title")} ${doc.year}`,
    styles: { default: { document: { run: { font: { ascii: "Calibri", eastAsia: "Yu Gothic", hAnsi: "Calibri" } } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}
