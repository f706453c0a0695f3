import type { Kysely } from "kysely";
import { ITEM_STATUSES } from "../compliance/statuses.ts";
import type { Database } from "../db/schema.ts";
import {
  CONTROL_STATUS_WORDS, INCIDENT_STATUS_WORDS, LIFECYCLE_WORDS, RISK_STATUS_WORDS, RISK_TREATMENT_WORDS, SEVERITY_WORDS, wordsFor, type Words,
} from "../incidents/report.labels.ts";
import type { Library } from "../library/library.model.ts";
import { frameworkLabel } from "../library/library.present.ts";
import type { ProfileQuestion, Text } from "../library/library.schema.ts";
import { timeZoneOfSettings } from "../orgs/orgs.store.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { todayIn } from "../platform/time.ts";
import { readRiskMatrix } from "../risks/matrix.service.ts";
import { bandOf, type RiskMatrix } from "../risks/matrix.schema.ts";
import { jaisiPerspectives } from "../risks/perspectives.ts";
import { countryName, HOSTING_LABELS } from "../systems/io/export.labels.ts";
import { answerText } from "../systems/io/export.profile.ts";
import { classifyProfile, EU_RISK_SCHEME } from "../systems/systems.classify.ts";
import type { SystemView } from "../systems/systems.schema.ts";
import { findSystem } from "../systems/systems.store.ts";
import { annexIVOf, ANNEX_IV } from "./system-card.annex-iv.ts";
import { ACTOR_KIND_WORDS, CARD_NOTES, ITEM_STATUS_WORDS, SYSTEM_ACTION_WORDS, VENDOR_RATING_WORDS, VENDOR_STATUS_WORDS } from "./system-card.labels.ts";
import { SystemCard } from "./system-card.schema.ts";
import { countSystemHistory, readAssessmentCounts, readLedgerHead, readSystemHistory, readSystemIncidents, readSystemRiskControls, readSystemRisks } from "./system-card.store.ts";

const EU_ROLE_SCHEME = "eu-ai-act-role";
/** Profile questions on how far people are involved in the system's decisions (the ones asked only in some cases are shown when answered). */
const OVERSIGHT_FACTS = [
  { id: "decisionAutonomy", always: true },
  { id: "daStaffJudgeOutput", always: false },
  { id: "humanEditorialControl", always: false },
] as const;

type Card = SystemCard;
/** A stored value with its words; the schema checks the value belongs to its list. */
const coded = <T extends string>(table: Readonly<Record<T, Words>>, value: string) => ({ value: value as T, label: wordsFor(table, value) });
const libraryText = (t: Text | undefined) => ({ ja: t?.ja ?? null, en: t?.en ?? null });
const both = (f: (locale: "ja" | "en") => string): Words => ({ ja: f("ja"), en: f("en") });

/**
 * Assembles one system's card from the inventory record, its assessments, risks and their
 * controls, incidents and ledger entries, and the library (classification labels, roles, Annex IV)
 * — and checks it against its published schema before anyone sees it. Every statement is scoped
 * to `orgId`, and there are a fixed number of them whatever the system holds: a system of another
 * organisation is a 404, as everywhere.
 */
