import { describe, expect, it } from "vitest";
import { coverageFrom } from "../library/crosswalk.graph.ts";
import { fixtureFiles, writeLibrary } from "../library/library.fixture.ts";
import { loadLibrary } from "../library/library.load.ts";
import type { Library } from "../library/library.model.ts";
import { AppError } from "../platform/errors.ts";
import { assessProfile } from "./applicability.service.ts";
import { evaluateFacts } from "./evaluate.ts";
import { checkProfile } from "./profile.ts";

function fixtureLibrary(patch?: (files: Record<string, any>) => void): Library {
  const files = structuredClone(fixtureFiles()) as Record<string, any>;
  patch?.(files);
  const { library, problems } = loadLibrary(writeLibrary(files));
  expect(problems).toEqual([]);
  return library!;
}

function refusal(library: Library, facts: Record<string, unknown>, locale: "en" | "ja" = "en") {
  try {
    assessProfile(library, facts, "2026-11-22", locale);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("invalid_profile");
    return (err as AppError).details as { field: string; code: string; message: string }[];
  }
  throw new Error("the profile was accepted");
}

describe("applicability.profile", () => {
  const library = fixtureLibrary();

  it("refuses an unknown fact, naming it", () => {
    expect(refusal(library, { usesAi: true, usesAI: true })).toEqual([
      { field: "facts.usesAI", code: "unknown_fact", message: '"usesAI" is not a profile question.' },
    ]);
  });

  it("refuses a wrong type, naming the field and the expected type", () => {
    expect(refusal(library, { usesAi: "yes" })).toEqual([{ field: "facts.usesAi", code: "wrong_type", message: "Expected true or false." }]);
    expect(refusal(library, { roles: "maker" })[0]).toMatchObject({ field: "facts.roles", code: "wrong_type" });
  });

  it("refuses an option that does not exist and a repeated one", () => {
    expect(refusal(library, { roles: ["maker", "seller"] })[0]).toMatchObject({ field: "facts.roles", code: "unknown_option" });
    expect(refusal(library, { roles: ["maker", "maker"] })[0]).toMatchObject({ field: "facts.roles", code: "duplicate_option" });
  });

  it("refuses impossible dates", () => {
    expect(refusal(library, { usesAi: true, startedOn: "2026-02-30" })[0]).toMatchObject({ field: "facts.startedOn", code: "bad_date" });
  });

  it("refuses contradictory answers, naming every field involved, in Japanese too", () => {
    const issues = refusal(library, { usesAi: false, roles: ["maker"] }, "ja");
    expect(issues.map((i) => i.field)).toEqual(["facts.roles", "facts.usesAi"]);
    expect(issues[0]!.message).toBe("役割にはAIの利用が必要です。");
  });

  it("lists the questions to ask, following askIf", () => {
    expect(checkProfile(library, { usesAi: false }, "en").asked).toEqual(["usesAi", "roles"]);
    expect(checkProfile(library, { usesAi: true }, "en").unanswered).toEqual(["roles", "startedOn"]);
  });
});

