import { describe, expect, it } from "vitest";
import { addDays, addMonths, todayIso } from "./dates.ts";

describe("todayIso", () => {
  it("writes the local date as YYYY-MM-DD", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(todayIso(new Date(2025, 0, 5, 23, 30))).toBe("2025-01-05");
  });
});

describe("addMonths / addDays", () => {
  it("adds months, clamping to the month's end", () => {
    expect(addMonths("2025-03-15", 12)).toBe("2026-03-15");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
  });
  it("adds days across month and year ends", () => {
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
  });
});