export async function buildSystemCard(db: Kysely<Database>, library: Library, orgId: string, systemId: string, now = new Date()): Promise<SystemCard> {
  const [org, system] = await Promise.all([
    db.selectFrom("organizations").select(["name_ja", "name_en", "settings"]).where("id", "=", orgId).executeTakeFirstOrThrow(),
    findSystem(db, orgId, systemId),
  ]);
  if (!system) throw notFound();
  const timeZone = timeZoneOfSettings(org.settings);
  const [assessed, risks, riskControls, incidents, history, historyTotal, ledgerHead, matrix] = await Promise.all([
    readAssessmentCounts(db, orgId, systemId),
    readSystemRisks(db, orgId, systemId),
    readSystemRiskControls(db, orgId, systemId),
    readSystemIncidents(db, orgId, systemId),
    readSystemHistory(db, orgId, systemId),
    countSystemHistory(db, orgId, systemId),
    readLedgerHead(db, orgId),
    readRiskMatrix(db, orgId),
  ]);

  const questions = new Map(library.profile.questions.map((q) => [q.id, q]));
  const perspectiveUrns = [...new Set(risks.flatMap((r) => JSON.parse(r.perspectives) as string[]))].sort();
  const body: Omit<Card, "annexIV"> = {
    format: "musubi-system-card/1",
    generatedAt: now.toISOString(),
    organisation: { name: { ja: org.name_ja, en: org.name_en }, timeZone },
    library: { digest: library.digest },
    system: presentSystem(system, questions),
    classification: classificationOf(library, system, questions, todayIn(timeZone, now)),
    frameworks: frameworksOf(library, system, assessed),
    models: system.models.map((m) => ({ name: m.name, provider: m.provider ?? null, version: m.version ?? null, licence: m.licence ?? null, hosting: m.hosting ? { value: m.hosting, label: wordsFor(HOSTING_LABELS, m.hosting) } : null })),
    datasets: system.datasets.map((d) => ({ name: d.name, source: d.source ?? null, licence: d.licence ?? null, personalData: d.personalData, sensitiveData: d.sensitiveData })),
    components: system.components.map((c) => ({ name: c.name, version: c.version ?? null, supplier: c.supplier ?? null, licence: c.licence ?? null })),
    vendors: vendorsOf(system),
    risks: risks.map((r) => ({
      code: r.code,
      title: { ja: r.title_ja, en: r.title_en },
      status: coded(RISK_STATUS_WORDS, r.status),
      inherent: ratingOf(matrix.matrix, r.inherent_likelihood, r.inherent_impact),
      residual: r.residual_likelihood !== null && r.residual_impact !== null ? ratingOf(matrix.matrix, r.residual_likelihood, r.residual_impact) : null,
      treatment: r.treatment ? coded(RISK_TREATMENT_WORDS, r.treatment) : null,
      controls: riskControls.filter((c) => c.risk_id === r.id).map((c) => ({ code: c.code, title: { ja: c.title_ja, en: c.title_en }, status: coded(CONTROL_STATUS_WORDS, c.status) })),
    })),
    evaluations: {
      perspectives: perspectiveUrns.map((urn) => {
        const p = jaisiPerspectives(library).get(urn);
        return { urn, name: p ? { ja: p.ja, en: p.en } : libraryText(library.nodes.get(urn)?.node.title) };
      }),
      results: { recorded: false, note: CARD_NOTES.evaluationResults },
    },
    incidents: incidents.map((i) => ({ code: i.code, title: i.title, severity: coded(SEVERITY_WORDS, i.severity), status: coded(INCIDENT_STATUS_WORDS, i.status), occurredAt: i.occurred_at, detectedAt: i.detected_at, closedAt: i.closed_at })),
    humanOversight: {
      facts: OVERSIGHT_FACTS.filter((f) => f.always || answered(system.profile[f.id])).flatMap(({ id }) => {
        const q = questions.get(id);
        return q ? [{ question: id, label: libraryText(q.label), answer: answered(system.profile[id]) ? both((l) => answerText(q, system.profile[id], l)) : null }] : [];
      }),
      measures: { recorded: false, note: CARD_NOTES.oversightMeasures },
    },
    history: {
      total: historyTotal,
      entries: history.map((h) => ({
        seq: Number(h.seq),
        at: h.ts,
        by: actorOf(h),
        action: h.action,
        label: wordsFor(SYSTEM_ACTION_WORDS, h.action),
      })),
      ledgerHead,
    },
    licences: licencesOf(library, perspectiveUrns.length > 0),
  };
  return SystemCard.parse({ ...body, annexIV: annexIVOf(library, body) });
}

const answered = (v: unknown) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);

