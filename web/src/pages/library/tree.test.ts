import { describe, expect, it } from "vitest";
import type { NodeBrief } from "../../api/types.ts";
import { filterTree, indexTree, visibleRows } from "./tree.ts";

const node = (id: string, parent?: string, extra: Partial<NodeBrief> = {}): NodeBrief => ({
  id,
  urn: `urn:musubi:x:1:${id}`,
  ...(parent ? { parent } : {}),
  type: "article",
  label: { en: `Label ${id}`, ja: `ラベル${id}` },
  requirement: false,
  ...extra,
});

const nodes = [
  node("ch1"),
  node("a1", "ch1", { title: { en: "Risk management" } }),
  node("a1.1", "a1", { requirement: true }),
  node("a1.2", "a1", { requirement: true, title: { ja: "ＡＩリテラシー" } }),
  node("ch2"),
  node("a2", "ch2"),
];
const index = indexTree(nodes);
const ids = (rows: { node: NodeBrief }[]) => rows.map((r) => r.node.id);

describe("library node tree", () => {
  it("starts collapsed: only the roots are drawn", () => {
    expect(ids(visibleRows(index, new Set()))).toEqual(["ch1", "ch2"]);
  });

  it("draws the children of opened nodes, depth first", () => {
    const rows = visibleRows(index, new Set(["ch1", "a1"]));
    expect(ids(rows)).toEqual(["ch1", "a1", "a1.1", "a1.2", "ch2"]);
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 2, 2, 0]);
  });

  it("keeps matches with their ancestors and holds the ancestors open", () => {
    const filtered = filterTree(index, "ai", false)!;
    expect(filtered.matches).toBe(1);
    const rows = visibleRows(index, new Set(), filtered.keep);
    expect(ids(rows)).toEqual(["ch1", "a1", "a1.2"]);
    expect(rows.map((r) => r.forced)).toEqual([true, true, false]);
  });

  it("matches titles in either language, and can keep requirements only", () => {
    expect(filterTree(index, "risk", false)!.keep).toEqual(new Set(["ch1", "a1"]));
    expect(filterTree(index, "", true)!.matches).toBe(2);
    expect(filterTree(index, "  ", false)).toBeUndefined();
  });
});
