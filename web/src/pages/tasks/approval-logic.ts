import type { ApprovalStep, ApprovalView, Delegation, Person, TaskView } from "../../api/workflow.ts";
import type { Role } from "../../api/types.ts";

/** The steps of the stage the approval is at that still wait for a decision. */
export function pendingSteps(approval: Pick<ApprovalView, "stage" | "steps">): ApprovalStep[] {
  return approval.steps.filter((s) => s.stage === approval.stage && s.status === "pending");
}

/** When the current stage is due: the earliest due date among its pending steps. */
export function currentDue(approval: Pick<ApprovalView, "stage" | "steps">): string | null {
  const dues = pendingSteps(approval)
    .map((s) => s.dueOn)
    .filter((d): d is string => d !== null)
    .sort();
  return dues[0] ?? null;
}

/** Whose approvals `userId` may decide today as their delegate (代理). */
export function activePrincipals(delegations: readonly Delegation[], userId: string, today: string): string[] {
  return delegations.filter((d) => d.delegate.id === userId && d.startsOn <= today && d.endsOn >= today).map((d) => d.principal.id);
}

/**
 * The pending step `userId` would decide, as the server picks it: their own, else one of a
 * principal they stand in for, else one escalated to them. Undefined when nothing waits for them
 * (or they asked for the approval: nobody approves their own request).
 */
export function decidableStep(
  approval: Pick<ApprovalView, "stage" | "steps" | "status" | "requestedBy">,
  userId: string,
  principals: readonly string[] = [],
): { step: ApprovalStep; via: "approver" | "delegate" | "escalation" } | undefined {
  if (approval.status !== "pending" || approval.requestedBy?.id === userId) return undefined;
  const pending = pendingSteps(approval);
  const own = pending.find((s) => s.approver.id === userId);
  if (own) return { step: own, via: "approver" };
  const delegated = pending.find((s) => principals.includes(s.approver.id));
  if (delegated) return { step: delegated, via: "delegate" };
  const escalated = pending.find((s) => s.escalatedTo?.id === userId);
  return escalated ? { step: escalated, via: "escalation" } : undefined;
}

/**
 * An approval plan as the API takes it: empty stages dropped, each approver once per stage,
 * and null when no stage is left.
 */
export function cleanPlan(stages: readonly (readonly string[])[]): string[][] | null {
  const plan = stages.map((s) => [...new Set(s.filter(Boolean))]).filter((s) => s.length > 0);
  return plan.length > 0 ? plan : null;
}

/** A task's plan (people) as user ids, for editing. */
export function planIds(plan: readonly (readonly Person[])[] | null): string[][] {
  return plan ? plan.map((stage) => stage.map((p) => p.id)) : [];
}

/** Roles whose holders may approve (`approvals.decide` in src/platform/authz.ts): the people an approval plan offers. */
export const APPROVER_ROLES: readonly Role[] = ["admin", "governance_lead", "system_owner", "reviewer"];

/**
 * May this person move the task forward? `tasks.manage` any task; `tasks.edit` the tasks assigned
 * to them or created by them (src/workflow/tasks.policy.ts). Only active tasks change.
 */
export function canEditTask(task: Pick<TaskView, "assignee" | "createdBy" | "status">, userId: string, can: (p: "tasks.edit" | "tasks.manage") => boolean): boolean {
  if (task.status === "done" || task.status === "cancelled") return false;
  if (can("tasks.manage")) return true;
  return can("tasks.edit") && (task.assignee?.id === userId || task.createdBy === userId);
}

/** Whether a delegation runs today, starts later, or is over. */
export function delegationState(d: Pick<Delegation, "startsOn" | "endsOn">, today: string): "active" | "upcoming" | "ended" {
  if (d.endsOn < today) return "ended";
  return d.startsOn > today ? "upcoming" : "active";
}

/** How a decided step was decided: by its approver, by the person it was escalated to, or by a delegate (代理). */
export function stepVia(step: Pick<ApprovalStep, "approver" | "decidedBy" | "escalatedTo">): "approver" | "delegate" | "escalation" | undefined {
  if (!step.decidedBy) return undefined;
  if (step.decidedBy.id === step.approver.id) return "approver";
  return step.escalatedTo?.id === step.decidedBy.id ? "escalation" : "delegate";
}
