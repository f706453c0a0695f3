import { z } from "zod";
import { customFilters, customInput, customValues } from "../fields/fields.schema.ts";
import { recordId } from "../platform/record-id.ts";
import { listQuery, pageOf } from "../platform/pagination.ts";
import { isoDate } from "../systems/systems.schema.ts";
import { fieldText } from "../platform/http/field-messages.ts";

export const RISK_STATUSES = ["open", "accepted", "closed"] as const;
export const riskStatus = z.enum(RISK_STATUSES);
/** ISO 31000 / ISO/IEC 23894 treatment options. */
export const RISK_TREATMENTS = ["mitigate", "accept", "transfer", "avoid"] as const;
export const riskTreatment = z.enum(RISK_TREATMENTS);

const level = z.number().int().min(1).max(10);
const bandView = z.object({ id: z.string(), ja: z.string(), en: z.string(), color: z.string() });
const rating = z.object({ likelihood: z.number().int(), impact: z.number().int(), band: bandView.nullable() });
const person = z.object({ id: z.string(), displayName: z.string() });

export const riskView = z.object({
  id: z.string(),
  code: z.string(),
  titleJa: z.string(),
  titleEn: z.string(),
  description: z.string(),
  /** Null for an organisation-wide risk. */
  system: z.object({ id: z.string(), code: z.string(), nameJa: z.string(), nameEn: z.string() }).nullable(),
  /** MIT AI Risk Repository ids: domains, sub-domains (their domain is implied and stored) and causal values. */
  categories: z.array(z.string()),
  /** J-AISI evaluation perspectives, by URN with their names. */
  perspectives: z.array(z.object({ urn: z.string(), ja: z.string(), en: z.string().nullable() })),
  owner: person.nullable(),
  status: riskStatus,
  inherent: rating,
  /** After treatment; null until assessed. */
  residual: rating.nullable(),
  treatment: riskTreatment.nullable(),
  treatmentPlan: z.string(),
  controls: z.array(z.object({ id: z.string(), code: z.string(), titleJa: z.string(), titleEn: z.string(), status: z.string() })),
  acceptance: z.object({ by: person, at: z.string(), expiresOn: z.string(), note: z.string(), expired: z.boolean() }).nullable(),
  lastReviewedAt: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  /** Values of the organisation's own fields, by key; a field without a value is absent. */
  custom: customValues,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type RiskView = z.infer<typeof riskView>;

const code = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/, fieldText("code_chars"));
const categoryId = z.string().max(40);
const perspectiveUrn = z.string().max(200);

const editable = {
  titleJa: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(300),
  description: z.string().trim().max(8000),
  systemId: recordId.nullable(),
  categories: z.array(categoryId).max(40),
  perspectives: z.array(perspectiveUrn).max(20),
  ownerId: recordId.nullable(),
  inherentLikelihood: level,
  inherentImpact: level,
  residualLikelihood: level.nullable(),
  residualImpact: level.nullable(),
  treatment: riskTreatment.nullable(),
  treatmentPlan: z.string().trim().max(8000),
  controlIds: z.array(recordId).max(100),
  nextReviewOn: isoDate.nullable(),
};

function residualTogether(v: { residualLikelihood?: number | null; residualImpact?: number | null }, ctx: z.RefinementCtx) {
  const l = v.residualLikelihood, i = v.residualImpact;
  if (l === undefined && i === undefined) return;
  if ((l === null) !== (i === null) || (l === undefined) !== (i === undefined)) {
    ctx.addIssue({ code: "custom", path: ["residualImpact"], message: fieldText("residual_pair") });
  }
}

export const createRiskBody = z
  .strictObject({
    code: code.optional(),
    titleJa: editable.titleJa,
    titleEn: editable.titleEn,
    description: editable.description.default(""),
    systemId: editable.systemId.default(null),
    categories: editable.categories.default([]),
    perspectives: editable.perspectives.default([]),
    ownerId: editable.ownerId.default(null),
    inherentLikelihood: editable.inherentLikelihood,
    inherentImpact: editable.inherentImpact,
    residualLikelihood: editable.residualLikelihood.default(null),
    residualImpact: editable.residualImpact.default(null),
    treatment: riskTreatment.nullable().default(null),
    treatmentPlan: editable.treatmentPlan.default(""),
    controlIds: editable.controlIds.default([]),
    nextReviewOn: editable.nextReviewOn.default(null),
    /** Values of the organisation's own fields, by key (see `/api/fields`). */
    custom: customInput.optional(),
  })
  .superRefine(residualTogether);
export type CreateRiskInput = z.infer<typeof createRiskBody>;

export const updateRiskBody = z
  .strictObject({
    version: z.number().int().min(1),
    code: code.optional(),
    titleJa: editable.titleJa.optional(),
    titleEn: editable.titleEn.optional(),
    description: editable.description.optional(),
    systemId: editable.systemId.optional(),
    categories: editable.categories.optional(),
    perspectives: editable.perspectives.optional(),
    ownerId: editable.ownerId.optional(),
    inherentLikelihood: editable.inherentLikelihood.optional(),
    inherentImpact: editable.inherentImpact.optional(),
    residualLikelihood: editable.residualLikelihood.optional(),
    residualImpact: editable.residualImpact.optional(),
    /** Choosing `accept` here records the intention; the acceptance itself is POST /api/risks/:id/accept. */
    treatment: editable.treatment.optional(),
    treatmentPlan: editable.treatmentPlan.optional(),
    controlIds: editable.controlIds.optional(),
    nextReviewOn: editable.nextReviewOn.optional(),
    /** `accepted` is reached only by accepting; `open` withdraws an acceptance. */
    status: riskStatus.exclude(["accepted"]).optional(),
    /** Custom values to set (by key); `null` clears one, absent keys stay. */
    custom: customInput.optional(),
  })
  .superRefine(residualTogether);
export type UpdateRiskInput = z.infer<typeof updateRiskBody>;

export const acceptRiskBody = z.strictObject({
  version: z.number().int().min(1),
  /** Acceptance lapses on this date; the risk then comes back for review. */
  expiresOn: isoDate,
  note: z.string().trim().min(1).max(4000),
});

export const reviewRiskBody = z
  .strictObject({
    version: z.number().int().min(1),
    note: z.string().trim().min(1).max(4000),
    residualLikelihood: level.nullable().optional(),
    residualImpact: level.nullable().optional(),
    /** Defaults to one year after today. */
    nextReviewOn: isoDate.optional(),
  })
  .superRefine(residualTogether);

export const listRisksQuery = listQuery({
  sortable: ["code", "titleJa", "titleEn", "rating", "nextReviewOn", "updatedAt"],
  defaultSort: "-rating",
  filters: {
    /** A system id, or `none` for organisation-wide risks. */
    systemId: recordId.meta({ description: "A system id, or `none` for organisation-wide risks" }).optional(),
    status: riskStatus.optional(),
    treatment: riskTreatment.optional(),
    ownerId: recordId.optional(),
    category: categoryId.optional(),
    /** Current rating (residual, else inherent) in this band. */
    band: z.string().max(40).optional(),
    likelihood: z.coerce.number().int().min(1).max(10).optional(),
    impact: z.coerce.number().int().min(1).max(10).optional(),
    reviewOverdue: z.enum(["true"]).optional(),
    ...customFilters,
  },
});
export type ListRisksQuery = z.infer<typeof listRisksQuery>;
export const riskPage = pageOf(riskView);

export const HEATMAP_BASES = ["inherent", "current"] as const;
export const heatmapQuery = z.strictObject({
  /** `current`: residual where assessed, else inherent. */
  basis: z.enum(HEATMAP_BASES).default("current"),
  systemId: recordId.optional(),
});
export const heatmapView = z.object({
  basis: z.enum(HEATMAP_BASES),
  total: z.number().int(),
  /** counts[l-1][i-1]: risks at likelihood l and impact i. */
  counts: z.array(z.array(z.number().int())),
  byBand: z.array(z.object({ id: z.string(), n: z.number().int() })),
});
export type HeatmapView = z.infer<typeof heatmapView>;

export const perspectiveList = z.array(z.object({ urn: z.string(), ja: z.string(), en: z.string().nullable() }));
