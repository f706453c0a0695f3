import { z } from "zod";
import { fieldText } from "../platform/http/field-messages.ts";

/** A label in both languages: matrices are shown to Japanese and English readers alike. */
const label = z.strictObject({ ja: z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) });

const band = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_-]{0,30}$/, "lower-case letters, digits, _ and -"),
  ja: z.string().trim().min(1).max(40),
  en: z.string().trim().min(1).max(40),
  /** `#rrggbb`, the cell colour on the heat map. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour such as #d9534f"),
});

/**
 * An organisation's risk matrix. Levels are numbered from 1 (lowest) in list order; `cells[l-1][i-1]`
 * is the index into `bands` (lowest first) of likelihood `l` × impact `i`. Sizes from 2×2 to 10×10:
 * organisations use 3×3, 4×4 and 5×5, sometimes 5×4.
 */
export const riskMatrix = z
  .strictObject({
    likelihood: z.array(label).min(2).max(10),
    impact: z.array(label).min(2).max(10),
    bands: z.array(band).min(2).max(6),
    cells: z.array(z.array(z.number().int().min(0))),
  })
  .superRefine((m, ctx) => {
    if (m.cells.length !== m.likelihood.length) ctx.addIssue({ code: "custom", path: ["cells"], message: `expected ${m.likelihood.length} rows, one per likelihood level` });
    m.cells.forEach((row, l) => {
      if (row.length !== m.impact.length) ctx.addIssue({ code: "custom", path: ["cells", l], message: `expected ${m.impact.length} cells, one per impact level` });
      row.forEach((b, i) => {
        if (b >= m.bands.length) ctx.addIssue({ code: "custom", path: ["cells", l, i], message: `band ${b} does not exist (there are ${m.bands.length})` });
      });
    });
    const ids = m.bands.map((b) => b.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: ["bands"], message: fieldText("band_ids_unique") });
  });
export type RiskMatrix = z.infer<typeof riskMatrix>;

export const riskMatrixView = z.object({ matrix: riskMatrix, isDefault: z.boolean(), updatedAt: z.string().nullable(), version: z.number().int() });
export type RiskMatrixView = z.infer<typeof riskMatrixView>;

export const updateRiskMatrixBody = z.strictObject({
  /** The version read (0 while the organisation still uses the default). */
  version: z.number().int().min(0),
  matrix: riskMatrix,
});

/**
 * Musubi's default: a 5×5 matrix with four bands by likelihood × impact (≤4 low, ≤9 medium,
 * ≤16 high, above that critical). A common starting point, not a legal requirement: every
 * organisation may relabel, resize and recolour it.
 */
export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  likelihood: [
    { ja: "まれ", en: "Rare" },
    { ja: "起こりにくい", en: "Unlikely" },
    { ja: "起こりうる", en: "Possible" },
    { ja: "起こりやすい", en: "Likely" },
    { ja: "ほぼ確実", en: "Almost certain" },
  ],
  impact: [
    { ja: "軽微", en: "Negligible" },
    { ja: "小", en: "Minor" },
    { ja: "中", en: "Moderate" },
    { ja: "大", en: "Major" },
    { ja: "甚大", en: "Severe" },
  ],
  bands: [
    { id: "low", ja: "低", en: "Low", color: "#5cb85c" },
    { id: "medium", ja: "中", en: "Medium", color: "#f0ad4e" },
    { id: "high", ja: "高", en: "High", color: "#e8743b" },
    { id: "critical", ja: "重大", en: "Critical", color: "#c9302c" },
  ],
  cells: [1, 2, 3, 4, 5].map((l) => [1, 2, 3, 4, 5].map((i) => (l * i <= 4 ? 0 : l * i <= 9 ? 1 : l * i <= 16 ? 2 : 3))),
};

/** The band of one cell; levels are 1-based. */
export function bandOf(m: RiskMatrix, likelihood: number, impact: number): RiskMatrix["bands"][number] | null {
  const b = m.cells[likelihood - 1]?.[impact - 1];
  return b === undefined ? null : m.bands[b]!;
}
