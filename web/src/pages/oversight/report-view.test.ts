import { describe, expect, it } from "vitest";
import { reportViewOf } from "./report-view.ts";

describe("a submitted incident report as the authority's page reads it", () => {
  it("takes the facts, harm, rights and AI systems from the document", () => {
    const view = reportViewOf({
      incident: { title: "漏えい", summary: "概要", occurredAt: "2026-11-12", detectedAt: "2026-12-07T00:00:00Z", severity: "high" },
      harm: { level: { id: "event" }, types: [{ id: "rights_violation" }], rightsAffected: [{ id: "privacy" }], affectedParties: "顧客", peopleAffected: 3 },
      rootCause: "設定誤り",
      personalData: { leaked: "yes", dataSubjects: 3, appiArticle26Check: true },
      aiSystems: [{ code: "AIS-1", nameJa: "チャットボット", nameEn: "Chatbot", vendors: ["Vendor"], models: [], generative: true, jpRoles: ["ai-provider"] }],
    });
    expect(view).toEqual({
      title: "漏えい",
      summary: "概要",
      occurredAt: "2026-11-12",
      detectedAt: "2026-12-07T00:00:00Z",
      severity: "high",
      harmLevel: "event",
      harmTypes: ["rights_violation"],
      rights: ["privacy"],
      affectedParties: "顧客",
      peopleAffected: 3,
      rootCause: "設定誤り",
      personalData: { leaked: "yes", dataSubjects: 3, appiCheck: true },
      aiSystems: [{ code: "AIS-1", nameJa: "チャットボット", nameEn: "Chatbot", vendors: ["Vendor"], models: [], generative: true, roles: ["ai-provider"] }],
    });
  });

  it("shows what is missing or mistyped as not stated", () => {
    const view = reportViewOf({ incident: "x", harm: { types: "rights", rightsAffected: [null, { id: 4 }] }, aiSystems: {} });
    expect(view.title).toBe("");
    expect(view.harmTypes).toEqual([]);
    expect(view.rights).toEqual([]);
    expect(view.aiSystems).toEqual([]);
    expect(view.personalData).toBeNull();
    expect(view.occurredAt).toBeNull();
  });
});
