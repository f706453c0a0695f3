import { request, withSignal } from "./client.ts";
import type { ConfidentialMark, Names, SubmissionKind } from "./oversight.ts";

/**
 * The organisation's dealings with authorities as the web UI sees them: its registrations
 * (connections), what it sent and the signed receipts. Kept by hand beside
 * src/exchange/connections.store.ts, outgoing.view.ts, submit.service.ts and exchange.routes.ts.
 */

const enc = encodeURIComponent;

export const CONNECTION_STATUSES = ["pending", "approved", "refused", "revoked"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];
export const OUTGOING_STATUSES = ["queued", "delivered", "refused", "failed"] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];

/** A registration: with an authority (`authority`) or, on an authority, an organisation's (`member`). */
export interface ConnectionView {
  id: string;
  direction: "authority" | "member";
  status: ConnectionStatus;
  counterpart: { party: string; name: Names; sameInstance: boolean };
  selfParty: string;
  sector: string | null;
  requestedAt: string;
  decidedAt: string | null;
  note: string | null;
  /** Key ids (RFC 7638 thumbprints) of the counterpart's keys, to compare by telephone or letter. */
  counterpartKeys: { kid: string; retiredAt: string | null }[];
  version: number;
}

/** What the organisation sent (or is sending) to an authority. */
export interface OutgoingView {
  id: string;
  /** A submission kind, or `registration` for the registration request itself. */
  kind: string;
  subject: { type: string | null; label: string | null };
  authority: { party: string; name: Names };
  status: OutgoingStatus;
  attempts: number;
  lastError: string | null;
  idempotencyKey: string;
  payloadSha256: string;
  confidential: string[];
  createdAt: string;
  createdBy: string | null;
  receivedAt: string | null;
  /** The authority's signed receipt (compact JWS). */
  receipt: string | null;
}

export interface AuthorityOption {
  party: string;
  slug: string;
  name: Names;
}

export interface SectorOption {
  value: string;
  label: Names;
}

export interface ConnectInput {
  /** Another Musubi's base URL; null for an authority on this instance. */
  authorityUrl: string | null;
  authoritySlug: string;
  sector: string | null;
  note: string | null;
}

export interface SubmitInput {
  connectionId: string;
  kind: SubmissionKind;
  /** The incident's code, the HAIP report's year or the system's code. */
  subject: string;
  confidential: ConfidentialMark[];
}

export const exchangeApi = {
  authorities: (signal?: AbortSignal) => request<AuthorityOption[]>("GET", "/api/exchange/authorities", withSignal(signal)),
  sectors: (signal?: AbortSignal) => request<SectorOption[]>("GET", "/api/exchange/sectors", withSignal(signal)),
  connections: (signal?: AbortSignal) => request<ConnectionView[]>("GET", "/api/exchange/connections", withSignal(signal)),
  connect: (input: ConnectInput) => request<ConnectionView>("POST", "/api/exchange/connections", { body: input }),
  submissions: (params: { limit?: number; offset?: number }, signal?: AbortSignal) => request<OutgoingView[]>("GET", "/api/exchange/submissions", { query: params, ...withSignal(signal) }),
  submission: (id: string, signal?: AbortSignal) => request<OutgoingView>("GET", `/api/exchange/submissions/${enc(id)}`, withSignal(signal)),
  submit: (input: SubmitInput) => request<OutgoingView>("POST", "/api/exchange/submissions", { body: input }),
};
