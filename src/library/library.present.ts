import type { Library, LoadedFramework, NodeEntry } from "./library.model.ts";
import { nodeCurrency, todayInJapan } from "./library.currency.ts";
import type { FrameworkNode, Text } from "./library.schema.ts";

/** A framework version's metadata as the API shows it: everything but the nodes. */
export function presentFramework(library: Library, fw: LoadedFramework) {
  const { nodes, $schema, format, ...meta } = fw.file;
  const versions = [...library.frameworks.get(fw.file.framework)!.keys()];
  return {
    ...meta,
    current: library.current.get(fw.file.framework) === fw,
    versions,
    /** The organisation's own framework (only it sees it), not one Musubi ships. */
    own: library.base !== undefined && !library.base.frameworks.has(fw.file.framework),
    counts: { nodes: nodes.length, requirements: nodes.filter((n) => n.requirement).length },
  };
}

/** A node in a list or tree: no body text, which can be long (EU AI Act articles). */
export function presentNodeBrief(node: FrameworkNode) {
  return {
    id: node.id,
    urn: node.urn,
    ...(node.parent ? { parent: node.parent } : {}),
    type: node.type,
    label: node.ref.label,
    ...(node.title ? { title: node.title } : {}),
    requirement: node.requirement,
    ...(node.actors ? { actors: node.actors } : {}),
    ...(node.tags ? { tags: node.tags } : {}),
    ...(node.dates?.appliesFrom ? { appliesFrom: node.dates.appliesFrom } : {}),
    ...(node.obligation ? { obligation: node.obligation.kinds } : {}),
  };
}

/**
 * A framework's display name per language: its short name where the file gives one in that
 * language, else its full name, so neither language falls back to the other's text needlessly.
 */
export function frameworkLabel(file: { name: Text; shortName?: Text | undefined }): Text {
  const short = file.shortName ?? {};
  const label: Text = {};
  const ja = short.ja ?? file.name.ja;
  const en = short.en ?? file.name.en;
  if (ja !== undefined) label.ja = ja;
  if (en !== undefined) label.en = en;
  return label;
}

/** Framework, version and node label for a URN elsewhere in the library (crosswalk ends, citations). */
export function presentRef(library: Library, urn: string, asOf = todayInJapan()) {
  const e = library.nodes.get(urn)!;
  const currency = nodeCurrency(e.framework, e.node.id, asOf);
  return {
    urn,
    framework: e.framework.file.framework,
    frameworkName: frameworkLabel(e.framework.file),
    version: e.framework.file.version,
    id: e.node.id,
    label: e.node.ref.label,
    ...(e.node.title ? { title: e.node.title } : {}),
    requirement: e.node.requirement,
    /** Best-effort / cooperation / measure of the State (Musubi's reading of the wording). */
    ...(e.node.obligation ? { obligation: e.node.obligation.kinds } : {}),
    /** Amendments in force the stored text lacks, and coming changes Musubi reads as touching the node. */
    ...(currency ? { currency } : {}),
  };
}

/** A crosswalk path step's node named as people read it: its framework's display name and its label. */
export function stepName(library: Library, urn: string): { frameworkName: Text; label: Text } | Record<string, never> {
  const e = library.nodes.get(urn);
  return e ? { frameworkName: frameworkLabel(e.framework.file), label: e.node.ref.label } : {};
}

/** Breadcrumb from the framework's root down to the node's parent. */
export function ancestorsOf(entry: NodeEntry): FrameworkNode[] {
  const out: FrameworkNode[] = [];
  let parent = entry.node.parent;
  while (parent) {
    const p = entry.framework.nodesById.get(parent);
    if (!p) break;
    out.unshift(p);
    parent = p.parent;
  }
  return out;
}
