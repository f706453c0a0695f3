/**
 * The document model Musubi's PDFs are written in: a title block and a flow of blocks, in one
 * language, with no positions. Documents (the system card, the incident report) map their data to
 * it; `renderPdf` lays it out on A4 pages. Text is plain (a `\n` is a hard line break).
 */
export interface PdfDocument {
  title: string;
  /** A second line under the title (the document's subject: a system, an incident). */
  subtitle?: string;
  /** Small lines under the title: organisation, when generated, time zone. */
  meta?: string[];
  /** Left of every page's footer line; the page number "n / m" sits on the right. */
  footer?: string;
  blocks: PdfBlock[];
}

export type PdfBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string; style?: "body" | "small" }
  /** A framed passage that is Musubi's own wording (an interpretation, what it does not record). */
  | { kind: "note"; text: string }
  /** A passage quoted from a source (a provision, an annex), shown set apart. */
  | { kind: "quote"; text: string }
  /** A bulleted list; `title` is set in bold, `text` follows beneath it. Empty: `empty` is shown. */
  | { kind: "list"; items: PdfListItem[]; empty?: string }
  /** Label/value rows, the label column shaded. */
  | { kind: "keyValue"; rows: { key: string; value: string }[] }
  /** A table whose header row is repeated on every page it runs over. `width`: a share of the line. */
  | { kind: "table"; columns: { header: string; width?: number }[]; rows: string[][] }
  | PdfBarChart;

export interface PdfListItem {
  title?: string;
  text?: string;
}

/** Bars drawn as vector shapes, values written beside them, with a value axis and its ticks. */
export interface PdfBarChart {
  kind: "barChart";
  orientation: "horizontal" | "vertical";
  title?: string;
  bars: { label: string; value: number }[];
  /** Under the value axis (horizontal chart) or above it (vertical chart). */
  valueAxisLabel?: string;
  /** Above the category labels (horizontal) or under them (vertical). */
  categoryAxisLabel?: string;
}

export interface PdfRenderOptions {
  /** The document's language: the PDF's `/Lang` (ja-JP or en). */
  lang: "ja" | "en";
  /** The PDF's Title in its document information. */
  title: string;
  author?: string;
  subject?: string;
}
