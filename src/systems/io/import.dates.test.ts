import { describe, expect, it } from "vitest";
import { eraSpan, parseDate } from "./import.dates.ts";

describe("systems.io parseDate", () => {
  it.each([
    ["2025-04-01", "2025-04-01"],
    ["2025/4/1", "2025-04-01"],
    ["2025.04.01", "2025-04-01"],
    ["2025年4月1日", "2025-04-01"],
    ["２０２５／４／１", "2025-04-01"],
    ["20250401", "2025-04-01"],
    ["2025-04-01 09:30", "2025-04-01"],
    ["2025-04-01T09:30:00Z", "2025-04-01"],
    ["令和6年4月1日", "2024-04-01"],
    ["令和元年5月1日", "2019-05-01"],
    ["R6.4.1", "2024-04-01"],
    ["r06/04/01", "2024-04-01"],
    ["H31.4.30", "2019-04-30"],
    ["平成31年4月30日", "2019-04-30"],
    ["昭和64年1月7日", "1989-01-07"],
    ["㋿7.4.1", "2025-04-01"],
    ["45748", "2025-04-01"],
    ["2024-02-29", "2024-02-29"],
  ])("reads %s as %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    ["2025-02-29", "impossible"],
    ["2025-13-01", "impossible"],
    ["R6.13.1", "impossible"],
    ["令和6年4月31日", "impossible"],
    ["平成31年5月1日", "era"],
    ["令和1年4月30日", "era"],
    ["平成0年1月1日", "impossible"],
    ["next spring", "format"],
    ["4/1", "format"],
    ["123", "format"],
  ])("refuses %s as %s", (text, problem) => {
    expect(parseDate(text)).toBe(problem);
  });

  it("names the span of the era a date falls outside", () => {
    expect(eraSpan("平成31年5月1日")).toEqual({ name: "平成", from: "1989-01-08", to: "2019-04-30" });
    expect(eraSpan("R1.4.30")).toEqual({ name: "令和", from: "2019-05-01", to: null });
  });
});
