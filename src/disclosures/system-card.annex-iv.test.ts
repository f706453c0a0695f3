import { describe, expect, it } from "vitest";
import { getLibrary } from "../library/library.runtime.ts";
import { ANNEX_IV, ANNEX_IV_MAPPING, CARD_FIELDS } from "./system-card.annex-iv.ts";

describe("Annex IV mapping", () => {
  const fw = getLibrary().current.get(ANNEX_IV.framework)!;

  it("names only points the library has, and only points with no sub-points of their own", () => {
    for (const id of Object.keys(ANNEX_IV_MAPPING)) {
      expect(fw.nodesById.get(id)?.parent, id).toMatch(/^annex-iv/);
      expect(fw.children.get(id) ?? [], id).toEqual([]);
    }
  });

  it("points only at card fields that have words in both languages", () => {
    for (const pointers of Object.values(ANNEX_IV_MAPPING)) {
      for (const p of pointers) {
        expect(p).toMatch(/^\/[A-Za-z/]+$/);
        expect(CARD_FIELDS[p].label.ja).toMatch(/[^\x00-\x7f]/);
        expect(CARD_FIELDS[p].label.en).not.toBe("");
      }
    }
  });
});
