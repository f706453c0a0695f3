import { describe, expect, it } from "vitest";
import { basisFromSearch, heatmapSystem, INITIAL_RISK_QUERY, isFiltered, listParams, queryFromSearch, searchOfQuery } from "./risk-query.ts";

describe("listParams", () => {
  it("sends only paging and sort when nothing is filtered", () => {
    expect(listParams(INITIAL_RISK_QUERY)).toEqual({ limit: 25, offset: 0, sort: "-rating" });
    expect(isFiltered(INITIAL_RISK_QUERY)).toBe(false);
  });

  it("sends every chosen filter, the overdue flag as the string true", () => {
    const q = { ...INITIAL_RISK_QUERY, q: "bias", status: "open" as const, treatment: "avoid" as const, band: "high", systemId: "none", category: "7.1", reviewOverdue: true };
    expect(listParams(q)).toEqual({ limit: 25, offset: 0, sort: "-rating", q: "bias", status: "open", treatment: "avoid", band: "high", systemId: "none", category: "7.1", reviewOverdue: "true" });
    expect(isFiltered(q)).toBe(true);
  });

  it("sends a heat-map cell as both levels, never one alone", () => {
    expect(listParams({ ...INITIAL_RISK_QUERY, likelihood: 4, impact: 2 })).toMatchObject({ likelihood: 4, impact: 2 });
    expect(listParams({ ...INITIAL_RISK_QUERY, likelihood: 4 })).not.toHaveProperty("likelihood");
    expect(isFiltered({ ...INITIAL_RISK_QUERY, likelihood: 4, impact: 2 })).toBe(true);
  });

  it("sends a custom-field filter as the field and its value, never the field alone", () => {
    const q = { ...INITIAL_RISK_QUERY, customField: "business_unit", customValue: "retail" };
    expect(listParams(q)).toEqual({ limit: 25, offset: 0, sort: "-rating", customField: "business_unit", customValue: "retail" });
    expect(isFiltered(q)).toBe(true);
    const fieldOnly = { ...INITIAL_RISK_QUERY, customField: "business_unit" };
    expect(listParams(fieldOnly)).toEqual({ limit: 25, offset: 0, sort: "-rating" });
    expect(isFiltered(fieldOnly)).toBe(false);
  });
});

describe("queryFromSearch", () => {
  it("takes a link's system, band, status and overdue filter", () => {
    const q = queryFromSearch(new URLSearchParams("systemId=sys_1&band=high&status=accepted&reviewOverdue=true"));
    expect(q).toMatchObject({ systemId: "sys_1", band: "high", status: "accepted", reviewOverdue: true, sort: "-rating" });
  });
  it("ignores an unknown status", () => {
    expect(queryFromSearch(new URLSearchParams("status=bogus")).status).toBe("");
  });
  it("takes a custom-field filter only with both its field and value", () => {
    expect(queryFromSearch(new URLSearchParams("customField=business_unit&customValue=retail"))).toMatchObject({ customField: "business_unit", customValue: "retail" });
    expect(queryFromSearch(new URLSearchParams("customField=business_unit"))).toMatchObject({ customField: "", customValue: "" });
    expect(queryFromSearch(new URLSearchParams("customValue=retail"))).toMatchObject({ customField: "", customValue: "" });
  });
});

describe("heatmapSystem", () => {
  it("counts one system's risks only for a real system id", () => {
    expect(heatmapSystem({ ...INITIAL_RISK_QUERY, systemId: "sys_1" })).toBe("sys_1");
    expect(heatmapSystem({ ...INITIAL_RISK_QUERY, systemId: "none" })).toBeUndefined();
    expect(heatmapSystem(INITIAL_RISK_QUERY)).toBeUndefined();
  });
});

describe("searchOfQuery", () => {
  it("puts the heat-map cell and every filter in the address, and reads them back", () => {
    const q = { ...INITIAL_RISK_QUERY, q: "bias", status: "open" as const, treatment: "avoid" as const, band: "high", category: "7.1", reviewOverdue: true, likelihood: 4, impact: 2, sort: "code", customField: "business_unit", customValue: "retail" };
    const search = searchOfQuery(q, "inherent");
    expect(search).toContain("likelihood=4");
    expect(search).toContain("customField=business_unit&customValue=retail");
    expect(search).toContain("basis=inherent");
    const back = new URLSearchParams(search.slice(1));
    expect(queryFromSearch(back)).toEqual({ ...q, offset: 0, limit: 25 });
    expect(basisFromSearch(back)).toBe("inherent");
  });
  it("leaves the address bare when nothing is filtered", () => {
    expect(searchOfQuery(INITIAL_RISK_QUERY, "current")).toBe("");
    expect(searchOfQuery({ ...INITIAL_RISK_QUERY, customField: "business_unit" }, "current")).toBe("");
  });
  it("drops a half cell or a level out of range from a hand-edited link", () => {
    expect(queryFromSearch(new URLSearchParams("likelihood=4")).likelihood).toBeUndefined();
    expect(queryFromSearch(new URLSearchParams("likelihood=0&impact=2")).impact).toBeUndefined();
    expect(basisFromSearch(new URLSearchParams("basis=bogus"))).toBe("current");
  });
});
