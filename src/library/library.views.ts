import { z } from "zod";
import { Amendment, CrosswalkEdge, CrosswalkFile, FrameworkFile, FrameworkNode, NodeDates, NodeRef, Obligation, Relationship, Text } from "./library.schema.ts";

/** The library API's answers, built from the file schemas so the API documents exactly what the files hold. */

const count = z.number().int().min(0);
const urn = FrameworkNode.shape.urn;

/** A framework version's metadata (`presentFramework`): the file without its nodes. */
export const frameworkView = FrameworkFile.omit({ $schema: true, format: true, nodes: true }).extend({
  current: z.boolean().describe("The version in force today, which rules and search use"),
  versions: z.array(z.string()),
  own: z.boolean().describe("The organisation's own framework (only it sees it), not one Musubi ships"),
  counts: z.strictObject({ nodes: count, requirements: count }),
});

/** A node in a list or tree (`presentNodeBrief`): no body text. */
export const nodeBriefView = FrameworkNode.pick({ id: true, urn: true, parent: true, type: true, title: true, requirement: true, actors: true, tags: true }).extend({
  label: NodeRef.shape.label,
  appliesFrom: NodeDates.shape.appliesFrom,
  obligation: Obligation.shape.kinds.optional(),
});

const amendmentBrief = Amendment.pick({ id: true, lawNumber: true, title: true, effectiveOn: true, dateCertainty: true, effectiveOnNote: true });

/** What a reader of a node must know about its text's currency (`nodeCurrency`). */
export const nodeCurrencyView = z.strictObject({
  textAsOf: z.string().nullable(),
  missing: z.array(amendmentBrief).optional().describe("Amendments in force that the stored text lacks"),
  changes: z
    .array(amendmentBrief.extend({ basis: Text, origin: z.literal("musubi-editorial") }))
    .optional()
    .describe("Amendments to come that Musubi reads as touching this node"),
});

/** A node elsewhere in the library, named by framework, version and label (`presentRef`). */
export const nodeRefView = z.strictObject({
  urn,
  framework: FrameworkFile.shape.framework,
  frameworkName: Text,
  version: FrameworkFile.shape.version,
  id: FrameworkNode.shape.id,
  label: NodeRef.shape.label,
  title: Text.optional(),
  requirement: z.boolean(),
  obligation: Obligation.shape.kinds.optional(),
  currency: nodeCurrencyView.optional(),
});

/** `GET /api/library`. */
export const libraryView = z.strictObject({
  digest: z.string(),
  frameworks: z.array(frameworkView),
  crosswalks: z.array(
    CrosswalkFile.omit({ $schema: true, format: true, edges: true }).extend({
      edges: count.describe("How many edges the crosswalk has"),
      frameworks: z.array(FrameworkFile.shape.framework).describe("The frameworks its edges connect"),
    }),
  ),
});

/** `GET /api/library/frameworks/:framework/diff`. */
export const frameworkDiffView = z.strictObject({
  framework: FrameworkFile.shape.framework,
  from: FrameworkFile.shape.version,
  to: FrameworkFile.shape.version,
  added: z.array(nodeBriefView),
  removed: z.array(nodeBriefView),
  changed: z.array(z.strictObject({ id: FrameworkNode.shape.id, fields: z.array(FrameworkNode.keyof()), before: FrameworkNode, after: FrameworkNode })),
});

/** `GET /api/library/frameworks/:framework/:version`. */
export const frameworkVersionView = z.strictObject({ framework: frameworkView, nodes: z.array(nodeBriefView) });

/** A URN named as people read it (`stepName`); the names are absent when the URN is not in the library. */
const named = { frameworkName: Text.optional(), label: Text.optional() };

/** `GET /api/library/nodes/:urn`. */
export const libraryNodeView = z.strictObject({
  node: FrameworkNode,
  currency: nodeCurrencyView.optional(),
  framework: frameworkView,
  ancestors: z.array(nodeBriefView),
  references: z.array(z.strictObject({ urn, ...named })),
  children: z.array(nodeBriefView),
  neighbours: z.array(
    z.strictObject({
      relationship: Relationship.describe("This node is <relationship> of `node`"),
      provenance: CrosswalkEdge.shape.provenance,
      rationale: CrosswalkEdge.shape.rationale,
      crosswalk: CrosswalkFile.shape.id,
      node: nodeRefView,
    }),
  ),
  covers: z.array(
    z.strictObject({
      relationship: Relationship.describe("The weakest relationship along the path"),
      full: z.boolean().describe("Satisfying this node fully satisfies `node` (every link equal or superset)"),
      hops: count,
      path: z.array(z.strictObject({ to: urn, relationship: Relationship, provenance: CrosswalkEdge.shape.provenance, crosswalk: CrosswalkFile.shape.id, ...named })),
      node: nodeRefView,
    }),
  ),
});

/** `GET /api/library/search`. */
export const librarySearchView = z.strictObject({
  items: z.array(nodeRefView.extend({ snippet: z.string().describe("A short piece of the matched text, in the language that matched") })),
  total: count,
  limit: count,
  offset: count,
});
