import { describe, expect, it } from "vitest";
import { addDays, addMonths, instantOfZonedInput, todayIso, zonedInputOf } from "./dates.ts";

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

describe("the organisation's clock", () => {
  const tokyoMorning = new Date("2026-11-20T00:30:00.000Z"); // 09:30 in Tokyo, 16:30 the day before in Los Angeles

  it("gives the organisation's day, not the viewer's", () => {
    expect(todayIso(tokyoMorning, "Asia/Tokyo")).toBe("2026-11-20");
    expect(todayIso(tokyoMorning, "America/Los_Angeles")).toBe("2026-11-19");
    expect(todayIso(tokyoMorning, "Europe/Berlin")).toBe("2026-11-20");
  });

  it("shows and reads datetime-local text on the organisation's clock", () => {
    expect(zonedInputOf(tokyoMorning, "Asia/Tokyo")).toBe("2026-11-20T09:30");
    expect(zonedInputOf(tokyoMorning, "Europe/Berlin")).toBe("2026-11-20T01:30");
    expect(instantOfZonedInput("2026-11-20T09:30", "Asia/Tokyo")?.toISOString()).toBe("2026-11-20T00:30:00.000Z");
    expect(instantOfZonedInput("2026-11-20T01:30", "Europe/Berlin")?.toISOString()).toBe("2026-11-20T00:30:00.000Z");
  });

  it("lands on the right side of a daylight-saving change", () => {
    // Berlin moves from +01:00 to +02:00 at 02:00 on 29 March 2026.
    expect(instantOfZonedInput("2026-03-29T01:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(instantOfZonedInput("2026-03-29T03:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(instantOfZonedInput("2026-07-01T12:00", "America/Los_Angeles")?.toISOString()).toBe("2026-07-01T19:00:00.000Z");
  });

  it("refuses text that is no time", () => {
    expect(instantOfZonedInput("yesterday", "Asia/Tokyo")).toBeUndefined();
    expect(instantOfZonedInput("2026-13-01T00:00", "Asia/Tokyo")).toBeUndefined();
  });
});
