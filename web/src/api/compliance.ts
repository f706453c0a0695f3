import { postBytes, request, withSignal } from "./client.ts";
import type { BilingualText, ListParams, Locale, Page } from "./types.ts";

/**
 * The compliance workspace as the web UI sees it: dashboard, assessment rows, controls and
 * evidence (docs/compliance-api.md). Kept by hand beside src/compliance/*.schema.ts.
 */

export const ITEM_STATUSES = ["not_started", "in_progress", "met", "partially_met", "not_met", "not_applicable"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const CONTROL_STATUSES = ["not_started", "in_progress", "met", "partially_met", "not_met"] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];
export const EVIDENCE_KINDS = ["file", "link", "note"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_STATUSES = ["valid", "expiring", "expired", "no_expiry"] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];
export const LIFECYCLES = ["planning", "development", "deployed", "retired", "unknown"] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
export type ItemGroup = "gap" | "open" | "done";

/** A library node as assessment rows and controls cite it. */
export interface RequirementRef {
  urn: string;
  framework: string;
  frameworkName: BilingualText;
  version: string;
  id: string;
  label: BilingualText;
  title?: BilingualText;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

/** One inventory row (`systemRow` in src/systems/systems.schema.ts). */
export interface SystemRow {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string;
  businessOwner: (PersonRef & { email: string }) | null;
  department: { id: string; code: string; nameJa: string; nameEn: string } | null;
  lifecycle: Lifecycle;
  euClass: string | null;
  nextReviewAt: string | null;
  tags: string[];
  updatedAt: string;
  version: number;
}

export interface EvidenceLink {
  type: "control" | "item";
  id: string;
  label: string;
}

export interface EvidenceView {
  id: string;
  kind: EvidenceKind;
  title: string;
  note: string | null;
  url: string | null;
  file: { sha256: string; name: string; size: number; mediaType: string } | null;
  validFrom: string | null;
  validUntil: string | null;
  status: EvidenceStatus;
  links: EvidenceLink[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DashboardView {
  totals: { systems: number };
  frameworks: {
    framework: string;
    name: BilingualText;
    inScope: number;
    assessed: number;
    counts: Record<ItemStatus, number>;
    total: number;
  }[];
  /** `later`: how many systems of the class have it only from a later date, by date. */
  euClass: { value: string; label: BilingualText; n: number; later: { from: string; n: number }[] }[];
  lifecycle: { value: Lifecycle; n: number }[];
  overdueReviews: { count: number; items: SystemRow[] };
  expiringEvidence: { count: number; expired: number; items: EvidenceView[] };
  topGaps: { urn: string; requirement: RequirementRef; notMet: number; partiallyMet: number }[];
}

/** One assessment row (`itemView` in src/compliance/assessments.schema.ts). */
export interface ItemView {
  id: string;
  assessmentId: string;
  system: { id: string; code: string; nameJa: string; nameEn: string };
  requirement: RequirementRef;
  applicable: boolean;
  change: "new" | "removed" | null;
  timing: string;
  appliesFrom: string | null;
  answer: ItemStatus | null;
  answerSource: "person" | "inferred" | null;
  fromControls: ItemStatus | null;
  effective: ItemStatus;
  justification: string | null;
  owner: PersonRef | null;
  dueDate: string | null;
  comment: string | null;
  controls: { id: string; code: string; titleJa: string; titleEn: string; status: ControlStatus }[];
  evidence: { id: string; title: string; kind: string; validUntil: string | null; via: "item" | "control" }[];
  updatedAt: string;
  version: number;
}

export interface ItemListParams extends ListParams {
  framework?: string;
  urn?: string;
  systemId?: string;
  status?: ItemStatus;
  group?: ItemGroup;
  ownerId?: string;
  overdue?: "true";
}

export interface ControlView {
  id: string;
  code: string;
  titleJa: string;
  titleEn: string;
  description: string;
  owner: PersonRef | null;
  status: ControlStatus;
  requirements: RequirementRef[];
  evidence: { id: string; title: string; kind: EvidenceKind; validUntil: string | null; status?: EvidenceStatus }[];
  /** Assessment rows it speaks for. */
  rows: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ControlInput {
  code: string;
  titleJa: string;
  titleEn: string;
  description?: string;
  ownerId?: string | null;
  status?: ControlStatus;
  /** Requirement URNs. */
  requirements?: string[];
}

export interface ControlListParams extends ListParams {
  status?: ControlStatus;
  framework?: string;
}

export interface StoredFile {
  sha256: string;
  size: number;
  name: string;
  mediaType: string;
}

export interface EvidenceInput {
  kind: EvidenceKind;
  title: string;
  note?: string;
  url?: string;
  file?: { sha256: string; name: string; mediaType: string };
  validFrom?: string | null;
  validUntil?: string | null;
  links?: { type: "control" | "item"; id: string }[];
}

export interface EvidenceListParams extends ListParams {
  kind?: EvidenceKind;
  status?: EvidenceStatus;
  targetType?: "control" | "item";
  targetId?: string;
}

const enc = encodeURIComponent;

export const dashboardApi = {
  get: (signal?: AbortSignal) => request<DashboardView>("GET", "/api/dashboard", withSignal(signal)),
};

export const assessmentItemsApi = {
  list: (params: ItemListParams, signal?: AbortSignal) => request<Page<ItemView>>("GET", "/api/assessment-items", { query: params, ...withSignal(signal) }),
};

export const controlsApi = {
  list: (params: ControlListParams, signal?: AbortSignal) => request<Page<ControlView>>("GET", "/api/controls", { query: params, ...withSignal(signal) }),
  get: (id: string, signal?: AbortSignal) => request<ControlView>("GET", `/api/controls/${enc(id)}`, withSignal(signal)),
  create: (input: ControlInput) => request<ControlView>("POST", "/api/controls", { body: input }),
  update: (id: string, input: Partial<ControlInput> & { version: number }) => request<ControlView>("PATCH", `/api/controls/${enc(id)}`, { body: input }),
  remove: (id: string) => request<void>("DELETE", `/api/controls/${enc(id)}`),
};

export const evidenceApi = {
  list: (params: EvidenceListParams, signal?: AbortSignal) => request<Page<EvidenceView>>("GET", "/api/evidence", { query: params, ...withSignal(signal) }),
  get: (id: string, signal?: AbortSignal) => request<EvidenceView>("GET", `/api/evidence/${enc(id)}`, withSignal(signal)),
  create: (input: EvidenceInput) => request<EvidenceView>("POST", "/api/evidence", { body: input }),
  update: (id: string, input: Partial<Omit<EvidenceInput, "kind" | "file" | "links">> & { version: number }) =>
    request<EvidenceView>("PATCH", `/api/evidence/${enc(id)}`, { body: input }),
  remove: (id: string) => request<void>("DELETE", `/api/evidence/${enc(id)}`),
  link: (id: string, target: { type: "control" | "item"; id: string }) => request<EvidenceView>("POST", `/api/evidence/${enc(id)}/links`, { body: target }),
  unlink: (id: string, type: "control" | "item", targetId: string) =>
    request<void>("DELETE", `/api/evidence/${enc(id)}/links/${enc(type)}/${enc(targetId)}`),
  /** Where the browser downloads the file (a same-origin GET, so the session cookie goes with it). */
  fileUrl: (id: string) => `/api/evidence/${enc(id)}/file`,
};

/** Sends a file's raw bytes to `POST /api/files` (see `postBytes`). */
export function uploadFile(file: File, opts: { csrfToken: string | undefined; language: Locale }): Promise<StoredFile> {
  return postBytes<StoredFile>("/api/files", file, { csrfToken: opts.csrfToken, lang: opts.language });
}
