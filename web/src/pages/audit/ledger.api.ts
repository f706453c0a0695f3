import { request, withSignal } from "../../api/client.ts";
import type { AuditEntry, AuditListParams, Page } from "../../api/types.ts";

/** What the ledger shows instead of an internal id (`refs` in src/audit/audit.routes.ts). */
export interface AuditRef {
  type: string;
  code: string | null;
  name: { ja: string; en: string };
  /** The record is gone; the name is the one it last had. */
  deleted?: true;
}

/** Code and name of each record a page of entries mentions, by id. */
export type AuditRefs = Record<string, AuditRef>;

/** A page of the ledger and the names of the records it mentions. */
export interface LedgerPage extends Page<AuditEntry> {
  refs: AuditRefs;
}

/** The ledger's filters, and `code`: a record's business code (`INC-000003`). */
export interface LedgerQuery extends AuditListParams {
  code?: string;
}

/**
 * `GET /api/audit` with the record-code filter and the `refs` of the answer. Kept beside the page
 * until `auditApi` in api/endpoints.ts and `AuditListParams` in api/types.ts carry them.
 */
export function listLedger(query: LedgerQuery, signal?: AbortSignal): Promise<LedgerPage> {
  return request<LedgerPage>("GET", "/api/audit", { query, ...withSignal(signal) });
}

const NO_REFS: AuditRefs = {};

/** The `refs` of a page that may come from an endpoint that does not send them yet. */
export function refsOf(page: Page<AuditEntry> | undefined): AuditRefs {
  return (page as Partial<LedgerPage> | undefined)?.refs ?? NO_REFS;
}
