import type { AuditFilterValues } from "./AuditFilters.tsx";
import type { LedgerQuery } from "./ledger.api.ts";
import { dayToUtc, INTERNAL_ID } from "./vocabulary.ts";

/**
 * The API query for the ledger's filters. The record box takes a business code; an internal id
 * pasted into it (from a log or a support ticket) filters by id instead of matching no code.
 */
export function ledgerQuery(filters: AuditFilterValues): LedgerQuery {
  const code = filters.code.trim();
  const pastedId = INTERNAL_ID.test(code) ? code : undefined;
  const entityId = filters.record?.id ?? pastedId;
  const entityType = filters.record?.type || filters.entityType;
  return {
    ...(filters.action && { action: filters.action }),
    ...(entityType && { entityType }),
    ...(entityId && { entityId }),
    ...(code && !pastedId && { code }),
    ...(filters.from && { from: dayToUtc(filters.from) }),
    ...(filters.to && { to: dayToUtc(filters.to, true) }),
  };
}
