import { describe, expect, it } from "vitest";
import { advisoryOf, answerInput, isOverdue, noticeOf, rfiOf } from "./dealing-views.ts";

describe("what an authority sent", () => {
  it("reads a request's questions and deadline", () => {
    const rfi = rfiOf({ format: "musubi-rfi/1", body: { ja: "説明", en: "Explanation" }, questions: [{ id: "q1", ja: "利用の有無", en: "Use?" }, { ja: "件数" }], deadline: "2027-02-01" });
    expect(rfi).toEqual({ body: { ja: "説明", en: "Explanation" }, questions: [{ id: "q1", text: { ja: "利用の有無", en: "Use?" } }, { id: "q2", text: { ja: "件数", en: "" } }], deadline: "2027-02-01" });
    expect(rfiOf({})).toEqual({ body: { ja: "", en: "" }, questions: [], deadline: null });
  });

  it("knows whether an advisory carries a library update", () => {
    expect(advisoryOf({ body: { ja: "本文", en: "Text" }, libraryUpdate: { format: "musubi-framework-bundle/1" } }).libraryUpdate).toBe(true);
    expect(advisoryOf({ body: { ja: "本文", en: "Text" }, libraryUpdate: null }).libraryUpdate).toBe(false);
  });

  it("reads a publication notice's stage, deadline and reason; an unknown stage is a notice", () => {
    expect(noticeOf({ stage: "withdrawn", body: { ja: "本文", en: "Text" }, responseDue: null, reason: "誤り" })).toEqual({ stage: "withdrawn", body: { ja: "本文", en: "Text" }, responseDue: null, reason: "誤り" });
    expect(noticeOf({ stage: "other", responseDue: "2026-12-21" })).toMatchObject({ stage: "notice", responseDue: "2026-12-21" });
  });
});

describe("an answer to a request", () => {
  const questions = [
    { id: "q1", text: { ja: "一", en: "One" } },
    { id: "q2", text: { ja: "二", en: "Two" } },
    { id: "q3", text: { ja: "三", en: "Three" } },
  ];

  it("answers every question in order and marks the confidential answers by the question's index", () => {
    const input = answerInput(questions, { q1: { answer: " はい ", confidential: "" }, q3: { answer: "顧客名簿", confidential: "personal-data" }, q2: { answer: "", confidential: "trade-secret" } });
    expect(input.answers).toEqual([
      { questionId: "q1", answer: "はい" },
      { questionId: "q2", answer: "" },
      { questionId: "q3", answer: "顧客名簿" },
    ]);
    // An empty answer has nothing to keep confidential.
    expect(input.confidential).toEqual([{ pointer: "/answers/2/answer", reason: "personal-data" }]);
    expect(input.markedQuestions).toEqual([2]);
  });

  it("is overdue only while open after its deadline", () => {
    expect(isOverdue("2026-12-06", "open", "2026-12-07")).toBe(true);
    expect(isOverdue("2026-12-07", "open", "2026-12-07")).toBe(false);
    expect(isOverdue("2026-12-06", "answered", "2026-12-07")).toBe(false);
    expect(isOverdue(null, "open", "2026-12-07")).toBe(false);
  });
});
