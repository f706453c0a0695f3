import type { CompiledRules } from "../applicability/compile.ts";
import type { CrosswalkFile, CurrencyAcknowledgements, FrameworkFile, FrameworkNode, ProfileFile, RulesFile } from "./library.schema.ts";

/** One framework version as loaded, with its nodes indexed for lookups. */
export interface LoadedFramework {
  file: FrameworkFile;
  /** Path relative to the library folder, for messages. */
  path: string;
  nodesById: Map<string, FrameworkNode>;
  /** Node id → ids of its direct children, in file order. */
  children: Map<string, string[]>;
}

export interface NodeEntry {
  framework: LoadedFramework;
  node: FrameworkNode;
}

/** A problem found while loading or validating the library; `file` is relative to the library folder. */
export interface LibraryProblem {
  file: string;
  code:
    | "encoding"
    | "json"
    | "schema"
    | "duplicate"
    | "dangling"
    | "mismatch"
    | "expression";
  at?: string;
  message: string;
}

/** The whole library in memory: immutable after load, shared by every request. */
export interface Library {
  dir: string;
  /** First 12 hex digits of a SHA-256 over every file: which library a result was computed with. */
  digest: string;
  /** framework id → version → framework file. */
  frameworks: Map<string, Map<string, LoadedFramework>>;
  /** framework id → its current version (the one in force today, by text effective date; rules refer to it). */
  current: Map<string, LoadedFramework>;
  /** URN → node, across every version. */
  nodes: Map<string, NodeEntry>;
  crosswalks: CrosswalkFile[];
  profile: ProfileFile;
  rules: RulesFile[];
  /** Known cases of a text older than an amendment in force, acknowledged in `currency-acknowledged.json`. */
  acknowledgements?: CurrencyAcknowledgements["acknowledged"];
  /** Every CEL expression, compiled and type-checked once at load. */
  compiled: CompiledRules;
  /** The shipped library, when this one extends it with an organisation's own frameworks. */
  base?: Library;
}

/** The requirement ids under a node (itself included when it is a requirement), in file order. */
export function requirementsUnder(fw: LoadedFramework, id: string): string[] {
  const out: string[] = [];
  const walk = (nodeId: string) => {
    const node = fw.nodesById.get(nodeId);
    if (!node) return;
    if (node.requirement) out.push(nodeId);
    for (const child of fw.children.get(nodeId) ?? []) walk(child);
  };
  walk(id);
  return out;
}
