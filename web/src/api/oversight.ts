import { postBytes, queryString, request, withSignal, type UploadAuth } from "./client.ts";
import type { ConnectionView } from "./exchange.ts";
import type { Right, Severity } from "./incidents.ts";
import type { Page } from "./types.ts";

/**
 * An authority's control tower as the web UI sees it: the intake queue, triage, cases, trends and
 * open data, the organisations registered with it (and the ledger checkpoints it witnessed for
 * them), its requests for information, advisories and publications. Kept by hand beside
 * src/oversight/intake.store.ts, cases.service.ts, triage.service.ts, trends.ts, requests.service.ts,
 * advisories.service.ts, publications.service.ts, witness.ts and oversight.routes.ts.
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
/** What an organisation sends of its own accord (the "send to an authority" dialog). */
export const SUBMISSION_KINDS = ["incident-report", "haip-report", "system-card"] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
/** Everything the queue holds: those, answers to requests for information, and reports from the public. */
export const INTAKE_KINDS = [...SUBMISSION_KINDS, "rfi-answer", "harm-report"] as const;
export type IntakeKind = (typeof INTAKE_KINDS)[number];
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
  /** For an answer to a request for information, the authority's own request it answers; null otherwise. */
  request: { id: string; code: string; titleJa: string; titleEn: string } | null;
}

export interface IntakeParams {
  limit?: number;
  offset?: number;
  sort?: string;
  q?: string;
  status?: IntakeStatus;
  kind?: IntakeKind;
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

/** Who a request for information or an advisory goes to: one registered organisation, a sector's, or all (approved ones). */
export const AUDIENCES = ["all", "sector", "one"] as const;
export type AudienceType = (typeof AUDIENCES)[number];

export interface Audience {
  type: AudienceType;
  /** The registration of the one organisation (`one`). */
  connectionId?: string;
  /** The sector's value (`sector`). */
  sector?: string;
}

/** The audience as the API's bodies take it: flat. */
export interface AudienceInput {
  audience: AudienceType;
  connectionId?: string;
  sector?: string;
}

export const RECIPIENT_STATUSES = ["sent", "answered", "overdue"] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/** A request for information as the list shows it (`requestView`). */
export interface RequestView {
  id: string;
  code: string;
  title: Names;
  body: Names;
  questions: { id: string; ja: string; en: string }[];
  /** The day answers are due (YYYY-MM-DD). */
  deadline: string;
  audience: Audience;
  status: "sent" | "closed";
  createdAt: string;
  createdBy: string | null;
  /** Recipients by status. */
  counts: Record<RecipientStatus, number>;
  version: number;
}

/** One recipient of a request: its status, the delivery of the signed request, and its answer (an intake entry). */
export interface RequestRecipient {
  party: string;
  name: Names;
  sector: string | null;
  status: RecipientStatus;
  /** The outgoing message's state (`queued`, `delivered`, `refused`, `failed`). */
  delivery: string;
  answeredAt: string | null;
  answerIntakeId: string | null;
}

export interface RequestDetail extends RequestView {
  recipients: RequestRecipient[];
}

export type CreateRequestInput = AudienceInput & {
  titleJa: string;
  titleEn: string;
  bodyJa: string;
  bodyEn: string;
  questions: { ja: string; en: string }[];
  deadline: string;
};

/** The framework an advisory carries for its recipients to install. */
export interface AdvisoryLibraryUpdate {
  framework: string;
  version: string;
  name: Names;
  requirements: number;
}

export interface AdvisoryView {
  id: string;
  code: string;
  title: Names;
  body: Names;
  audience: Audience;
  libraryUpdate: AdvisoryLibraryUpdate | null;
  /** `draft` until a supervisor sends it. */
  status: "draft" | "sent";
  recipients: number;
  createdAt: string;
  createdBy: string | null;
  approvedBy: string | null;
  sentAt: string | null;
  version: number;
}

export type CreateAdvisoryInput = AudienceInput & { titleJa: string; titleEn: string; bodyJa: string; bodyEn: string };

export const PUBLICATION_SUBJECTS = ["case", "advisory", "statistics"] as const;
export type PublicationSubject = (typeof PUBLICATION_SUBJECTS)[number];
export const PUBLICATION_STATUSES = ["draft", "noticed", "in_review", "approved", "published", "withdrawn"] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export interface PublicationView {
  id: string;
  code: string;
  subjectType: PublicationSubject;
  subjectId: string | null;
  /** The organisation it names, if any (given notice before publication, and may respond). */
  names: { party: string; name: Names } | null;
  title: Names;
  body: Names;
  status: PublicationStatus;
  /** The last day the organisation named may respond (YYYY-MM-DD), once given notice. */
  responseDue: string | null;
  response: { text: string; respondedAt: string } | null;
  approvalId: string | null;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  createdAt: string;
  createdBy: string | null;
  version: number;
}

export interface DraftPublicationInput {
  subjectType: PublicationSubject;
  subjectId?: string;
  connectionId?: string;
  titleJa: string;
  titleEn: string;
  bodyJa: string;
  bodyEn: string;
  /** For statistics: the months published (YYYY-MM). */
  from?: string;
  to?: string;
}

/** A ledger checkpoint the authority witnessed for a registered organisation; `conflict` when it contradicts an earlier one. */
export interface WitnessedCheckpoint {
  seq: number;
  hash: string;
  signedAt: string;
  receivedAt: string;
  conflict: "rewritten" | "rolled-back" | null;
}

type Paging = { limit?: number; offset?: number };

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
  /** Newest first; a contradiction (a rewritten or rolled-back ledger) is marked. */
  checkpoints: (connectionId: string, signal?: AbortSignal) => request<WitnessedCheckpoint[]>("GET", `/api/oversight/registrations/${enc(connectionId)}/checkpoints`, withSignal(signal)),

