import { describe, expect, it } from "vitest";
import { errorFor, hasFieldErrorOutside } from "./fieldErrors.ts";

describe("errorFor", () => {
  const errors = { titleJa: "Required", "categories.1": "Unknown id", "systemIds.1": "No system with this id", "cells.0": "x" };
  it("finds a field's own message or its first item's", () => {
    expect(errorFor(errors, "titleJa")).toBe("Required");
    expect(errorFor(errors, "categories")).toBe("Unknown id");
    expect(errorFor(errors, "systemIds")).toBe("No system with this id");
    expect(errorFor(errors, "titleEn")).toBeUndefined();
    expect(errorFor(errors, "system")).toBeUndefined();
  });
});

describe("hasFieldErrorOutside", () => {
  it("notices errors no field shows", () => {
    expect(hasFieldErrorOutside({ titleJa: "Required", "categories.1": "Unknown id", "cells.0": "x" }, ["titleJa", "categories"])).toBe(true);
    expect(hasFieldErrorOutside({ titleJa: "x" }, ["titleJa", "categories"])).toBe(false);
  });
});
