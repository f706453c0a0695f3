import { describe, expect, it } from "vitest";
import { categoryChip, partiesOf } from "./reference-case.ts";

describe("reference case", () => {
  it("shows AIID's parties as words, grouped by kind, with empty kinds left out", () => {
    expect(partiesOf({ deployers: ["amazon"], developers: [], harmed: ["female-applicants", "job-seekers"] })).toEqual([
      { field: "deployers", label: "incidents.reference.party.deployers", names: ["Amazon"] },
      { field: "harmed", label: "incidents.reference.party.harmed", names: ["Female Applicants", "Job Seekers"] },
    ]);
  });

  it("names a causal category without Musubi's id, and a domain with MIT's number", () => {
    const names = new Map([
      ["entity.ai", "主体：AI"],
      ["1.1", "不公正な差別と偏見"],
    ]);
    expect(categoryChip("entity.ai", names)).toBe("主体：AI");
    expect(categoryChip("1.1", names)).toBe("1.1 不公正な差別と偏見");
    expect(categoryChip("intent.intentional", names)).toBeUndefined();
  });
});
