import { describe, expect, it } from "vitest";
import type { RiskView } from "../../api/risks.ts";
import { draftOf, inputOf, toggle, toggleCategory } from "./risk-form.ts";

const RISK: RiskView = {
  id: "rsk_1",
  code: "R-001",
  titleJa: "学習データの偏り",
  titleEn: "Biased training data",
  description: "",
  system: { id: "sys_1", code: "S-1", nameJa: "審査AI", nameEn: "Screening AI" },
  categories: ["1", "1.1"],
  perspectives: [{ urn: "urn:p1", ja: "公平性", en: "Fairness" }],
  owner: { id: "usr_1", displayName: "Sato" },
  status: "open",
  inherent: { likelihood: 4, impact: 3, band: null },
  residual: null,
  treatment: "mitigate",
  treatmentPlan: "Rebalance",
  controls: [{ id: "ctl_1", code: "C-1", titleJa: "c", titleEn: "c", status: "met" }],
  acceptance: null,
  lastReviewedAt: null,
  nextReviewOn: "2026-04-01",
  reviewOverdue: false,
  custom: {},
  createdAt: "2025-01-01T00:00:00Z",
  updatedAt: "2025-01-01T00:00:00Z",
  version: 3,
};

describe("draftOf / inputOf", () => {
  it("round-trips a risk into the API body", () => {
    expect(inputOf(draftOf(RISK))).toEqual({
      titleJa: "学習データの偏り",
      titleEn: "Biased training data",
      description: "",
      systemId: "sys_1",
      ownerId: "usr_1",
      inherentLikelihood: 4,
      inherentImpact: 3,
      residualLikelihood: null,
      residualImpact: null,
      treatment: "mitigate",
      treatmentPlan: "Rebalance",
      controlIds: ["ctl_1"],
      categories: ["1", "1.1"],
      perspectives: ["urn:p1"],
      nextReviewOn: "2026-04-01",
    });
  });

  it("starts a new risk empty, on the given system, and sends blanks as nulls", () => {
    const d = draftOf(undefined, "sys_9");
    expect(d.systemId).toBe("sys_9");
    const input = inputOf({ ...d, titleJa: "  題  ", residualLikelihood: "2", residualImpact: "3" });
    expect(input).toMatchObject({ titleJa: "題", systemId: "sys_9", ownerId: null, treatment: null, nextReviewOn: null, residualLikelihood: 2, residualImpact: 3 });
  });

  it("sends an unchosen inherent level as 0 so the server names the field", () => {
    expect(inputOf(draftOf(undefined)).inherentLikelihood).toBe(0);
  });

  it("treats an organisation-wide risk as systemId null", () => {
    expect(inputOf(draftOf({ ...RISK, system: null })).systemId).toBeNull();
  });
});

describe("toggle / toggleCategory", () => {
  it("adds once and removes", () => {
    expect(toggle(["a"], "a", true)).toEqual(["a"]);
    expect(toggle(["a"], "b", true)).toEqual(["a", "b"]);
    expect(toggle(["a", "b"], "a", false)).toEqual(["b"]);
  });
  it("ticks a sub-domain's domain with it, as the server stores it", () => {
    expect(toggleCategory([], "7.1", true)).toEqual(["7", "7.1"]);
    expect(toggleCategory(["7"], "7.2", true)).toEqual(["7", "7.2"]);
  });
  it("unticks a domain's sub-domains with it, and nothing else", () => {
    expect(toggleCategory(["1", "1.1", "1.2", "10.1", "entity.ai"], "1", false)).toEqual(["10.1", "entity.ai"]);
  });
  it("unticks a sub-domain or causal value alone", () => {
    expect(toggleCategory(["7", "7.1", "7.2"], "7.1", false)).toEqual(["7", "7.2"]);
    expect(toggleCategory(["entity.ai"], "entity.ai", false)).toEqual([]);
    expect(toggleCategory([], "intent.intentional", true)).toEqual(["intent.intentional"]);
  });
});
