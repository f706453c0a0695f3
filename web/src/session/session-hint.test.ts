import { describe, expect, it } from "vitest";
import { hasSessionHint } from "./session-hint.ts";

describe("hasSessionHint", () => {
  it("finds the hint among other cookies", () => {
    expect(hasSessionHint("a=b; musubi_signed_in=1; c=d")).toBe(true);
    expect(hasSessionHint("musubi_signed_in=1")).toBe(true);
  });
  it("is false without it, or when it was cleared", () => {
    expect(hasSessionHint("")).toBe(false);
    expect(hasSessionHint("musubi_signed_in=; other=1")).toBe(false);
    expect(hasSessionHint("not_musubi_signed_in=1")).toBe(false);
  });
});
