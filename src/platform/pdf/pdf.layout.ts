import type { PdfFontWeight } from "./pdf.fonts.ts";
import { wrapText } from "./pdf.wrap.ts";

/** One thing to draw on a page, in points from the page's top-left corner. */
export type DrawOp =
  | { op: "text"; x: number; y: number; text: string; weight: PdfFontWeight; size: number; color: string }
  | { op: "rect"; x: number; y: number; w: number; h: number; fill?: string; stroke?: string }
  | { op: "line"; x1: number; y1: number; x2: number; y2: number; color: string; width: number };

/** Text widths in points, from the embedded font's metrics. */
export type Measure = (text: string, weight: PdfFontWeight, size: number) => number;

/** A4 in points, with the area text may fill; the footer sits below `bottom`. */
export const PAGE = { width: 595.28, height: 841.89, left: 56, right: 595.28 - 56, top: 56, bottom: 841.89 - 66 } as const;
export const CONTENT_WIDTH = PAGE.right - PAGE.left;
/** The font's line box (ascender − descender) as a share of the font size: Noto Sans JP's is 1.448. */
const BOX = 1.448;

export interface TextStyle {
  weight: PdfFontWeight;
  size: number;
  color: string;
  /** Line pitch in points. */
  leading: number;
}

export const STYLES = {
  body: { weight: "regular", size: 10, color: "#1a1a1a", leading: 15.5 },
  small: { weight: "regular", size: 8.5, color: "#444444", leading: 12.5 },
  bold: { weight: "bold", size: 10, color: "#1a1a1a", leading: 15.5 },
  title: { weight: "bold", size: 19, color: "#111111", leading: 26 },
  subtitle: { weight: "regular", size: 12.5, color: "#222222", leading: 18 },
  h1: { weight: "bold", size: 14, color: "#111111", leading: 20 },
  h2: { weight: "bold", size: 12, color: "#1a1a1a", leading: 17 },
  h3: { weight: "bold", size: 10.5, color: "#1a1a1a", leading: 15.5 },
} as const satisfies Record<string, TextStyle>;

/** Characters a PDF text run cannot carry (controls, tabs) made harmless. */
const clean = (s: string) => s.replace(/\t/g, "    ").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");

/**
 * Lays a document out on pages: a list of draw operations per page. Layout is done before anything
 * is drawn so the page count is known for "n / m", and the PDF can then be written page by page.
 */
export class Layout {
  readonly pages: DrawOp[][] = [[]];
  y: number = PAGE.top;
  private widths = new Map<string, number>();

  constructor(private readonly measureRaw: Measure) {}

  get ops(): DrawOp[] {
    return this.pages[this.pages.length - 1]!;
  }

  get atTop(): boolean {
    return this.y <= PAGE.top;
  }

  get room(): number {
    return PAGE.bottom - this.y;
  }

  measure(text: string, weight: PdfFontWeight, size: number): number {
    const key = `${weight}|${size}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.measureRaw(text, weight, size);
      this.widths.set(key, w);
    }
    return w;
  }

  newPage(): void {
    this.pages.push([]);
    this.y = PAGE.top;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (height > this.room && !this.atTop) this.newPage();
  }

  wrap(text: string, style: TextStyle, width: number): string[] {
    return wrapText(clean(text), width, (s) => this.measure(s, style.weight, style.size));
  }

  /** A line of text whose line box starts at `top`, centred in the style's leading. */
  textOp(text: string, x: number, top: number, style: TextStyle): DrawOp {
    return { op: "text", x, y: top + (style.leading - style.size * BOX) / 2, text, weight: style.weight, size: style.size, color: style.color };
  }

  /**
   * Flows text down the page from the current position, turning pages between lines. Returns the
   * vertical span used on each page, so a caller can frame it.
   */
  flow(text: string, style: TextStyle, x: number, width: number): { page: number; top: number; bottom: number; at: number }[] {
    const spans: { page: number; top: number; bottom: number; at: number }[] = [];
    for (const line of this.wrap(text, style, width)) {
      if (style.leading > this.room) this.newPage();
      const span = spans.at(-1);
      if (!span || span.page !== this.pages.length - 1) spans.push({ page: this.pages.length - 1, top: this.y, bottom: this.y, at: this.ops.length });
      if (line) this.ops.push(this.textOp(line, x, this.y, style));
      this.y += style.leading;
      spans[spans.length - 1]!.bottom = this.y;
    }
    return spans;
  }

  /** A framed passage: a tinted band with a coloured rule on its left, split where the page turns. */
  framed(text: string, style: TextStyle, bar: string, fill: string): void {
    const pad = 5;
    this.ensure(style.leading * 2 + pad * 2);
    this.y += pad;
    const spans = this.flow(text, style, PAGE.left + 10, CONTENT_WIDTH - 16);
    for (const s of spans) {
      const top = s.top - pad;
      const bottom = s === spans.at(-1) ? s.bottom + pad : s.bottom;
      this.pages[s.page]!.splice(s.at, 0, { op: "rect", x: PAGE.left, y: top, w: CONTENT_WIDTH, h: bottom - top, fill }, { op: "rect", x: PAGE.left, y: top, w: 2.5, h: bottom - top, fill: bar });
    }
    this.y += pad;
  }

  gap(points: number): void {
    if (!this.atTop) this.y = Math.min(this.y + points, PAGE.bottom);
  }
}
