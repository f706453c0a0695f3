import { z } from "zod";

/**
 * The regulator-ready incident report, `musubi-incident-report/1`: what a business hands the State
 * when it cooperates with information gathering under the AI Promotion Act (Art. 16, with the duty
 * to cooperate in Art. 7), or the Personal Information Protection Commission under APPI Art. 26.
 *
 * Field names follow the sources Musubi ships: the CSET AI Harm Taxonomy (CSETv1) for harm, the
 * AI Incident Database for the incident's parties, the MIT AI Risk Repository for classification.
 * The OECD's common incident-reporting framework is not among Musubi's sources, so no field claims
 * to be one of its criteria. See docs/incident-report.md.
 */
const text = z.object({ ja: z.string(), en: z.string() });
const vocab = z.object({ id: z.string(), cset: z.string().optional(), ja: z.string(), en: z.string() });

export const IncidentReport = z.object({
  format: z.literal("musubi-incident-report/1"),
  generatedAt: z.string(),
  generatedBy: z.object({ name: z.string(), email: z.string() }),
  /**
   * The organisation's time zone (IANA, e.g. `Asia/Tokyo`). Every instant in this report stays an
   * ISO-8601 UTC string; the HTML document shows them in this zone, with the zone named.
   */
  timeZone: z.string(),
  reporter: z.object({ organisation: z.object({ nameJa: z.string(), nameEn: z.string() }), contact: z.object({ name: z.string(), email: z.string() }).nullable() }),
  /** Why this package exists: always the AI Promotion Act; APPI too when personal data leaked or may have. */
  purposes: z.array(z.enum(["jp-ai-promotion-act", "jp-appi-leak"])),
  /** The provisions the purposes rest on, quoted from Musubi's library with their URNs. */
  /** `obligation`: what kind of duty the provision is (best-effort, cooperation, a measure of the State), Musubi's reading of its wording. */
  legalBasis: z.array(z.object({ urn: z.string(), title: text.nullable(), text: z.object({ ja: z.string().nullable(), en: z.string().nullable() }), source: z.string(), obligation: z.array(text) })),
  incident: z.object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    summary: z.string(),
    status: z.string(),
    severity: z.string(),
    /** When the incident happened, if known. */
    occurredAt: z.string().nullable(),
    /** When it was noticed (entered by the reporter, or the alert's start). */
    detectedAt: z.string(),
    /** When it was filed: recorded in Musubi (web form, API or monitoring tool). Not the detection time. */
    recordedAt: z.string(),
    closedAt: z.string().nullable(),
    source: z.string(),
  }),
  /**
   * `generative`, `jpRoles` (roles under the AI Guidelines for Business) and `sector`: the system's
   * profile answers, null or empty while unanswered; absent in reports made before they were added.
   */
  aiSystems: z.array(
    z.object({
      code: z.string(),
      nameJa: z.string(),
      nameEn: z.string(),
      purpose: z.string(),
      lifecycle: z.string(),
      euAiActClass: z.string().nullable(),
      euAiActClassLabel: text.nullable(),
      euAiActClassFrom: z.string().nullable(),
      vendors: z.array(z.string()),
      models: z.array(z.string()),
      generative: z.boolean().nullable().optional(),
      jpRoles: z.array(z.string()).optional(),
      sector: z.string().nullable().optional(),
    }),
  ),
  harm: z.object({
    /** CSETv1 "AI Harm Level". */
    level: vocab,
    /** CSETv1 tangible and special-interest intangible harm fields answered "yes". */
    types: z.array(vocab),
    /** CSETv1 "Harm Distribution Basis". */
    distributionBasis: z.array(vocab),
    /** CSETv1 "Lives Lost" and "Injuries". */
    livesLost: z.number().int().nullable(),
    injuries: z.number().int().nullable(),
    peopleAffected: z.number().int().nullable(),
    /** AIID "Alleged harmed or nearly harmed parties", as free text. */
    affectedParties: z.string(),
    rightsAffected: z.array(vocab),
  }),
  classification: z.object({ mitAiRiskRepository: z.array(z.object({ id: z.string(), en: z.string(), ja: z.string().nullable() })) }),
  personalData: z.object({
    leaked: z.enum(["no", "yes", "unknown"]),
    dataSubjects: z.number().int().nullable(),
    /** Special care-required personal information (要配慮個人情報, APPI Art. 2(3)). */
    sensitive: z.enum(["no", "yes", "unknown"]),
    appiArticle26Check: z.boolean(),
    note: text,
  }),
  /** Dated entries, oldest first; the `filed` entry is dated when the incident was recorded in Musubi. */
  timeline: z.array(z.object({ at: z.string(), kind: z.string(), body: z.string() })),
  rootCause: z.string(),
  actions: z.array(z.object({ code: z.string(), kind: z.string(), title: z.string(), status: z.string(), dueOn: z.string().nullable(), completedAt: z.string().nullable(), approval: z.string().nullable() })),
  /** `inherent`/`residual`: likelihood×impact and the band's English name; `…Band`: the band in both languages. */
  linkedRisks: z.array(z.object({ code: z.string(), titleJa: z.string(), titleEn: z.string(), inherent: z.string(), inherentBand: text.nullable(), residual: z.string().nullable(), residualBand: text.nullable(), treatment: z.string().nullable(), status: z.string() })),
  failedControls: z.array(z.object({ code: z.string(), titleJa: z.string(), titleEn: z.string(), status: z.string() })),
  similarPublicCases: z.array(z.object({ source: z.string(), number: z.number().int(), title: z.string(), url: z.string() })),
  /** Where the record stands in the organisation's hash-chained ledger when the report was made. */
  ledger: z.object({ headSeq: z.number().int(), headHash: z.string(), incidentEntries: z.array(z.number().int()) }),
  licences: z.array(z.string()),
});
export type IncidentReport = z.infer<typeof IncidentReport>;
