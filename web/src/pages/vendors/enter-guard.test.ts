import { describe, expect, it } from "vitest";
import { blocksImplicitSubmit } from "./enter-guard.ts";

const enter = (tagName: string, type = "", isComposing = false) => blocksImplicitSubmit({ key: "Enter", isComposing, tagName, type });

describe("blocksImplicitSubmit", () => {
  it("cancels Enter in single-line fields, so a half-filled vendor is never saved", () => {
    for (const type of ["text", "url", "number", "date", "search", "checkbox", ""]) expect(enter("INPUT", type), type).toBe(true);
  });

  it("leaves buttons, text areas and selects alone", () => {
    expect(enter("INPUT", "submit")).toBe(false);
    expect(enter("BUTTON", "submit")).toBe(false);
    expect(enter("TEXTAREA", "textarea")).toBe(false);
    expect(enter("SELECT", "select-one")).toBe(false);
  });

  it("lets Enter confirm an IME conversion and ignores other keys", () => {
    expect(enter("INPUT", "text", true)).toBe(false);
    expect(blocksImplicitSubmit({ key: "a", isComposing: false, tagName: "INPUT", type: "text" })).toBe(false);
  });
});
