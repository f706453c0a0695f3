import { pdfResponse } from "../../platform/pdf/pdf.http.ts";
import type { HaipReportDocument } from "./haip.document.ts";
import { renderHaipDocx } from "./haip.docx.ts";
import { HAIP_CSP, renderHaipHtml } from "./haip.html.ts";
import { renderHaipPdf } from "./haip.pdf.ts";

export const HAIP_EXPORT_FORMATS = ["json", "html", "pdf", "docx"] as const;
export type HaipExportFormat = (typeof HAIP_EXPORT_FORMATS)[number];

/** The file a report document becomes in each format, named after its year. */
export async function exportHaip(doc: HaipReportDocument, format: HaipExportFormat, lang: "ja" | "en"): Promise<Response> {
  const name = `haip-report-${doc.year}${doc.publication ? `-v${doc.publication.number}` : "-draft"}`;
  switch (format) {
    case "json":
      return new Response(JSON.stringify(doc, null, 2), { headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${name}.json"` } });
    case "html":
      return new Response(renderHaipHtml(doc, lang), { headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": HAIP_CSP, "content-disposition": `inline; filename="${name}.html"` } });
    case "pdf":
      return pdfResponse(await renderHaipPdf(doc, lang), `${name}-${lang}.pdf`);
    case "docx":
      return new Response(new Uint8Array(await renderHaipDocx(doc, lang)), { headers: { "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "content-disposition": `attachment; filename="${name}-${lang}.docx"` } });
  }
}
