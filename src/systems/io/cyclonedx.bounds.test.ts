import { describe, expect, it } from "vitest";
import { parseCycloneDx } from "./cyclonedx.parse.ts";
import { appErrorOf } from "./io.test-support.ts";
import { nestedDeeperThan } from "./json.depth.ts";
import { expectTooLarge } from "./upload.test-support.ts";

/** A BOM whose components nest `levels` deep, each the only child of the one above. */
function nestedBom(levels: number) {
  let component: Record<string, unknown> = { type: "machine-learning-model", name: "leaf" };
  for (let i = 0; i < levels; i++) component = { type: "application", name: `level-${i}`, components: [component] };
  return { bomFormat: "CycloneDX", specVersion: "1.6", components: [component] };
}

describe("systems.io CycloneDX bounds", () => {
  it("refuses a BOM nested 1,000 levels deep with a clear 413, not a stack overflow", async () => {
    const err = await appErrorOf(() => parseCycloneDx(nestedBom(1_000)));
    expectTooLarge(err, "depth", 64, "more than 64 levels", "64階層まで");
  });

  it("reads a BOM nested as deep as real component trees go", () => {
    expect(parseCycloneDx(nestedBom(20)).models).toEqual([{ name: "leaf" }]);
  });

  it("measures depth without recursion, whatever the nesting", () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(nestedDeeperThan(deep, 64)).toBe(true);
    expect(nestedDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [{ b: [] }] }, 3)).toBe(true);
  });

  it("validates 30,000 components (a 1 MiB BOM) in linear time, and still refuses duplicates", async () => {
    const components = Array.from({ length: 30_000 }, (_, i) => ({ type: "library", name: `lib-${i}` }));
    const started = process.cpuUsage();
    expect(parseCycloneDx({ bomFormat: "CycloneDX", specVersion: "1.6", components }).models).toEqual([]);
    const { user, system } = process.cpuUsage(started);
    // Pairwise comparison took about 17 s here; schema compilation is part of this budget.
    expect((user + system) / 1000).toBeLessThan(3_000);
    const err = await appErrorOf(() => parseCycloneDx({ bomFormat: "CycloneDX", specVersion: "1.6", components: [...components.slice(0, 3), { name: "lib-1", type: "library" }] }));
    expect(err.details).toMatchObject({ reason: "schema", errors: [{ instancePath: "/components", keyword: "uniqueItems", message: "must NOT have duplicate items" }] });
  });
});
