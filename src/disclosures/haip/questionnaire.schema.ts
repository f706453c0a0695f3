import { z } from "zod";

/** Text in both languages; a questionnaire may leave one empty only where its source has none. */
const Words = z.strictObject({ ja: z.string().min(1).max(4000), en: z.string().min(1).max(4000) });

/** The roles HAIP version 2.0 routes questions by. */
export const HAIP_ROLES = ["model-developer", "application-developer", "deployer"] as const;
export type HaipRole = (typeof HAIP_ROLES)[number];
/** `small`: the shorter path for small organisations; `full`: every question for the roles. */
export const HAIP_PATHS = ["full", "small"] as const;
export type HaipPath = (typeof HAIP_PATHS)[number];

/**
 * What Musubi's data can draft for a question. A questionnaire names these keys; Musubi holds the
 * code that reads the data, so an official questionnaire loaded as a file can reuse them.
 */
export const PREFILL_KEYS = [
  "risk-register",
  "risk-evaluations",
  "risks-above-tolerance",
  "controls",
  "evidence",
  "vendor-reviews",
  "inventory-cards",
  "art50-obligations",
  "governance-roles",
  "incidents",
  "ledger",
  "provenance-controls",
] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];

const id = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,40}$/, "lower-case letters, digits, . and -");

export const QuestionnaireQuestion = z.strictObject({
  id,
  /** The reporting framework's section (a node id of the framework in the library). */
  section: z.string().min(1).max(60),
  text: Words,
  guidance: Words.optional(),
  /** Roles asked; all three when the question concerns every reporting organisation. */
  roles: z.array(z.enum(HAIP_ROLES)).min(1),
  paths: z.array(z.enum(HAIP_PATHS)).min(1),
  /** `musubi`: Musubi's own wording (not the official question); `official`: copied from the named source. */
  wording: z.enum(["musubi", "official"]),
  prefill: z.enum(PREFILL_KEYS).nullable(),
  /** Written by people only: no draft from data even if a key is given (sections 6 and 7). */
  writtenByPeople: z.boolean().default(false),
});
export type QuestionnaireQuestion = z.infer<typeof QuestionnaireQuestion>;

/**
 * A questionnaire as data (`musubi-questionnaire/1`): versioned, bilingual, each question with its
 * section, the roles and paths it is asked on, its wording's origin and what Musubi may prefill.
 * Musubi ships its own; an organisation loads the official one as a file without a new release.
 */
export const QuestionnaireFile = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal("musubi-questionnaire/1"),
    key: id,
    version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/),
    name: Words,
    /** The reporting framework and version it answers (in the library). */
    framework: z.strictObject({ id: z.string().min(1), version: z.string().min(1) }),
    wording: z.enum(["musubi", "official"]),
    source: z.strictObject({ title: Words, publisher: z.string().min(1).max(200), reference: z.string().max(500).optional(), licence: z.string().min(1).max(500) }),
    notes: z.array(Words).default([]),
    sections: z
      .array(z.strictObject({ id: z.string().min(1).max(60), title: Words, titleOrigin: z.strictObject({ ja: z.enum(["source", "musubi"]), en: z.enum(["source", "musubi"]) }), writtenByPeople: z.boolean() }))
      .min(1)
      .max(30),
    questions: z.array(QuestionnaireQuestion).min(1).max(500),
  })
  .superRefine((q, ctx) => {
    const sections = new Set(q.sections.map((s) => s.id));
    const seen = new Set<string>();
    q.questions.forEach((question, i) => {
      if (seen.has(question.id)) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: `question ${question.id} appears twice` });
      seen.add(question.id);
      if (!sections.has(question.section)) ctx.addIssue({ code: "custom", path: ["questions", i, "section"], message: `no section ${question.section} in this questionnaire` });
    });
  });
export type QuestionnaireFile = z.infer<typeof QuestionnaireFile>;
