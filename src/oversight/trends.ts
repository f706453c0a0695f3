import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../db/schema.ts";
import { NO_MONTH, OPEN_FAMILY, TREND_DIMENSIONS, TREND_FAMILY, UNSPECIFIED, type TrendDimension } from "./trends.tags.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const trendsQuery = z.strictObject({
  dimension: z.enum(TREND_DIMENSIONS).default("sector"),
  /** First and last month (YYYY-MM), inclusive; default the last twelve months. */
  from: z.string().regex(MONTH).optional(),
  to: z.string().regex(MONTH).optional(),
});
export type TrendsQuery = z.infer<typeof trendsQuery>;

export const trendsView = z.object({
  dimension: z.enum(TREND_DIMENSIONS),
  from: z.string(),
  to: z.string(),
  /** Counted submissions in the period (earlier versions of resubmitted documents and duplicates are not counted). */
  total: z.number().int(),
  /** Counted submissions whose month is not known: outside every period, shown apart. */
  withoutMonth: z.number().int(),
  /**
   * Per value, largest first: `share` of the period's submissions (a submission may have several
   * harm types or rights, so shares of those may add up to more than 1); for sectors,
   * `perOrganisation`: submissions per approved registered organisation of that sector.
   */
  buckets: z.array(z.object({ value: z.string(), label: z.object({ ja: z.string(), en: z.string() }), count: z.number().int(), share: z.number(), perOrganisation: z.number().nullable() })),
  /** Per month of the period, the count of each value: the chart's series. */
  months: z.array(z.object({ month: z.string(), counts: z.record(z.string(), z.number().int()) })),
});
export type TrendsView = z.infer<typeof trendsView>;

/** `YYYY-MM` of a date, and the month `n` months before a `YYYY-MM`. */
const monthOf = (d: Date) => d.toISOString().slice(0, 7);
function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return monthOf(d);
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 240; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The period a query names: given months, or the twelve months up to this one. */
export function periodOf(q: Pick<TrendsQuery, "from" | "to">, now = new Date()): { from: string; to: string } {
  const to = q.to ?? monthOf(now);
  const from = q.from ?? addMonths(to, -11);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** Counter rows `<dimension>|<month>|<value>` of a family within a period (plus the unknown month). */
async function counterRows(db: Kysely<Database>, orgId: string, family: string, dimension: string, from: string, to: string) {
  const rows = await db
    .selectFrom("counters")
    .select(["key", "n"])
    .where("org_id", "=", orgId)
    .where("name", "=", family)
    .where((eb) => eb.or([eb.and([eb("key", ">=", `${dimension}|${from}|`), eb("key", "<", `${dimension}|${to}|\uffff`)]), eb.and([eb("key", ">=", `${dimension}|${NO_MONTH}|`), eb("key", "<", `${dimension}|${NO_MONTH}|\uffff`)])]))
    .execute();
  return rows.flatMap((r) => {
    const [, month, ...rest] = r.key.split("|");
    const n = Number(r.n);
    return n > 0 ? [{ month: month!, value: rest.join("|"), n }] : [];
  });
}

/**
 * The authority's trends along one dimension for a period, from the counters kept as submissions
 * arrive and are triaged: a few hundred rows whatever the number of submissions.
 */
export async function trends(db: Kysely<Database>, orgId: string, q: TrendsQuery, label: (dimension: TrendDimension, value: string) => { ja: string; en: string }, now = new Date()): Promise<TrendsView> {
  const { from, to } = periodOf(q, now);
  const dimension: TrendDimension = q.dimension;
  const [rows, kinds] = await Promise.all([counterRows(db, orgId, TREND_FAMILY, dimension, from, to), dimension === "kind" ? undefined : counterRows(db, orgId, TREND_FAMILY, "kind", from, to)]);
  const perKind = kinds ?? rows;
  const total = perKind.filter((r) => r.month !== NO_MONTH).reduce((a, r) => a + r.n, 0);
  const withoutMonth = perKind.filter((r) => r.month === NO_MONTH).reduce((a, r) => a + r.n, 0);
  const inPeriod = rows.filter((r) => r.month !== NO_MONTH);
  const byValue = new Map<string, number>();
  for (const r of inPeriod) byValue.set(r.value, (byValue.get(r.value) ?? 0) + r.n);
  const members = dimension === "sector" ? await membersBySector(db, orgId) : undefined;
  const buckets = [...byValue]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => ({ value, label: label(dimension, value), count, share: total ? count / total : 0, perOrganisation: members ? (members.get(value) ? count / members.get(value)! : null) : null }));
  const months = monthsBetween(from, to).map((month) => ({ month, counts: Object.fromEntries(inPeriod.filter((r) => r.month === month).map((r) => [r.value, r.n])) }));
  return { dimension, from, to, total, withoutMonth, buckets, months };
}

async function membersBySector(db: Kysely<Database>, orgId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("exchange_connections")
    .select(["sector", (eb) => eb.fn.countAll<number>().as("n")])
    .where("org_id", "=", orgId)
    .where("direction", "=", "member")
    .where("status", "=", "approved")
    .groupBy("sector")
    .execute();
  return new Map(rows.map((r) => [r.sector ?? UNSPECIFIED, Number(r.n)]));
}

/** Counts below this are published as "fewer than 3", never as the number (Musubi's default, against re-identification). */
export const SUPPRESS_BELOW = 3;

export const openDataRow = z.object({
  dimension: z.enum(TREND_DIMENSIONS),
  month: z.string(),
  value: z.string(),
  /** Null when suppressed. */
  count: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export type OpenDataRow = z.infer<typeof openDataRow>;

/**
 * The trends as open data: every dimension by month and value, counted only from what senders did
 * not mark confidential (a value taken from a confidential part is not counted; a confidential
 * month counts as `unknown`), with counts from 1 to {@link SUPPRESS_BELOW} − 1 suppressed.
 */
export async function openData(db: Kysely<Database>, orgId: string, q: Pick<TrendsQuery, "from" | "to">, now = new Date()): Promise<{ from: string; to: string; suppressBelow: number; rows: OpenDataRow[] }> {
  const { from, to } = periodOf(q, now);
  const rows: OpenDataRow[] = [];
  for (const dimension of TREND_DIMENSIONS) {
    for (const r of await counterRows(db, orgId, OPEN_FAMILY, dimension, from, to)) {
      const suppressed = r.n < SUPPRESS_BELOW;
      rows.push({ dimension, month: r.month, value: r.value, count: suppressed ? null : r.n, suppressed });
    }
  }
  rows.sort((a, b) => a.dimension.localeCompare(b.dimension) || a.month.localeCompare(b.month) || a.value.localeCompare(b.value));
  return { from, to, suppressBelow: SUPPRESS_BELOW, rows };
}
