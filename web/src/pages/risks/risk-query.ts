import type { RiskListParams, RiskStatus, RiskTreatment } from "../../api/risks.ts";

/**
 * The register's filters as the page holds them (strings from inputs, a cell from the heat map)
 * and as the API takes them. Pure, so what reaches the server is unit-tested.
 */
export interface RiskQuery {
  limit: number;
  offset: number;
  sort: string;
  q: string;
  status: RiskStatus | "";
  treatment: RiskTreatment | "";
  band: string;
  /** "" every risk, "none" organisation-wide ones, else one system's. */
  systemId: string;
  category: string;
  reviewOverdue: boolean;
  /** The heat-map cell picked: both levels or neither. */
  likelihood: number | undefined;
  impact: number | undefined;
}

export const INITIAL_RISK_QUERY: RiskQuery = {
  limit: 25,
  offset: 0,
  sort: "-rating",
  q: "",
  status: "",
  treatment: "",
  band: "",
  systemId: "",
  category: "",
  reviewOverdue: false,
  likelihood: undefined,
  impact: undefined,
};

/** The starting filters, taking `systemId`, `band`, `status` and `reviewOverdue` from a link's query string. */
export function queryFromSearch(search: URLSearchParams): RiskQuery {
  const status = search.get("status");
  return {
    ...INITIAL_RISK_QUERY,
    systemId: search.get("systemId") ?? "",
    band: search.get("band") ?? "",
    status: status === "open" || status === "accepted" || status === "closed" ? status : "",
    reviewOverdue: search.get("reviewOverdue") === "true",
  };
}

/** The list request: empty filters left out (the API refuses `q=`), the overdue flag as `"true"`. */
export function listParams(q: RiskQuery): RiskListParams {
  const params: RiskListParams = { limit: q.limit, offset: q.offset, sort: q.sort };
  if (q.q) params.q = q.q;
  if (q.status) params.status = q.status;
  if (q.treatment) params.treatment = q.treatment;
  if (q.band) params.band = q.band;
  if (q.systemId) params.systemId = q.systemId;
  if (q.category) params.category = q.category;
  if (q.reviewOverdue) params.reviewOverdue = "true";
  if (q.likelihood !== undefined && q.impact !== undefined) {
    params.likelihood = q.likelihood;
    params.impact = q.impact;
  }
  return params;
}

/** Whether anything narrows the list (the empty table then offers to clear the filters). */
export function isFiltered(q: RiskQuery): boolean {
  return Boolean(q.q || q.status || q.treatment || q.band || q.systemId || q.category || q.reviewOverdue || q.likelihood !== undefined);
}

/** The system the heat map counts for: only a real system id (the map has no "organisation-wide only"). */
export function heatmapSystem(q: RiskQuery): string | undefined {
  return q.systemId && q.systemId !== "none" ? q.systemId : undefined;
}