function presentSystem(s: SystemView, questions: ReadonlyMap<string, ProfileQuestion>): Card["system"] {
  const person = (p: SystemView["businessOwner"]) => (p ? { name: p.displayName, email: p.email } : null);
  const sector = questions.get("sector");
  const affected = questions.get("affectedPersons");
  return {
    code: s.code,
    name: { ja: s.nameJa, en: s.nameEn },
    purpose: s.purpose,
    lifecycle: coded(LIFECYCLE_WORDS, s.lifecycle),
    department: s.department ? { code: s.department.code, name: { ja: s.department.nameJa, en: s.department.nameEn } } : null,
    businessOwner: person(s.businessOwner),
    technicalOwner: person(s.technicalOwner),
    countries: s.countries.map((code) => ({ code, name: both((l) => countryName(code, l)) })),
    tags: s.tags,
    sector: sector && answered(s.profile.sector) ? both((l) => answerText(sector, s.profile.sector, l)) : null,
    affectedPersons: affected && answered(s.profile.affectedPersons) ? (s.profile.affectedPersons as string[]).map((v) => optionWords(affected, v)) : null,
    lastReviewedOn: s.lastReviewedAt,
    nextReviewOn: s.nextReviewAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** One option of a question in both languages; an option the library no longer has keeps its stored value, as the export does. */
function optionWords(q: ProfileQuestion, value: string): Words {
  return both((l) => answerText({ ...q, type: "enum" }, value, l));
}

/**
 * The inventory's stored class and its date, named as the library names them, and the roles the
 * Act gives the organisation for the system, evaluated from the stored profile on the day the
 * class was computed — so class and roles come from the same evaluation.
 */
function classificationOf(library: Library, s: SystemView, questions: ReadonlyMap<string, ProfileQuestion>, today: string): Card["classification"] {
  const label = s.euClass ? library.compiled.schemes.get(EU_RISK_SCHEME)?.values.find((v) => v.id === s.euClass)?.label : undefined;
  let roles: Card["classification"]["euAiAct"]["roles"] = null;
  try {
    const c = classifyProfile(library, s.profile, s.classifiedOn ?? today, "en");
    const scheme = library.compiled.schemes.get(EU_ROLE_SCHEME);
    roles = (c.evaluation.schemes.find((o) => o.scheme === EU_ROLE_SCHEME)?.values ?? [])
      .filter((v) => v.timing !== "ended")
      .map((v) => ({ value: v.value, label: libraryText(scheme?.values.find((x) => x.id === v.value)?.label), appliesFrom: v.timing === "upcoming" ? v.from : null }));
  } catch (err) {
    // A profile the current library no longer accepts: the system page names the answers to fix.
    if (!(err instanceof AppError)) throw err;
  }
  const jp = questions.get("jpRoles");
  const jpRoles = jp && Array.isArray(s.profile.jpRoles) ? (s.profile.jpRoles as string[]).map((v) => optionWords(jp, v)) : [];
  return {
    classifiedOn: s.classifiedOn,
    euAiAct: { class: s.euClass, label: s.euClass ? libraryText(label) : null, appliesFrom: s.euClassFrom, roles },
    jpAiGuidelinesRoles: jpRoles,
  };
}

/** Frameworks in scope or assessed, sorted by id as the inventory export orders them, with each assessment's counts. */
function frameworksOf(library: Library, s: SystemView, assessed: Awaited<ReturnType<typeof readAssessmentCounts>>): Card["frameworks"] {
  const byFramework = new Map<string, { version: string; signedOffAt: string | null; counts: Map<string, number> }>();
  for (const row of assessed) {
    let a = byFramework.get(row.framework_id);
    if (!a) byFramework.set(row.framework_id, (a = { version: row.framework_version, signedOffAt: row.signed_off_at, counts: new Map() }));
    if (row.effective !== null) a.counts.set(row.effective, (a.counts.get(row.effective) ?? 0) + Number(row.n));
  }
  const ids = [...new Set([...s.frameworks, ...byFramework.keys()])].sort();
  return ids.map((id) => {
    const fw = library.current.get(id);
    const name = fw ? frameworkLabel(fw.file) : undefined;
    const a = byFramework.get(id);
    const counts = ITEM_STATUSES.map((status) => ({ status: coded(ITEM_STATUS_WORDS, status), count: a?.counts.get(status) ?? 0 }));
    return {
      framework: id,
      name: libraryText(name),
      version: a?.version ?? fw?.file.version ?? "",
      inScope: s.frameworks.includes(id),
      posture: a ? { total: counts.reduce((n, c) => n + c.count, 0), counts } : null,
      signedOffAt: a?.signedOffAt ?? null,
    };
  });
}

/** The register's linked vendors, then the names stated on the system that are not among them (as the export lists them). */
function vendorsOf(s: SystemView): Card["vendors"] {
  const fold = (n: string) => n.normalize("NFKC").toLowerCase();
  const linked = s.vendorLinks.map((v) => ({ code: v.code, name: v.name, status: coded(VENDOR_STATUS_WORDS, v.status), rating: coded(VENDOR_RATING_WORDS, v.rating) }));
  const seen = new Set(linked.map((v) => fold(v.name)));
  return { linked, named: s.vendors.filter((n) => !seen.has(fold(n))) };
}

function ratingOf(matrix: RiskMatrix, likelihood: number, impact: number): Card["risks"][number]["inherent"] {
  const band = bandOf(matrix, likelihood, impact);
  return { likelihood, impact, band: band ? { ja: band.ja, en: band.en } : null };
}

/** Who made a ledger entry, by name: a person, an API token's person, or Musubi itself. Never an id. */
function actorOf(h: Awaited<ReturnType<typeof readSystemHistory>>[number]): Card["history"]["entries"][number]["by"] {
  if (h.actor_type === "system") return { kind: "system", name: "Musubi" };
  if (h.actor_type === "token") return { kind: "token", name: h.token_user_name ?? h.actor_label ?? ACTOR_KIND_WORDS.token.en };
  return { kind: "user", name: h.user_name ?? h.actor_label ?? ACTOR_KIND_WORDS.user.en };
}

/** Licences of the library text the card quotes: the Act (Annex IV) always, J-AISI's guide when its perspectives are named. */
function licencesOf(library: Library, perspectives: boolean): string[] {
  const ids = [ANNEX_IV.framework, ...(perspectives ? ["jaisi-evaluation"] : [])];
  return ids.flatMap((id) => {
    const fw = library.current.get(id)?.file;
    if (!fw) return [];
    const name = frameworkLabel(fw);
    return fw.licence.map((l) => `${name.en ?? name.ja}: ${l.name}`);
  });
}
