import { HEATMAP_BASES, RISK_TREATMENTS, type HeatmapBasis, type RiskListParams, type RiskStatus, type RiskTreatment } from "../../api/risks.ts";
import { customFilterQuery } from "../../components/custom/CustomFilter.tsx";

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
  /** One of the organisation's own fields ("" none) and the value it must hold; filters only with both. */
  customField: string;
  customValue: string;
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
  customField: "",
  customValue: "",
};

const TREATMENTS: ReadonlySet<string> = new Set(RISK_TREATMENTS);

/** A level from the address: a whole number 1–10, else none (a hand-edited link must not break the page). */
function levelOf(text: string | null): number | undefined {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n >= 1 && n <= 10 ? n : undefined;
}

/**
 * The filters a link or a reload carries: every filter of the register, the heat-map cell and
 * which ratings it counts, so a view can be shared or bookmarked as it is.
 */
export function queryFromSearch(search: URLSearchParams): RiskQuery {
  const status = search.get("status");
  const treatment = search.get("treatment") ?? "";
  const likelihood = levelOf(search.get("likelihood"));
  const impact = levelOf(search.get("impact"));
  const cell = likelihood !== undefined && impact !== undefined;
  const customField = search.get("customField") ?? "";
  const customValue = search.get("customValue") ?? "";
  const custom = customField !== "" && customValue !== "";
  return {
    ...INITIAL_RISK_QUERY,
    q: search.get("q") ?? "",
    sort: search.get("sort") || INITIAL_RISK_QUERY.sort,
    systemId: search.get("systemId") ?? "",
    band: search.get("band") ?? "",
    category: search.get("category") ?? "",
    status: status === "open" || status === "accepted" || status === "closed" ? status : "",
    treatment: TREATMENTS.has(treatment) ? (treatment as RiskTreatment) : "",
    reviewOverdue: search.get("reviewOverdue") === "true",
    likelihood: cell ? likelihood : undefined,
    impact: cell ? impact : undefined,
    customField: custom ? customField : "",
    customValue: custom ? customValue : "",
  };
}

/** Which ratings the heat map counts, from the address (current unless it names another). */
export function basisFromSearch(search: URLSearchParams): HeatmapBasis {
  const basis = search.get("basis");
  return HEATMAP_BASES.find((b) => b === basis) ?? "current";
}

/** The address of the register as filtered: what {@link queryFromSearch} reads back (paging left out). */
export function searchOfQuery(q: RiskQuery, basis: HeatmapBasis): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== "") params.set(key, String(value));
  };
  put("q", q.q);
  if (q.sort !== INITIAL_RISK_QUERY.sort) put("sort", q.sort);
  put("status", q.status);
  put("treatment", q.treatment);
  put("band", q.band);
  put("systemId", q.systemId);
  put("category", q.category);
  if (q.reviewOverdue) put("reviewOverdue", "true");
  if (q.likelihood !== undefined && q.impact !== undefined) {
    put("likelihood", q.likelihood);
    put("impact", q.impact);
  }
  const custom = customFilterQuery(q.customField, q.customValue);
  put("customField", custom.customField);
  put("customValue", custom.customValue);
  if (basis !== "current") put("basis", basis);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The list request: empty filters left out (the API refuses `q=`), the overdue flag as `"true"`, a custom field only with its value. */
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
  return { ...params, ...customFilterQuery(q.customField, q.customValue) };
}

/** Whether anything narrows the list (the empty table then offers to clear the filters). */
export function isFiltered(q: RiskQuery): boolean {
  return Boolean(q.q || q.status || q.treatment || q.band || q.systemId || q.category || q.reviewOverdue || q.likelihood !== undefined || (q.customField && q.customValue));
}

/** The system the heat map counts for: only a real system id (the map has no "organisation-wide only"). */
export function heatmapSystem(q: RiskQuery): string | undefined {
  return q.systemId && q.systemId !== "none" ? q.systemId : undefined;
}
