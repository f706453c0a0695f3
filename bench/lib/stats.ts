/** Small statistics over samples; percentiles by nearest rank on a sorted copy. */
export function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = sorted(xs);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank] ?? Number.NaN;
}

export const median = (xs: readonly number[]): number => {
  const s = sorted(xs);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export const min = (xs: readonly number[]): number => (xs.length ? Math.min(...xs) : Number.NaN);
export const max = (xs: readonly number[]): number => xs.reduce((m, x) => (x > m ? x : m), Number.NEGATIVE_INFINITY);

/** Rounds for display: integers for large values, 2–3 significant decimals for small ones. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  const a = Math.abs(x);
  if (a >= 100) return Math.round(x);
  if (a >= 10) return Math.round(x * 10) / 10;
  return Math.round(x * 100) / 100;
}
