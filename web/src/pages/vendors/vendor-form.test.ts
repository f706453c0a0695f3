import { describe, expect, it } from "vitest";
import { changedSystemIds } from "./vendor-form.ts";

describe("changedSystemIds", () => {
  it("sends nothing when the set is as loaded, whatever the order", () => {
    expect(changedSystemIds(["sys_a", "sys_b"], ["sys_b", "sys_a"])).toBeUndefined();
    expect(changedSystemIds([], [])).toBeUndefined();
  });

  it("sends the whole set when a system was added or removed", () => {
    expect(changedSystemIds(["sys_a"], ["sys_a", "sys_b"])).toEqual(["sys_a", "sys_b"]);
    expect(changedSystemIds(["sys_a", "sys_b"], ["sys_b"])).toEqual(["sys_b"]);
    expect(changedSystemIds(["sys_a"], [])).toEqual([]);
  });
});
