import { request, withSignal } from "./client.ts";
import type { ConfidentialMark, Names } from "./oversight.ts";

/**
 * The organisation's register of dealings with government (行政対応台帳) as the web UI sees it:
 * requests for information, advisories and publication notices received from authorities, the
 * answers sent back, and an advisory's library update. Kept by hand beside
 * src/dealings/dealings.service.ts, library-update.ts and dealings.routes.ts.
 */

const enc = encodeURIComponent;

export const DEALING_KINDS = ["rfi", "advisory", "publication-notice"] as const;
export type DealingKind = (typeof DEALING_KINDS)[number];
export const DEALING_STATUSES = ["open", "answered", "accepted", "closed"] as const;
export type DealingStatus = (typeof DEALING_STATUSES)[number];

export interface DealingView {
  id: string;
  kind: DealingKind;
  /** The authority's reference (RFI-…, ADV-…, PUB-…). */
  reference: string;
  authority: { party: string; name: Names };
  title: Names;
  /** A request's deadline or a notice's response deadline (YYYY-MM-DD). */
  deadline: string | null;
  status: DealingStatus;
  receivedAt: string;
  answeredAt: string | null;
  /** The task asking the governance lead to deal with it, if any. */
  taskId: string | null;
  version: number;
}

export interface DealingDetail extends DealingView {
  /** What the authority sent, as signed: read with the readers of dealing-views.ts. */
  body: Record<string, unknown>;
  /** The answer (or response) sent back, with its delivery state and the authority's signed receipt. */
  answer: { submissionId: string; status: string; receivedAt: string | null; receipt: string | null; answers: SentAnswer[] } | null;
}

/** One answer to a request as it was sent, with the question it answers (none for a publication notice's response). */
export interface SentAnswer {
  questionId: string;
  question: Names;
  answer: string;
}

export interface AnswerInput {
  version: number;
  answers: { questionId: string; answer: string }[];
  confidential: ConfidentialMark[];
}

/** A node of a framework as a library update's diff lists it. */
export interface UpdateNode {
  id: string;
  ref: Names;
  title: Names | null;
  requirement: boolean;
}

/** What installing an advisory's library update would do. */
export interface LibraryUpdatePreview {
  framework: string;
  version: string;
  name: Names;
  installedVersions: string[];
  /** Against the latest installed version (`against`; null: all new). */
  diff: { against: string | null; added: UpdateNode[]; removed: UpdateNode[]; changed: UpdateNode[] };
  /** Systems whose applicable requirements of this framework change: how many apply before and after. */
  systems: { id: string; code: string; name: Names; ownerId: string | null; before: number; after: number }[];
  /** Why it cannot be installed as it stands, in the caller's language; empty when it can. */
  problems: string[];
}

export const dealingsApi = {
  list: (params: { kind?: DealingKind; status?: DealingStatus; limit?: number; offset?: number }, signal?: AbortSignal) => request<DealingView[]>("GET", "/api/dealings", { query: params, ...withSignal(signal) }),
  get: (id: string, signal?: AbortSignal) => request<DealingDetail>("GET", `/api/dealings/${enc(id)}`, withSignal(signal)),
  /** Answering again sends a new version, which the authority takes as a resubmission. */
  answer: (id: string, input: AnswerInput) => request<DealingDetail>("POST", `/api/dealings/${enc(id)}/answer`, { body: input }),
  /** Null for an entry without a library update. */
  libraryUpdate: (id: string, signal?: AbortSignal) => request<LibraryUpdatePreview | null>("GET", `/api/dealings/${enc(id)}/library-update`, withSignal(signal)),
  /** Installs it (`library.manage`); 409 `conflict` once installed or when the entry changed. */
  accept: (id: string, version: number) => request<LibraryUpdatePreview>("POST", `/api/dealings/${enc(id)}/accept`, { body: { version } }),
  /** 409 `publication_step` once the notice is no longer open. */
  respond: (id: string, input: { version: number; text: string }) => request<DealingDetail>("POST", `/api/dealings/${enc(id)}/respond`, { body: input }),
};
