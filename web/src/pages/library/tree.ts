import type { NodeBrief } from "../../api/types.ts";

export interface TreeIndex {
  byId: Map<string, NodeBrief>;
  roots: string[];
  children: Map<string, string[]>;
  /** Label, title and id in both languages, folded for matching. */
  haystack: Map<string, string>;
}

export interface TreeRow {
  node: NodeBrief;
  depth: number;
  hasChildren: boolean;
  open: boolean;
  /** Held open by the filter, because something below it matches. */
  forced: boolean;
}

/** NFKC folds full-width Latin and half-width katakana, as the server's search does. */
export const fold = (text: string) => text.normalize("NFKC").toLowerCase();

/** Parents, children and search text of a framework's nodes, in file order. */
export function indexTree(nodes: NodeBrief[]): TreeIndex {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const roots: string[] = [];
  const children = new Map<string, string[]>();
  const haystack = new Map<string, string>();
  for (const n of nodes) {
    if (n.parent && byId.has(n.parent)) {
      const list = children.get(n.parent) ?? [];
      list.push(n.id);
      children.set(n.parent, list);
    } else {
      roots.push(n.id);
    }
    haystack.set(n.id, fold([n.id, n.label.ja, n.label.en, n.title?.ja, n.title?.en].filter(Boolean).join(" ")));
  }
  return { byId, roots, children, haystack };
}

/**
 * The ids a filter keeps: nodes that match every term (and are requirements, if asked), plus their
 * ancestors so each match is shown in place. Undefined when nothing filters.
 */
export function filterTree(index: TreeIndex, text: string, requirementsOnly: boolean): { keep: Set<string>; matches: number } | undefined {
  const terms = fold(text).split(/\s+/).filter(Boolean);
  if (terms.length === 0 && !requirementsOnly) return undefined;
  const keep = new Set<string>();
  let matches = 0;
  for (const [id, node] of index.byId) {
    if (requirementsOnly && !node.requirement) continue;
    const hay = index.haystack.get(id)!;
    if (!terms.every((t) => hay.includes(t))) continue;
    matches++;
    let cursor: string | undefined = id;
    while (cursor && !keep.has(cursor)) {
      keep.add(cursor);
      cursor = index.byId.get(cursor)?.parent;
    }
  }
  return { keep, matches };
}

/**
 * The rows to draw, depth first: children of open nodes only, so a 1,500-node act starts as its
 * chapters. Under a filter, nodes with a match below them are held open and show only kept children;
 * a matching node opened by hand shows all its children.
 */
export function visibleRows(index: TreeIndex, expanded: ReadonlySet<string>, keep?: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (ids: string[], depth: number, restrict: ReadonlySet<string> | undefined) => {
    for (const id of ids) {
      if (restrict && !restrict.has(id)) continue;
      const node = index.byId.get(id)!;
      const kids = index.children.get(id) ?? [];
      const forced = restrict !== undefined && kids.some((k) => restrict.has(k));
      const open = forced || expanded.has(id);
      rows.push({ node, depth, hasChildren: kids.length > 0, open, forced });
      if (open) walk(kids, depth + 1, forced ? restrict : undefined);
    }
  };
  walk(index.roots, 0, keep);
  return rows;
}
