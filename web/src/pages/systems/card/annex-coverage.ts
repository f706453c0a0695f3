import type { CardAnnexPoint, CardLibraryText, SystemCardView } from "../../../api/systems.ts";
import type { BilingualText } from "../../../api/types.ts";

/**
 * What the card holds for one Annex IV point: `recorded` (a card field it maps to has data),
 * `empty` (Musubi has a field for it, this system has nothing there yet) or `uncovered` (Musubi's
 * data has no field for it: the provider writes it elsewhere).
 */
export type CoverageState = "recorded" | "empty" | "uncovered";

export interface CoverageRow {
  urn: string;
  ref: BilingualText;
  title: BilingualText | undefined;
  /** The point's text, for a reader who does not know the annex by heart. */
  text: BilingualText;
  depth: 0 | 1;
  /** Undefined for a point that only groups sub-points. */
  state: CoverageState | undefined;
  /** The card fields behind the state, in both languages. */
  fields: { label: { ja: string; en: string }; recorded: boolean }[];
}

export const libraryText = (t: CardLibraryText | null): BilingualText | undefined =>
  t ? { ...(t.ja !== null && { ja: t.ja }), ...(t.en !== null && { en: t.en }) } : undefined;

function stateOf(mapping: CardAnnexPoint["mapping"]): CoverageState | undefined {
  if (!mapping) return undefined;
  if (!mapping.covered) return "uncovered";
  return mapping.fields.some((f) => f.recorded) ? "recorded" : "empty";
}

function rowOf(p: CardAnnexPoint, depth: 0 | 1): CoverageRow {
  return { urn: p.urn, ref: libraryText(p.ref) ?? {}, title: libraryText(p.title), text: libraryText(p.text) ?? {}, depth, state: stateOf(p.mapping), fields: p.mapping?.fields ?? [] };
}

/** The card's Annex IV points in order, sub-points under their point, and the count in each state. */
export function annexCoverage(annex: SystemCardView["annexIV"]): { rows: CoverageRow[]; counts: Record<CoverageState, number> } {
  const rows = annex.points.flatMap((p) => [rowOf(p, 0), ...p.points.map((sub) => rowOf(sub, 1))]);
  const counts: Record<CoverageState, number> = { recorded: 0, empty: 0, uncovered: 0 };
  for (const r of rows) if (r.state) counts[r.state] += 1;
  return { rows, counts };
}
