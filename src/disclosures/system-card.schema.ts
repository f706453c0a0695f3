import { z } from "zod";
import { CONTROL_STATUSES, ITEM_STATUSES } from "../compliance/statuses.ts";
import { INCIDENT_STATUSES, SEVERITIES } from "../incidents/vocabulary.ts";
import { RISK_STATUSES, RISK_TREATMENTS } from "../risks/risks.schema.ts";
import { HOSTING, LIFECYCLE } from "../systems/systems.schema.ts";
import { VENDOR_STATUSES } from "../vendors/vendors.schema.ts";
import { RATINGS } from "../vendors/questionnaire.ts";

/**
 * The AI system card, `musubi-system-card/1`: one AI system as its organisation states it —
 * purpose, owners, lifecycle, classification, frameworks and posture, models, data, components,
 * vendors, risks, incidents, human oversight and change history — with the EU AI Act's Annex IV
 * points beside the card fields Musubi can point to for each. Data first: the HTML page is a
 * rendering of it, and later issues send it to a regulator and publish it on a trust page.
 *
 * Stored values travel with their words (`{ value, label }`) so no reader has to know Musubi's
 * vocabulary; no internal record id appears anywhere. See docs/system-card.md.
 */
const text = z.object({ ja: z.string(), en: z.string() });
/** A text from Musubi's library as the library has it: a language the source lacks is null, never translated here. */
const libraryText = z.object({ ja: z.string().nullable(), en: z.string().nullable() });
const coded = <T extends readonly [string, ...string[]]>(values: T) => z.object({ value: z.enum(values), label: text });
/** An ISO-8601 UTC instant (an incident's `occurredAt` may be a day alone, YYYY-MM-DD, when only the day is known). */
const instant = z.string();
/** A calendar date, YYYY-MM-DD, already the organisation's day. */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const person = z.object({ name: z.string(), email: z.string() });
/** Something Musubi has no field for: said so, rather than left out or invented. */
const notRecorded = z.object({ recorded: z.literal(false), note: text });
const rating = z.object({ likelihood: z.number().int(), impact: z.number().int(), band: text.nullable() });

/** One profile answer, with the library's question and option labels. */
const answer = z.object({ question: z.string(), label: libraryText, answer: text.nullable() });

/** A card field Musubi can point to for an Annex IV point: a JSON Pointer (RFC 6901) into this card. */
const cardField = z.object({
  pointer: z.string(),
  label: text,
  /** Whether this system's card has something there (a list with entries, a value that is set). */
  recorded: z.boolean(),
});

/** Musubi's reading of which card fields bear on an Annex IV point; never the Regulation's own. */
const annexMapping = z.object({
  mappedBy: z.literal("musubi-editorial"),
  /** False when no card field bears on the point: not covered by Musubi's data. */
  covered: z.boolean(),
  fields: z.array(cardField),
});

/** An Annex IV node as the library holds it: URN, reference label, title and text, untouched. */
const annexNode = z.object({ urn: z.string(), ref: libraryText, title: libraryText.nullable(), text: libraryText });

