import { describe, expect, it } from "vitest";
import { QUESTIONS, suggestRating as serverSuggest } from "../../../../src/vendors/questionnaire.ts";
import type { Answer } from "../../api/vendors.ts";
import { approvesDespiteRating, groupByTopic, suggestRating } from "./rating.ts";

const all = (answer: Answer) => Object.fromEntries(QUESTIONS.map((q) => [q.id, { answer }]));
const critical = QUESTIONS.filter((q) => q.critical).map((q) => q.id);
const ordinary = QUESTIONS.filter((q) => !q.critical).map((q) => q.id);

describe("suggestRating", () => {
  it("suggests low without gaps and medium for up to two", () => {
    expect(suggestRating(QUESTIONS, all("yes"))).toEqual({ answered: 15, total: 15, gaps: 0, rating: "low" });
    expect(suggestRating(QUESTIONS, all("na")).rating).toBe("low");
    expect(suggestRating(QUESTIONS, { ...all("yes"), [ordinary[0]!]: { answer: "no" }, [ordinary[1]!]: { answer: "partial" } })).toMatchObject({ gaps: 1.5, rating: "medium" });
  });

  it("suggests high beyond two gaps or for one critical no, critical for two", () => {
    const three = { ...all("yes"), [ordinary[0]!]: { answer: "no" as const }, [ordinary[1]!]: { answer: "no" as const }, [ordinary[2]!]: { answer: "partial" as const } };
    expect(suggestRating(QUESTIONS, three)).toMatchObject({ gaps: 2.5, rating: "high" });
    expect(suggestRating(QUESTIONS, { ...all("yes"), [critical[0]!]: { answer: "no" } }).rating).toBe("high");
    expect(suggestRating(QUESTIONS, { ...all("yes"), [critical[0]!]: { answer: "no" }, [critical[1]!]: { answer: "no" } }).rating).toBe("critical");
    expect(suggestRating(QUESTIONS, { ...all("yes"), [critical[0]!]: { answer: "partial" } }).rating).toBe("medium");
  });

  it("agrees with the server's rule on many mixed answer sets, complete or not", () => {
    const answers: (Answer | undefined)[] = ["yes", "partial", "no", "na", undefined];
    for (let seed = 1; seed < 400; seed++) {
      let x = seed;
      const set = Object.fromEntries(
        QUESTIONS.map((q) => {
          x = (x * 1103515245 + 12345) % 2147483648;
          const answer = answers[seed % 3 === 0 ? x % 5 : x % 4];
          return [q.id, answer === undefined ? undefined : { answer, note: "" }];
        }),
      );
      expect(suggestRating(QUESTIONS, set)).toEqual(serverSuggest(set));
    }
  });

  it("suggests nothing with no answer or one missing, and says how many are answered", () => {
    expect(suggestRating(QUESTIONS, {})).toEqual({ answered: 0, total: 15, gaps: 0, rating: null });
    const { [QUESTIONS[14]!.id]: _left, ...fourteen } = all("yes");
    expect(suggestRating(QUESTIONS, fourteen)).toMatchObject({ answered: 14, rating: null });
    expect(suggestRating(QUESTIONS, { [critical[0]!]: { answer: "no" } })).toMatchObject({ answered: 1, gaps: 1, rating: null });
    expect(suggestRating([], {}).rating).toBeNull();
  });
});

describe("approvesDespiteRating", () => {
  it("flags putting a vendor into use on a high or critical rating, nothing else", () => {
    expect(approvesDespiteRating("active", "high")).toBe(true);
    expect(approvesDespiteRating("active", "critical")).toBe(true);
    expect(approvesDespiteRating("active", "medium")).toBe(false);
    expect(approvesDespiteRating("offboarded", "critical")).toBe(false);
    expect(approvesDespiteRating("under_review", "high")).toBe(false);
  });
});

describe("groupByTopic", () => {
  it("keeps topics in first-seen order", () => {
    const groups = groupByTopic([
      { id: "a", topic: "security" },
      { id: "b", topic: "data_use" },
      { id: "c", topic: "security" },
    ]);
    expect(groups.map((g) => [g.topic, g.questions.map((q) => q.id)])).toEqual([
      ["security", ["a", "c"]],
      ["data_use", ["b"]],
    ]);
  });
});
