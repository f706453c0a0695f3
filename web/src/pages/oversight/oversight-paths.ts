import { INTAKE_KINDS, INTAKE_STATUSES, TREND_DIMENSIONS, type IntakeKind, type IntakeParams, type IntakeStatus, type TrendDimension } from "../../api/oversight.ts";

const enc = encodeURIComponent;

export const QUEUE_PATH = "/oversight/intake";
export const CASES_PATH = "/oversight/cases";
export const TRENDS_PATH = "/oversight/trends";
export const REGISTRATIONS_PATH = "/oversight/registrations";
export const REQUESTS_PATH = "/oversight/requests";
export const ADVISORIES_PATH = "/oversight/advisories";
export const PUBLICATIONS_PATH = "/oversight/publications";

export const intakePath = (id: string) => `${QUEUE_PATH}/${enc(id)}`;
export const casePath = (id: string) => `${CASES_PATH}/${enc(id)}`;
export const requestPath = (id: string) => `${REQUESTS_PATH}/${enc(id)}`;
export const advisoryPath = (id: string) => `${ADVISORIES_PATH}/${enc(id)}`;
export const publicationPath = (id: string) => `${PUBLICATIONS_PATH}/${enc(id)}`;

/** The authority's public register (signed out), or one publication on it: what the public sees. */
export const publicRegisterPath = (authoritySlug: string, code?: string) => `/register/${enc(authoritySlug)}${code ? `/${enc(code)}` : ""}`;
/** The authority's public form for reports of harm (no account). */
export const publicReportFormPath = (authoritySlug: string) => `/report/${enc(authoritySlug)}`;

/** What the queue is narrowed to: the filters a person picks, and a trend's drill-down. */
export interface QueueFilters {
  status: IntakeStatus | "";
  kind: IntakeKind | "";
  sector: string;
  /** A trend bar: the submissions counted under `value` of `dimension` (both or neither). */
  dimension: TrendDimension | "";
  value: string;
  /** A trend's month column (YYYY-MM, or `unknown`). */
  month: string;
}

export const NO_FILTERS: QueueFilters = { status: "", kind: "", sector: "", dimension: "", value: "", month: "" };

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | "" => (v !== null && (values as readonly string[]).includes(v) ? (v as T) : "");
const MONTH = /^(\d{4}-(0[1-9]|1[0-2])|unknown)$/;

/** The queue's filters from its address; anything the API would refuse is dropped. */
export function queueFiltersOf(search: URLSearchParams): QueueFilters {
  const dimension = oneOf(TREND_DIMENSIONS, search.get("dimension"));
  const value = (search.get("value") ?? "").slice(0, 200);
  const month = search.get("month") ?? "";
  return {
    status: oneOf(INTAKE_STATUSES, search.get("status")),
    kind: oneOf(INTAKE_KINDS, search.get("kind")),
    sector: (search.get("sector") ?? "").slice(0, 100),
    // The API wants a dimension and a value together, or neither.
    dimension: dimension && value ? dimension : "",
    value: dimension && value ? value : "",
    month: MONTH.test(month) ? month : "",
  };
}

/** The queue's address with these filters (empty ones left out), for links and the history. */
export function queuePath(filters: Partial<QueueFilters> = {}): string {
  const params = new URLSearchParams();
  for (const key of ["status", "kind", "sector", "dimension", "value", "month"] as const) {
    const v = filters[key];
    if (v) params.set(key, v);
  }
  const text = params.toString();
  return text ? `${QUEUE_PATH}?${text}` : QUEUE_PATH;
}

/** The filters as the API's query (empty ones left out). */
export function intakeParamsOf(filters: QueueFilters): Omit<IntakeParams, "limit" | "offset"> {
  return {
    ...(filters.status && { status: filters.status }),
    ...(filters.kind && { kind: filters.kind }),
    ...(filters.sector && { sector: filters.sector }),
    ...(filters.dimension && filters.value && { dimension: filters.dimension, value: filters.value }),
    ...(filters.month && { month: filters.month }),
  };
}

export const isFiltered = (f: QueueFilters) => Object.values(f).some(Boolean);
