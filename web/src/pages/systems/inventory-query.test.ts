import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY, inventoryFilters, inventoryParams, inventorySearch, isFiltered, isOverdue, parseInventoryQuery } from "./inventory-query.ts";

describe("inventory query string", () => {
  it("reads the dashboard's links", () => {
    const q = parseInventoryQuery(new URLSearchParams("euClass=high-risk&lifecycle=deployed&reviewOverdue=true"));
    expect(inventoryParams(q)).toEqual({ limit: 25, offset: 0, sort: "code", euClass: "high-risk", lifecycle: "deployed", reviewOverdue: "true" });
  });

  it("falls back to defaults for values the API would refuse", () => {
    const q = parseInventoryQuery(new URLSearchParams("lifecycle=bogus&sort=purpose&limit=7&offset=-1&euClass=a%20b"));
    expect(q).toEqual(DEFAULT_QUERY);
  });

  it("writes only what differs from the defaults", () => {
    expect(inventorySearch({ ...DEFAULT_QUERY, q: "採用", sort: "-nextReviewAt" })).toBe(`?sort=-nextReviewAt&q=${encodeURIComponent("採用")}`);
    expect(inventorySearch(DEFAULT_QUERY)).toBe("");
  });

  it("filters on one of the organisation's fields once it has a value, and keeps it in the link and the export", () => {
    const q = parseInventoryQuery(new URLSearchParams("customField=legal_basis&customValue=consent"));
    expect(q).toMatchObject({ customField: "legal_basis", customValue: "consent" });
    expect(inventoryParams(q)).toEqual({ limit: 25, offset: 0, sort: "code", customField: "legal_basis", customValue: "consent" });
    expect(inventoryFilters(q)).toEqual({ customField: "legal_basis", customValue: "consent" });
    expect(isFiltered(q)).toBe(true);
    expect(inventorySearch(q)).toBe("?customField=legal_basis&customValue=consent");

    // A field chosen but no value yet: kept in the address, not sent, not "filtered".
    const chosen = { ...DEFAULT_QUERY, customField: "legal_basis" };
    expect(inventoryParams(chosen)).toEqual({ limit: 25, offset: 0, sort: "code" });
    expect(isFiltered(chosen)).toBe(false);
    expect(inventorySearch(chosen)).toBe("?customField=legal_basis");
  });

  it("drops a custom filter whose key the server would refuse", () => {
    expect(parseInventoryQuery(new URLSearchParams("customField=Legal%20Basis&customValue=x"))).toEqual(DEFAULT_QUERY);
  });

  it("treats a review date before today as overdue", () => {
    expect(isOverdue("2026-11-21", "2026-11-22")).toBe(true);
    expect(isOverdue("2026-11-22", "2026-11-22")).toBe(false);
    expect(isOverdue(null, "2026-11-22")).toBe(false);
  });
});
