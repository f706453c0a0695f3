import { round } from "./stats.ts";

export type Dialect = "sqlite" | "postgres";

/** A target a figure must meet: `value < limit` or `value >= limit`. */
export interface Target {
  op: "<" | ">=" | "==";
  value: number;
}

/** One measured number, with its target (if the issue sets one) and whether it met it. */
export interface Figure {
  bench: string;
  name: string;
  db?: Dialect;
  value: number;
  unit: string;
  target?: Target;
  pass?: boolean;
  /** Supporting numbers (min/max, sample counts, percentiles) shown beside the value. */
  detail?: Record<string, number | string>;
}

/** A benchmark's output: its figures, plus notes such as "skipped: …". */
export interface BenchResult {
  bench: string;
  figures: Figure[];
  notes: string[];
}

export function meets(value: number, t: Target): boolean {
  if (t.op === "<") return value < t.value;
  if (t.op === ">=") return value >= t.value;
  return value === t.value;
}

export function figure(f: Omit<Figure, "pass">): Figure {
  return f.target ? { ...f, pass: meets(f.value, f.target) } : f;
}

function cell(v: number | string): string {
  return typeof v === "number" ? String(round(v)) : v;
}

/** Prints an aligned table of rows (first row is the header). */
export function printTable(rows: readonly (readonly string[])[], print: (line: string) => void = console.log): void {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  rows.forEach((r, n) => {
    print(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd());
    if (n === 0) print(widths.map((w) => "-".repeat(w)).join("  "));
  });
}

export function printFigures(result: BenchResult): void {
  console.log(`\n== ${result.bench} ==`);
  const rows: string[][] = [["figure", "db", "value", "target", "result", "detail"]];
  for (const f of result.figures) {
    rows.push([
      f.name,
      f.db ?? "",
      `${cell(f.value)} ${f.unit}`,
      f.target ? `${f.target.op} ${f.target.value} ${f.unit}` : "",
      f.pass === undefined ? "" : f.pass ? "PASS" : "FAIL",
      Object.entries(f.detail ?? {})
        .map(([k, v]) => `${k}=${cell(v)}`)
        .join(" "),
    ]);
  }
  printTable(rows);
  for (const n of result.notes) console.log(`note: ${n}`);
}

/** Progress lines go to stderr so a captured stdout holds only the tables. */
export function progress(line: string): void {
  process.stderr.write(`  … ${line}\n`);
}
