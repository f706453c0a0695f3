import { describe, expect, it } from "vitest";
import { signOffBlocks, type SignOffCheck } from "./sign-off-gate.ts";

const done = { counts: { met: 3, not_applicable: 1 } };
const check = (over: Partial<SignOffCheck> = {}): SignOffCheck => ({ open: 0, segregationOfDuties: true, barred: [{ id: "usr_a", displayName: "A" }], ...over });

describe("sign-off gate", () => {
  it("blocks while rows are open, saying how many", () => {
    expect(signOffBlocks({ counts: { met: 1, not_started: 2, in_progress: 1 } }, check({ barred: [] }), "usr_b")).toEqual([{ kind: "open", count: 3 }]);
  });

  it("blocks the last answerer of a row while segregation of duties is on", () => {
    expect(signOffBlocks(done, check(), "usr_a")).toEqual([{ kind: "answered" }]);
    expect(signOffBlocks(done, check(), "usr_b")).toEqual([]);
  });

  it("lets the answerer sign off when the organisation switched the rule off", () => {
    expect(signOffBlocks(done, check({ segregationOfDuties: false }), "usr_a")).toEqual([]);
  });

  it("still says the rows are open before the check has loaded", () => {
    expect(signOffBlocks({ counts: { not_started: 1 } }, undefined, "usr_a")).toEqual([{ kind: "open", count: 1 }]);
  });
});
