import { CONTENT_WIDTH, PAGE, type Layout, type TextStyle } from "./pdf.layout.ts";

const CELL: TextStyle = { weight: "regular", size: 9, color: "#1a1a1a", leading: 13.5 };
const HEAD: TextStyle = { ...CELL, weight: "bold" };
const KEY: TextStyle = { ...CELL, color: "#333333" };
const PAD = 4;
const BORDER = "#b5b5b5";

export interface TableSpec {
  columns: { header: string; width?: number }[];
  rows: string[][];
  /** False for a label/value list: no header row, the first column shaded instead. */
  header: boolean;
}

/** Column widths in points: the given shares, the rest split evenly among columns without one. */
function columnWidths(columns: TableSpec["columns"]): number[] {
  const given = columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const unset = columns.filter((c) => c.width === undefined).length;
  const each = unset ? Math.max(0, 1 - given) / unset : 0;
  const shares = columns.map((c) => c.width ?? each);
  const total = shares.reduce((s, x) => s + x, 0) || 1;
  return shares.map((s) => (s / total) * CONTENT_WIDTH);
}

/**
 * Lays out a table whose cells wrap. A row that does not fit goes to the next page, and one
 * taller than a page is split between lines; the header row is repeated on every new page.
 */
export function layoutTable(l: Layout, t: TableSpec): void {
  const widths = columnWidths(t.columns);
  const xs = widths.map((_, i) => PAGE.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const headLines = t.header ? t.columns.map((c, i) => l.wrap(c.header, HEAD, widths[i]! - PAD * 2)) : [];
  const headHeight = t.header ? Math.max(...headLines.map((x) => x.length)) * HEAD.leading + PAD * 2 : 0;

  const segment = (cells: string[][], styles: TextStyle[], fills: (string | undefined)[], lines: number) => {
    const height = lines * CELL.leading + PAD * 2;
    cells.forEach((cell, i) => {
      const fill = fills[i];
      if (fill) l.ops.push({ op: "rect", x: xs[i]!, y: l.y, w: widths[i]!, h: height, fill });
      l.ops.push({ op: "rect", x: xs[i]!, y: l.y, w: widths[i]!, h: height, stroke: BORDER });
      cell.forEach((line, k) => {
        if (line) l.ops.push(l.textOp(line, xs[i]! + PAD, l.y + PAD + k * CELL.leading, styles[i]!));
      });
    });
    l.y += height;
  };
  const header = () => {
    if (t.header) segment(headLines, t.columns.map(() => HEAD), t.columns.map(() => "#eceff3"), Math.max(...headLines.map((x) => x.length)));
  };
  const turn = () => {
    l.newPage();
    header();
  };

  l.ensure(headHeight + CELL.leading * 2 + PAD * 2);
  header();
  let fresh = l.y <= PAGE.top + headHeight;
  const styles = t.columns.map((_, i) => (!t.header && i === 0 ? KEY : CELL));
  const fills = t.columns.map((_, i) => (!t.header && i === 0 ? "#f4f4f4" : undefined));
  const freshCapacity = Math.floor((PAGE.bottom - PAGE.top - headHeight - PAD * 2) / CELL.leading);
  for (const row of t.rows) {
    const cells = t.columns.map((_, i) => l.wrap(row[i] ?? "", styles[i]!, widths[i]! - PAD * 2));
    const total = Math.max(...cells.map((c) => c.length));
    let done = 0;
    while (done < total) {
      const capacity = Math.floor((l.room - PAD * 2) / CELL.leading);
      const remaining = total - done;
      if (remaining <= capacity) {
        segment(cells.map((c) => c.slice(done)), styles, fills, remaining);
        done = total;
        fresh = false;
      } else if (capacity < 1 || (!fresh && (remaining <= freshCapacity || (done === 0 && capacity < 3)))) {
        turn();
        fresh = true;
      } else {
        segment(cells.map((c) => c.slice(done, done + capacity)), styles, fills, capacity);
        done += capacity;
        turn();
        fresh = true;
      }
    }
  }
}
