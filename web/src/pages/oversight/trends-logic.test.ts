import { describe, expect, it } from "vitest";
import type { TrendsView } from "../../api/oversight.ts";
import { formatYearMonth, monthlySeries, percentOf, periodEnding } from "./trends-logic.ts";

describe("trends", () => {
  it("names a month in each language", () => {
    expect(formatYearMonth("ja", "2026-10")).toBe("2026年10月");
    expect(formatYearMonth("en", "2026-10")).toBe("October 2026");
    expect(formatYearMonth("ja", "unknown")).toBe("unknown");
  });

  it("counts a period back from this month, across a year", () => {
    expect(periodEnding("2026-03-15", 12)).toEqual({ from: "2025-04", to: "2026-03" });
    expect(periodEnding("2026-03-15", 3)).toEqual({ from: "2026-01", to: "2026-03" });
    expect(periodEnding("2026-01-01", 1)).toEqual({ from: "2026-01", to: "2026-01" });
  });

  it("stacks the largest values per month and adds up the rest", () => {
    const view: Pick<TrendsView, "buckets" | "months"> = {
      buckets: ["a", "b", "c"].map((value, i) => ({ value, label: { ja: value, en: value }, count: 3 - i, share: 0, perOrganisation: null })),
      months: [
        { month: "2026-01", counts: { a: 2, c: 1 } },
        { month: "2026-02", counts: { a: 1, b: 2 } },
      ],
    };
    expect(monthlySeries(view, 2)).toEqual([
      { value: "a", counts: [2, 1] },
      { value: "b", counts: [0, 2] },
      { value: null, counts: [1, 0] },
    ]);
    expect(monthlySeries(view)).toHaveLength(3);
    expect(percentOf(2 / 3)).toBe(67);
  });
});
