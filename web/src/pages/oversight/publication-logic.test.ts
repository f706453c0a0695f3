import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client.ts";
import type { PublicationView } from "../../api/oversight.ts";
import type { Permission, UserView } from "../../api/types.ts";
import { approverCandidates, publicationActions, publicationSteps, stepRefusal } from "./publication-logic.ts";

const names = { party: "https://x/orgs/bank", name: { ja: "銀行", en: "Bank" } };
const pub = (patch: Partial<PublicationView>): Pick<PublicationView, "status" | "names" | "response" | "responseDue"> => ({ status: "draft", names: null, response: null, responseDue: null, ...patch });
const roles: Record<string, Permission[]> = {
  analyst: ["oversight.read", "oversight.triage"],
  supervisor: ["oversight.read", "oversight.triage", "oversight.approve"],
  publisher: ["oversight.read", "oversight.publish"],
};
const as = (role: string) => (p: Permission) => roles[role]!.includes(p);

describe("a publication's due process", () => {
  it("marks the steps done, current and to come; the notice is skipped when no organisation is named", () => {
    expect(publicationSteps(pub({ status: "in_review" }))).toEqual([
      { step: "draft", state: "done" },
      { step: "noticed", state: "skipped" },
      { step: "in_review", state: "current" },
      { step: "approved", state: "upcoming" },
      { step: "published", state: "upcoming" },
    ]);
    expect(publicationSteps(pub({ status: "noticed", names })).map((s) => s.state)).toEqual(["done", "current", "upcoming", "upcoming", "upcoming"]);
    expect(publicationSteps(pub({ status: "withdrawn", names })).map((s) => `${s.step}:${s.state}`)).toEqual(["draft:done", "noticed:done", "in_review:done", "approved:done", "published:done", "withdrawn:current"]);
  });

  it("offers each role the step the server allows it now", () => {
    const today = "2026-12-07";
    // A draft naming nobody: approval is asked straight away, by an analyst or a supervisor.
    expect(publicationActions(pub({}), as("analyst"), today)).toEqual({ notice: false, submit: "ready", publish: false, withdraw: false });
    expect(publicationActions(pub({}), as("publisher"), today).submit).toBe(false);
    // Naming an organisation: a supervisor gives notice first; the analyst waits.
    expect(publicationActions(pub({ names }), as("supervisor"), today)).toEqual({ notice: true, submit: false, publish: false, withdraw: false });
    expect(publicationActions(pub({ names }), as("analyst"), today)).toEqual({ notice: false, submit: false, publish: false, withdraw: false });
    // Noticed: approval waits for the response or the end of the period (the due day included).
    expect(publicationActions(pub({ status: "noticed", names, responseDue: today }), as("analyst"), today).submit).toBe("waiting");
    expect(publicationActions(pub({ status: "noticed", names, responseDue: "2026-12-06" }), as("analyst"), today).submit).toBe("ready");
    expect(publicationActions(pub({ status: "noticed", names, responseDue: "2026-12-20", response: { text: "異議あり", respondedAt: today } }), as("analyst"), today).submit).toBe("ready");
    // A publisher publishes what was approved, and withdraws what was published.
    expect(publicationActions(pub({ status: "approved" }), as("publisher"), today).publish).toBe(true);
    expect(publicationActions(pub({ status: "approved" }), as("supervisor"), today).publish).toBe(false);
    expect(publicationActions(pub({ status: "published" }), as("publisher"), today)).toEqual({ notice: false, submit: false, publish: false, withdraw: true });
    expect(publicationActions(pub({ status: "in_review" }), as("supervisor"), today)).toEqual({ notice: false, submit: false, publish: false, withdraw: false });
  });

  it("offers the authority's active supervisors and administrators as approvers, never the person asking", () => {
    const user = (id: string, role: UserView["role"], status: UserView["status"] = "active") => ({ id, role, status }) as UserView;
    const users = [user("me", "supervisor"), user("s2", "supervisor"), user("a1", "admin"), user("an", "analyst"), user("old", "supervisor", "disabled")];
    expect(approverCandidates(users, "me").map((u) => u.id)).toEqual(["s2", "a1"]);
  });

  it("says why a step was refused in the user's words", () => {
    const refused = (details: unknown) => new ApiError(409, "publication_step", "server words", details, "ja");
    expect(stepRefusal(refused({ reason: "names_no_organisation" }))).toEqual({ key: "oversight.publication.refusal.namesNoOrganisation" });
    expect(stepRefusal(refused({ reason: "notice_first" }))).toEqual({ key: "oversight.publication.refusal.noticeFirst" });
    expect(stepRefusal(refused({ reason: "response_period", responseDue: "2026-12-21" }))).toEqual({ key: "oversight.publication.refusal.responsePeriod", date: "2026-12-21" });
    expect(stepRefusal(refused({ status: "published" }))).toEqual({ key: "oversight.publication.refusal.status", status: "published" });
    expect(stepRefusal(refused({ status: "lost" }))).toEqual({ key: "oversight.publication.refusal.other" });
    expect(stepRefusal(new ApiError(409, "conflict", "", {}, "ja"))).toBeUndefined();
    expect(stepRefusal(new Error("x"))).toBeUndefined();
  });
});
