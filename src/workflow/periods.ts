import { addDays, addMonths } from "../platform/time.ts";

export interface Period {
  key: string;
  start: string;
  end: string;
}

/**
 * The fiscal year a date falls in. Japanese practice names a 年度 by the calendar year it starts
 * in: with an April start, 2027-02-10 is in FY2026 (2026-04-01 – 2027-03-31).
 */
export function fiscalYearOf(date: string, startMonth: number): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const fy = month >= startMonth ? year : year - 1;
  const start = `${fy}-${String(startMonth).padStart(2, "0")}-01`;
  return { key: `FY${fy}`, start, end: addDays(addMonths(start, 12), -1) };
}

/** The period of an `every N months from anchor` cycle that a date falls in (none before the anchor: the first). */
export function monthlyPeriodOf(date: string, anchor: string, months: number): Period {
  const elapsed = (Number(date.slice(0, 4)) - Number(anchor.slice(0, 4))) * 12 + (Number(date.slice(5, 7)) - Number(anchor.slice(5, 7)));
  let k = Math.max(0, Math.floor(elapsed / months));
  let start = addMonths(anchor, k * months);
  if (start > date && k > 0) start = addMonths(anchor, --k * months);
  return { key: start, start, end: addDays(addMonths(start, months), -1) };
}
