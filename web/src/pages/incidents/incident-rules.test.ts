import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client.ts";
import type { IncidentAction, TimelineEntry } from "../../api/incidents.ts";
import { activeActions, formatWhen, harmLevelOfCset, statusChangeOf, canWorkIncident, closedByName, closingNote, incidentPath, openActionsOf, similarTextOf } from "./incident-rules.ts";

describe("similarTextOf", () => {
  it("asks nothing until there are at least four characters", () => {
    expect(similarTextOf("", "  ")).toBeUndefined();
    expect(similarTextOf("bug")).toBeUndefined();
    expect(similarTextOf("漏えい事")).toBe("漏えい事");
    expect(similarTextOf(" Chat ", "", "leak")).toBe("Chat\nleak");
  });
});

describe("openActionsOf", () => {
  it("reads the active actions of a refused close", () => {
    const actions = [{ id: "tsk_1", code: "TSK-1", status: "open" }];
    expect(openActionsOf(new ApiError(409, "actions_open", "Open actions", { actions }, "en"))).toEqual(actions);
    expect(openActionsOf(new ApiError(409, "conflict", "Changed", { actions }, "en"))).toEqual([]);
    expect(openActionsOf(new ApiError(409, "actions_open", "Open actions", null, "en"))).toEqual([]);
    expect(openActionsOf(new Error("x"))).toEqual([]);
  });
});

describe("canWorkIncident", () => {
  const incident = { owner: { id: "usr_owner", displayName: "O" } };
  it("lets managers work any incident and reporters their own", () => {
    expect(canWorkIncident(incident, "usr_x", { manage: true, report: true })).toBe(true);
    expect(canWorkIncident(incident, "usr_owner", { manage: false, report: true })).toBe(true);
    expect(canWorkIncident(incident, "usr_x", { manage: false, report: true })).toBe(false);
    expect(canWorkIncident(incident, "usr_owner", { manage: false, report: false })).toBe(false);
    expect(canWorkIncident({ owner: null }, "usr_x", { manage: false, report: true })).toBe(false);
  });
});

describe("actions and closure", () => {
  const action = (status: IncidentAction["status"]) => ({ status }) as IncidentAction;
  it("counts open, in-progress and awaiting-approval actions as active", () => {
    const all = [action("open"), action("in_progress"), action("awaiting_approval"), action("done"), action("cancelled")];
    expect(activeActions(all).map((a) => a.status)).toEqual(["open", "in_progress", "awaiting_approval"]);
  });

  it("names who closed it from the timeline, else the id", () => {
    const entry = (kind: string, author: string | null, body = ""): TimelineEntry => ({ id: kind, at: "", kind, body, author: author ? { id: "u", displayName: author } : null, createdAt: "" });
    const timeline = [entry("filed", "A"), entry("closed", "Taro", "Fixed and retrained")];
    expect(closedByName({ closedBy: "usr_9" }, timeline)).toBe("Taro");
    expect(closedByName({ closedBy: "usr_9" }, [entry("filed", "A")])).toBe("usr_9");
    expect(closingNote(timeline)).toBe("Fixed and retrained");
  });
});

describe("paths", () => {
  it("encodes ids", () => {
    expect(incidentPath("inc/1")).toBe("/incidents/inc%2F1");
  });
});

describe("harmLevelOfCset", () => {
  it("reads CSETv1 values and Musubi's ids alike", () => {
    expect(harmLevelOfCset("AI tangible harm near-miss")).toBe("near_miss");
    expect(harmLevelOfCset("event")).toBe("event");
    expect(harmLevelOfCset("something else")).toBeUndefined();
    expect(harmLevelOfCset(null)).toBeUndefined();
  });
});

describe("formatWhen", () => {
  const i18n = { day: (d: string) => `day:${d}`, dateTime: (iso: string, kind?: string) => `${kind ?? "dateTime"}:${iso}` };
  it("shows a bare day as that day and an instant with its time", () => {
    expect(formatWhen(i18n, "2026-03-01")).toBe("day:2026-03-01");
    expect(formatWhen(i18n, "2026-03-01T01:00:00Z")).toBe("dateTime:2026-03-01T01:00:00Z");
    expect(formatWhen(i18n, "2026-03-01T01:00:00Z", "date")).toBe("date:2026-03-01T01:00:00Z");
  });
});

describe("statusChangeOf", () => {
  it("reads the server's status entries and nothing else", () => {
    expect(statusChangeOf("open → investigating")).toEqual(["open", "investigating"]);
    expect(statusChangeOf("We restarted the model")).toBeUndefined();
  });
});
