import { z } from "zod";
import { SystemCard } from "../disclosures/system-card.schema.ts";
import { HaipReportDocument } from "../disclosures/haip/haip.document.ts";
import { QuestionnaireFile } from "../disclosures/haip/questionnaire.schema.ts";
import { Receipt } from "../exchange/exchange.schema.ts";
import { PartyDescriptor } from "../exchange/exchange.party.schema.ts";
import { DecisionPayload, RegistrationPayload } from "../exchange/registration.schema.ts";
import { SubmissionEnvelope } from "../oversight/submission.schema.ts";
import { IncidentReport } from "../incidents/report.schema.ts";
import { RiskTaxonomy } from "../risks/taxonomy.schema.ts";

/**
 * The library file formats. Frameworks, crosswalks, profile questions and applicability rules are
 * data under `library/`; these zod schemas are the contract, and `library/schema/*.schema.json`
 * is generated from them (`musubi library schema`) so that people editing the files without
 * Musubi's code can validate them too.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected lower-case letters, digits and hyphens");
const localId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._()-]*$/, "expected letters, digits, '.', '-', '_' or '()'");
const urn = z.string().regex(/^urn:musubi:[a-z0-9-]+:[A-Za-z0-9._-]+:[A-Za-z0-9._()-]+$/, "expected urn:musubi:<framework>:<version>:<id>");

/** Text in Japanese and/or English; at least one language must be present. */
export const Text = z
  .strictObject({ ja: z.string().min(1).optional(), en: z.string().min(1).optional() })
  .refine((t) => t.ja !== undefined || t.en !== undefined, "give the text in at least one language (ja or en)");
export type Text = z.infer<typeof Text>;

/** Where a language version of a text comes from: it matters for legal weight. */
export const TextOrigin = z.enum([
  "official", // the issuing body's authoritative text
  "government-reference", // a government translation with no legal effect (e.g. Japanese Law Translation)
  "source-editorial", // written by the upstream data project, not the issuer
  "musubi-editorial", // written by Musubi's maintainers
]);

export const FRAMEWORK_KINDS = [
  "law",
  "soft-law",
  "code-of-conduct",
  "reporting-framework",
  "voluntary-framework",
  "standard",
  "evaluation-guide",
] as const;
export const FrameworkKind = z.enum(FRAMEWORK_KINDS);
export type FrameworkKind = z.infer<typeof FrameworkKind>;

export const NODE_TYPES = [
  "part",
  "chapter",
  "section",
  "article",
  "paragraph",
  "point",
  "supplementary-provision",
  "annex",
  "annex-section",
  "annex-point",
  "principle",
  "action",
  "reporting-section",
  "function",
  "category",
  "subcategory",
  "objective",
  "control",
  "perspective",
  "evaluation-item",
] as const;

export const Licence = z.strictObject({
  appliesTo: z.enum(["all", "ja-text", "en-text", "metadata", "structure"]),
  name: z.string().min(1),
  url: z.string().url().optional(),
  attribution: z.string().min(1),
});

export const SourceRef = z.strictObject({
  /** Path relative to the data folder (`../shared/data/`), or an upstream URL. */
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  upstream: z.string().optional(),
  note: z.string().optional(),
});

/** A dated change in force for part of a node (e.g. EU AI Act Art. 113 schedules). */
export const ScheduleEntry = z.strictObject({
  appliesFrom: isoDate,
  scope: Text,
  basis: z.string().min(1),
});

export const NodeDates = z.strictObject({
  /** The date the node starts to apply, as the source states it for the current text. */
  appliesFrom: isoDate.optional(),
  /** The date before an amendment moved it; only where the source states it. */
  originalAppliesFrom: isoDate.optional(),
  schedule: z.array(ScheduleEntry).optional(),
  status: z.enum(["in-force", "promulgated-not-effective", "repealed"]).optional(),
  note: Text.optional(),
});

/**
 * What a provision's wording makes of whom it addresses (e.g. 努める, 協力しなければならない, 国は…講ずる).
 * Musubi's classification of the words quoted in `wording`, shown as such; the words are the source's.
 */
