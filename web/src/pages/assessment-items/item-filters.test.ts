import { describe, expect, it } from "vitest";
import { readItemFilters, writeItemFilters } from "./item-filters.ts";

describe("assessment row filters in the URL", () => {
  it("reads the filters a dashboard link carries", () => {
    expect(readItemFilters(new URLSearchParams("framework=jp-appi&status=met"))).toEqual({ framework: "jp-appi", status: "met" });
    expect(readItemFilters(new URLSearchParams("urn=urn%3Amusubi%3Ax%3A1%3Aa&group=gap"))).toEqual({ urn: "urn:musubi:x:1:a", group: "gap" });
  });

  it("drops values the API would refuse", () => {
    expect(readItemFilters(new URLSearchParams("status=done&group=all&overdue=yes&framework="))).toEqual({});
  });

  it("writes them back in a stable order", () => {
    expect(writeItemFilters({ status: "not_met", framework: "eu-ai-act", overdue: "true" })).toBe("?framework=eu-ai-act&status=not_met&overdue=true");
    expect(writeItemFilters({})).toBe("");
  });
});
