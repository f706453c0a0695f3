import { describe, expect, it } from "vitest";
import type { IntakeSummary } from "../../api/oversight.ts";
import { changesAnything, draftOf, triageChanges } from "./triage-logic.ts";

const item: IntakeSummary = {
  id: "itk_1",
  kind: "incident-report",
  headline: "h",
  sender: null,
  source: "exchange",
  sector: "retail",
  receivedAt: "2026-12-01T00:00:00Z",
  status: "new",
  severity: "medium",
  harmTypes: [],
  rights: ["privacy", "consumer"],
  occurredMonth: null,
  subjectRef: null,
  supersedes: null,
  similarTo: null,
  duplicateOf: null,
  assigneeId: null,
  referenceMatch: null,
  confidentialParts: 0,
  caseId: null,
  version: 4,
};

describe("triage", () => {
  it("sends nothing but the version when nothing changed, whatever the order of the rights", () => {
    const draft = { ...draftOf(item), rights: ["consumer" as const, "privacy" as const] };
    expect(triageChanges(item, draft)).toEqual({ version: 4 });
    expect(changesAnything(triageChanges(item, draft))).toBe(false);
  });

  it("sends only what changed, with none as null", () => {
    const draft = { ...draftOf(item), status: "triaged" as const, severity: "" as const, assigneeId: "usr_a", caseId: "ocs_1" };
    expect(triageChanges(item, draft)).toEqual({ version: 4, status: "triaged", severity: null, assigneeId: "usr_a", caseId: "ocs_1" });
  });

  it("makes a submission that names the one it repeats a duplicate", () => {
    expect(triageChanges(item, { ...draftOf(item), duplicateOf: "itk_0" })).toEqual({ version: 4, duplicateOf: "itk_0", status: "duplicate" });
  });

  it("starts a superseded submission's form as new (triage cannot set superseded)", () => {
    expect(draftOf({ ...item, status: "superseded" }).status).toBe("new");
  });
});
