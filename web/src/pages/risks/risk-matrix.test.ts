import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_MATRIX } from "../../../../src/risks/matrix.schema.ts";
import type { RiskMatrix } from "../../api/risks.ts";
import { bandAt, bandTotals, heatRows, levelOption, localName, textOn, togglePick } from "./risk-matrix.ts";

/** Musubi's default 5×5, the server's own (as i18n.test.ts reads the server's error codes), so the two cannot drift apart. */
const DEFAULT: RiskMatrix = DEFAULT_RISK_MATRIX;

describe("bandAt", () => {
  it("reads the band of a cell by 1-based levels", () => {
    expect(bandAt(DEFAULT, 1, 1)?.id).toBe("low");
    expect(bandAt(DEFAULT, 3, 3)?.id).toBe("medium");
    expect(bandAt(DEFAULT, 4, 4)?.id).toBe("high");
    expect(bandAt(DEFAULT, 5, 4)?.id).toBe("critical");
  });
  it("is null outside the matrix", () => {
    expect(bandAt(DEFAULT, 6, 1)).toBeNull();
    expect(bandAt(DEFAULT, 1, 0)).toBeNull();
  });
});

describe("heatRows", () => {
  const counts = DEFAULT.likelihood.map((_, l) => DEFAULT.impact.map((_, i) => (l === 4 && i === 1 ? 3 : 0)));

  it("puts the highest likelihood at the top and the lowest impact on the left", () => {
    const rows = heatRows(DEFAULT, counts);
    expect(rows.map((r) => r.likelihood)).toEqual([5, 4, 3, 2, 1]);
    expect(rows[0]!.label.en).toBe("Almost certain");
    expect(rows[0]!.cells.map((c) => c.impact)).toEqual([1, 2, 3, 4, 5]);
  });

  it("carries each cell's count and band", () => {
    const cell = heatRows(DEFAULT, counts)[0]!.cells[1]!;
    expect(cell).toMatchObject({ likelihood: 5, impact: 2, count: 3 });
    expect(cell.band?.id).toBe("high");
  });

  it("reads missing counts as zero (the map not loaded yet)", () => {
    expect(heatRows(DEFAULT, undefined).flatMap((r) => r.cells.map((c) => c.count))).toEqual(Array(25).fill(0));
  });

  it("follows a non-square matrix", () => {
    const m: RiskMatrix = { ...DEFAULT, likelihood: DEFAULT.likelihood.slice(0, 3), cells: DEFAULT.cells.slice(0, 3) };
    const rows = heatRows(m, undefined);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.cells.length === 5)).toBe(true);
  });
});

describe("bandTotals", () => {
  it("lists every band lowest first, with 0 where the heat map has none", () => {
    expect(bandTotals(DEFAULT, [{ id: "high", n: 2 }]).map((b) => [b.band.id, b.n])).toEqual([
      ["low", 0],
      ["medium", 0],
      ["high", 2],
      ["critical", 0],
    ]);
  });
});

describe("names", () => {
  it("picks the UI language", () => {
    expect(localName(DEFAULT.bands[3]!, "ja")).toBe("重大");
    expect(localName(DEFAULT.bands[3]!, "en")).toBe("Critical");
  });
  it("numbers level options so ratings compare across languages", () => {
    expect(levelOption(DEFAULT, "likelihood", 3, "en")).toBe("3 · Possible");
    expect(levelOption(DEFAULT, "impact", 5, "ja")).toBe("5 · 甚大");
    expect(levelOption(DEFAULT, "impact", 9, "ja")).toBe("9");
  });
});

describe("textOn", () => {
  it("keeps counts legible on light and dark band colours", () => {
    expect(textOn("#ffffff")).toBe("#000000");
    expect(textOn("#000000")).toBe("#ffffff");
    expect(textOn("#f0ad4e")).toBe("#000000");
    expect(textOn("#1d4ed8")).toBe("#ffffff");
  });
  it("falls back sensibly on a malformed colour", () => {
    expect(textOn("red")).toBe("#000000");
  });
});

describe("togglePick", () => {
  it("picks a cell, replaces it with another, and clears it on a second click", () => {
    const a = { likelihood: 4, impact: 3 };
    expect(togglePick(undefined, a)).toEqual(a);
    expect(togglePick(a, { likelihood: 2, impact: 3 })).toEqual({ likelihood: 2, impact: 3 });
    expect(togglePick(a, { likelihood: 4, impact: 3 })).toBeUndefined();
  });
});