describe("applicability.evaluate", () => {
  const library = fixtureLibrary();

  it("applies requirements with the rule and the facts that produced them", () => {
    const r = assessProfile(library, { usesAi: true, roles: ["maker"], startedOn: "2025-05-01" }, "2026-11-22", "en");
    expect(r.requirements.map((q) => [q.id, q.timing, q.rules])).toEqual([
      ["a-1", "current", ["maker-duties"]],
      ["a-3", "upcoming", ["maker-duties"]],
    ]);
    const why = r.explanations.find((e) => e.id === "maker-duties")!;
    expect(why).toMatchObject({ outcome: "holds", expression: "isMaker", read: { isMaker: true } });
    expect(r.explanations.find((e) => e.id === "isMaker")!.read).toEqual({ usesAi: true, roles: ["maker"] });
    expect(why.cites[0]!.urn).toBe("urn:musubi:alpha:2:a-1");
  });

  it("dates a node's requirement from its own application date when that is later", () => {
    const r = assessProfile(library, { usesAi: true, roles: ["maker"], startedOn: "2025-05-01" }, "2027-01-01", "en");
    expect(r.requirements.find((q) => q.id === "a-3")).toMatchObject({ timing: "current", from: "2027-01-01" });
  });

  it("shows a classification that starts later as upcoming, with the default until then", () => {
    const before = assessProfile(library, { usesAi: true, roles: ["maker"], startedOn: "2025-05-01" }, "2026-05-31", "en");
    const tier = before.classifications.find((c) => c.scheme === "tier")!;
    expect(tier.primary!.value).toBe("low");
    expect(tier.values).toEqual([expect.objectContaining({ value: "high", timing: "upcoming", from: "2026-06-01" })]);
    const after = assessProfile(library, { usesAi: true, roles: ["maker"], startedOn: "2025-05-01" }, "2026-06-01", "en");
    expect(after.classifications.find((c) => c.scheme === "tier")!.primary!.value).toBe("high");
  });

  it("reports a rule that needs an unanswered fact as undetermined, and leaves the tier open", () => {
    const r = assessProfile(library, { usesAi: true }, "2026-11-22", "en");
    expect(r.explanations.find((e) => e.id === "isMaker")).toMatchObject({ outcome: "undetermined", missing: ["roles"] });
    expect(r.explanations.find((e) => e.id === "maker-high")).toMatchObject({ outcome: "undetermined", missing: ["roles"] });
    expect(r.classifications.find((c) => c.scheme === "tier")!.primary).toBeNull();
  });

  it("short-circuits: an answer that settles a rule makes the other facts unnecessary", () => {
    const r = assessProfile(library, { usesAi: false }, "2026-11-22", "en");
    expect(r.explanations.find((e) => e.id === "isMaker")).toBeUndefined();
    expect(r.classifications.find((c) => c.scheme === "tier")!.primary!.value).toBe("low");
  });

  it("reports a rule that fails to evaluate as an error, never as false", () => {
    const broken = fixtureLibrary((files) => {
      files["rules/test.json"].rules[1].when = 'roles[3] == "maker"';
    });
    const r = evaluateFacts(broken, { usesAi: true, roles: ["maker"] }, "2026-11-22");
    expect(r.errors).toEqual([{ id: "maker-high", message: expect.any(String) }]);
    expect(r.traces.find((t) => t.id === "maker-high")!.outcome).toBe("error");
    // The scheme's default is not given out as if the failed rule were simply false.
    const tier = r.schemes.find((s) => s.scheme === "tier")!;
    expect(tier.values).toEqual([]);
    expect(tier.primary).toBeNull();
    const report = assessProfile(broken, { usesAi: true, roles: ["maker"] }, "2026-11-22", "en");
    expect(report.errors).toHaveLength(1);
    expect(report.explanations.find((e) => e.id === "maker-high")).toMatchObject({ outcome: "error" });
  });
});

describe("library.crosswalk coverage", () => {
  const library = fixtureLibrary();

  it("follows several hops and takes the weakest link as the chain's strength", () => {
    const covers = coverageFrom(library, "urn:musubi:alpha:2:a-1");
    expect(covers.map((c) => [c.urn, c.relationship, c.full, c.path.length])).toEqual([
      ["urn:musubi:beta:1:b-1", "equal", true, 1],
      ["urn:musubi:beta:1:b-2", "subset", false, 2],
      ["urn:musubi:alpha:2:a-3", "subset", false, 3],
    ]);
  });

  it("reads an edge backwards with the inverse relationship", () => {
    const covers = coverageFrom(library, "urn:musubi:beta:1:b-2", 1);
    expect(covers.map((c) => [c.urn, c.relationship])).toEqual([
      ["urn:musubi:beta:1:b-1", "superset"],
      ["urn:musubi:alpha:2:a-3", "subset"],
    ]);
  });
});