export const OBLIGATION_KINDS = [
  "best-effort", // 努力義務: the addressee "is to endeavour" (努める)
  "cooperation", // 協力: the addressee cooperates with measures of the State or local governments
  "state-measure", // 国の施策: binds the State (or a body of it), not businesses
  "local-government-measure", // 地方公共団体の施策: binds local governments
] as const;
export const ObligationKind = z.enum(OBLIGATION_KINDS);
export type ObligationKind = z.infer<typeof ObligationKind>;

/** Labels for the obligation kinds, in both languages (Musubi's wording). */
export const OBLIGATION_LABELS: Record<ObligationKind, { ja: string; en: string }> = {
  "best-effort": { ja: "努力義務", en: "best-effort duty" },
  cooperation: { ja: "協力", en: "duty to cooperate" },
  "state-measure": { ja: "国の施策", en: "measure of the State" },
  "local-government-measure": { ja: "地方公共団体の施策", en: "measure of local governments" },
};

export const Obligation = z.strictObject({
  kinds: z.array(ObligationKind).min(1),
  /** The words of the text the classification rests on, quoted (checked against the text when generated). */
  wording: Text,
});

export const NodeRef = z.strictObject({
  label: Text,
  article: z.string().optional(),
  paragraph: z.string().optional(),
  item: z.string().optional(),
  point: z.string().optional(),
  annex: z.string().optional(),
  page: z.string().optional(),
  /** XPath-like location in the source file (e.g. e-Gov `MainProvision/Article[@Num='7']`). */
  sourcePath: z.string().optional(),
  url: z.string().url().optional(),
});

export const FrameworkNode = z.strictObject({
  id: localId,
  urn,
  parent: localId.optional(),
  type: z.enum(NODE_TYPES),
  ref: NodeRef,
  title: Text.optional(),
  text: Text.optional(),
  textOrigin: z.strictObject({ ja: TextOrigin.optional(), en: TextOrigin.optional() }).optional(),
  /** Why a text or translation is missing: the source is silent, or licensing forbids it. */
  textNote: Text.optional(),
  /** An assessable requirement (a duty, control, action…), rather than structure or definitions. */
  requirement: z.boolean(),
  /** Actor role ids (from the framework's `actorRoles`) the node addresses. */
  actors: z.array(slug).optional(),
  tags: z.array(slug).optional(),
  dates: NodeDates.optional(),
  /** Best-effort, cooperation or a measure of the State: Musubi's reading of the quoted wording. */
  obligation: Obligation.optional(),
  /** Other nodes this one refers to (cross-references within the library). */
  refersTo: z.array(urn).optional(),
  notes: z.array(Text).optional(),
});
export type FrameworkNode = z.infer<typeof FrameworkNode>;

export const ActorRole = z.strictObject({
  id: slug,
  name: Text,
  definedAt: urn.optional(),
  note: Text.optional(),
});

/**
 * An amendment of a law known from the sources' revision history. `inText` says whether the stored
 * text includes it; with `effectiveOn` that tells whether the text is behind the law in force
 * (`musubi library currency`). Nothing here is Musubi's except `touches`, which is marked as a reading.
 */
export const Amendment = z.strictObject({
  /** The source's identifier (e.g. e-Gov revision id `415AC0000000057_20270117_508AC0000000056`). */
  id: z.string().min(1),
  /** The amending act's number as the source writes it (e.g. 令和八年法律第五十六号). */
  lawNumber: Text,
  title: Text,
  promulgatedOn: isoDate.nullable(),
  /** The date this amendment (or this stage of it) comes into force, as the source states it. */
  effectiveOn: isoDate,
  /** How certain the date is, in the source's words (e.g. a Cabinet Order may fix an earlier date). */
  effectiveOnNote: Text.optional(),
  dateCertainty: z.enum(["fixed-date", "linked-to-another-act", "statutory-deadline-not-fixed-by-cabinet-order"]).optional(),
  inText: z.boolean(),
  /** Nodes the amendment is expected to change: Musubi's reading, with its basis; absent when unknown. */
  touches: z
    .strictObject({ nodes: z.array(localId).min(1), basis: Text, origin: z.literal("musubi-editorial"), source: z.string().optional() })
    .optional(),
});
export type Amendment = z.infer<typeof Amendment>;

