import { describe, expect, it } from "vitest";
import type { ApprovalStep, ApprovalView, Delegation } from "../../api/workflow.ts";
import { activePrincipals, canEditTask, cleanPlan, currentDue, decidableStep, delegationState, planIds, stepVia } from "./approval-logic.ts";

const person = (id: string) => ({ id, displayName: id.toUpperCase() });
const step = (id: string, stage: number, approver: string, status: ApprovalStep["status"], extra: Partial<ApprovalStep> = {}): ApprovalStep => ({
  id,
  stage,
  approver: person(approver),
  status,
  dueOn: null,
  escalatedTo: null,
  escalatedAt: null,
  decidedBy: null,
  decidedAt: null,
  comment: null,
  ...extra,
});
const approval = (steps: ApprovalStep[], stage = 1, requestedBy = "req"): Pick<ApprovalView, "stage" | "steps" | "status" | "requestedBy"> => ({
  stage,
  steps,
  status: "pending",
  requestedBy: person(requestedBy),
});

describe("currentDue", () => {
  it("is the earliest due date among the current stage's pending steps", () => {
    const a = approval([
      step("1", 1, "a", "approved", { dueOn: "2026-01-01" }),
      step("2", 1, "b", "pending", { dueOn: "2026-05-03" }),
      step("3", 1, "c", "pending", { dueOn: "2026-05-02" }),
      step("4", 2, "d", "waiting"),
    ]);
    expect(currentDue(a)).toBe("2026-05-02");
    expect(currentDue(approval([step("1", 1, "a", "pending")]))).toBeNull();
  });
});

describe("decidableStep", () => {
  const steps = [step("1", 1, "a", "pending"), step("2", 1, "b", "pending", { escalatedTo: person("c") }), step("3", 2, "d", "waiting")];

  it("prefers my own step, then a principal's, then one escalated to me", () => {
    expect(decidableStep(approval(steps), "a")).toMatchObject({ step: { id: "1" }, via: "approver" });
    expect(decidableStep(approval(steps), "x", ["b"])).toMatchObject({ step: { id: "2" }, via: "delegate" });
    expect(decidableStep(approval(steps), "c")).toMatchObject({ step: { id: "2" }, via: "escalation" });
  });

  it("offers nothing for a later stage, a settled approval or my own request", () => {
    expect(decidableStep(approval(steps), "d")).toBeUndefined();
    expect(decidableStep({ ...approval(steps), status: "approved" }, "a")).toBeUndefined();
    expect(decidableStep(approval(steps, 1, "a"), "a")).toBeUndefined();
  });
});

describe("activePrincipals", () => {
  const d = (id: string, principal: string, delegate: string, startsOn: string, endsOn: string): Delegation => ({
    id,
    principal: person(principal),
    delegate: person(delegate),
    startsOn,
    endsOn,
    note: "",
    createdAt: "",
  });
  it("lists the people whose delegation to me covers today, ends included", () => {
    const list = [d("1", "p1", "me", "2026-04-01", "2026-04-10"), d("2", "p2", "me", "2026-04-11", "2026-04-20"), d("3", "me", "p3", "2026-04-01", "2026-04-30")];
    expect(activePrincipals(list, "me", "2026-04-10")).toEqual(["p1"]);
    expect(activePrincipals(list, "me", "2026-04-11")).toEqual(["p2"]);
    expect(activePrincipals(list, "me", "2026-05-01")).toEqual([]);
  });
});

describe("cleanPlan and planIds", () => {
  it("drops empty stages and repeats, and is null when nothing is left", () => {
    expect(cleanPlan([["a", "a", ""], [], ["b", "c"]])).toEqual([["a"], ["b", "c"]]);
    expect(cleanPlan([[""], []])).toBeNull();
    expect(cleanPlan([[], [], []])).toBeNull();
    expect(cleanPlan([["a"], [], ["b", "c", "b"]])).toEqual([["a"], ["b", "c"]]);
  });

  it("turns a plan of people into ids", () => {
    expect(planIds([[person("a")], [person("b"), person("c")]])).toEqual([["a"], ["b", "c"]]);
    expect(planIds(null)).toEqual([]);
  });
});

describe("canEditTask", () => {
  const task = { assignee: person("me"), createdBy: "boss", status: "open" as const };
  const editor = (p: string) => p === "tasks.edit";
  it("lets an editor move their own tasks and a manager any", () => {
    expect(canEditTask(task, "me", editor)).toBe(true);
    expect(canEditTask(task, "boss", editor)).toBe(true);
    expect(canEditTask(task, "other", editor)).toBe(false);
    expect(canEditTask(task, "other", () => true)).toBe(true);
  });

  it("lets nobody change a finished task", () => {
    expect(canEditTask({ ...task, status: "done" }, "me", () => true)).toBe(false);
    expect(canEditTask({ ...task, status: "cancelled" }, "me", () => true)).toBe(false);
  });
});

describe("delegationState", () => {
  it("is active from its first to its last day", () => {
    const d = { startsOn: "2026-04-01", endsOn: "2026-04-10" };
    expect(delegationState(d, "2026-03-31")).toBe("upcoming");
    expect(delegationState(d, "2026-04-01")).toBe("active");
    expect(delegationState(d, "2026-04-10")).toBe("active");
    expect(delegationState(d, "2026-04-11")).toBe("ended");
  });
});

describe("stepVia", () => {
  it("tells who decided a step: its approver, the escalation or a delegate", () => {
    expect(stepVia(step("1", 1, "a", "pending"))).toBeUndefined();
    expect(stepVia(step("1", 1, "a", "approved", { decidedBy: person("a") }))).toBe("approver");
    expect(stepVia(step("1", 1, "a", "approved", { decidedBy: person("b"), escalatedTo: person("b") }))).toBe("escalation");
    expect(stepVia(step("1", 1, "a", "rejected", { decidedBy: person("c"), escalatedTo: person("b") }))).toBe("delegate");
  });
});
