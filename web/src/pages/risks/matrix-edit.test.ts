import { describe, expect, it } from "vitest";
import type { RiskMatrix } from "../../api/risks.ts";
import { copyMatrix, resizeAxis, setBand, setCell, setLevelLabel } from "./matrix-edit.ts";

const M: RiskMatrix = {
  likelihood: [
    { ja: "低", en: "Low" },
    { ja: "高", en: "High" },
  ],
  impact: [
    { ja: "小", en: "Minor" },
    { ja: "大", en: "Major" },
  ],
  bands: [
    { id: "low", ja: "低", en: "Low", color: "#00ff00" },
    { id: "high", ja: "高", en: "High", color: "#ff0000" },
  ],
  cells: [
    [0, 0],
    [0, 1],
  ],
};

describe("matrix edits", () => {
  it("never changes the matrix they start from", () => {
    const before = JSON.stringify(M);
    setCell(M, 1, 1, 1);
    setLevelLabel(M, "impact", 1, "en", "Tiny");
    setBand(M, 0, { color: "#123456" });
    resizeAxis(M, "impact", true);
    expect(JSON.stringify(M)).toBe(before);
    expect(copyMatrix(M)).toEqual(M);
  });

  it("adds a likelihood level as a new top row copying the one below", () => {
    const m = resizeAxis(M, "likelihood", true);
    expect(m.likelihood).toHaveLength(3);
    expect(m.cells).toEqual([
      [0, 0],
      [0, 1],
      [0, 1],
    ]);
  });

  it("adds an impact level as a new right column copying its neighbour", () => {
    expect(resizeAxis(M, "impact", true).cells).toEqual([
      [0, 0, 0],
      [0, 1, 1],
    ]);
  });

  it("drops the highest level, but never below two", () => {
    const three = resizeAxis(M, "impact", true);
    expect(resizeAxis(three, "impact", false).cells).toEqual(M.cells);
    expect(resizeAxis(M, "impact", false)).toEqual(M);
    expect(resizeAxis(M, "likelihood", false)).toEqual(M);
  });

  it("sets a cell, a level name and a band field", () => {
    expect(setCell(M, 1, 2, 1).cells[0]).toEqual([0, 1]);
    expect(setLevelLabel(M, "likelihood", 2, "ja", "非常に高い").likelihood[1]).toEqual({ ja: "非常に高い", en: "High" });
    expect(setBand(M, 1, { en: "Severe" }).bands[1]).toMatchObject({ id: "high", en: "Severe", color: "#ff0000" });
  });
});
