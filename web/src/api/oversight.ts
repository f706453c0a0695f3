import { queryString, request, withSignal } from "./client.ts";
import type { ConnectionView } from "./exchange.ts";
import type { Right, Severity } from "./incidents.ts";
import type { Page } from "./types.ts";

/**
 * An authority's control tower as the web UI sees it: the intake queue, triage, cases, trends and
 * open data, and the organisations registered with it. Kept by hand beside
 * src/oversight/intake.store.ts, cases.service.ts, triage.service.ts, trends.ts and oversight.routes.ts.
 */

const enc = encodeURIComponent;

/** Text in both languages, as the server keeps it. */
export interface Names {
  ja: string;
  en: string;
}

export const INTAKE_STATUSES = ["new", "triaged", "duplicate", "superseded", "closed"] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];
/** The statuses triage may set (`superseded` is the server's, when a newer version arrives). */
export const TRIAGE_STATUSES = ["new", "triaged", "duplicate", "closed"] as const satisfies readonly IntakeStatus[];
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];
export const SUBMISSION_KINDS = ["incident-report", "haip-report", "system-card"] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export const CONFIDENTIAL_REASONS = ["trade-secret", "personal-data"] as const;
export type ConfidentialReason = (typeof CONFIDENTIAL_REASONS)[number];
export const CASE_STATUSES = ["open", "analysing", "countermeasures", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const TREND_DIMENSIONS = ["sector", "harmType", "right", "generative", "modelProvider", "actorRole", "severity", "kind"] as const;
export type TrendDimension = (typeof TREND_DIMENSIONS)[number];
export const OPEN_DATA_FORMATS = ["csv", "xlsx", "json"] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];
/** The sector value of an organisation that declared none. */
export const UNSPECIFIED_SECTOR = "unspecified";
/** The month value of a submission whose month is not known. */
export const NO_MONTH = "unknown";

/** One submission as the queue lists it (`intakeSummary`). */
export interface IntakeSummary {
  id: string;
  kind: string;
  headline: string;
  /** The organisation that sent it, by the name it registered with; null for a report from the public. */
  sender: { party: string; name: Names } | null;
  source: "exchange" | "public";
  sector: string | null;
  receivedAt: string;
  status: IntakeStatus;
  severity: Severity | null;
  harmTypes: string[];
  rights: string[];
  occurredMonth: string | null;
  subjectRef: string | null;
  supersedes: string | null;
  /** Another organisation's submission this one resembles (0–1): possibly the same incident. */
  similarTo: { id: string; similarity: number } | null;
  duplicateOf: string | null;
  assigneeId: string | null;
  referenceMatch: { id: string; source: string; number: number; title: string; url: string } | null;
  confidentialParts: number;
  caseId: string | null;
  version: number;
}

export interface ConfidentialMark {
  pointer: string;
  reason: ConfidentialReason;
}

/** One submission with its document, the parts marked confidential and the proof of its sending. */
export interface IntakeDetail extends IntakeSummary {
  schema: string;
  document: Record<string, unknown>;
  confidential: ConfidentialMark[];
  idempotencyKey: string | null;
  payloadSha256: string;
  /** The signed message as received (compact JWS). */
  message: string | null;
  versions: { id: string; receivedAt: string; status: IntakeStatus }[];
}

export interface IntakeParams {
  limit?: number;
  offset?: number;
  sort?: string;
  q?: string;
  status?: IntakeStatus;
  kind?: SubmissionKind;
  sector?: string;
  caseId?: string;
  month?: string;
  dimension?: TrendDimension;
  value?: string;
}

/** A triage decision; absent fields are left as they are. */
export interface TriageInput {
  version: number;
  status?: TriageStatus;
  severity?: Severity | null;
  sector?: string | null;
  rights?: Right[];
  assigneeId?: string | null;
  caseId?: string | null;
  duplicateOf?: string | null;
}

export interface CaseSummary {
  id: string;
  code: string;
  title: Names;
  status: CaseStatus;
  rights: string[];
  submissions: number;
  organisations: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type CaseEntryKind = "note" | "countermeasure";

export interface CaseDetail extends CaseSummary {
  summary: string;
  involved: { party: string; name: Names; systems: { code: string; name: Names }[] }[];
  items: IntakeSummary[];
  /** Oldest first. */
  timeline: { at: string; kind: "occurred" | "received" | CaseEntryKind; text: string; intakeId: string | null; by: string | null }[];
}

export interface CreateCaseInput {
  titleJa: string;
  titleEn: string;
  summary: string;
  rights: Right[];
  intakeIds: string[];
}

export interface UpdateCaseInput {
  version: number;
  titleJa?: string;
  titleEn?: string;
  summary?: string;
  status?: CaseStatus;
  rights?: Right[];
}

export interface TrendBucket {
  value: string;
  label: Names;
  count: number;
  share: number;
  perOrganisation: number | null;
}

export interface TrendsView {
  dimension: TrendDimension;
  from: string;
  to: string;
  total: number;
  withoutMonth: number;
  buckets: TrendBucket[];
  months: { month: string; counts: Record<string, number> }[];
}

export interface TrendsParams {
  dimension: TrendDimension;
  from?: string;
  to?: string;
}

export const oversightApi = {
  intake: (params: IntakeParams, signal?: AbortSignal) => request<Page<IntakeSummary>>("GET", "/api/oversight/intake", { query: params, ...withSignal(signal) }),
  submission: (id: string, signal?: AbortSignal) => request<IntakeDetail>("GET", `/api/oversight/intake/${enc(id)}`, withSignal(signal)),
  /** Refused with 409 `conflict` (details.current absent: reload) or `intake_superseded`. */
  triage: (id: string, input: TriageInput) => request<IntakeDetail>("PATCH", `/api/oversight/intake/${enc(id)}`, { body: input }),
  cases: (params: { status?: CaseStatus; limit?: number; offset?: number }, signal?: AbortSignal) => request<CaseSummary[]>("GET", "/api/oversight/cases", { query: params, ...withSignal(signal) }),
  case: (id: string, signal?: AbortSignal) => request<CaseDetail>("GET", `/api/oversight/cases/${enc(id)}`, withSignal(signal)),
  createCase: (input: CreateCaseInput) => request<CaseDetail>("POST", "/api/oversight/cases", { body: input }),
  updateCase: (id: string, input: UpdateCaseInput) => request<CaseDetail>("PATCH", `/api/oversight/cases/${enc(id)}`, { body: input }),
  addCaseEntry: (id: string, entry: { kind: CaseEntryKind; body: string }) => request<CaseDetail>("POST", `/api/oversight/cases/${enc(id)}/entries`, { body: entry }),
  trends: (params: TrendsParams, signal?: AbortSignal) => request<TrendsView>("GET", "/api/oversight/trends", { query: params, ...withSignal(signal) }),
  /** The open data file: a same-origin GET, so a plain link carries the session cookie. */
  openDataHref: (format: OpenDataFormat, period: { from?: string; to?: string }) => `/api/oversight/open-data${queryString({ format, ...period })}`,
  registrations: (signal?: AbortSignal) => request<ConnectionView[]>("GET", "/api/oversight/registrations", withSignal(signal)),
  decide: (id: string, input: { decision: "approved" | "refused"; note: string | null }) => request<ConnectionView>("POST", `/api/oversight/registrations/${enc(id)}/decision`, { body: input }),
};
