import { request, withSignal } from "./client.ts";
import type { ListParams, Page } from "./types.ts";
import type { Person } from "./workflow.ts";
import type { CustomInput, CustomValues } from "./fields.ts";

/**
 * Third-party AI vendors and their due-diligence reviews as the web UI sees them. Kept by hand
 * beside src/vendors/vendors.schema.ts and src/vendors/questionnaire.ts.
 */

export const VENDOR_KINDS = ["model_provider", "saas", "api", "platform", "consulting", "other"] as const;
export type VendorKind = (typeof VENDOR_KINDS)[number];
export const VENDOR_STATUSES = ["active", "under_review", "offboarded"] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];
export const ANSWERS = ["yes", "partial", "no", "na"] as const;
export type Answer = (typeof ANSWERS)[number];
export const RATINGS = ["unrated", "low", "medium", "high", "critical"] as const;
export type Rating = (typeof RATINGS)[number];
/** The ratings a reviewer may decide on (`unrated` is only the state before any review). */
export type DecidedRating = Exclude<Rating, "unrated">;
export const DECIDED_RATINGS: readonly DecidedRating[] = ["low", "medium", "high", "critical"];

export interface ReviewAnswer {
  answer: Answer;
  note: string;
}

export interface VendorReview {
  id: string;
  answers: Record<string, ReviewAnswer>;
  gaps: number;
  suggestedRating: DecidedRating;
  rating: DecidedRating;
  note: string;
  reviewer: Person | null;
  createdAt: string;
}

export interface VendorSystem {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string;
  lifecycle: string;
}

export interface VendorView {
  id: string;
  code: string;
  name: string;
  kind: VendorKind;
  services: string;
  website: string | null;
  owner: Person | null;
  status: VendorStatus;
  rating: Rating;
  dataCountries: string[];
  contractStart: string | null;
  contractEnd: string | null;
  /** The contract ends within 90 days (or has ended while the vendor is still active). */
  contractEndingSoon: boolean;
  reviewMonths: number;
  lastReviewedAt: string | null;
  nextReviewOn: string | null;
  reviewOverdue: boolean;
  notes: string;
  /** The AI systems that depend on this vendor. */
  systems: VendorSystem[];
  lastReview: VendorReview | null;
  /** Values of the organisation's own fields, by key. */
  custom: CustomValues;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What a person states about a vendor: the body of a create, every field of a patch. */
export interface VendorFields {
  code?: string;
  name: string;
  kind: VendorKind;
  services: string;
  website: string | null;
  ownerId: string | null;
  status: VendorStatus;
  /** ISO 3166 alpha-2 codes, e.g. JP. */
  dataCountries: string[];
  contractStart: string | null;
  contractEnd: string | null;
  reviewMonths: number;
  notes: string;
  systemIds: string[];
  /** Values of the organisation's own fields to set; `null` clears one. */
  custom?: CustomInput;
}

export interface VendorListParams extends ListParams {
  rating?: Rating;
  status?: VendorStatus;
  systemId?: string;
  reviewOverdue?: "true";
  customField?: string;
  customValue?: string;
}

export interface QuestionnaireQuestion {
  id: string;
  topic: string;
  /** A `no` here weighs most: one suggests at least high, two critical. */
  critical: boolean;
  ja: string;
  en: string;
}

/** The due-diligence questions by topic, and the note that their wording is Musubi's. */
export interface Questionnaire {
  topics: Record<string, { ja: string; en: string }>;
  questions: QuestionnaireQuestion[];
  note: { ja: string; en: string };
}

export interface ReviewInput {
  version: number;
  /** Every question must be answered. */
  answers: Record<string, ReviewAnswer>;
  /** Defaults to the suggested rating. */
  rating?: DecidedRating;
  /** The status to set the vendor to with this review; omitted, it stays as it is (a review never puts a vendor into use by itself). */
  status?: VendorStatus;
  note: string;
}

/** A register vendor as a system shows it (`vendorLinks` of src/systems/systems.schema.ts). */
export interface VendorLink {
  id: string;
  code: string;
  name: string;
  status: VendorStatus;
  rating: Rating;
}

/**
 * The register vendors a system is linked to. The server always sends `vendorLinks`; it is read
 * through here until web/src/api/systems.ts declares it on `SystemView` (and `vendorIds` on
 * `SystemFields`), so that a view without it reads as "no links" rather than failing.
 */
export function vendorLinksOf(system: object): VendorLink[] {
  const links = (system as { vendorLinks?: unknown }).vendorLinks;
  return Array.isArray(links) ? (links as VendorLink[]) : [];
}

const enc = encodeURIComponent;

export const vendorsApi = {
  list: (params: VendorListParams, signal?: AbortSignal) => request<Page<VendorView>>("GET", "/api/vendors", { query: params, ...withSignal(signal) }),
  get: (id: string, signal?: AbortSignal) => request<VendorView>("GET", `/api/vendors/${enc(id)}`, withSignal(signal)),
  create: (input: VendorFields) => request<VendorView>("POST", "/api/vendors", { body: input }),
  update: (id: string, input: Partial<VendorFields> & { version: number }) => request<VendorView>("PATCH", `/api/vendors/${enc(id)}`, { body: input }),
  remove: (id: string) => request<void>("DELETE", `/api/vendors/${enc(id)}`),
  questionnaire: (signal?: AbortSignal) => request<Questionnaire>("GET", "/api/vendor-questionnaire", withSignal(signal)),
  /** Records a due-diligence review; answers the vendor with its new rating and next review date. */
  review: (id: string, input: ReviewInput) => request<VendorView>("POST", `/api/vendors/${enc(id)}/reviews`, { body: input }),
};
