import type { PdfBlock, PdfDocument } from "./pdf.model.ts";
import { layoutChart } from "./pdf.chart.ts";
import { CONTENT_WIDTH, Layout, PAGE, STYLES, type DrawOp, type Measure } from "./pdf.layout.ts";
import { layoutTable } from "./pdf.table.ts";

function heading(l: Layout, level: 1 | 2 | 3, text: string): void {
  const style = level === 1 ? STYLES.h1 : level === 2 ? STYLES.h2 : STYLES.h3;
  l.gap(level === 1 ? 16 : level === 2 ? 12 : 8);
  // Keep a heading with at least two lines of what follows it.
  l.ensure(l.wrap(text, style, CONTENT_WIDTH).length * style.leading + STYLES.body.leading * 2 + 6);
  l.flow(text, style, PAGE.left, CONTENT_WIDTH);
  if (level === 1) {
    l.ops.push({ op: "line", x1: PAGE.left, y1: l.y + 1, x2: PAGE.right, y2: l.y + 1, color: "#888888", width: 0.6 });
    l.y += 4;
  }
  l.y += 3;
}

function list(l: Layout, block: Extract<PdfBlock, { kind: "list" }>): void {
  if (!block.items.length) {
    if (block.empty) l.flow(block.empty, STYLES.body, PAGE.left, CONTENT_WIDTH);
    l.y += 4;
    return;
  }
  const indent = 12;
  for (const item of block.items) {
    l.ensure(STYLES.body.leading * 2);
    const first = { page: l.pages.length - 1, y: l.y };
    if (item.title) l.flow(item.title, STYLES.bold, PAGE.left + indent, CONTENT_WIDTH - indent);
    if (item.text) l.flow(item.text, STYLES.body, PAGE.left + indent, CONTENT_WIDTH - indent);
    l.pages[first.page]!.push({ op: "rect", x: PAGE.left + 3, y: first.y + STYLES.body.leading / 2 - 1.5, w: 3, h: 3, fill: "#444444" });
    l.y += 3;
  }
  l.y += 3;
}

function block(l: Layout, b: PdfBlock): void {
  switch (b.kind) {
    case "heading":
      return heading(l, b.level, b.text);
    case "paragraph":
      l.flow(b.text, b.style === "small" ? STYLES.small : STYLES.body, PAGE.left, CONTENT_WIDTH);
      l.y += 5;
      return;
    case "note":
      l.framed(b.text, STYLES.body, "#cc6600", "#fff6ec");
      l.y += 6;
      return;
    case "quote":
      l.framed(b.text, STYLES.small, "#999999", "#f5f5f5");
      l.y += 6;
      return;
    case "list":
      return list(l, b);
    case "keyValue":
      layoutTable(l, { columns: [{ header: "", width: 0.3 }, { header: "", width: 0.7 }], rows: b.rows.map((r) => [r.key, r.value]), header: false });
      l.y += 6;
      return;
    case "table":
      layoutTable(l, { columns: b.columns, rows: b.rows, header: true });
      l.y += 6;
      return;
    case "barChart":
      layoutChart(l, b);
      l.y += 8;
      return;
  }
}

/** The whole document laid out: the title block, then every block in order. */
export function layoutDocument(doc: PdfDocument, measure: Measure): DrawOp[][] {
  const l = new Layout(measure);
  l.flow(doc.title, STYLES.title, PAGE.left, CONTENT_WIDTH);
  if (doc.subtitle) l.flow(doc.subtitle, STYLES.subtitle, PAGE.left, CONTENT_WIDTH);
  l.y += 4;
  for (const m of doc.meta ?? []) l.flow(m, STYLES.small, PAGE.left, CONTENT_WIDTH);
  l.y += 4;
  l.ops.push({ op: "line", x1: PAGE.left, y1: l.y, x2: PAGE.right, y2: l.y, color: "#1a1a1a", width: 1.2 });
  l.y += 8;
  for (const b of doc.blocks) block(l, b);
  return l.pages;
}
