import type { RiskMatrix } from "../../api/risks.ts";

/**
 * Edits of a risk matrix draft, kept pure so the shape rules (one row per likelihood level, one
 * cell per impact level, 2–10 levels) are unit-tested. The server checks the result again.
 */

export const MIN_LEVELS = 2;
export const MAX_LEVELS = 10;

/** A deep copy, so a draft never shares arrays with the matrix it came from. */
export function copyMatrix(m: RiskMatrix): RiskMatrix {
  return {
    likelihood: m.likelihood.map((l) => ({ ...l })),
    impact: m.impact.map((l) => ({ ...l })),
    bands: m.bands.map((b) => ({ ...b })),
    cells: m.cells.map((row) => [...row]),
  };
}

/**
 * Adds a level above the highest (its cells copy the band of the level below, the usual start for
 * a finer scale) or drops the highest one, within 2–10 levels.
 */
export function resizeAxis(m: RiskMatrix, axis: "likelihood" | "impact", grow: boolean): RiskMatrix {
  const next = copyMatrix(m);
  const n = next[axis].length;
  if (grow ? n >= MAX_LEVELS : n <= MIN_LEVELS) return next;
  if (axis === "likelihood") {
    if (grow) {
      next.likelihood.push({ ja: String(n + 1), en: String(n + 1) });
      next.cells.push([...(next.cells[n - 1] ?? next.impact.map(() => 0))]);
    } else {
      next.likelihood.pop();
      next.cells.pop();
    }
  } else if (grow) {
    next.impact.push({ ja: String(n + 1), en: String(n + 1) });
    next.cells = next.cells.map((row) => [...row, row[n - 1] ?? 0]);
  } else {
    next.impact.pop();
    next.cells = next.cells.map((row) => row.slice(0, -1));
  }
  return next;
}

/** Sets the band (index) of likelihood `l` × impact `i`, both 1-based. */
export function setCell(m: RiskMatrix, l: number, i: number, band: number): RiskMatrix {
  const next = copyMatrix(m);
  const row = next.cells[l - 1];
  if (row && i >= 1 && i <= row.length) row[i - 1] = band;
  return next;
}

/** Renames a level in one language. */
export function setLevelLabel(m: RiskMatrix, axis: "likelihood" | "impact", level: number, lang: "ja" | "en", text: string): RiskMatrix {
  const next = copyMatrix(m);
  const label = next[axis][level - 1];
  if (label) label[lang] = text;
  return next;
}

/** Changes one field of a band (its names or colour). */
export function setBand(m: RiskMatrix, index: number, patch: Partial<{ ja: string; en: string; color: string }>): RiskMatrix {
  const next = copyMatrix(m);
  const band = next.bands[index];
  if (band) Object.assign(band, patch);
  return next;
}
