import { z } from "zod";
import { openDataRow } from "./trends.ts";

const words = z.object({ ja: z.string(), en: z.string() });

/** The open data file in its JSON form (`musubi-open-data/1`), as open-data.ts writes it. */
export const openDataDocument = z.object({
  format: z.literal("musubi-open-data/1"),
  generatedAt: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  /** Counts below this are given as null with `suppressed` true. */
  suppressBelow: z.number().int(),
  /** What is left out and suppressed, in both languages. */
  note: words,
  rows: z.array(
    openDataRow.extend({
      /** YYYY-MM, or empty when the submissions' month is not known. */
      month: z.string(),
      dimensionLabel: words,
      valueLabel: words,
    }),
  ),
});
