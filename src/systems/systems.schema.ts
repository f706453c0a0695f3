import { z } from "zod";
import { recordId } from "../platform/record-id.ts";
import { listQuery, pageOf } from "../platform/pagination.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { datasetCardFields, modelCardFields } from "./systems.card-fields.ts";
import { customFilters, customInput, customValues } from "../fields/fields.schema.ts";

/**
 * Lifecycle stages in order: a system is planned, built, put into service and finally retired.
 * `unknown`: no one has said (an imported register that records no stage), rather than a guess.
 */
export const LIFECYCLE = ["planning", "development", "deployed", "retired", "unknown"] as const;
export type Lifecycle = (typeof LIFECYCLE)[number];

/** Where a model runs: who holds the weights and the data in use matters for APPI and contracts. */
export const HOSTING = ["saas-api", "cloud", "on-premises", "edge", "other"] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
export const isoDate = z.iso.date();

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
/** Codes ICU still names that are not current ISO 3166-1 (UK is GB; DD and SU no longer exist; ZZ is "unknown"). */
const NOT_ISO = new Set(["UK", "DD", "SU", "YU", "ZZ"]);
/** An ISO 3166-1 alpha-2 code the platform's ICU knows (`JP`, `DE`, `US`…); `EU` is accepted too. */
export const countryCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => /^[A-Z]{2}$/.test(s) && !NOT_ISO.has(s) && (s === "EU" || regionNames.of(s) !== undefined), fieldText("country_code"));

export const modelEntry = z.strictObject({
  name: text(200),
  provider: optionalText(200),
  version: optionalText(100),
  licence: optionalText(200),
  hosting: z.enum(HOSTING).optional(),
  /** The `bom-ref` of the CycloneDX component it was imported from, kept so a re-import updates rather than duplicates. */
  bomRef: optionalText(400),
  ...modelCardFields,
});
export type ModelEntry = z.infer<typeof modelEntry>;

export const datasetEntry = z.strictObject({
  name: text(200),
  source: optionalText(400),
  /** Contains personal information (個人情報) within APPI Art. 2(1). */
  personalData: z.boolean().default(false),
  /** Contains special care-required personal information (要配慮個人情報), APPI Art. 2(3). */
  sensitiveData: z.boolean().default(false),
  licence: optionalText(200),
  ...datasetCardFields,
});
export type DatasetEntry = z.infer<typeof datasetEntry>;

export const componentEntry = z.strictObject({
  name: text(200),
  version: optionalText(100),
  supplier: optionalText(200),
  licence: optionalText(200),
});
export type ComponentEntry = z.infer<typeof componentEntry>;

const tag = z.string().trim().min(1).max(200);
const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z.array(item).max(max).transform((xs) => [...new Set(xs as string[])]);

/**
 * Everything a person states about an AI system. The applicability `profile` is the facts object
 * the applicability engine reads; it is checked against the library's questions on save.
 */
export const systemFields = {
  /** The organisation's own reference (e.g. `AIS-0042`); generated when omitted. */
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/, fieldText("code_chars")),
  // Bounds from what public registers hold (names of several hundred characters, descriptions of
  // many pages), with room to spare.
  nameJa: text(500),
  nameEn: text(500),
  purpose: z.string().trim().max(20_000),
  businessOwnerId: recordId.nullable(),
  technicalOwnerId: recordId.nullable(),
  departmentId: recordId.nullable(),
  lifecycle: z.enum(LIFECYCLE),
  profile: z.record(z.string(), z.unknown()),
  models: z.array(modelEntry).max(100),
  datasets: z.array(datasetEntry).max(200),
  components: z.array(componentEntry).max(500),
  /** Vendor names as stated or imported, for vendors not (yet) linked from the register. */
  vendors: uniqueList(text(500), 100),
  /**
   * The organisation's register vendors the system depends on (the same link the vendor's page
   * edits). When given, it replaces the system's links; each must be a vendor of the organisation.
   */
  vendorIds: uniqueList(recordId, 100),
  countries: uniqueList(countryCode, 250),
  tags: uniqueList(tag, 50),
  lastReviewedAt: isoDate.nullable(),
  nextReviewAt: isoDate.nullable(),
};

export const createSystemBody = z.strictObject({
  code: systemFields.code.optional(),
  nameJa: systemFields.nameJa,
  nameEn: systemFields.nameEn,
  purpose: systemFields.purpose.default(""),
  businessOwnerId: systemFields.businessOwnerId.default(null),
  technicalOwnerId: systemFields.technicalOwnerId.default(null),
  departmentId: systemFields.departmentId.default(null),
  lifecycle: systemFields.lifecycle.default("planning"),
  profile: systemFields.profile.default({}),
  models: systemFields.models.default([]),
  datasets: systemFields.datasets.default([]),
  components: systemFields.components.default([]),
  vendors: systemFields.vendors.default([]),
  vendorIds: systemFields.vendorIds.optional(),
  countries: systemFields.countries.default([]),
  tags: systemFields.tags.default([]),
  lastReviewedAt: systemFields.lastReviewedAt.default(null),
  nextReviewAt: systemFields.nextReviewAt.default(null),
  /** Values of the organisation's own fields, by key (see `/api/fields`). */
  custom: customInput.optional(),
});
export type CreateSystemInput = z.infer<typeof createSystemBody>;

