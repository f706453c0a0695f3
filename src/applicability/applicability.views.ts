import { z } from "zod";
import { FrameworkFile, FrameworkNode, NODE_TYPES, NodeRef, ProfileFile, ProfileQuestion, Text } from "../library/library.schema.ts";
import { nodeRefView } from "../library/library.views.ts";

/** The applicability routes' answers, for the API description: the report is too large to declare beside its route. */

const timing = z.enum(["current", "upcoming", "ended"]);
const outcome = z.enum(["holds", "does-not-hold", "undetermined", "error"]);
const count = z.number().int().min(0);

/** The profile questions as a form asks them: the library's, each basis named as people cite it. */
export const profileQuestionsView = z.object({
  version: z.string(),
  libraryVersion: z.string(),
  groups: ProfileFile.shape.groups,
  questions: z.array(
    ProfileQuestion.extend({
      /** `basis` named as people cite it ("AI Act Article 26(1)"); present when `basis` is. */
      basisRefs: z.array(z.object({ urn: FrameworkNode.shape.urn, framework: Text, label: NodeRef.shape.label })).optional(),
    }),
  ),
  constraints: z.array(z.object({ id: z.string(), fields: z.array(z.string()), message: Text })),
});

/** What applies to a profile on a date, and why (`ApplicabilityReport`, present.ts). */
export const applicabilityReportView = z.object({
  asOf: z.string(),
  libraryVersion: z.string(),
  unanswered: z.array(z.string()),
  asked: z.array(z.string()),
  implied: z.array(z.string()),
  frameworks: z.array(
    FrameworkFile.pick({ framework: true, version: true, kind: true, jurisdiction: true, penalties: true }).extend({
      /** The framework's display name (`frameworkLabel`): its short name where it has one. */
      name: Text,
      /** How many of its requirements apply on `asOf`, and how many from a later date. */
      current: count,
      upcoming: count,
    }),
  ),
  classifications: z.array(
    z.object({
      scheme: z.string(),
      name: Text,
      exclusive: z.boolean(),
      primary: z.object({ value: z.string(), label: Text }).nullable(),
      values: z.array(
        z.object({ value: z.string(), label: Text, timing, from: z.string().nullable(), until: z.string().nullable(), rules: z.array(z.string()) }),
      ),
      undetermined: z.array(z.string()),
    }),
  ),
  requirements: z.array(
    nodeRefView.extend({
      timing: timing.exclude(["ended"]),
      from: z.string().nullable(),
      rules: z.array(z.string()),
      requirementKind: z.enum(NODE_TYPES),
    }),
  ),
  explanations: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["definition", "rule"]),
      title: Text,
      words: Text,
      expression: z.string(),
      outcome,
      /** The facts and definitions the condition read, by name. */
      read: z.record(z.string(), z.unknown()),
      missing: z.array(z.string()).optional(),
      error: z.string().optional(),
      from: z.string().optional(),
      until: z.string().optional(),
      note: Text.optional(),
      cites: z.array(nodeRefView),
    }),
  ),
  errors: z.array(z.object({ id: z.string(), message: z.string() })),
});
