import { describe, expect, it } from "vitest";
import { diffRecords } from "./diff.ts";

describe("diffRecords", () => {
  it("marks the fields an update changed", () => {
    const rows = diffRecords({ role: "viewer", email: "a@x", version: 1 }, { role: "admin", email: "a@x", version: 2 });
    expect(rows.map((r) => [r.field, r.change])).toEqual([
      ["role", "changed"],
      ["email", "same"],
      ["version", "changed"],
    ]);
  });

  it("lists every field of a created record as added, nested objects as dotted fields", () => {
    const rows = diffRecords(null, { id: "usr_1", settings: { timezone: "Asia/Tokyo" } });
    expect(rows).toEqual([
      { field: "id", before: undefined, after: "usr_1", change: "added" },
      { field: "settings.timezone", before: undefined, after: "Asia/Tokyo", change: "added" },
    ]);
  });

  it("keeps lists whole and compares them by value", () => {
    const rows = diffRecords({ tags: ["a", "b"], ids: ["x"] }, { tags: ["a", "b"], ids: ["x", "y"] });
    expect(rows.map((r) => [r.field, r.change])).toEqual([
      ["tags", "same"],
      ["ids", "changed"],
    ]);
  });

  it("shows removed fields with their values", () => {
    expect(diffRecords({ departmentId: null, n: 3 }, {})).toEqual([
      { field: "departmentId", before: null, after: undefined, change: "removed" },
      { field: "n", before: 3, after: undefined, change: "removed" },
    ]);
  });

  it("is empty when the entry records nothing", () => {
    expect(diffRecords(null, null)).toEqual([]);
  });
});
