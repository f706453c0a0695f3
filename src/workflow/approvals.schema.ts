import { z } from "zod";
import { recordId } from "../platform/record-id.ts";
import { fieldText } from "../platform/http/field-messages.ts";

export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "cancelled"] as const;
/** `waiting`: a later stage not yet reached; `skipped`: the approval ended before it was decided. */
export const STEP_STATUSES = ["waiting", "pending", "approved", "rejected", "skipped"] as const;

const person = z.object({ id: z.string(), displayName: z.string() });

export const approvalStepView = z.object({
  id: z.string(),
  stage: z.number().int(),
  approver: person,
  status: z.enum(STEP_STATUSES),
  dueOn: z.string().nullable(),
  /** Overdue steps pass to the next approver, who may then decide in the approver's place. */
  escalatedTo: person.nullable(),
  escalatedAt: z.string().nullable(),
  /** Who decided: the approver, their delegate (代理) or the person it was escalated to. */
  decidedBy: person.nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});

export const approvalView = z.object({
  id: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  title: z.string(),
  status: z.enum(APPROVAL_STATUSES),
  stage: z.number().int(),
  stages: z.number().int(),
  requestedBy: person.nullable(),
  steps: z.array(approvalStepView),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ApprovalView = z.infer<typeof approvalView>;

export const decideBody = z.strictObject({
  decision: z.enum(["approve", "reject"]),
  comment: z.string().trim().max(4000).optional(),
});

export const delegationView = z.object({
  id: z.string(),
  principal: person,
  delegate: person,
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export const createDelegationBody = z
  .strictObject({
    /** Whose approvals are delegated; defaults to the caller. Only administrators name someone else. */
    principalId: recordId.optional(),
    delegateId: recordId,
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    note: z.string().trim().max(1000).default(""),
  })
  .refine((d) => d.endsOn >= d.startsOn, { path: ["endsOn"], message: fieldText("delegation_end") });
