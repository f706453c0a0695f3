import { z } from "zod";
import { customFilters, customInput, customValues } from "../fields/fields.schema.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { recordId } from "../platform/record-id.ts";
import { listQuery, pageOf } from "../platform/pagination.ts";
import { isoDate } from "../systems/systems.schema.ts";
import { ANSWERS, QUESTIONS, RATINGS } from "./questionnaire.ts";

export const VENDOR_KINDS = ["model_provider", "saas", "api", "platform", "consulting", "other"] as const;
export const VENDOR_STATUSES = ["active", "under_review", "offboarded"] as const;

const person = z.object({ id: z.string(), displayName: z.string() });
const answer = z.strictObject({ answer: z.enum(ANSWERS), note: z.string().trim().max(2000).default("") });

export const vendorReviewView = z.object({
  id: z.string(),
  answers: z.record(z.string(), z.object({ answer: z.enum(ANSWERS), note: z.string() })),
  gaps: z.number(),
  suggestedRating: z.enum(RATINGS),
  rating: z.enum(RATINGS),
  note: z.string(),
  reviewer: person.nullable(),
  createdAt: z.string(),
});

export const vendorView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(VENDOR_KINDS),
  services: z.string(),
  website: z.string().nullable(),
  owner: person.nullable(),
  status: z.enum(VENDOR_STATUSES),
  rating: z.enum(RATINGS),
  dataCountries: z.array(z.string()),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  /** The contract ends within 90 days (or has ended while the vendor is still active). */
  contractEndingSoon: z.boolean(),
  reviewMonths: z.number().int(),
  lastReviewedAt: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  notes: z.string(),
  /** The AI systems that depend on this vendor. */
  systems: z.array(z.object({ id: z.string(), code: z.string(), nameJa: z.string(), nameEn: z.string(), lifecycle: z.string() })),
  lastReview: vendorReviewView.nullable(),
  /** Values of the organisation's own fields, by key; a field without a value is absent. */
  custom: customValues,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type VendorView = z.infer<typeof vendorView>;

const fields = {
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/, fieldText("code_chars")),
  name: z.string().trim().min(1).max(300),
  kind: z.enum(VENDOR_KINDS),
  services: z.string().trim().max(4000),
  website: z.url({ protocol: /^https?$/ }).max(2000).nullable(),
  ownerId: recordId.nullable(),
  status: z.enum(VENDOR_STATUSES),
  dataCountries: z.array(z.string().regex(/^[A-Z]{2}$/, fieldText("country_code"))).max(50),
  contractStart: isoDate.nullable(),
  contractEnd: isoDate.nullable(),
  reviewMonths: z.number().int().min(1).max(60),
  notes: z.string().trim().max(8000),
  systemIds: z.array(recordId).max(500),
};

export const createVendorBody = z.strictObject({
  code: fields.code.optional(),
  name: fields.name,
  kind: fields.kind.default("saas"),
  services: fields.services.default(""),
  website: fields.website.default(null),
  ownerId: fields.ownerId.default(null),
  status: fields.status.default("under_review"),
  dataCountries: fields.dataCountries.default([]),
  contractStart: fields.contractStart.default(null),
  contractEnd: fields.contractEnd.default(null),
  reviewMonths: fields.reviewMonths.default(12),
  notes: fields.notes.default(""),
  systemIds: fields.systemIds.default([]),
  /** Values of the organisation's own fields, by key (see `/api/fields`). */
  custom: customInput.optional(),
});
export type CreateVendorInput = z.infer<typeof createVendorBody>;

export const updateVendorBody = z.strictObject({
  version: z.number().int().min(1),
  ...(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> }),
  /** Custom values to set (by key); `null` clears one, absent keys stay. */
  custom: customInput.optional(),
});
export type UpdateVendorInput = z.infer<typeof updateVendorBody>;

export const reviewVendorBody = z.strictObject({
  version: z.number().int().min(1),
  answers: z.record(z.string(), answer).refine((a) => QUESTIONS.every((q) => q.id in a), { message: fieldText("answer_every_question") }),
  /** Defaults to the suggested rating. */
  rating: z.enum(RATINGS).exclude(["unrated"]).optional(),
  /**
   * The status the reviewer sets the vendor to with this review; omitted, the status stays as it
   * is. A review never approves a vendor for use by itself: moving it to `active` is the
   * reviewer's explicit decision, recorded in the ledger with the rating it was taken on.
   */
  status: z.enum(VENDOR_STATUSES).optional(),
  note: z.string().trim().max(8000).default(""),
});
export type ReviewVendorInput = z.infer<typeof reviewVendorBody>;

export const listVendorsQuery = listQuery({
  sortable: ["name", "code", "rating", "nextReviewOn", "contractEnd", "updatedAt"],
  defaultSort: "name",
  filters: {
    rating: z.enum(RATINGS).optional(),
    status: z.enum(VENDOR_STATUSES).optional(),
    systemId: recordId.optional(),
    reviewOverdue: z.enum(["true"]).optional(),
    ...customFilters,
  },
});
export type ListVendorsQuery = z.infer<typeof listVendorsQuery>;
export const vendorPage = pageOf(vendorView);
