import { describe, expect, it } from "vitest";
import type { IncidentSummary } from "../../api/incidents.ts";
import { countOf, emptyForm, formOf, inputOf, isoOfLocalInput, localInputOf, localInputOfIso, patchOf, toggle } from "./incident-form.ts";

const SUMMARY: IncidentSummary = {
  id: "inc_1",
  code: "INC-000001",
  title: "Chatbot leaked an address",
  summary: "It answered with another customer's address.",
  status: "investigating",
  severity: "high",
  occurredAt: "2026-03-01",
  occurredOn: null,
  detectedAt: "2026-03-02T01:30:00.000Z",
  source: "web",
  externalKey: null,
  reportedBy: "Hanako",
  owner: { id: "usr_1", displayName: "Hanako" },
  harmLevel: "event",
  harmTypes: ["rights_violation"],
  harmBasis: [],
  categories: ["2.1"],
  rights: ["privacy"],
  affectedParties: "A customer",
  peopleAffected: 1,
  livesLost: null,
  injuries: 0,
  personalData: "yes",
  dataSubjects: 1,
  sensitiveData: "no",
  appiReportCheck: true,
  rootCause: "",
  systems: [{ id: "sys_1", code: "AIS-000001", titleJa: "チャット", titleEn: "Chat" }],
  risks: [],
  controls: [{ id: "ctl_1", code: "CTL-1", titleJa: "出力フィルタ", titleEn: "Output filter" }],
  closedAt: null,
  closedBy: null,
  custom: {},
  createdAt: "2026-03-02T01:31:00.000Z",
  updatedAt: "2026-03-02T01:31:00.000Z",
  version: 3,
};

describe("datetime-local conversions", () => {
  it("round-trips an instant through the browser's local time", () => {
    const iso = "2026-03-02T01:30:00.000Z";
    expect(isoOfLocalInput(localInputOfIso(iso))).toBe(iso);
  });

  it("keeps a bare day on that day at midnight, whatever the time zone", () => {
    expect(localInputOfIso("2026-03-01")).toBe("2026-03-01T00:00");
  });

  it("reads empty as unknown and leaves text that is no date for the server to judge", () => {
    expect(isoOfLocalInput("")).toBeNull();
    expect(isoOfLocalInput("  ")).toBeNull();
    expect(isoOfLocalInput("yesterday")).toBe("yesterday");
    expect(localInputOfIso(null)).toBe("");
    expect(localInputOfIso("garbage")).toBe("");
  });

  it("writes local text to the minute", () => {
    expect(localInputOf(new Date(2026, 0, 5, 7, 3, 59))).toBe("2026-01-05T07:03");
  });
});

describe("countOf", () => {
  it("is null when empty and a number otherwise", () => {
    expect(countOf("")).toBeNull();
    expect(countOf(" 12 ")).toBe(12);
    expect(countOf("0")).toBe(0);
  });
});

describe("the incident form", () => {
  it("starts detected now, owned by whoever files it, with nothing else claimed", () => {
    const form = emptyForm(new Date(2026, 3, 1, 9, 30), "usr_me");
    expect(form.detectedAt).toBe("2026-04-01T09:30");
    expect(form.ownerId).toBe("usr_me");
    const input = inputOf({ ...form, title: "  Wrong answer  " });
    expect(input).toMatchObject({ title: "Wrong answer", severity: "medium", harmLevel: "unclear", personalData: "unknown", occurredAt: null, ownerId: "usr_me", peopleAffected: null });
    expect(isoOfLocalInput(form.detectedAt)).toBe(input.detectedAt);
  });

  it("leaves out the detection time when it is empty, so the server uses now", () => {
    expect("detectedAt" in inputOf({ ...emptyForm(new Date(), null), detectedAt: "" })).toBe(false);
  });

  it("edits a filed incident: links as ids, counts as text", () => {
    const form = formOf(SUMMARY);
    expect(form).toMatchObject({ ownerId: "usr_1", systemIds: ["sys_1"], controlIds: ["ctl_1"], riskIds: [], peopleAffected: "1", livesLost: "", injuries: "0", occurredAt: "2026-03-01T00:00" });
  });

  it("clears data subjects and sensitivity when no personal data is involved", () => {
    const input = inputOf({ ...formOf(SUMMARY), personalData: "no" });
    expect(input.dataSubjects).toBeNull();
    expect(input.sensitiveData).toBe("no");
  });
});

describe("patchOf", () => {
  it("sends only what changed, never an untouched date it cannot show exactly", () => {
    const initial = formOf(SUMMARY);
    const before = inputOf(initial);
    expect(patchOf(before, inputOf(initial))).toEqual({});
    const after = inputOf({ ...initial, severity: "critical", rights: ["privacy", "reputation"], rootCause: "No output filter" });
    expect(patchOf(before, after)).toEqual({ severity: "critical", rights: ["privacy", "reputation"], rootCause: "No output filter" });
  });
});

describe("toggle", () => {
  it("adds once and removes", () => {
    expect(toggle(["a"], "b", true)).toEqual(["a", "b"]);
    expect(toggle(["a", "b"], "a", true)).toEqual(["b", "a"]);
    expect(toggle(["a", "b"], "a", false)).toEqual(["b"]);
  });
});
