import { z } from "zod";
import { recordId } from "../platform/record-id.ts";
import { listQuery, pageOf } from "../platform/pagination.ts";
import { isoDate } from "../systems/systems.schema.ts";
import { approvalView } from "./approvals.schema.ts";

/** `corrective` and `preventive` are an incident's CAPA; `review` comes from schedules and closed incidents. */
export const TASK_KINDS = ["general", "corrective", "preventive", "review"] as const;
export const TASK_STATUSES = ["open", "in_progress", "awaiting_approval", "done", "cancelled"] as const;
/** Statuses in which a task still needs someone: "my tasks" shows these. */
export const ACTIVE_STATUSES = ["open", "in_progress", "awaiting_approval"] as const;
/** The records a task can act on. */
export const SUBJECT_TYPES = ["system", "risk", "control", "incident", "vendor"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const taskKind = z.enum(TASK_KINDS);
export const taskStatus = z.enum(TASK_STATUSES);
export const subjectType = z.enum(SUBJECT_TYPES);

const person = z.object({ id: z.string(), displayName: z.string() });
export const subjectRef = z.object({ type: subjectType, id: z.string(), code: z.string().nullable(), titleJa: z.string().nullable(), titleEn: z.string().nullable() });
export type SubjectRef = z.infer<typeof subjectRef>;

/**
 * Who approves, stage by stage: stages run in order, the approvers of one stage in parallel (all
 * must approve). `[["usr_a"], ["usr_b", "usr_c"]]` is A, then B and C together.
 */
export const approvalPlan = z
  .array(z.array(recordId).min(1).max(10))
  .min(1)
  .max(10)
  .refine((stages) => stages.every((s) => new Set(s).size === s.length), "An approver appears twice in one stage");

export const taskView = z.object({
  id: z.string(),
  code: z.string(),
  kind: taskKind,
  title: z.string(),
  description: z.string(),
  subject: subjectRef.nullable(),
  assignee: person.nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  status: taskStatus,
  approvalPlan: z.array(z.array(person)).nullable(),
  /** The latest approval asked for this task, if any. */
  approval: approvalView.nullable(),
  createdBy: z.string().nullable(),
  completedBy: person.nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TaskView = z.infer<typeof taskView>;

export const createTaskBody = z.strictObject({
  kind: taskKind.default("general"),
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(8000).default(""),
  subjectType: subjectType.nullable().default(null),
  subjectId: recordId.nullable().default(null),
  assigneeId: recordId.nullable().default(null),
  dueOn: isoDate.nullable().default(null),
  approvalPlan: approvalPlan.nullable().default(null),
});
export type CreateTaskInput = z.infer<typeof createTaskBody>;

export const updateTaskBody = z.strictObject({
  version: z.number().int().min(1),
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().trim().max(8000).optional(),
  assigneeId: recordId.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  /** Completion goes through POST /api/tasks/:id/complete, which asks for approval when planned. */
  status: z.enum(["open", "in_progress", "cancelled"]).optional(),
  approvalPlan: approvalPlan.nullable().optional(),
});
export type UpdateTaskInput = z.infer<typeof updateTaskBody>;

export const completeTaskBody = z.strictObject({
  version: z.number().int().min(1),
  comment: z.string().trim().max(4000).optional(),
});

export const listTasksQuery = listQuery({
  sortable: ["dueOn", "code", "updatedAt", "createdAt"],
  defaultSort: "dueOn",
  filters: {
    /** A user id, or `me`. */
    assigneeId: recordId.meta({ description: "A user id, or `me`" }).optional(),
    status: taskStatus.optional(),
    /** `true`: open, in progress or awaiting approval. */
    active: z.enum(["true", "false"]).optional(),
    kind: taskKind.optional(),
    subjectType: subjectType.optional(),
    subjectId: recordId.optional(),
    overdue: z.enum(["true"]).optional(),
  },
});
export type ListTasksQuery = z.infer<typeof listTasksQuery>;
export const taskPage = pageOf(taskView);

export const commentView = z.object({ id: z.string(), author: person.nullable(), body: z.string(), createdAt: z.string() });
export const commentBody = z.strictObject({ body: z.string().trim().min(1).max(8000) });
