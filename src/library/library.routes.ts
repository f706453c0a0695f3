import { nodeCurrency, todayInJapan } from "./library.currency.ts";
import { z } from "zod";
import { AppError, notFound } from "../platform/errors.ts";
import { defineRoute } from "../platform/http/route.ts";
import { coverageFrom, neighbours } from "./crosswalk.graph.ts";
import { diffFrameworks } from "./library.diff.ts";
import { ancestorsOf, presentFramework, presentNodeBrief, presentRef, stepName } from "./library.present.ts";
import { searchLibrary } from "./library.search.ts";
import { frameworkDiffView, frameworkVersionView, libraryNodeView, librarySearchView, libraryView } from "./library.views.ts";

// Identifiers are looked up, never interpolated anywhere, so any bounded string is accepted and an
// unknown one is simply not found (404).
const slug = z.string().min(1).max(80);
const version = z.string().min(1).max(40);
const READ = { permission: "library.read" } as const;

export const libraryRoutes = [
  defineRoute({
    method: "get",
    path: "/api/library",
    summary: "The framework library: frameworks and versions, crosswalks, and the library digest",
    tag: "library",
    access: READ,
    response: libraryView,
    async handler({ deps }) {
      const lib = deps.library;
      return {
        digest: lib.digest,
        frameworks: [...lib.frameworks.values()].flatMap((versions) => [...versions.values()].map((fw) => presentFramework(lib, fw))),
        crosswalks: lib.crosswalks.map(({ edges, $schema, format, ...meta }) => ({
          ...meta,
          edges: edges.length,
          frameworks: [...new Set(edges.flatMap((e) => [e.from, e.to]).map((u) => u.split(":")[2]!))],
        })),
      };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/library/frameworks/:framework/diff",
    summary: "Requirements added, removed and changed between two versions of a framework",
    tag: "library",
    access: READ,
    params: z.strictObject({ framework: slug }),
    query: z.strictObject({ from: version, to: version, all: z.enum(["true", "false"]).default("false") }),
    response: frameworkDiffView,
    async handler({ deps, params, query }) {
      const versions = deps.library.frameworks.get(params.framework);
      if (!versions) throw notFound();
      const a = versions.get(query.from);
      const b = versions.get(query.to);
      if (!a || !b) throw new AppError(400, "bad_request", { versions: [...versions.keys()] });
      const d = diffFrameworks(a, b, query.all === "true");
      return {
        ...d,
        added: d.added.map(presentNodeBrief),
        removed: d.removed.map(presentNodeBrief),
        changed: d.changed.map((c) => ({ id: c.id, fields: c.fields, before: c.before, after: c.after })),
      };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/library/frameworks/:framework/:version",
    summary: "One framework version with its node tree (titles, no body text)",
    tag: "library",
    access: READ,
    params: z.strictObject({ framework: slug, version }),
    response: frameworkVersionView,
    async handler({ deps, params }) {
      const fw = deps.library.frameworks.get(params.framework)?.get(params.version);
      if (!fw) throw notFound();
      return { framework: presentFramework(deps.library, fw), nodes: fw.file.nodes.map(presentNodeBrief) };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/library/nodes/:urn",
    summary: "A library node with its text, source, licence, children and crosswalk neighbours",
    tag: "library",
    access: READ,
    params: z.strictObject({ urn: z.string().max(200) }),
    query: z.strictObject({ hops: z.coerce.number().int().min(1).max(4).default(3) }),
    response: libraryNodeView,
    async handler({ deps, params, query }) {
      const lib = deps.library;
      const entry = lib.nodes.get(params.urn);
      if (!entry) throw notFound();
      const { node, framework: fw } = entry;
      const currency = nodeCurrency(fw, node.id, todayInJapan());
      return {
        node,
        /** Amendments in force that the stored text lacks, and coming changes Musubi reads as touching it. */
        ...(currency ? { currency } : {}),
        framework: presentFramework(lib, fw),
        ancestors: ancestorsOf(entry).map(presentNodeBrief),
        /** The nodes `node.refersTo` names, with their framework and label, so the UI shows no URN's parts. */
        references: (node.refersTo ?? []).map((urn) => ({ urn, ...stepName(lib, urn) })),
        children: (fw.children.get(node.id) ?? []).map((id) => presentNodeBrief(fw.nodesById.get(id)!)),
        neighbours: neighbours(lib, node.urn).map((e) => ({
          relationship: e.relationship,
          provenance: e.edge.provenance,
          rationale: e.edge.rationale,
          crosswalk: e.crosswalk,
          node: presentRef(lib, e.to),
        })),
        covers: coverageFrom(lib, node.urn, query.hops).map((c) => ({
          relationship: c.relationship,
          full: c.full,
          hops: c.path.length,
          // Each step named as people read it (framework, label), so the UI never shows a URN's parts.
          path: c.path.map((p) => ({ to: p.to, relationship: p.relationship, provenance: p.edge.provenance, crosswalk: p.crosswalk, ...stepName(lib, p.to) })),
          node: presentRef(lib, c.urn),
        })),
      };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/library/search",
    summary: "Search requirement text in Japanese and English across current framework versions",
    tag: "library",
    access: READ,
    query: z.strictObject({
      q: z.string().trim().min(1).max(200),
      framework: slug.optional(),
      limit: z.coerce.number().int().min(1).max(100).default(25),
      offset: z.coerce.number().int().min(0).max(100_000).default(0),
    }),
    response: librarySearchView,
    async handler({ deps, query }) {
      const hits = searchLibrary(deps.library, query.q, query.framework);
      return {
        items: hits.slice(query.offset, query.offset + query.limit).map((h) => ({ ...presentRef(deps.library, h.entry.node.urn), snippet: h.snippet })),
        total: hits.length,
        limit: query.limit,
        offset: query.offset,
      };
    },
  }),
];
