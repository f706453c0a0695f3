import { postBytes, request, withSignal, type UploadAuth } from "./client.ts";
import type { Locale } from "./types.ts";
import type { ApprovalView, Person } from "./workflow.ts";

/**
 * Disclosures as the web UI sees them: the HAIP transparency report, the questionnaires it is
 * written against, and what the organisation publishes on its public trust page. Kept by hand
 * beside src/disclosures/haip/haip.schema.ts, haip.diff.ts, questionnaire.schema.ts and
 * src/disclosures/publications.routes.ts.
 */

/** Text in both languages, as the server keeps it (either may be empty in an answer). */
export interface Words {
  ja: string;
  en: string;
}

/** A value with the words the server names it by. */
export interface Coded<T extends string> {
  value: T;
  label: Words;
}

/** The roles HAIP routes questions by, in the order the start dialog offers them. */
export const HAIP_ROLES = ["model-developer", "application-developer", "deployer"] as const;
export type HaipRole = (typeof HAIP_ROLES)[number];
/** `small`: the shorter path for small organisations; `full`: every question for the roles. */
export const HAIP_PATHS = ["full", "small"] as const;
export type HaipPath = (typeof HAIP_PATHS)[number];
export const REPORT_STATUSES = ["draft", "in_review", "approved", "published"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** `musubi`: Musubi's own wording, not the official question; `official`: copied from the named source. */
export type Wording = "musubi" | "official";

/** A record a drafted answer names; `id` links it inside the app. */
export interface SourceRecord {
  type: "risk" | "system" | "incident" | "publication";
  id: string;
  code: string | null;
  title: Words;
}

/** The records of one kind a drafted answer rests on, and whether any changed since it was drafted. */
export interface AnswerSource {
  kind: string;
  label: Words;
  count: number;
  records: SourceRecord[];
  changed: boolean;
}

export interface HaipAnswer {
  questionId: string;
  text: Words;
  guidance: Words | null;
  wording: Wording;
  writtenByPeople: boolean;
  canPrefill: boolean;
  answer: Words;
  /** What Musubi's data said when the answer was (last) drafted, and whether those records changed since. */
  prefill: { text: Words; writtenAt: string; sources: AnswerSource[]; stale: boolean } | null;
  /** The answer still reads as drafted: nobody has edited it. */
  asDrafted: boolean;
  editedBy: Person | null;
  editedAt: string | null;
  /** The answer's own version: two people on different questions never collide. */
  version: number;
}

export interface HaipSection {
  id: string;
  title: Words;
  /** Whether each language's title is the source's or Musubi's translation. */
  titleOrigin: { ja: "source" | "musubi"; en: "source" | "musubi" };
  writtenByPeople: boolean;
  answers: HaipAnswer[];
}

/** One numbered publication of a report (or a system card) on the trust page. */
export interface ReportPublication {
  id: string;
  number: number;
  publishedAt: string;
  publishedBy: string | null;
  withdrawnAt: string | null;
  /** Null on a withdrawn publication: a newer version replaced it. */
  withdrawalReason: string | null;
  publicPath: string;
}

export interface HaipReport {
  id: string;
  year: number;
  period: { start: string; end: string };
  questionnaire: { key: string; version: string; name: Words; wording: Wording; notes: Words[] };
  roles: Coded<HaipRole>[];
  path: Coded<HaipPath>;
  status: Coded<ReportStatus>;
  sections: HaipSection[];
  progress: { answered: number; total: number; stale: number };
  approvalPlan: Person[][] | null;
  approval: ApprovalView | null;
  publications: ReportPublication[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface HaipReportSummary {
  id: string;
  year: number;
  period: { start: string; end: string };
  status: Coded<ReportStatus>;
  /** A version of it is live on the trust page. */
  published: boolean;
  updatedAt: string;
}

export interface CreateReportInput {
  year: number;
  roles: HaipRole[];
  path: HaipPath;
  questionnaire?: { key: string; version: string };
  prefill: boolean;
}

export const DIFF_CHANGES = ["added", "removed", "changed", "unchanged"] as const;
export type DiffChange = (typeof DIFF_CHANGES)[number];

/** The report against the last one published for an earlier year, question by question. */
export interface HaipDiff {
  year: number;
  previous: { year: number; number: number; publishedAt: string } | null;
  questionnaireChanged: boolean;
  questions: { id: string; section: Words; text: Words; change: DiffChange; before: Words | null; after: Words | null }[];
  counts: Record<DiffChange, number>;
}

export type PublicationKind = "haip-report" | "system-card";

/** Something on the organisation's public trust page, live or withdrawn. */
export interface Publication {
  id: string;
  kind: PublicationKind;
  subject: string;
  number: number;
  title: Words;
  sha256: string;
  publishedAt: string;
  withdrawnAt: string | null;
  /** Null on a withdrawn publication: replaced by a newer version of the same subject. */
  withdrawalReason: string | null;
  publicPath: string;
}

/** A questionnaire file (`musubi-questionnaire/1`), as far as the UI reads it. */
export interface Questionnaire {
  key: string;
  version: string;
  name: Words;
  wording: Wording;
  source: { title: Words; publisher: string; reference?: string; licence: string };
  notes: Words[];
  questions: { id: string }[];
}

export const HAIP_DOCUMENT_FORMATS = ["json", "html", "pdf", "docx"] as const;
export type HaipDocumentFormat = (typeof HAIP_DOCUMENT_FORMATS)[number];

const enc = encodeURIComponent;
const BASE = "/api/disclosures/haip-reports";

export const haipApi = {
  list: (signal?: AbortSignal) => request<HaipReportSummary[]>("GET", BASE, withSignal(signal)),
  get: (id: string, signal?: AbortSignal) => request<HaipReport>("GET", `${BASE}/${enc(id)}`, withSignal(signal)),
  /** Starts the report for a year (409 `report_exists` when it has one). */
  create: (input: CreateReportInput) => request<HaipReport>("POST", BASE, { body: input }),
  /** Drafts answers again from data; edited answers keep their words unless `replaceEdited`. */
  prefill: (id: string, input: { version: number; questionIds?: string[]; replaceEdited?: boolean }) => request<HaipReport>("POST", `${BASE}/${enc(id)}/prefill`, { body: input }),
  /** Saves one answer with the answer's own version (409 `conflict` with `details.answer` when a colleague saved first). */
  saveAnswer: (id: string, questionId: string, input: { version: number; ja: string; en: string }) =>
    request<HaipReport>("PUT", `${BASE}/${enc(id)}/answers/${enc(questionId)}`, { body: input }),
  submit: (id: string, input: { version: number; approvalPlan: string[][] }) => request<HaipReport>("POST", `${BASE}/${enc(id)}/submit`, { body: input }),
  withdrawSubmission: (id: string, version: number) => request<HaipReport>("POST", `${BASE}/${enc(id)}/withdraw-submission`, { body: { version } }),
  publish: (id: string, version: number) => request<HaipReport>("POST", `${BASE}/${enc(id)}/publish`, { body: { version } }),
  diff: (id: string, signal?: AbortSignal) => request<HaipDiff>("GET", `${BASE}/${enc(id)}/diff`, withSignal(signal)),
  /** The report as a file, for a plain link (a same-origin GET carries the session cookie). */
  documentHref: (id: string, format: HaipDocumentFormat, lang: Locale) => `${BASE}/${enc(id)}/document?format=${format}${format === "json" ? "" : `&lang=${lang}`}`,
};

export const questionnairesApi = {
  list: (signal?: AbortSignal) => request<Questionnaire[]>("GET", "/api/disclosures/questionnaires", withSignal(signal)),
  /** Sends the file's raw bytes; 400 `questionnaire_invalid` names each problem in `details`. */
  upload: (file: File, auth: UploadAuth) => postBytes<Questionnaire>("/api/disclosures/questionnaires", file, auth),
};

export const publicationsApi = {
  list: (signal?: AbortSignal) => request<Publication[]>("GET", "/api/disclosures/publications", withSignal(signal)),
  withdraw: (id: string, reason: string) => request<void>("POST", `/api/disclosures/publications/${enc(id)}/withdraw`, { body: { reason } }),
  /** Publishes a system's card as it stands now (a frozen snapshot without people's names). */
  publishCard: (systemId: string) =>
    request<Pick<Publication, "id" | "number" | "sha256" | "publishedAt" | "publicPath">>("POST", `/api/systems/${enc(systemId)}/card/publish`),
};
