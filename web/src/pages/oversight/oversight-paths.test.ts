import { describe, expect, it } from "vitest";
import { intakeParamsOf, isFiltered, NO_FILTERS, queueFiltersOf, queuePath } from "./oversight-paths.ts";

describe("the queue's address", () => {
  it("round-trips the filters and a trend's drill-down", () => {
    const path = queuePath({ status: "new", sector: "retail", dimension: "right", value: "privacy", month: "2026-10" });
    expect(path).toBe("/oversight/intake?status=new&sector=retail&dimension=right&value=privacy&month=2026-10");
    const filters = queueFiltersOf(new URLSearchParams(path.split("?")[1]));
    expect(filters).toEqual({ status: "new", kind: "", sector: "retail", dimension: "right", value: "privacy", month: "2026-10" });
    expect(intakeParamsOf(filters)).toEqual({ status: "new", sector: "retail", dimension: "right", value: "privacy", month: "2026-10" });
  });

  it("drops what the API would refuse: unknown statuses and kinds, a dimension without a value, a bad month", () => {
    const filters = queueFiltersOf(new URLSearchParams("status=lost&kind=memo&dimension=right&month=2026-13"));
    expect(filters).toEqual(NO_FILTERS);
    expect(isFiltered(filters)).toBe(false);
    expect(queuePath()).toBe("/oversight/intake");
    expect(queueFiltersOf(new URLSearchParams("month=unknown")).month).toBe("unknown");
  });
});
