import { describe, expect, it } from "vitest";
import { assessProfile } from "../applicability/applicability.service.ts";
import { loadLibrary } from "./library.load.ts";
import { requirementsUnder } from "./library.model.ts";
import type { ObligationKind } from "./library.schema.ts";

/**
 * The AI Promotion Act binds businesses only by best-effort (努める) and cooperation (協力) duties;
 * its provisions that bind the State (Arts. 16, 25 and the rest) are never a business's requirement.
 */
const stateOnly = (kinds: ObligationKind[] | undefined) => !!kinds?.length && kinds.every((k) => k === "state-measure" || k === "local-government-measure");

const BUSINESSES: Record<string, Record<string, unknown>> = Object.fromEntries(
  [["ai-developer"], ["ai-provider"], ["ai-business-user"], []].map((roles) => [
    roles[0] ?? "research institution using AI",
    {
      jpRoles: roles,
      businessUseOfAi: roles.length === 0,
      researchInstitution: roles.length === 0,
      advancedAiDeveloper: false,
      publicSector: false,
      generative: false,
      personalData: false,
      deploymentRegions: ["jp"],
      euOutputUsed: false,
      voluntaryFrameworks: [],
    },
  ]),
);

describe("library.obligations", () => {
  const { library, problems } = loadLibrary();

  it("loads the shipped library", () => {
    expect(problems).toEqual([]);
  });

  it("marks no provision that binds only the State as a requirement, in any framework", () => {
    for (const versions of library!.frameworks.values()) {
      for (const fw of versions.values()) {
        for (const n of fw.file.nodes) expect(n.requirement && stateOnly(n.obligation?.kinds), `${fw.file.framework} ${n.id}`).toBe(false);
      }
    }
  });

  it("has no rule that brings a State provision in as a requirement", () => {
    for (const rf of library!.rules) {
      for (const rule of rf.rules) {
        if (rule.effect.kind !== "applies") continue;
        const fw = library!.current.get(rule.effect.framework)!;
        for (const id of rule.effect.nodes.flatMap((n) => requirementsUnder(fw, n))) {
          expect(stateOnly(fw.nodesById.get(id)!.obligation?.kinds), `${rule.id} → ${id}`).toBe(false);
        }
      }
    }
  });

  it("labels every AI Promotion Act requirement best-effort or cooperation, and states the Act's absence of penalties", () => {
    const act = library!.current.get("jp-ai-promotion-act")!.file;
    const reqs = act.nodes.filter((n) => n.requirement);
    expect(reqs.map((n) => n.id).sort()).toEqual(["art-6", "art-6.1", "art-6.3", "art-7", "art-7.1"]);
    for (const n of reqs) expect(n.obligation?.kinds.some((k) => k === "best-effort" || k === "cooperation"), n.id).toBe(true);
    expect(act.nodes.find((n) => n.id === "art-7.1")!.obligation!.kinds).toEqual(["best-effort", "cooperation"]);
    for (const id of ["art-16", "art-16.1", "art-25", "art-25.1", "art-25.2"]) {
      expect(act.nodes.find((n) => n.id === id)!.obligation!.kinds, id).toEqual(["state-measure"]);
    }
    expect(act.penalties).toMatchObject({ any: false, origin: "musubi-editorial" });
    expect(act.penalties!.text.ja).toMatch(/^（Musubiの読み方）/);
  });

  for (const [who, facts] of Object.entries(BUSINESSES)) {
    it(`shows a business (${who}) its duties with their labels, and the State's measures apart`, () => {
      const report = assessProfile(library!, facts, "2026-12-06", "en");
      const act = report.requirements.filter((r) => r.framework === "jp-ai-promotion-act");
      expect(act.length).toBeGreaterThan(0);
      for (const r of report.requirements) expect(stateOnly(r.obligation), r.urn).toBe(false);
      for (const r of act) expect(r.obligation?.some((k) => k === "best-effort" || k === "cooperation"), r.urn).toBe(true);
      expect(act.map((r) => r.id)).not.toContain("art-16");
      expect(act.map((r) => r.id)).not.toContain("art-25");
      const state = report.classifications.find((c) => c.scheme === "jp-state-measures")!;
      expect(state.values.map((v) => v.value).sort()).toEqual(["cooperation-request-art-25", "state-guidance-art-16"]);
    });
  }
});
