import { describe, expect, it } from "vitest";
import type { CardAnnexPoint } from "../../../api/systems.ts";
import { annexCoverage } from "./annex-coverage.ts";

const point = (id: string, mapping: CardAnnexPoint["mapping"]): CardAnnexPoint => ({ urn: `urn:x:${id}`, ref: { ja: null, en: `Point ${id}` }, title: null, text: { ja: null, en: `Text of ${id}` }, mapping });
const field = (recorded: boolean) => ({ pointer: "/models", label: { ja: "モデル", en: "Models" }, recorded });

describe("annexCoverage", () => {
  it("tells recorded, empty and uncovered points apart, and skips points that only group others", () => {
    const { rows, counts } = annexCoverage({
      note: { ja: "", en: "" },
      annex: { urn: "urn:x:annex", ref: { ja: null, en: "Annex IV" }, title: null },
      points: [
        { ...point("1", null), points: [point("1a", { mappedBy: "musubi-editorial", covered: true, fields: [field(false), field(true)] }), point("1b", { mappedBy: "musubi-editorial", covered: true, fields: [field(false)] })] },
        { ...point("2", { mappedBy: "musubi-editorial", covered: false, fields: [] }), points: [] },
      ],
    });
    expect(rows.map((r) => [r.urn.slice(6), r.depth, r.state])).toEqual([
      ["1", 0, undefined],
      ["1a", 1, "recorded"],
      ["1b", 1, "empty"],
      ["2", 0, "uncovered"],
    ]);
    expect(counts).toEqual({ recorded: 1, empty: 1, uncovered: 1 });
    // A language the library lacks is absent, not an empty string, so the UI marks the fallback.
    expect(rows[0]!.ref).toEqual({ en: "Point 1" });
  });
});
