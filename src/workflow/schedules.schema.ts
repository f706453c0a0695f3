import { z } from "zod";
import { recordId } from "../platform/record-id.ts";
import { isoDate } from "../systems/systems.schema.ts";
import { approvalPlan } from "./tasks.schema.ts";
import { fieldText } from "../platform/http/field-messages.ts";

/** What a schedule reviews: every system not retired, every risk not closed, or every vendor not offboarded. */
export const SCHEDULE_SUBJECTS = ["system", "risk", "vendor"] as const;
/** `fiscal_year`: once per fiscal year, from the organisation's start month (4 = 年度, April–March). `months`: every N months from an anchor date. */
export const CYCLES = ["fiscal_year", "months"] as const;

export const scheduleView = z.object({
  id: z.string(),
  name: z.string(),
  subjectType: z.enum(SCHEDULE_SUBJECTS),
  cycle: z.enum(CYCLES),
  intervalMonths: z.number().int(),
  anchorOn: z.string().nullable(),
  assigneeId: z.string().nullable(),
  approvalPlan: z.array(z.array(z.string())).nullable(),
  active: z.boolean(),
  /** The period today falls in: its key (`FY2026`, `2026-10-01`), first and last day (the tasks' due date). */
  currentPeriod: z.object({ key: z.string(), start: z.string(), end: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ScheduleView = z.infer<typeof scheduleView>;

export const createScheduleBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    subjectType: z.enum(SCHEDULE_SUBJECTS),
    cycle: z.enum(CYCLES).default("fiscal_year"),
    intervalMonths: z.number().int().min(1).max(60).default(12),
    anchorOn: isoDate.nullable().default(null),
    /** Null: each subject's owner (a system's business owner, else technical owner; a risk's or vendor's owner). */
    assigneeId: recordId.nullable().default(null),
    approvalPlan: approvalPlan.nullable().default(null),
    active: z.boolean().default(true),
  })
  .refine((s) => s.cycle !== "months" || s.anchorOn !== null, { path: ["anchorOn"], message: fieldText("schedule_anchor") });
export type CreateScheduleInput = z.infer<typeof createScheduleBody>;

export const updateScheduleBody = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(200).optional(),
  assigneeId: recordId.nullable().optional(),
  approvalPlan: approvalPlan.nullable().optional(),
  active: z.boolean().optional(),
});

export const runResult = z.object({ created: z.number().int(), period: z.string() });
