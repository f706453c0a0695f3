import { describe, expect, it } from "vitest";
import { QUESTIONS, suggestRating as serverSuggest } from "../../../../src/vendors/questionnaire.ts";
import type { Answer } from "../../api/vendors.ts";
import { answeredCount, groupByTopic, parseCountries, suggestRating } from "./rating.ts";

const all = (answer: Answer) => Object.fromEntries(QUESTIONS.map((q) => [q.id, { answer }]));
const critical = QUESTIONS.filter((q) => q.critical).map((q) => q.id);
const ordinary = QUESTIONS.filter((q) => !q.critical).map((q) => q.id);

describe("suggestRating", () => {
  it("suggests low without gaps and medium for up to two", () => {
    expect(suggestRating(QUESTIONS, all("yes"))).toEqual({ gaps: 0, rating: "low" });
    expect(suggestRating(QUESTIONS, all("na"))).toEqual({ gaps: 0, rating: "low" });
    expect(suggestRating(QUESTIONS, { ...all("yes"), [ordinary[0]!]: { answer: "no" }, [ordinary[1]!]: { answer: "partial" } })).toEqual({ gaps: 1.5, rating: "medium" });
  });

  it("suggests high beyond two gaps or for one critical no, critical for two", () => {
    const three = { ...all("yes"), [ordinary[0]!]: { answer: "no" as const }, [ordinary[1]!]: { answer: "no" as const }, [ordinary[2]!]: { answer: "partial" as const } };
    expect(suggestRating(QUESTIONS, three)).toEqual({ gaps: 2.5, rating: "high" });
    expect(suggestRating(QUESTIONS, { ...all("yes"), [critical[0]!]: { answer: "no" } }).rating).toBe("high");
    expect(suggestRating(QUESTIONS, { ...all("yes"), [critical[0]!]: { answer: "no" }, [critical[1]!]: { answer: "no" } }).rating).toBe("critical");
    expect(suggestRating(QUESTIONS, { ...all("yes"), [critical[0]!]: { answer: "partial" } }).rating).toBe("medium");
  });

  it("agrees with the server's rule on many mixed answer sets", () => {
    const answers: Answer[] = ["yes", "partial", "no", "na"];
    for (let seed = 1; seed < 400; seed++) {
      let x = seed;
      const set = Object.fromEntries(
        QUESTIONS.map((q) => {
          x = (x * 1103515245 + 12345) % 2147483648;
          return [q.id, { answer: answers[x % 4]!, note: "" }];
        }),
      );
      expect(suggestRating(QUESTIONS, set)).toEqual(serverSuggest(set));
    }
  });

  it("counts unanswered questions as no gap while the form is filled in", () => {
    expect(suggestRating(QUESTIONS, {})).toEqual({ gaps: 0, rating: "low" });
    expect(answeredCount(QUESTIONS, { [critical[0]!]: { answer: "no" } })).toBe(1);
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

describe("parseCountries", () => {
  it("splits on commas and spaces, upper-cases and drops repeats", () => {
    expect(parseCountries(" jp, US  sg、JP ")).toEqual(["JP", "US", "SG"]);
    expect(parseCountries("")).toEqual([]);
  });
});