  requests: (params: Paging, signal?: AbortSignal) => request<RequestView[]>("GET", "/api/oversight/requests", { query: params, ...withSignal(signal) }),
  request: (id: string, signal?: AbortSignal) => request<RequestDetail>("GET", `/api/oversight/requests/${enc(id)}`, withSignal(signal)),
  /** Sends at once (`oversight.approve`); refused with a field error when no approved organisation matches the audience. */
  sendRequest: (input: CreateRequestInput) => request<RequestView>("POST", "/api/oversight/requests", { body: input }),

  advisories: (params: Paging, signal?: AbortSignal) => request<AdvisoryView[]>("GET", "/api/oversight/advisories", { query: params, ...withSignal(signal) }),
  advisory: (id: string, signal?: AbortSignal) => request<AdvisoryView>("GET", `/api/oversight/advisories/${enc(id)}`, withSignal(signal)),
  draftAdvisory: (input: CreateAdvisoryInput) => request<AdvisoryView>("POST", "/api/oversight/advisories", { body: input }),
  /** 400 `framework_invalid` names each problem; 409 `advisory_sent` once sent. */
  attachLibraryUpdate: (id: string, file: File, auth: UploadAuth) => postBytes<AdvisoryView>(`/api/oversight/advisories/${enc(id)}/library-update`, file, auth, "PUT"),
  /** 409 `conflict` (details.version: the current one) or `advisory_sent`. */
  sendAdvisory: (id: string, version: number) => request<AdvisoryView>("POST", `/api/oversight/advisories/${enc(id)}/send`, { body: { version } }),

  publications: (params: Paging, signal?: AbortSignal) => request<PublicationView[]>("GET", "/api/oversight/publications", { query: params, ...withSignal(signal) }),
  publication: (id: string, signal?: AbortSignal) => request<PublicationView>("GET", `/api/oversight/publications/${enc(id)}`, withSignal(signal)),
  /** A text quoting a confidential part is refused with the field error `publication_confidential`. */
  draftPublication: (input: DraftPublicationInput) => request<PublicationView>("POST", "/api/oversight/publications", { body: input }),
  /** Each step is refused with 409 `publication_step` (details.reason or details.status) when the procedure does not allow it now. */
  noticePublication: (id: string, input: { version: number; responseDays: number }) => request<PublicationView>("POST", `/api/oversight/publications/${enc(id)}/notice`, { body: input }),
  submitPublication: (id: string, input: { version: number; approvalPlan: string[][] }) => request<PublicationView>("POST", `/api/oversight/publications/${enc(id)}/submit`, { body: input }),
  publishPublication: (id: string, version: number) => request<PublicationView>("POST", `/api/oversight/publications/${enc(id)}/publish`, { body: { version } }),
  withdrawPublication: (id: string, input: { version: number; reason: string }) => request<PublicationView>("POST", `/api/oversight/publications/${enc(id)}/withdraw`, { body: input }),
};
