import { z } from "zod";
import { recordId } from "../../platform/record-id.ts";
import { approvalView } from "../../workflow/approvals.schema.ts";
import { approvalPlan } from "../../workflow/tasks.schema.ts";
import { HAIP_PATHS, HAIP_ROLES } from "./questionnaire.schema.ts";
import { SOURCE_KINDS } from "./haip.sources.ts";

const words = z.object({ ja: z.string(), en: z.string() });
const coded = <T extends readonly [string, ...string[]]>(values: T) => z.object({ value: z.enum(values), label: words });
const person = z.object({ id: z.string(), displayName: z.string() });

export const REPORT_STATUSES = ["draft", "in_review", "approved", "published"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const sourceRecord = z.object({ type: z.enum(["risk", "system", "incident", "publication"]), id: z.string(), code: z.string().nullable(), title: words });
const sourceView = z.object({ kind: z.enum(SOURCE_KINDS), label: words, count: z.number().int(), records: z.array(sourceRecord), changed: z.boolean() });

export const haipAnswerView = z.object({
  questionId: z.string(),
  text: words,
  guidance: words.nullable(),
  /** `musubi`: Musubi's own wording, shown as such beside the question. */
  wording: z.enum(["musubi", "official"]),
  writtenByPeople: z.boolean(),
  canPrefill: z.boolean(),
  answer: words,
  /** What Musubi's data said when the answer was drafted, and whether the records changed since. */
  prefill: z.object({ text: words, writtenAt: z.string(), sources: z.array(sourceView), stale: z.boolean() }).nullable(),
  /** True when the answer still reads as drafted (nobody has edited it). */
  asDrafted: z.boolean(),
  editedBy: person.nullable(),
  editedAt: z.string().nullable(),
  version: z.number().int(),
});
export type HaipAnswerView = z.infer<typeof haipAnswerView>;

const publicationSummary = z.object({ id: z.string(), number: z.number().int(), publishedAt: z.string(), publishedBy: z.string().nullable(), withdrawnAt: z.string().nullable(), withdrawalReason: z.string().nullable(), publicPath: z.string() });

export const haipReportView = z.object({
  id: z.string(),
  year: z.number().int(),
  period: z.object({ start: z.string(), end: z.string() }),
  questionnaire: z.object({ key: z.string(), version: z.string(), name: words, wording: z.enum(["musubi", "official"]), notes: z.array(words) }),
  roles: z.array(coded(HAIP_ROLES)),
  path: coded(HAIP_PATHS),
  status: coded(REPORT_STATUSES),
  sections: z.array(z.object({ id: z.string(), title: words, titleOrigin: z.object({ ja: z.enum(["source", "musubi"]), en: z.enum(["source", "musubi"]) }), writtenByPeople: z.boolean(), answers: z.array(haipAnswerView) })),
  progress: z.object({ answered: z.number().int(), total: z.number().int(), stale: z.number().int() }),
  approvalPlan: z.array(z.array(person)).nullable(),
  approval: approvalView.nullable(),
  publications: z.array(publicationSummary),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type HaipReportView = z.infer<typeof haipReportView>;

export const haipReportSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  period: z.object({ start: z.string(), end: z.string() }),
  status: coded(REPORT_STATUSES),
  published: z.boolean(),
  updatedAt: z.string(),
});

export const createReportBody = z.strictObject({
  year: z.number().int().min(2020).max(2100),
  roles: z.array(z.enum(HAIP_ROLES)).min(1).max(3),
  path: z.enum(HAIP_PATHS).default("full"),
  /** The shipped questionnaire unless another loaded one is named. */
  questionnaire: z.strictObject({ key: z.string().min(1).max(41), version: z.string().min(1).max(31) }).optional(),
  /** Draft every answer Musubi's data can support straight away. */
  prefill: z.boolean().default(true),
});

export const prefillBody = z.strictObject({
  version: z.number().int(),
  /** Questions to draft again; all that can be drafted when absent. */
  questionIds: z.array(z.string().max(41)).max(500).optional(),
  /** Replace answers people have edited too (their text is in the ledger). Off: only untouched answers take the new draft. */
  replaceEdited: z.boolean().default(false),
});

export const answerBody = z.strictObject({
  version: z.number().int(),
  ja: z.string().max(20000),
  en: z.string().max(20000),
});

export const submitBody = z.strictObject({ version: z.number().int(), approvalPlan });
export const versionBody = z.strictObject({ version: z.number().int() });
export const withdrawBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const reportIdParams = z.strictObject({ id: recordId });
export const answerParams = z.strictObject({ id: recordId, questionId: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,40}$/) });
