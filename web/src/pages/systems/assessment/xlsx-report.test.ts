import { describe, expect, it } from "vitest";
import type { ReportRow, WorkbookReport } from "../../../api/assessments-xlsx.ts";
import { ApiError } from "../../../api/client.ts";
import { applyPlan, listedRows, workbookProblem } from "./xlsx-report.ts";

const row = (line: number, outcome: ReportRow["outcome"]): ReportRow => ({ line, requirement: null, outcome, changes: [], changedInMusubi: false, problems: [] });

function report(rows: ReportRow[]): WorkbookReport {
  const counts = { unchanged: 0, change: 0, conflict: 0, invalid: 0 };
  for (const r of rows) counts[r.outcome]++;
  return { assessment: { id: "asm_1", frameworkName: { ja: "指針" }, system: { code: "AIS-1", nameJa: "システム", nameEn: "System" } }, exportedAt: "2026-01-01T00:00:00Z", counts, rows };
}

describe("assessment workbook preview", () => {
  it("lists unchanged rows only when asked", () => {
    const r = report([row(2, "unchanged"), row(3, "change"), row(4, "conflict")]);
    expect(listedRows(r, false).map((x) => x.line)).toEqual([3, 4]);
    expect(listedRows(r, true).map((x) => x.line)).toEqual([2, 3, 4]);
  });

  it("counts the chosen overwrites and refuses to confirm while invalid rows are not skipped", () => {
    const r = report([row(2, "change"), row(3, "conflict"), row(4, "invalid")]);
    expect(applyPlan(r, new Map(), false)).toEqual({ count: 1, blocked: true });
    expect(applyPlan(r, new Map(), true)).toEqual({ count: 1, blocked: false });
    expect(applyPlan(r, new Map([[3, 2]]), true)).toEqual({ count: 2, blocked: false });
    expect(applyPlan(report([row(2, "conflict")]), new Map(), false)).toEqual({ count: 0, blocked: true });
  });

  it("words a refused workbook by the sentence its details carry, in the UI language", () => {
    const err = new ApiError(422, "workbook_mismatch", "x", { reason: "other_assessment", message: { ja: "別の評価です。", en: "Another assessment." } }, "en");
    expect(workbookProblem(err, "ja")).toBe("別の評価です。");
    expect(workbookProblem(new ApiError(422, "import_unreadable", "x", undefined, "en"), "ja")).toBeUndefined();
  });
});
