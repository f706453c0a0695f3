import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client.ts";
import type { ProfileQuestionView } from "../../api/types.ts";
import { parseProfileFile, profileFileText, profileIssues, reconcile, withAnswer } from "./profile.ts";

const q = (id: string): ProfileQuestionView => ({ id, type: "boolean", group: "g", label: { en: id } });
const questions = [q("generative"), q("personalData"), q("euRoles")];

describe("applicability profile", () => {
  it("round-trips through the file format the CLI reads", () => {
    const text = profileFileText({ facts: { generative: true, euRoles: ["provider"] }, asOf: "2027-01-01" }, "abc");
    expect(JSON.parse(text)).toEqual({ facts: { generative: true, euRoles: ["provider"] }, asOf: "2027-01-01", libraryVersion: "abc" });
    expect(parseProfileFile(text, questions)).toEqual({ facts: { generative: true, euRoles: ["provider"] }, asOf: "2027-01-01", dropped: [] });
  });

  it("reads a bare facts object and leaves out what is not a question", () => {
    const loaded = parseProfileFile('{"generative": false, "colour": "blue", "personalData": {"x": 1}}', questions);
    expect(loaded).toEqual({ facts: { generative: false }, dropped: ["colour", "personalData"] });
    expect(() => parseProfileFile("[1]", questions)).toThrow(SyntaxError);
    expect(() => parseProfileFile("{", questions)).toThrow(SyntaxError);
  });

  it("sets and clears answers without touching the others", () => {
    const facts = { generative: true };
    expect(withAnswer(facts, "personalData", false)).toEqual({ generative: true, personalData: false });
    expect(withAnswer(facts, "generative", undefined)).toEqual({});
    expect(facts).toEqual({ generative: true });
  });

  it("sets aside answers to questions no longer asked and brings them back", () => {
    const hidden = reconcile({ generative: false, generatedContent: ["image"] }, ["generative"], {});
    expect(hidden).toEqual({ facts: { generative: false }, stash: { generatedContent: ["image"] } });
    const back = reconcile({ generative: true }, ["generative", "generatedContent"], hidden!.stash);
    expect(back).toEqual({ facts: { generative: true, generatedContent: ["image"] }, stash: {} });
    expect(reconcile({ generative: true }, ["generative"], {})).toBeUndefined();
  });

  it("sorts a refused profile's messages by question", () => {
    const err = new ApiError(422, "invalid_profile", "no", [
      { field: "facts.euRoles", code: "unknown_option", message: "bad option" },
      { field: "facts.euRoles", code: "contradiction", message: "contradicts" },
      { field: "asOf", code: "x", message: "bad date" },
    ], "en");
    expect(profileIssues(err)).toEqual({ byFact: { euRoles: ["bad option", "contradicts"] }, other: ["bad date"] });
    expect(profileIssues(new Error("x"))).toEqual({ byFact: {}, other: [] });
  });
});
