import { describe, expect, it } from "vitest";
import { addQuestion, questionsInput, removeQuestion } from "./request-logic.ts";

describe("a request's questions", () => {
  it("adds rows with keys that stay with them, and keeps the last row", () => {
    const rows = addQuestion(addQuestion([]));
    expect(rows.map((q) => q.key)).toEqual([1, 2]);
    const one = removeQuestion(rows, 1);
    expect(one.map((q) => q.key)).toEqual([2]);
    expect(addQuestion(one).map((q) => q.key)).toEqual([2, 3]);
    expect(removeQuestion(one, 2)).toEqual(one);
  });

  it("sends every row, trimmed, in order (an error names the row it is about)", () => {
    expect(questionsInput([{ key: 4, ja: " 利用の有無 ", en: "Do you use it? " }, { key: 7, ja: "", en: "" }])).toEqual([
      { ja: "利用の有無", en: "Do you use it?" },
      { ja: "", en: "" },
    ]);
  });
});
