import type { BandView, HeatmapView, LevelLabel, RiskMatrix } from "../../api/risks.ts";
import type { Locale } from "../../api/types.ts";

/**
 * Pure reading of the organisation's risk matrix for the heat map and the rating badges: which
 * band a cell falls in, what a level is called, and which text colour stays legible on a band's
 * colour. Kept apart from the components so the rules are unit-tested.
 */

/** The band of likelihood `l` × impact `i` (1-based), or null outside the matrix. */
export function bandAt(matrix: RiskMatrix, l: number, i: number): BandView | null {
  const index = matrix.cells[l - 1]?.[i - 1];
  return index === undefined ? null : (matrix.bands[index] ?? null);
}

/** A level's or band's name in the UI language. */
export function localName(label: LevelLabel, lang: Locale): string {
  return label[lang] || label.ja || label.en;
}

/** "3 · Possible": the level number keeps ratings comparable across languages and relabelled matrices. */
export function levelOption(matrix: RiskMatrix, axis: "likelihood" | "impact", level: number, lang: Locale): string {
  const label = matrix[axis][level - 1];
  return label ? `${level} · ${localName(label, lang)}` : String(level);
}

export interface HeatCell {
  likelihood: number;
  impact: number;
  count: number;
  band: BandView | null;
}

export interface HeatRow {
  likelihood: number;
  label: LevelLabel;
  cells: HeatCell[];
}

/**
 * The heat map's rows, the highest likelihood at the top (as risk matrices are drawn), each with
 * one cell per impact level from the lowest on the left. Missing counts read as 0.
 */
export function heatRows(matrix: RiskMatrix, counts: HeatmapView["counts"] | undefined): HeatRow[] {
  const rows = matrix.likelihood.map((label, l) => ({
    likelihood: l + 1,
    label,
    cells: matrix.impact.map((_, i) => ({ likelihood: l + 1, impact: i + 1, count: counts?.[l]?.[i] ?? 0, band: bandAt(matrix, l + 1, i + 1) })),
  }));
  return rows.reverse();
}

/** The bands, lowest first, with the number of risks in each (0 where the heat map has none). */
export function bandTotals(matrix: RiskMatrix, byBand: HeatmapView["byBand"] | undefined): { band: BandView; n: number }[] {
  return matrix.bands.map((band) => ({ band, n: byBand?.find((b) => b.id === band.id)?.n ?? 0 }));
}

function channel(hex: string, at: number): number {
  const v = parseInt(hex.slice(at, at + 2), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rrggbb` (0 black … 1 white); anything unreadable counts as mid-grey. */
export function luminance(hex: string): number {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return 0.5;
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/**
 * Black or white, whichever contrasts more with the band colour: organisations pick their own
 * colours, and the count on a cell must stay readable on all of them.
 */
export function textOn(hex: string): "#000000" | "#ffffff" {
  const l = luminance(hex);
  const withBlack = (l + 0.05) / 0.05;
  const withWhite = 1.05 / (l + 0.05);
  return withBlack >= withWhite ? "#000000" : "#ffffff";
}

/** A cell picked on the heat map: the list below shows the risks currently rated there. */
export interface CellPick {
  likelihood: number;
  impact: number;
}

/** Clicking the picked cell again clears the pick; any other cell replaces it. */
export function togglePick(current: CellPick | undefined, next: CellPick): CellPick | undefined {
  return current && current.likelihood === next.likelihood && current.impact === next.impact ? undefined : next;
}
