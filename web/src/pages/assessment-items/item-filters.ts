import { ITEM_STATUSES, type ItemGroup, type ItemListParams, type ItemStatus } from "../../api/compliance.ts";

/** The row filters a dashboard link can carry, read from and written to the query string. */
export type ItemFilters = Pick<ItemListParams, "framework" | "urn" | "systemId" | "status" | "group" | "ownerId" | "overdue">;

const GROUPS: readonly ItemGroup[] = ["gap", "open", "done"];
const TEXT_KEYS = ["framework", "urn", "systemId", "ownerId"] as const;

/** Filters from `?framework=…&status=…`; values the API would refuse are dropped. */
export function readItemFilters(search: URLSearchParams): ItemFilters {
  const filters: ItemFilters = {};
  for (const key of TEXT_KEYS) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const status = search.get("status");
  if (status && (ITEM_STATUSES as readonly string[]).includes(status)) filters.status = status as ItemStatus;
  const group = search.get("group");
  if (group && (GROUPS as readonly string[]).includes(group)) filters.group = group as ItemGroup;
  if (search.get("overdue") === "true") filters.overdue = "true";
  return filters;
}

/** The query string for `filters` (keys in a stable order), `""` when there are none. */
export function writeItemFilters(filters: ItemFilters): string {
  const params = new URLSearchParams();
  for (const key of [...TEXT_KEYS, "status", "group", "overdue"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