/** A partial update; `version` is the one the editor loaded, and a stale one is refused with 409. */
export const updateSystemBody = z.strictObject({
  version: z.number().int().min(1),
  code: systemFields.code.optional(),
  nameJa: systemFields.nameJa.optional(),
  nameEn: systemFields.nameEn.optional(),
  purpose: systemFields.purpose.optional(),
  businessOwnerId: systemFields.businessOwnerId.optional(),
  technicalOwnerId: systemFields.technicalOwnerId.optional(),
  departmentId: systemFields.departmentId.optional(),
  lifecycle: systemFields.lifecycle.optional(),
  profile: systemFields.profile.optional(),
  models: systemFields.models.optional(),
  datasets: systemFields.datasets.optional(),
  components: systemFields.components.optional(),
  vendors: systemFields.vendors.optional(),
  vendorIds: systemFields.vendorIds.optional(),
  countries: systemFields.countries.optional(),
  tags: systemFields.tags.optional(),
  lastReviewedAt: systemFields.lastReviewedAt.optional(),
  nextReviewAt: systemFields.nextReviewAt.optional(),
  /** Custom values to set (by key); `null` clears one, absent keys stay. */
  custom: customInput.optional(),
});
export type UpdateSystemInput = z.infer<typeof updateSystemBody>;

const personRef = z.object({ id: z.string(), displayName: z.string(), email: z.string() }).nullable();

/** A system as the API shows it: stated fields, the names it refers to, and derived classifications. */
export const systemView = z.object({
  id: z.string(),
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  purpose: z.string(),
  businessOwner: personRef,
  technicalOwner: personRef,
  department: z.object({ id: z.string(), code: z.string(), nameJa: z.string(), nameEn: z.string() }).nullable(),
  lifecycle: z.enum(LIFECYCLE),
  profile: z.record(z.string(), z.unknown()),
  models: z.array(modelEntry),
  datasets: z.array(datasetEntry),
  components: z.array(componentEntry),
  vendors: z.array(z.string()),
  /** The register vendors the system is linked to, by name; their pages list the system back. */
  vendorLinks: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string(), rating: z.string() })),
  countries: z.array(z.string()),
  tags: z.array(z.string()),
  lastReviewedAt: z.string().nullable(),
  nextReviewAt: z.string().nullable(),
  /**
   * The class the EU AI Act gives the system (a value of the `eu-ai-act-risk` scheme), evaluated
   * on `classifiedOn`: the highest tier that holds then or from a later date; null while a fact it
   * depends on is unanswered.
   */
  euClass: z.string().nullable(),
  /** The date `euClass` applies from, when the Regulation sets one after `classifiedOn`; null otherwise. */
  euClassFrom: z.string().nullable(),
  /** Frameworks with at least one requirement that applies now or later, by framework id. */
  frameworks: z.array(z.string()),
  classifiedOn: z.string().nullable(),
  /** Values of the organisation's own fields, by key; a field without a value is absent. */
  custom: customValues,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type SystemView = z.infer<typeof systemView>;

/** One inventory row: enough for the table, without the profile and the nested lists. */
export const systemRow = systemView.pick({
  id: true,
  code: true,
  nameJa: true,
  nameEn: true,
  businessOwner: true,
  department: true,
  lifecycle: true,
  euClass: true,
  euClassFrom: true,
  nextReviewAt: true,
  tags: true,
  custom: true,
  updatedAt: true,
  version: true,
});
export type SystemRow = z.infer<typeof systemRow>;

export const SYSTEM_SORTS = ["code", "nameJa", "nameEn", "lifecycle", "euClass", "nextReviewAt", "updatedAt"] as const;

const booleanQuery = z.enum(["true", "false"]).transform((v) => v === "true");

export const listSystemsQuery = listQuery({
  sortable: SYSTEM_SORTS,
  defaultSort: "code",
  filters: {
    lifecycle: z.enum(LIFECYCLE).optional(),
    /** A risk class value, or `none` for systems not (yet) classified. */
    euClass: z.string().max(60).optional(),
    departmentId: recordId.optional(),
    ownerId: recordId.optional(),
    tag: tag.optional(),
    framework: z.string().max(60).optional(),
    /** Only systems whose next review date has passed (as of today in the organisation's time zone). */
    reviewOverdue: booleanQuery.optional(),
    ...customFilters,
  },
});
export type ListSystemsQuery = z.infer<typeof listSystemsQuery>;
export const systemPage = pageOf(systemRow);