export const FrameworkFile = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal("musubi-framework/1"),
  framework: slug,
  version: z.string().regex(/^[A-Za-z0-9._-]+$/),
  name: Text,
  shortName: Text.optional(),
  /**
   * Where the short name comes from, per language, where it is not the source's own: Musubi calls
   * the AI Promotion Act 「AI推進法」 everywhere, while e-Gov's abbreviation is 「ＡＩ法」.
   */
  shortNameOrigin: z.strictObject({ ja: TextOrigin.optional(), en: TextOrigin.optional() }).optional(),
  /** Where the name comes from, per language, where it is not the issuer's own (e.g. Musubi's translation). */
  nameOrigin: z.strictObject({ ja: TextOrigin.optional(), en: TextOrigin.optional() }).optional(),
  kind: FrameworkKind,
  jurisdiction: slug,
  issuer: z.array(Text).min(1),
  legalEffect: Text,
  dates: z.strictObject({
    publishedOn: isoDate.nullable(),
    effectiveFrom: isoDate.nullable(),
    generalApplicationFrom: isoDate.nullable().optional(),
    lastAmendedOn: isoDate.nullable().optional(),
    /**
     * The stored text is the consolidation in force from this date (the last amendment it includes).
     * Not the Act's commencement (`effectiveFrom`): the UI labels it "text as of".
     */
    textAsOf: isoDate.optional(),
    statusAsOf: isoDate.optional(),
  }),
  status: Text.optional(),
  /** Whether the instrument carries penalties, stated where results are shown, and whose statement it is. */
  penalties: z.strictObject({ any: z.boolean(), text: Text, origin: TextOrigin }).optional(),
  /** Amendments known from the sources, in force or promulgated (laws only). */
  amendments: z.array(Amendment).optional(),
  previousVersion: z.string().optional(),
  source: z.strictObject({
    title: Text,
    /** Who publishes the source text (a law database, a ministry, a standards body), as the source records name it. */
    publisher: z.array(Text).min(1).optional(),
    /** The citation that identifies the source document: a law number, a regulation, a publication number. */
    reference: Text.optional(),
    url: z.string().url().optional(),
    /** The files the framework file was derived from: for people checking the derivation, not for reading. */
    files: z.array(SourceRef).min(1),
  }),
  licence: z.array(Licence).min(1),
  actorRoles: z.array(ActorRole),
  /** What the sources do not say, stated so nobody mistakes a gap for an omission by Musubi. */
  silence: z.array(Text),
  nodes: z.array(FrameworkNode).min(1),
});
export type FrameworkFile = z.infer<typeof FrameworkFile>;

/** NIST OLIR set-theory relationships between a focal (from) and a reference (to) element. */
export const RELATIONSHIPS = ["equal", "subset", "superset", "intersect"] as const;
export const Relationship = z.enum(RELATIONSHIPS);
export type Relationship = z.infer<typeof Relationship>;

export const CrosswalkEdge = z.strictObject({
  from: urn,
  to: urn,
  relationship: Relationship,
  rationale: Text,
  provenance: z.enum(["official", "editorial"]),
  /** For official edges: the document that states the mapping. */
  source: z.string().optional(),
});
export type CrosswalkEdge = z.infer<typeof CrosswalkEdge>;

export const CrosswalkFile = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal("musubi-crosswalk/1"),
  id: slug,
  name: Text,
  description: Text,
  licence: z.array(Licence).min(1),
  edges: z.array(CrosswalkEdge).min(1),
});
export type CrosswalkFile = z.infer<typeof CrosswalkFile>;

export const FACT_TYPES = ["boolean", "enum", "multi", "date", "text"] as const;

export const ProfileQuestion = z.strictObject({
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, "expected a camelCase identifier"),
  type: z.enum(FACT_TYPES),
  group: slug,
  label: Text,
  help: Text.optional(),
  options: z.array(z.strictObject({ value: slug, label: Text, help: Text.optional() })).optional(),
  /** CEL over the other facts: the question is asked only when this is true. */
  askIf: z.string().optional(),
  /**
   * The answer the question implies when `askIf` is false (e.g. "generates deep fakes" is false for
   * a system that generates no images). Stated in the data, and shown as implied in explanations.
   */
  notAsked: z.union([z.boolean(), z.string(), z.array(z.string())]).optional(),
  /** Library nodes the question is drawn from. */
  basis: z.array(urn).optional(),
  /**
   * Set when the question is Musubi's reading of its basis rather than the source's own words (e.g.
   * an indicator for a factor the source names only in general): the UI marks it "Musubi's reading".
   */
  reading: Text.optional(),
});
export type ProfileQuestion = z.infer<typeof ProfileQuestion>;

