import PDFDocument from "pdfkit";
import { layoutDocument } from "./pdf.document.ts";
import { pdfFonts } from "./pdf.fonts.ts";
import { CONTENT_WIDTH, PAGE, type DrawOp } from "./pdf.layout.ts";
import type { PdfDocument, PdfRenderOptions } from "./pdf.model.ts";
import { wrapText } from "./pdf.wrap.ts";

export type { PdfBlock, PdfDocument, PdfRenderOptions } from "./pdf.model.ts";

const FOOTER = { size: 8, color: "#555555" } as const;

function draw(pdf: PDFKit.PDFDocument, op: DrawOp): void {
  if (op.op === "text") {
    pdf.font(op.weight).fontSize(op.size).fillColor(op.color).text(op.text, op.x, op.y, { lineBreak: false });
  } else if (op.op === "rect") {
    if (op.fill) pdf.rect(op.x, op.y, op.w, op.h).fill(op.fill);
    if (op.stroke) pdf.lineWidth(0.5).rect(op.x, op.y, op.w, op.h).stroke(op.stroke);
  } else {
    pdf.lineWidth(op.width).moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke(op.color);
  }
}

/** The footer of page `n` of `m`: a rule, the document's footer text on the left, "n / m" on the right. */
function footer(pdf: PDFKit.PDFDocument, text: string | undefined, n: number, m: number): void {
  const y = PAGE.bottom + 22;
  pdf.lineWidth(0.5).moveTo(PAGE.left, y - 5).lineTo(PAGE.right, y - 5).stroke("#999999");
  pdf.font("regular").fontSize(FOOTER.size).fillColor(FOOTER.color);
  const number = `${n} / ${m}`;
  pdf.text(number, PAGE.right - pdf.widthOfString(number), y, { lineBreak: false });
  if (text) {
    const lines = wrapText(text.replace(/[\s\u0000-\u001f\u007f]+/g, " "), CONTENT_WIDTH - 60, (s) => pdf.widthOfString(s));
    pdf.text(lines.length > 1 ? `${lines[0]}…` : lines[0]!, PAGE.left, y, { lineBreak: false });
  }
}

/**
 * Renders a document to a PDF: A4, set in the embedded Noto Sans JP (subset to the glyphs used,
 * with a ToUnicode map so its text can be searched and copied), Title and Lang in its metadata,
 * and "n / m" on every page. The layout is computed first, then pages are written one at a time
 * and flushed, so a long document holds only its draw list and the output in memory.
 */
export async function renderPdf(doc: PdfDocument, opts: PdfRenderOptions): Promise<Buffer> {
  const fonts = pdfFonts();
  const pdf = new PDFDocument({
    size: "A4",
    autoFirstPage: false,
    lang: opts.lang === "ja" ? "ja-JP" : "en",
    displayTitle: true,
    info: { Title: opts.title, ...(opts.author && { Author: opts.author }), ...(opts.subject && { Subject: opts.subject }), Creator: "Musubi", Producer: "Musubi (PDFKit)" },
  });
  pdf.registerFont("regular", fonts.regular);
  pdf.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const pages = layoutDocument(doc, (text, weight, size) => pdf.font(weight).fontSize(size).widthOfString(text));
  pages.forEach((ops, i) => {
    pdf.addPage({ size: "A4", margin: 0 });
    for (const op of ops) draw(pdf, op);
    footer(pdf, doc.footer, i + 1, pages.length);
  });
  pdf.end();
  return finished;
}
