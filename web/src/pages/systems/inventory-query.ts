import { LIFECYCLES, SYSTEM_SORTS, type Lifecycle, type SystemFilters, type SystemListParams } from "../../api/systems.ts";
import { PAGE_SIZES } from "../../components/Pager.tsx";
import { customFilterQuery } from "../../components/custom/CustomFilter.tsx";

/** The inventory's state as the address bar holds it, so a link (`/systems?euClass=high-risk`) opens a filtered list. */
export interface InventoryQuery {
  limit: number;
  offset: number;
  sort: string;
  q: string;
  lifecycle: Lifecycle | "";
  euClass: string;
  departmentId: string;
  framework: string;
  ownerId: string;
  tag: string;
  reviewOverdue: boolean;
  /** The organisation's field filtered on (its key), and the value; a field without a value filters nothing yet. */
  customField: string;
  customValue: string;
}

export const DEFAULT_QUERY: InventoryQuery = {
  limit: 25,
  offset: 0,
  sort: "code",
  q: "",
  lifecycle: "",
  euClass: "",
  departmentId: "",
  framework: "",
  ownerId: "",
  tag: "",
  reviewOverdue: false,
  customField: "",
  customValue: "",
};

const SORTS = new Set<string>(SYSTEM_SORTS.flatMap((s) => [s, `-${s}`]));
const TOKEN = /^[A-Za-z0-9._:-]{1,64}$/;
/** A custom field's key as the server accepts it. */
const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

function int(value: string | null, fallback: number, ok: (n: number) => boolean): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && ok(n) ? n : fallback;
}

/**
 * Reads the query string leniently: an unknown or malformed value falls back to its default
 * instead of sending the API a parameter it would refuse.
 */
export function parseInventoryQuery(search: URLSearchParams): InventoryQuery {
  const text = (key: string, max = 200) => (search.get(key) ?? "").trim().slice(0, max);
  const token = (key: string) => (TOKEN.test(text(key)) ? text(key) : "");
  const lifecycle = text("lifecycle");
  const sort = text("sort");
  return {
    limit: int(search.get("limit"), DEFAULT_QUERY.limit, (n) => (PAGE_SIZES as readonly number[]).includes(n)),
    offset: int(search.get("offset"), 0, (n) => n >= 0 && n <= 10_000_000),
    sort: SORTS.has(sort) ? sort : DEFAULT_QUERY.sort,
    q: text("q"),
    lifecycle: (LIFECYCLES as readonly string[]).includes(lifecycle) ? (lifecycle as Lifecycle) : "",
    euClass: token("euClass"),
    departmentId: token("departmentId"),
    framework: token("framework"),
    ownerId: token("ownerId"),
    tag: text("tag", 60),
    reviewOverdue: search.get("reviewOverdue") === "true",
    customField: FIELD_KEY.test(text("customField")) ? text("customField") : "",
    customValue: FIELD_KEY.test(text("customField")) ? text("customValue") : "",
  };
}

/** The query string for a state, leaving out defaults so links stay short (`?euClass=high-risk`). */
export function inventorySearch(query: InventoryQuery): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_QUERY) as (keyof InventoryQuery)[]) {
    const value = query[key];
    if (value === DEFAULT_QUERY[key]) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The filters alone: what the list narrows by, and what an export must honour. */
export function inventoryFilters(query: InventoryQuery): SystemFilters {
  const out: SystemFilters = {};
  if (query.q) out.q = query.q;
  if (query.lifecycle) out.lifecycle = query.lifecycle;
  if (query.euClass) out.euClass = query.euClass;
  if (query.departmentId) out.departmentId = query.departmentId;
  if (query.framework) out.framework = query.framework;
  if (query.ownerId) out.ownerId = query.ownerId;
  if (query.tag) out.tag = query.tag;
  if (query.reviewOverdue) out.reviewOverdue = "true";
  return { ...out, ...customFilterQuery(query.customField, query.customValue) };
}

export function inventoryParams(query: InventoryQuery): SystemListParams {
  return { limit: query.limit, offset: query.offset, sort: query.sort, ...inventoryFilters(query) };
}

export function isFiltered(query: InventoryQuery): boolean {
  return Object.keys(inventoryFilters(query)).length > 0;
}

/** Whether a review date (YYYY-MM-DD) has passed as of `today` (YYYY-MM-DD, in Japan). */
export function isOverdue(nextReviewAt: string | null, today: string): boolean {
  return nextReviewAt !== null && nextReviewAt < today;
}