export const SystemCard = z.object({
  format: z.literal("musubi-system-card/1"),
  generatedAt: instant,
  /**
   * `timeZone`: the organisation's IANA zone. Every instant in the card stays an ISO-8601 UTC
   * string; the HTML document shows them in this zone, with the zone named.
   */
  organisation: z.object({ name: text, timeZone: z.string() }),
  /** The library the classification and the Annex IV text were read from (first 12 hex digits of its SHA-256). */
  library: z.object({ digest: z.string() }),
  system: z.object({
    code: z.string(),
    name: text,
    purpose: z.string(),
    lifecycle: coded(LIFECYCLE),
    department: z.object({ code: z.string(), name: text }).nullable(),
    businessOwner: person.nullable(),
    technicalOwner: person.nullable(),
    /** ISO 3166-1 codes (or `EU`) where the system is offered or used, with their names. */
    countries: z.array(z.object({ code: z.string(), name: text })),
    tags: z.array(z.string()),
    /** Profile answers "Sector" and "People affected", when answered. */
    sector: text.nullable(),
    affectedPersons: z.array(text).nullable(),
    lastReviewedOn: date.nullable(),
    nextReviewOn: date.nullable(),
    createdAt: instant,
    updatedAt: instant,
  }),
  classification: z.object({
    /** The day the stored classification was computed for (the inventory's), null while never classified. */
    classifiedOn: date.nullable(),
    euAiAct: z.object({
      /** A value of the library's `eu-ai-act-risk` scheme, as the inventory stores it; null while a fact it needs is unanswered. */
      class: z.string().nullable(),
      label: libraryText.nullable(),
      /** When the class starts to apply, if later than `classifiedOn`. */
      appliesFrom: date.nullable(),
      /** Roles under the Act (`eu-ai-act-role` scheme) evaluated from the stored profile on `classifiedOn`; null when the profile cannot be evaluated under the current library. */
      roles: z.array(z.object({ value: z.string(), label: libraryText, appliesFrom: date.nullable() })).nullable(),
    }),
    /** Roles under Japan's AI Guidelines for Business, as the profile answers them. */
    jpAiGuidelinesRoles: z.array(text),
  }),
  /**
   * Frameworks in scope of the system or assessed for it, in the library's order. `posture`:
   * the assessment's applicable rows counted by effective status (every status, zeros included);
   * null when not assessed. `version`: the assessed version, else the library's current one.
   */
  frameworks: z.array(
    z.object({
      framework: z.string(),
      name: libraryText,
      version: z.string(),
      inScope: z.boolean(),
      posture: z.object({ total: z.number().int(), counts: z.array(z.object({ status: coded(ITEM_STATUSES), count: z.number().int() })) }).nullable(),
      signedOffAt: instant.nullable(),
    }),
  ),
  models: z.array(z.object({ name: z.string(), provider: z.string().nullable(), version: z.string().nullable(), licence: z.string().nullable(), hosting: coded(HOSTING).nullable() })),
  datasets: z.array(z.object({ name: z.string(), source: z.string().nullable(), licence: z.string().nullable(), personalData: z.boolean(), sensitiveData: z.boolean() })),
  components: z.array(z.object({ name: z.string(), version: z.string().nullable(), supplier: z.string().nullable(), licence: z.string().nullable() })),
  /** `linked`: vendors of the organisation's register the system is linked to; `named`: names stated on the system that are not among them. */
  vendors: z.object({
    linked: z.array(z.object({ code: z.string(), name: z.string(), status: coded(VENDOR_STATUSES), rating: coded(RATINGS) })),
    named: z.array(z.string()),
  }),
  /** Risks registered against the system, rated on the organisation's matrix. */
  risks: z.array(
    z.object({
      code: z.string(),
      title: text,
      status: coded(RISK_STATUSES),
      inherent: rating,
      residual: rating.nullable(),
      treatment: coded(RISK_TREATMENTS).nullable(),
      controls: z.array(z.object({ code: z.string(), title: text, status: coded(CONTROL_STATUSES) })),
    }),
  ),
  /**
   * Evaluation: the J-AISI evaluation perspectives the system's risks name. Test and evaluation
   * results have no field in Musubi, and the card says so.
   */
  evaluations: z.object({ perspectives: z.array(z.object({ urn: z.string(), name: libraryText })), results: notRecorded }),
  incidents: z.array(z.object({ code: z.string(), title: z.string(), severity: coded(SEVERITIES), status: coded(INCIDENT_STATUSES), occurredAt: instant.nullable(), detectedAt: instant, closedAt: instant.nullable() })),
  /**
   * What the profile says about human involvement in the system's decisions. The oversight
   * measures themselves (who oversees, with what means, per EU AI Act Art. 14) have no field.
   */
  humanOversight: z.object({ facts: z.array(answer), measures: notRecorded }),
  /** The system's latest entries in the organisation's hash-chained ledger, newest first, of `total`. */
  history: z.object({
    total: z.number().int(),
    entries: z.array(z.object({ seq: z.number().int(), at: instant, by: z.object({ kind: z.enum(["user", "token", "system"]), name: z.string() }), action: z.string(), label: text })),
    ledgerHead: z.object({ seq: z.number().int(), hash: z.string() }),
  }),
  /**
   * EU AI Act Annex IV (technical documentation, Art. 11(1)) as the library holds it: the annex
   * and each point with its URN and text, and for each point Musubi's editorial mapping to the
   * card fields that bear on it. A provider's card is the start of its technical documentation,
   * never the documentation itself.
   */
  annexIV: z.object({
    source: z.object({ framework: z.string(), version: z.string(), name: libraryText, licence: z.array(z.string()) }),
    annex: annexNode,
    mappedBy: z.literal("musubi-editorial"),
    note: text,
    points: z.array(annexNode.extend({ points: z.array(annexNode.extend({ mapping: annexMapping })), mapping: annexMapping.nullable() })),
  }),
  licences: z.array(z.string()),
});
export type SystemCard = z.infer<typeof SystemCard>;
