import type { Locale } from "../../api/types.ts";
import type { TrendsView } from "../../api/oversight.ts";
import { INTL_TAGS } from "../../i18n/languages.ts";

/** The periods the trends page offers, in months up to this one. */
export const PERIODS = [3, 6, 12, 24, 36] as const;
export type Period = (typeof PERIODS)[number];

const MONTH = /^(\d{4})-(\d{2})$/;

/** A YYYY-MM month in the UI language: "2026年10月", "Oct 2026". Other values are returned as they are. */
export function formatYearMonth(lang: Locale, month: string, style: "long" | "short" = "long"): string {
  const m = MONTH.exec(month);
  if (!m) return month;
  return new Intl.DateTimeFormat(INTL_TAGS[lang], { year: "numeric", month: style === "long" ? "long" : "short", timeZone: "UTC" }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

/** The `months` months ending with the month of `today` (YYYY-MM-DD or an ISO timestamp), as YYYY-MM. */
export function periodEnding(today: string, months: number): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const start = new Date(Date.UTC(y, m - 1 - (months - 1), 1));
  return { from: start.toISOString().slice(0, 7), to: `${today.slice(0, 7)}` };
}

/** The buckets shown as their own series in the monthly chart; the rest are added up as "other". */
export const MONTHLY_SERIES = 6;

export interface MonthlySeries {
  /** A bucket's value, or null for the others added up. */
  value: string | null;
  counts: number[];
}

/**
 * The monthly chart's stacks: the largest buckets each as a series, the rest as one, each with a
 * count per month of the period (months the API gives, in order).
 */
export function monthlySeries(view: Pick<TrendsView, "buckets" | "months">, limit = MONTHLY_SERIES): MonthlySeries[] {
  const top = view.buckets.slice(0, limit).map((b) => b.value);
  const series: MonthlySeries[] = top.map((value) => ({ value, counts: view.months.map((m) => m.counts[value] ?? 0) }));
  if (view.buckets.length > limit) {
    const rest = new Set(view.buckets.slice(limit).map((b) => b.value));
    series.push({ value: null, counts: view.months.map((m) => Object.entries(m.counts).reduce((n, [v, c]) => n + (rest.has(v) ? c : 0), 0)) });
  }
  return series;
}

/** A share (0–1) as a whole percentage. */
export const percentOf = (share: number) => Math.round(share * 100);
