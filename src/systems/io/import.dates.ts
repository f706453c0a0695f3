/** Why a date cell was refused: not a form we read, not a day that exists, or outside the era it names. */
export type DateProblem = "format" | "impossible" | "era";

export function isDateProblem(value: string): value is DateProblem {
  return value === "format" || value === "impossible" || value === "era";
}

/** Japanese eras with their first day; an era ends the day before the next begins. */
const ERAS: { names: readonly [string, string]; year: number; from: string }[] = [
  { names: ["明治", "m"], year: 1868, from: "1868-01-25" },
  { names: ["大正", "t"], year: 1912, from: "1912-07-30" },
  { names: ["昭和", "s"], year: 1926, from: "1926-12-25" },
  { names: ["平成", "h"], year: 1989, from: "1989-01-08" },
  { names: ["令和", "r"], year: 2019, from: "2019-05-01" },
];

const WESTERN = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const ERA = /^(明治|大正|昭和|平成|令和|[mtshr])\s*\.?\s*(元|\d{1,2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const EXCEL_SERIAL = /^(\d{5})(?:\.\d+)?$/;

/**
 * Reads the date forms found in Japanese and English registers and returns YYYY-MM-DD:
 * `2025-04-01`, `2025/4/1`, `2025.4.1`, `2025年4月1日`, `20250401`, era dates (`令和7年4月1日`,
 * `令和元年5月1日`, `R7.4.1`, `H31/4/30`, `㋿7.4.1`) and Excel serial day numbers (`45748`), which a
 * CSV holds when a date column was formatted as a number. A time of day after the date is dropped.
 */
export function parseDate(text: string): string | DateProblem {
  const s = text.normalize("NFKC").trim().toLowerCase();
  let m = WESTERN.exec(s) ?? COMPACT.exec(s);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3])) ?? "impossible";
  m = ERA.exec(s);
  if (m) return eraDay(m[1]!, m[2] === "元" ? 1 : Number(m[2]), Number(m[3]), Number(m[4]));
  m = EXCEL_SERIAL.exec(s);
  if (m) return excelDay(Number(m[1]));
  return "format";
}

const YEAR = /^(\d{4})\s*年?$/;
const YEAR_MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/;

/**
 * A date that may name only a year or a month, kept at the precision it was written in: `2021`
 * stays `2021` and `2021/3` becomes `2021-03` — never 1 January or the first of the month. Full
 * dates are read as `parseDate` reads them.
 */
export function parsePartialDate(text: string): string | DateProblem {
  const s = text.normalize("NFKC").trim();
  let m = YEAR.exec(s);
  if (m) return Number(m[1]) >= 1000 ? m[1]! : "impossible";
  m = YEAR_MONTH.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? `${m[1]}-${month < 10 ? "0" : ""}${month}` : "impossible";
  }
  return parseDate(s);
}

/** The era a date names, with its span, for a message that says which days it covers. */
export function eraSpan(text: string): { name: string; from: string; to: string | null } | undefined {
  const m = ERA.exec(text.normalize("NFKC").trim().toLowerCase());
  const i = m ? ERAS.findIndex((e) => e.names.includes(m[1]!)) : -1;
  if (i < 0) return undefined;
  const next = ERAS[i + 1];
  return {
    name: ERAS[i]!.names[0],
    from: ERAS[i]!.from,
    to: next ? new Date(Date.parse(next.from) - 86_400_000).toISOString().slice(0, 10) : null,
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDay(y: number, m: number, d: number): string | undefined {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return undefined;
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

function eraDay(name: string, year: number, m: number, d: number): string | DateProblem {
  const i = ERAS.findIndex((e) => e.names.includes(name));
  const era = ERAS[i]!;
  const iso = isoDay(era.year + year - 1, m, d);
  if (iso === undefined || year < 1) return "impossible";
  const next = ERAS[i + 1];
  if (iso < era.from || (next && iso >= next.from)) return "era";
  return iso;
}

/** Excel's 1900 date system counts 1900-02-29, which never was; from March 1900 on, serial n is 1899-12-30 plus n days. */
function excelDay(serial: number): string | DateProblem {
  if (serial < 20_000 || serial > 80_000) return "format";
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}
