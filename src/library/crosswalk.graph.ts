import type { Library } from "./library.model.ts";
import type { CrosswalkEdge, Relationship } from "./library.schema.ts";

/** An edge seen from one end: `relationship` reads "this node is <relationship> of `to`". */
export interface DirectedEdge {
  to: string;
  relationship: Relationship;
  edge: CrosswalkEdge;
  crosswalk: string;
  /** True when the stored edge points the other way and was inverted. */
  inverted: boolean;
}

export interface Coverage {
  urn: string;
  /** The weakest relationship along the chain. */
  relationship: Relationship;
  /** Does satisfying the start fully satisfy this node (every link equal or superset)? */
  full: boolean;
  path: DirectedEdge[];
}

const INVERSE: Record<Relationship, Relationship> = { equal: "equal", subset: "superset", superset: "subset", intersect: "intersect" };

/**
 * How much satisfying the start node says about the other end: `equal` and `superset` (the start
 * contains the other) carry full coverage; `subset` and `intersect` only partial. The order is the
 * strength used to pick the weakest link of a chain.
 */
export const STRENGTH: Record<Relationship, number> = { equal: 3, superset: 2, subset: 1, intersect: 0 };

const graphs = new WeakMap<Library, Map<string, DirectedEdge[]>>();

/** Both directions of every crosswalk edge, indexed by URN; built once per library. */
export function crosswalkGraph(library: Library): Map<string, DirectedEdge[]> {
  const cached = graphs.get(library);
  if (cached) return cached;
  const graph = new Map<string, DirectedEdge[]>();
  const add = (from: string, e: DirectedEdge) => {
    const list = graph.get(from) ?? [];
    list.push(e);
    graph.set(from, list);
  };
  for (const cw of library.crosswalks) {
    for (const edge of cw.edges) {
      add(edge.from, { to: edge.to, relationship: edge.relationship, edge, crosswalk: cw.id, inverted: false });
      add(edge.to, { to: edge.from, relationship: INVERSE[edge.relationship], edge, crosswalk: cw.id, inverted: true });
    }
  }
  graphs.set(library, graph);
  return graph;
}

/** Direct crosswalk neighbours of a node, strongest first. */
export function neighbours(library: Library, urn: string): DirectedEdge[] {
  return [...(crosswalkGraph(library).get(urn) ?? [])].sort((a, b) => STRENGTH[b.relationship] - STRENGTH[a.relationship]);
}

/**
 * "What else does satisfying X cover?": every node reachable within `maxHops`, each with its best
 * chain (strongest weakest link, then fewest hops). The start node's own framework is included, as
 * crosswalk hops can come back into it.
 */
export function coverageFrom(library: Library, start: string, maxHops = 3): Coverage[] {
  const graph = crosswalkGraph(library);
  const best = new Map<string, Coverage>();
  let frontier: Coverage[] = [{ urn: start, relationship: "equal", full: true, path: [] }];
  for (let hop = 0; hop < maxHops && frontier.length; hop++) {
    const next: Coverage[] = [];
    for (const from of frontier) {
      for (const e of graph.get(from.urn) ?? []) {
        if (e.to === start || from.path.some((p) => p.to === e.to)) continue;
        const relationship = STRENGTH[e.relationship] < STRENGTH[from.relationship] ? e.relationship : from.relationship;
        const candidate: Coverage = { urn: e.to, relationship, full: STRENGTH[relationship] >= STRENGTH.superset, path: [...from.path, e] };
        const known = best.get(e.to);
        if (known && (STRENGTH[known.relationship] > STRENGTH[relationship] || (known.relationship === relationship && known.path.length <= candidate.path.length))) continue;
        best.set(e.to, candidate);
        next.push(candidate);
      }
    }
    frontier = next;
  }
  return [...best.values()].sort((a, b) => STRENGTH[b.relationship] - STRENGTH[a.relationship] || a.path.length - b.path.length || a.urn.localeCompare(b.urn));
}
