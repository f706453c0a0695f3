import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client.ts";
import { diffRows, isStale, questionnaireProblems, refreshingOnStale, fiscalYearOf, reportActions, reportFor, yearChoices } from "./haip-logic.ts";

describe("disclosures.fiscalYearOf", () => {
  it("names a fiscal year by the calendar year it starts in", () => {
    expect(fiscalYearOf("2027-02-10", 4)).toBe(2026);
    expect(fiscalYearOf("2026-04-01", 4)).toBe(2026);
    expect(fiscalYearOf("2026-03-31", 4)).toBe(2025);
  });

  it("is the calendar year when the fiscal year starts in January", () => {
    expect(fiscalYearOf("2026-01-01", 1)).toBe(2026);
    expect(fiscalYearOf("2026-12-31", 1)).toBe(2026);
  });

  it("offers the next year, the current one and three before it", () => {
    expect(yearChoices(2026)).toEqual([2027, 2026, 2025, 2024, 2023]);
  });

  it("finds the report a year already has", () => {
    expect(reportFor([{ id: "a", year: 2025 }, { id: "b", year: 2026 }], 2026)).toBe("b");
    expect(reportFor([{ id: "a", year: 2025 }], 2026)).toBeUndefined();
  });
});

describe("disclosures.reportActions", () => {
  const all = { edit: true, publish: true };
  it("lets editors edit and ask for approval except while it waits for approval", () => {
    expect(reportActions("draft", all)).toEqual({ editAnswers: true, submit: true, withdrawSubmission: false, publish: false });
    expect(reportActions("in_review", all)).toEqual({ editAnswers: false, submit: false, withdrawSubmission: true, publish: false });
    expect(reportActions("published", all)).toMatchObject({ editAnswers: true, submit: true, publish: false });
  });

  it("offers publishing only on an approved report, to those who may publish", () => {
    expect(reportActions("approved", all).publish).toBe(true);
    expect(reportActions("approved", { edit: true, publish: false }).publish).toBe(false);
  });

  it("offers a reader nothing", () => {
    expect(Object.values(reportActions("draft", { edit: false, publish: false }))).toEqual([false, false, false, false]);
  });
});

describe("disclosures.diffRows", () => {
  const q = (id: string, change: "added" | "removed" | "changed" | "unchanged") => ({ id, change, section: { ja: "", en: "" }, text: { ja: "", en: "" }, before: null, after: null });
  const diff = { questions: [q("1.1", "unchanged"), q("1.2", "added"), q("1.3", "changed"), q("2.1", "removed"), q("2.2", "changed")] };

  it("puts changes first, keeping the questionnaire's order within each kind", () => {
    expect(diffRows(diff, "all").map((r) => r.id)).toEqual(["1.3", "2.2", "1.2", "2.1", "1.1"]);
  });

  it("leaves out unchanged answers unless all are asked for", () => {
    expect(diffRows(diff, "changes").map((r) => r.id)).toEqual(["1.3", "2.2", "1.2", "2.1"]);
  });
});

describe("disclosures.questionnaireProblems", () => {
  it("lists each problem of a refused file by its place in the file", () => {
    const err = new ApiError(400, "questionnaire_invalid", "…", [{ field: "questions.0.section", message: "no section section-99 in this questionnaire" }, { field: "key", message: "…" }], "ja");
    expect(questionnaireProblems(err).map((p) => p.field)).toEqual(["questions.0.section", "key"]);
  });

  it("finds none in an error without a list of problems", () => {
    expect(questionnaireProblems(new ApiError(413, "payload_too_large", "…", { limitBytes: 1 }, "ja"))).toEqual([]);
    expect(questionnaireProblems(new Error("x"))).toEqual([]);
  });
});

describe("disclosures.refreshingOnStale", () => {
  it("asks for a fresh report when the action met a changed report, and still fails", async () => {
    let reloads = 0;
    const conflict = new ApiError(409, "conflict", "…", { reason: "report_changed" }, "ja");
    await expect(refreshingOnStale(() => Promise.reject(conflict), () => reloads++)).rejects.toBe(conflict);
    expect(reloads).toBe(1);
    expect(isStale(conflict)).toBe(true);
  });

  it("leaves other failures and successes alone", async () => {
    let reloads = 0;
    const other = new ApiError(409, "report_not_approved", "…", { status: "draft" }, "ja");
    await expect(refreshingOnStale(() => Promise.reject(other), () => reloads++)).rejects.toBe(other);
    expect(await refreshingOnStale(() => Promise.resolve(7), () => reloads++)).toBe(7);
    expect(reloads).toBe(0);
  });
});