export const ProfileConstraint = z.strictObject({
  id: slug,
  /** CEL: true means the answers contradict each other. */
  violatedWhen: z.string().min(1),
  fields: z.array(z.string()).min(1),
  message: Text,
});

export const ProfileFile = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal("musubi-profile/1"),
  version: z.string(),
  groups: z.array(z.strictObject({ id: slug, label: Text })),
  questions: z.array(ProfileQuestion).min(1),
  constraints: z.array(ProfileConstraint),
});
export type ProfileFile = z.infer<typeof ProfileFile>;

/** What a rule concludes when its condition holds. */
export const RuleEffect = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("applies"),
    framework: slug,
    /** Node ids in the framework's current version; a node brings its requirement descendants. */
    nodes: z.array(localId).min(1),
  }),
  z.strictObject({ kind: z.literal("classify"), scheme: slug, value: slug }),
]);
export type RuleEffect = z.infer<typeof RuleEffect>;

export const Rule = z.strictObject({
  id: localId,
  title: Text,
  /** CEL over the profile facts (and `asOf`, a date string). */
  when: z.string().min(1),
  effect: RuleEffect,
  /** The effect holds from this date (e.g. a later application date); before it, it is "upcoming". */
  from: isoDate.optional(),
  /** The effect ends on this date (exclusive), e.g. a transitional period. */
  until: isoDate.optional(),
  cites: z.array(urn).min(1),
  /** An editorial reading of the sources, not their words; shown as such. */
  note: Text.optional(),
});
export type Rule = z.infer<typeof Rule>;

export const Scheme = z.strictObject({
  id: slug,
  name: Text,
  /** Values in precedence order: the first that holds is the primary classification. */
  values: z.array(z.strictObject({ id: slug, label: Text })).min(1),
  /** The value given when no rule of the scheme holds. */
  default: slug.optional(),
  /** true: one primary value (a tier); false: any number hold at once (roles). */
  exclusive: z.boolean(),
});

/**
 * A named intermediate conclusion (e.g. "high-risk under Annex III") that later rules use as a fact.
 * Definitions are evaluated in file order, before any rule, and appear in every explanation.
 */
export const Definition = z.strictObject({
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, "expected a camelCase identifier"),
  title: Text,
  expr: z.string().min(1),
  cites: z.array(urn).min(1),
  note: Text.optional(),
});
export type Definition = z.infer<typeof Definition>;

export const RulesFile = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal("musubi-rules/1"),
  id: slug,
  name: Text,
  description: Text,
  schemes: z.array(Scheme),
  definitions: z.array(Definition),
  rules: z.array(Rule).min(1),
});
export type RulesFile = z.infer<typeof RulesFile>;

/**
 * Known cases where a framework's stored text is older than an amendment in force, acknowledged by
 * a maintainer (e.g. the newer text is not in the offline sources yet). `musubi library currency`
 * and `library validate` still report them, but only an unacknowledged case fails CI.
 */
export const CurrencyAcknowledgements = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal("musubi-currency-ack/1"),
  acknowledged: z.array(
    z.strictObject({
      framework: slug,
      version: z.string().min(1),
      /** The amendment's `id` in the framework file. */
      amendment: z.string().min(1),
      acknowledgedOn: isoDate,
      reason: Text,
    }),
  ),
});
export type CurrencyAcknowledgements = z.infer<typeof CurrencyAcknowledgements>;

/** The JSON Schemas published under `library/schema/`, keyed by file name. */
export function publishedSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const files = { framework: FrameworkFile, crosswalk: CrosswalkFile, profile: ProfileFile, rules: RulesFile, "currency-ack": CurrencyAcknowledgements, "risk-taxonomy": RiskTaxonomy, "incident-report": IncidentReport, "system-card": SystemCard, questionnaire: QuestionnaireFile, "haip-report": HaipReportDocument, "exchange-receipt": Receipt, "exchange-party": PartyDescriptor, "exchange-registration": RegistrationPayload, "exchange-registration-decision": DecisionPayload, submission: SubmissionEnvelope };
  for (const [name, schema] of Object.entries(files)) {
    out[`${name}.schema.json`] = {
      $id: `https://musubi.example/schema/${name}.schema.json`,
      ...z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }),
    };
  }
  return out;
}
