import { request, withSignal } from "./client.ts";
import type { ListParams, Page } from "./types.ts";
import type { Person } from "./workflow.ts";
import type { CustomInput, CustomValues } from "./fields.ts";

/**
 * The risk register as the web UI sees it: risks, the organisation's risk matrix, the heat map,
 * and the MIT taxonomy and J-AISI perspectives a risk is filed under (the tasks that act on a risk
 * come from workflow.ts).
 * Kept by hand beside src/risks/risks.schema.ts, matrix.schema.ts and taxonomy.schema.ts, so the
 * browser bundle never pulls in server code.
 */

export const RISK_STATUSES = ["open", "accepted", "closed"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
/** ISO 31000 / ISO/IEC 23894 treatment options. */
export const RISK_TREATMENTS = ["mitigate", "accept", "transfer", "avoid"] as const;
export type RiskTreatment = (typeof RISK_TREATMENTS)[number];

/** A band of the matrix as a rating carries it: its id, names and heat-map colour. */
export interface BandView {
  id: string;
  ja: string;
  en: string;
  /** `#rrggbb`. */
  color: string;
}

export interface RiskRating {
  likelihood: number;
  impact: number;
  /** Null when the matrix has no cell for these levels (it shrank after the rating). */
  band: BandView | null;
}

/** One risk (`riskView` in src/risks/risks.schema.ts). */
export interface RiskView {
  id: string;
  code: string;
  titleJa: string;
  titleEn: string;
  description: string;
  /** Null for an organisation-wide risk. */
  system: { id: string; code: string; nameJa: string; nameEn: string } | null;
  /** MIT AI Risk Repository ids: domains, sub-domains and causal values. */
  categories: string[];
  perspectives: { urn: string; ja: string; en: string | null }[];
  owner: Person | null;
  status: RiskStatus;
  inherent: RiskRating;
  /** After treatment; null until assessed. */
  residual: RiskRating | null;
  treatment: RiskTreatment | null;
  treatmentPlan: string;
  controls: { id: string; code: string; titleJa: string; titleEn: string; status: string }[];
  acceptance: { by: Person; at: string; expiresOn: string; note: string; expired: boolean } | null;
  lastReviewedAt: string | null;
  nextReviewOn: string | null;
  reviewOverdue: boolean;
  /** Values of the organisation's own fields, by key. */
  custom: CustomValues;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What a person states about a risk: the body of a create (`createRiskBody`). */
export interface RiskInput {
  code?: string;
  titleJa: string;
  titleEn: string;
  description?: string;
  systemId?: string | null;
  categories?: string[];
  perspectives?: string[];
  ownerId?: string | null;
  inherentLikelihood: number;
  inherentImpact: number;
  /** Give both residual levels or neither. */
  residualLikelihood?: number | null;
  residualImpact?: number | null;
  treatment?: RiskTreatment | null;
  treatmentPlan?: string;
  controlIds?: string[];
  nextReviewOn?: string | null;
  /** Values of the organisation's own fields to set; `null` clears one. */
  custom?: CustomInput;
}

/** A patch (`updateRiskBody`): any field of the input, the version read, and open/closed. */
export type RiskPatch = Partial<RiskInput> & { version: number; status?: Exclude<RiskStatus, "accepted"> };

export interface AcceptRiskInput {
  version: number;
  /** YYYY-MM-DD: the acceptance lapses then and the risk comes back for review. */
  expiresOn: string;
  note: string;
}

export interface ReviewRiskInput {
  version: number;
  note: string;
  residualLikelihood?: number | null;
  residualImpact?: number | null;
  /** YYYY-MM-DD; the server defaults it to a year after today. */
  nextReviewOn?: string;
}

export const RISK_SORTS = ["code", "titleJa", "titleEn", "rating", "nextReviewOn", "updatedAt"] as const;

export interface RiskFilters {
  q?: string;
  /** A system id, or `none` for organisation-wide risks. */
  systemId?: string;
  status?: RiskStatus;
  treatment?: RiskTreatment;
  ownerId?: string;
  category?: string;
  /** The current rating's band id. */
  band?: string;
  likelihood?: number;
  impact?: number;
  reviewOverdue?: "true";
  /** One of the organisation's own fields, with the value it must hold (both or neither). */
  customField?: string;
  customValue?: string;
}

export interface RiskListParams extends ListParams, RiskFilters {}

export const HEATMAP_BASES = ["current", "inherent"] as const;
/** `current`: the residual rating where assessed, else the inherent one. */
export type HeatmapBasis = (typeof HEATMAP_BASES)[number];

export interface HeatmapView {
  basis: HeatmapBasis;
  total: number;
  /** counts[l-1][i-1]: risks at likelihood l and impact i. */
  counts: number[][];
  byBand: { id: string; n: number }[];
}

/** A level's name in both languages. */
export interface LevelLabel {
  ja: string;
  en: string;
}

/**
 * An organisation's risk matrix: levels numbered from 1 (lowest) in list order; `cells[l-1][i-1]`
 * is the index into `bands` (lowest first) of likelihood `l` × impact `i`.
 */
export interface RiskMatrix {
  likelihood: LevelLabel[];
  impact: LevelLabel[];
  bands: BandView[];
  cells: number[][];
}

export interface RiskMatrixView {
  matrix: RiskMatrix;
  isDefault: boolean;
  updatedAt: string | null;
  /** 0 while the organisation still uses the default. */
  version: number;
}

/** A taxonomy text: English is the source's, Japanese Musubi's translation (may be missing). */
export interface TaxonomyText {
  en: string;
  ja?: string;
}

export interface TaxonomyTerm {
  id: string;
  name: TaxonomyText;
  description?: TaxonomyText;
}

/** The MIT AI Risk Repository taxonomy (the parts the UI uses). */
export interface RiskTaxonomy {
  id: string;
  version: string;
  title: TaxonomyText;
  publisher: string;
  url: string;
  citation: string;
  licence: string;
  domains: (TaxonomyTerm & { subdomains: TaxonomyTerm[] })[];
  causal: (TaxonomyTerm & { values: TaxonomyTerm[] })[];
}

/** A J-AISI evaluation perspective (評価観点); some have no English name. */
export interface RiskPerspective {
  urn: string;
  ja: string;
  en: string | null;
}

const enc = encodeURIComponent;

export const risksApi = {
  list: (params: RiskListParams, signal?: AbortSignal) => request<Page<RiskView>>("GET", "/api/risks", { query: params, ...withSignal(signal) }),
  get: (id: string, signal?: AbortSignal) => request<RiskView>("GET", `/api/risks/${enc(id)}`, withSignal(signal)),
  create: (input: RiskInput) => request<RiskView>("POST", "/api/risks", { body: input }),
  update: (id: string, patch: RiskPatch) => request<RiskView>("PATCH", `/api/risks/${enc(id)}`, { body: patch }),
  remove: (id: string) => request<void>("DELETE", `/api/risks/${enc(id)}`),
  /** Needs `risks.accept`; with segregation of duties on, the owner gets 403 `self_approval` and whoever registered or rated it 403 `acceptance_by_assessor`. */
  accept: (id: string, input: AcceptRiskInput) => request<RiskView>("POST", `/api/risks/${enc(id)}/accept`, { body: input }),
  review: (id: string, input: ReviewRiskInput) => request<RiskView>("POST", `/api/risks/${enc(id)}/review`, { body: input }),
  heatmap: (params: { basis: HeatmapBasis; systemId?: string }, signal?: AbortSignal) =>
    request<HeatmapView>("GET", "/api/risks/heatmap", { query: params, ...withSignal(signal) }),
};

export const riskMatrixApi = {
  get: (signal?: AbortSignal) => request<RiskMatrixView>("GET", "/api/risk-matrix", withSignal(signal)),
  /** Needs `risks.manage`; refused (409 `matrix_in_use`) while risks are rated on levels it would drop. */
  update: (version: number, matrix: RiskMatrix) => request<RiskMatrixView>("PUT", "/api/risk-matrix", { body: { version, matrix } }),
};

export const riskReferenceApi = {
  taxonomy: (signal?: AbortSignal) => request<RiskTaxonomy>("GET", "/api/risk-taxonomy", withSignal(signal)),
  perspectives: (signal?: AbortSignal) => request<RiskPerspective[]>("GET", "/api/risk-perspectives", withSignal(signal)),
};
