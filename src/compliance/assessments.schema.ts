import { z } from "zod";
import { recordId } from "../platform/record-id.ts";
import { isoDate } from "../systems/systems.schema.ts";
import { listQuery, pageOf } from "../platform/pagination.ts";
import { CONTROL_STATUSES, ITEM_STATUSES } from "./statuses.ts";
import { fieldText } from "../platform/http/field-messages.ts";

export const itemStatus = z.enum(ITEM_STATUSES);
export const controlStatus = z.enum(CONTROL_STATUSES);

const text = z.object({ ja: z.string().optional(), en: z.string().optional() });

/** An amendment as a node's currency names it (`nodeCurrency`, library.currency.ts). */
const amendmentBrief = z.object({
  id: z.string(),
  lawNumber: text,
  title: text,
  effectiveOn: z.string(),
  dateCertainty: z.string().optional(),
  effectiveOnNote: text.optional(),
});

/** A library node as assessment rows cite it (see `presentRef`). */
export const requirementRef = z.object({
  urn: z.string(),
  framework: z.string(),
  frameworkName: text,
  version: z.string(),
  id: z.string(),
  label: text,
  title: text.optional(),
  /** Whether the node is a requirement to assess (false: a heading or a part that groups requirements). */
  requirement: z.boolean().optional(),
  /** Best-effort / cooperation / measure of the State: Musubi's reading of the wording. */
  obligation: z.array(z.string()).optional(),
  /** Amendments in force the stored text lacks, and coming ones Musubi reads as touching the node. */
  currency: z
    .object({
      textAsOf: z.string().nullable(),
      missing: z.array(amendmentBrief).optional(),
      changes: z.array(amendmentBrief.extend({ basis: text, origin: z.literal("musubi-editorial") })).optional(),
    })
    .optional(),
});

const personRef = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const counts = z.record(z.enum(ITEM_STATUSES), z.number().int());

export const assessmentView = z.object({
  id: z.string(),
  system: z.object({ id: z.string(), code: z.string(), nameJa: z.string(), nameEn: z.string() }),
  framework: z.string(),
  frameworkName: text,
  frameworkVersion: z.string(),
  /** Applicable rows by effective status. */
  counts,
  total: z.number().int(),
  /** Rows marked new or no longer applicable since the last acknowledgement. */
  changes: z.object({ new: z.number().int(), removed: z.number().int() }),
  /** True when the library this assessment was last synchronised with is not the one loaded now. */
  libraryChanged: z.boolean(),
  signedOff: z.object({ by: personRef, at: z.string(), note: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AssessmentView = z.infer<typeof assessmentView>;

export const itemView = z.object({
  id: z.string(),
  assessmentId: z.string(),
  system: z.object({ id: z.string(), code: z.string(), nameJa: z.string(), nameEn: z.string() }),
  requirement: requirementRef,
  applicable: z.boolean(),
  change: z.enum(["new", "removed"]).nullable(),
  timing: z.string(),
  appliesFrom: z.string().nullable(),
  answer: itemStatus.nullable(),
  answerSource: z.enum(["person", "inferred"]).nullable(),
  /** For an accepted inference: where it came from, through which crosswalk chain. */
  inference: z.unknown().nullable(),
  /** What the mapped controls say; used when nobody has answered. */
  fromControls: itemStatus.nullable(),
  effective: itemStatus,
  justification: z.string().nullable(),
  owner: personRef,
  dueDate: z.string().nullable(),
  comment: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  controls: z.array(z.object({ id: z.string(), code: z.string(), titleJa: z.string(), titleEn: z.string(), status: controlStatus })),
  evidence: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string(), validUntil: z.string().nullable(), via: z.enum(["item", "control"]) })),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ItemView = z.infer<typeof itemView>;

export const createAssessmentBody = z.strictObject({ framework: z.string().min(1).max(60) });

export const updateItemBody = z
  .strictObject({
    version: z.number().int().min(1),
    /** `not_started` clears the answer, so the mapped controls speak again. */
    status: itemStatus.optional(),
    justification: z.string().trim().max(4000).nullable().optional(),
    ownerId: recordId.nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    comment: z.string().trim().max(4000).nullable().optional(),
  })
  // Only "not applicable" requires the text; for the other statuses it is optional (what is missing, or a note).
  // The web words this in the UI language itself (see item-reason.ts); the API answers it in English
  // until the validation layer can word custom rules per locale.
  .refine((b) => b.status !== "not_applicable" || (b.justification !== undefined && b.justification !== null && b.justification.length > 0), {
    message: fieldText("not_applicable_reason"),
    path: ["justification"],
  });
export type UpdateItemInput = z.infer<typeof updateItemBody>;

/**
 * What a sign-off waits for, so the UI can say so before anyone tries: the rows still open, and
 * who may not sign under the organisation's segregation of duties (the last answerers of its rows).
 */
export const signOffCheck = z.object({
  /** Applicable rows not started or in progress: a sign-off is refused (409) while there are any. */
  open: z.number().int(),
  /** The organisation's `segregationOfDuties.assessmentSignOff` rule. */
  segregationOfDuties: z.boolean(),
  /** The people recorded as the last to answer an applicable row; empty when the rule is off. */
  barred: z.array(z.object({ id: z.string(), displayName: z.string() })),
});
export type SignOffCheck = z.infer<typeof signOffCheck>;

export const signOffBody = z.strictObject({ version: z.number().int().min(1), note: z.string().trim().max(4000).optional() });
export const versionBody = z.strictObject({ version: z.number().int().min(1) });

export const listItemsQuery = listQuery({
  sortable: ["position", "status", "dueDate"],
  defaultSort: "position",
  filters: {
    status: itemStatus.optional(),
    /** `gap`: not met or partially met; `open`: not started or in progress. */
    group: z.enum(["gap", "open", "done"]).optional(),
    change: z.enum(["new", "removed", "any"]).optional(),
    /** Include rows whose requirement no longer applies (kept for their answers). */
    includeRemoved: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  },
});
export type ListItemsQuery = z.infer<typeof listItemsQuery>;

/** Organisation-wide rows, for the dashboard's drill-downs. */
export const listAllItemsQuery = listQuery({
  sortable: ["position", "status", "dueDate"],
  defaultSort: "status",
  filters: {
    framework: z.string().max(60).optional(),
    urn: z.string().max(300).optional(),
    systemId: recordId.optional(),
    status: itemStatus.optional(),
    group: z.enum(["gap", "open", "done"]).optional(),
    ownerId: recordId.optional(),
    overdue: z.enum(["true"]).transform(() => true).optional(),
  },
});
export type ListAllItemsQuery = z.infer<typeof listAllItemsQuery>;

export const itemPage = pageOf(itemView);
export const assessmentList = z.object({ items: z.array(assessmentView) });
