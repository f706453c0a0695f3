import type { LoadedFramework } from "./library.model.ts";
import type { FrameworkNode } from "./library.schema.ts";

export interface NodeChange {
  id: string;
  /** Which parts differ: title, text, requirement flag, actors, dates, tags. */
  fields: string[];
  before: FrameworkNode;
  after: FrameworkNode;
}

export interface FrameworkDiff {
  framework: string;
  from: string;
  to: string;
  added: FrameworkNode[];
  removed: FrameworkNode[];
  changed: NodeChange[];
}

const COMPARED: (keyof FrameworkNode)[] = ["title", "text", "requirement", "actors", "dates", "tags", "type", "parent"];

/** Nodes pair by id (ids are stable across versions); only requirement nodes are reported unless `all`. */
export function diffFrameworks(a: LoadedFramework, b: LoadedFramework, all = false): FrameworkDiff {
  const keep = (n: FrameworkNode) => all || n.requirement;
  const added = b.file.nodes.filter((n) => keep(n) && !a.nodesById.has(n.id));
  const removed = a.file.nodes.filter((n) => keep(n) && !b.nodesById.has(n.id));
  const changed: NodeChange[] = [];
  for (const after of b.file.nodes) {
    const before = a.nodesById.get(after.id);
    if (!before || !(keep(before) || keep(after))) continue;
    const fields = COMPARED.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
    if (fields.length) changed.push({ id: after.id, fields, before, after });
  }
  return { framework: b.file.framework, from: a.file.version, to: b.file.version, added, removed, changed };
}
