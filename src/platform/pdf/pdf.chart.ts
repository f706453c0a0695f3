import type { PdfBarChart } from "./pdf.model.ts";
import { CONTENT_WIDTH, PAGE, STYLES, type Layout, type TextStyle } from "./pdf.layout.ts";

const LABEL: TextStyle = { weight: "regular", size: 8.5, color: "#1a1a1a", leading: 11.5 };
const TICK: TextStyle = { weight: "regular", size: 7.5, color: "#555555", leading: 10 };
const AXIS = "#666666";
const GRID = "#e2e2e2";
const BAR = "#3b6ea5";

/** Round tick values from 0 up to at least `max`: steps of 1, 2 or 5 times a power of ten. */
export function ticks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let i = 0; i * step < max + step * 1e-9; i++) out.push(Number((i * step).toPrecision(12)));
  if (out[out.length - 1]! < max) out.push(Number((out.length * step).toPrecision(12)));
  return out;
}

const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4))));

/** A text centred on `cx`, or right-aligned on `right` with `align: "right"`. */
function place(l: Layout, text: string, style: TextStyle, at: number, top: number, align: "center" | "right" | "left") {
  const w = l.measure(text, style.weight, style.size);
  const x = align === "center" ? at - w / 2 : align === "right" ? at - w : at;
  l.ops.push(l.textOp(text, x, top, style));
}

function horizontal(l: Layout, c: PdfBarChart, top: number): number {
  const labelWidth = Math.min(CONTENT_WIDTH * 0.4, Math.max(40, ...c.bars.map((b) => l.measure(b.label, LABEL.weight, LABEL.size) + 8)));
  const labels = c.bars.map((b) => l.wrap(b.label, LABEL, labelWidth - 8).slice(0, 2));
  const x0 = PAGE.left + labelWidth;
  const x1 = PAGE.right - 28;
  const scale = ticks(Math.max(0, ...c.bars.map((b) => b.value)));
  const max = scale[scale.length - 1]!;
  let y = top;
  if (c.categoryAxisLabel) {
    l.ops.push(l.textOp(c.categoryAxisLabel, PAGE.left, y, TICK));
    y += TICK.leading;
  }
  const plotTop = y;
  const rows = labels.map((ls) => Math.max(18, ls.length * LABEL.leading + 4));
  const plotBottom = plotTop + rows.reduce((s, h) => s + h, 0);
  for (const t of scale) {
    const x = x0 + (t / max) * (x1 - x0);
    l.ops.push({ op: "line", x1: x, y1: plotTop, x2: x, y2: plotBottom, color: GRID, width: 0.5 });
    place(l, num(t), TICK, x, plotBottom + 2, "center");
  }
  c.bars.forEach((b, i) => {
    const h = rows[i]!;
    const lines = labels[i]!;
    lines.forEach((line, k) => l.ops.push(l.textOp(line, PAGE.left, y + (h - lines.length * LABEL.leading) / 2 + k * LABEL.leading, LABEL)));
    const w = (Math.max(0, b.value) / max) * (x1 - x0);
    if (w > 0) l.ops.push({ op: "rect", x: x0, y: y + h / 2 - 5, w, h: 10, fill: BAR });
    l.ops.push(l.textOp(num(b.value), x0 + w + 4, y + (h - LABEL.leading) / 2, LABEL));
    y += h;
  });
  l.ops.push({ op: "line", x1: x0, y1: plotTop, x2: x0, y2: plotBottom, color: AXIS, width: 0.8 });
  l.ops.push({ op: "line", x1: x0, y1: plotBottom, x2: x1, y2: plotBottom, color: AXIS, width: 0.8 });
  y = plotBottom + 2 + TICK.leading;
  if (c.valueAxisLabel) {
    place(l, c.valueAxisLabel, TICK, (x0 + x1) / 2, y, "center");
    y += TICK.leading;
  }
  return y;
}

function vertical(l: Layout, c: PdfBarChart, top: number): number {
  const scale = ticks(Math.max(0, ...c.bars.map((b) => b.value)));
  const max = scale[scale.length - 1]!;
  const x0 = PAGE.left + 34;
  const x1 = PAGE.right;
  const slot = (x1 - x0) / Math.max(1, c.bars.length);
  const barWidth = Math.min(slot * 0.6, 42);
  let y = top;
  if (c.valueAxisLabel) {
    l.ops.push(l.textOp(c.valueAxisLabel, PAGE.left, y, TICK));
    y += TICK.leading;
  }
  const plotTop = y + 6;
  const plotBottom = plotTop + 130;
  for (const t of scale) {
    const ty = plotBottom - (t / max) * (plotBottom - plotTop);
    l.ops.push({ op: "line", x1: x0, y1: ty, x2: x1, y2: ty, color: GRID, width: 0.5 });
    place(l, num(t), TICK, x0 - 4, ty - TICK.leading / 2, "right");
  }
  let labelsBottom = plotBottom;
  c.bars.forEach((b, i) => {
    const cx = x0 + slot * (i + 0.5);
    const h = (Math.max(0, b.value) / max) * (plotBottom - plotTop);
    if (h > 0) l.ops.push({ op: "rect", x: cx - barWidth / 2, y: plotBottom - h, w: barWidth, h, fill: BAR });
    place(l, num(b.value), TICK, cx, plotBottom - h - TICK.leading - 1, "center");
    const lines = l.wrap(b.label, TICK, slot - 4).slice(0, 3);
    lines.forEach((line, k) => place(l, line, TICK, cx, plotBottom + 3 + k * TICK.leading, "center"));
    labelsBottom = Math.max(labelsBottom, plotBottom + 3 + lines.length * TICK.leading);
  });
  l.ops.push({ op: "line", x1: x0, y1: plotTop, x2: x0, y2: plotBottom, color: AXIS, width: 0.8 });
  l.ops.push({ op: "line", x1: x0, y1: plotBottom, x2: x1, y2: plotBottom, color: AXIS, width: 0.8 });
  y = labelsBottom + 2;
  if (c.categoryAxisLabel) {
    place(l, c.categoryAxisLabel, TICK, (x0 + x1) / 2, y, "center");
    y += TICK.leading;
  }
  return y;
}

/** The chart's height before it is drawn, so it is kept whole on one page. */
function heightOf(l: Layout, c: PdfBarChart): number {
  const title = c.title ? l.wrap(c.title, STYLES.bold, CONTENT_WIDTH).length * STYLES.bold.leading : 0;
  const axes = (c.valueAxisLabel ? TICK.leading : 0) + (c.categoryAxisLabel ? TICK.leading : 0);
  if (c.orientation === "vertical") return title + axes + 6 + 130 + 3 + TICK.leading * 3 + 2;
  return title + axes + c.bars.length * (LABEL.leading * 2 + 4) + 2 + TICK.leading;
}

/** A bar chart drawn with vector shapes, kept whole on one page. */
export function layoutChart(l: Layout, c: PdfBarChart): void {
  l.ensure(heightOf(l, c));
  if (c.title) l.flow(c.title, STYLES.bold, PAGE.left, CONTENT_WIDTH);
  l.y = c.orientation === "vertical" ? vertical(l, c, l.y) : horizontal(l, c, l.y + 2);
}
