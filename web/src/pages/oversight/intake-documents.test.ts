import { describe, expect, it } from "vitest";
import { answeredRequest, harmReportViewOf, intakeHeadline, partialDate, rfiAnswerViewOf, senderReference } from "./intake-documents.ts";

describe("an answer to a request for information", () => {
  it("reads the questions and answers in order, each with the pointer a confidentiality mark names", () => {
    const view = rfiAnswerViewOf({
      format: "musubi-rfi-answer/1",
      reference: "RFI-000001",
      organisation: { ja: "デモ株式会社", en: "Demo Corporation" },
      answeredAt: "2026-12-07T00:33:40.058Z",
      answers: [
        { questionId: "q1", question: { ja: "利用していますか", en: "Do you use it?" }, answer: "はい" },
        { questionId: "q2", question: { ja: "件数は" }, answer: 3 },
      ],
    });
    expect(view.reference).toBe("RFI-000001");
    expect(view.answers).toEqual([
      { question: { ja: "利用していますか", en: "Do you use it?" }, answer: "はい", pointer: "/answers/0/answer" },
      { question: { ja: "件数は", en: "" }, answer: "", pointer: "/answers/1/answer" },
    ]);
  });

  it("survives a document without answers", () => {
    expect(rfiAnswerViewOf({ answers: "none" })).toEqual({ reference: "", organisation: { ja: "", en: "" }, answeredAt: null, answers: [] });
  });

  it("is named by the request it answers, not by the server's key or the sender's names", () => {
    const item = { kind: "rfi-answer", subjectRef: "rfi-RFI-000001", headline: "RFI-000001 — デモ株式会社 / Demo Corporation" };
    expect(answeredRequest(item)).toBe("RFI-000001");
    expect(senderReference(item)).toBe("RFI-000001");
    const t = (key: string, params?: Record<string, string | number>) => `${key}:${params?.reference}`;
    expect(intakeHeadline(item, t)).toBe("oversight.rfiAnswer.headline:RFI-000001");
    const report = { kind: "incident-report", subjectRef: "INC-000001", headline: "チャットボットの誤回答" };
    expect(intakeHeadline(report, t)).toBe("チャットボットの誤回答");
    expect(senderReference(report)).toBe("INC-000001");
    expect(answeredRequest({ kind: "rfi-answer", subjectRef: "something-else" })).toBeUndefined();
  });
});

describe("a report from the public", () => {
  it("reads what the person filed, the contact included (the page marks it confidential)", () => {
    const view = harmReportViewOf({ reference: "R-ABC", description: "説明", service: "チャット", provider: "", when: "2026-10", harmTypes: ["rights_violation", 3], rights: ["privacy"], contact: "a@example.jp" });
    expect(view).toEqual({ reference: "R-ABC", description: "説明", service: "チャット", provider: "", when: "2026-10", harmTypes: ["rights_violation"], rights: ["privacy"], contact: "a@example.jp" });
    expect(harmReportViewOf({ when: "", contact: null })).toMatchObject({ when: null, contact: null });
  });

  it("splits a month or a day the person gave", () => {
    expect(partialDate("2026-10")).toEqual({ year: 2026, month: 10, day: null });
    expect(partialDate("2026-10-05")).toEqual({ year: 2026, month: 10, day: 5 });
    expect(partialDate("2026-13")).toBeNull();
  });
});
