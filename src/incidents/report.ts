import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import { OBLIGATION_LABELS } from "../library/library.schema.ts";
import { riskTaxonomy } from "../risks/taxonomy.ts";
import { readRiskMatrix } from "../risks/matrix.service.ts";
import { bandOf } from "../risks/matrix.schema.ts";
import { EU_RISK_SCHEME } from "../systems/systems.classify.ts";
import { timeZoneOfSettings } from "../orgs/orgs.store.ts";
import { todayIn } from "../platform/time.ts";
import type { IncidentView } from "./incidents.schema.ts";
import { readIncident } from "./incidents.service.ts";
import { IncidentReport } from "./report.schema.ts";
import { similarIncidents } from "./similar/similar.service.ts";
import { HARM_BASES, HARM_LEVELS, HARM_TYPES, RIGHTS } from "./vocabulary.ts";

/** Provisions the report rests on; quoted from the library, never paraphrased. */
const PROMOTION_ACT = ["urn:musubi:jp-ai-promotion-act:2025:art-16.1", "urn:musubi:jp-ai-promotion-act:2025:art-7.1"];
const APPI = ["urn:musubi:jp-appi:2026-07-17:art-26.1", "urn:musubi:jp-appi:2026-07-17:art-26.2"];

function provision(library: Library, urn: string) {
  const entry = library.nodes.get(urn);
  if (!entry) return null;
  const parent = entry.node.parent ? entry.framework.nodesById.get(entry.node.parent) : undefined;
  const title = entry.node.title ?? parent?.title;
  return {
    urn,
    title: title ? { ja: title.ja ?? title.en ?? "", en: title.en ?? title.ja ?? "" } : null,
    text: { ja: entry.node.text?.ja ?? null, en: entry.node.text?.en ?? null },
    source: `${entry.framework.file.name.ja ?? entry.framework.file.name.en} (${entry.framework.file.version})`,
    obligation: (entry.node.obligation?.kinds ?? []).map((k) => OBLIGATION_LABELS[k]),
  };
}

/** The EU AI Act class as the library names it (the report shows words, not the value's id). */
function euClassLabel(library: Library, value: string | null): { ja: string; en: string } | null {
  if (!value) return null;
  const label = library.compiled.schemes.get(EU_RISK_SCHEME)?.values.find((v) => v.id === value)?.label;
  return label ? { ja: label.ja ?? label.en ?? value, en: label.en ?? label.ja ?? value } : null;
}

/**
 * The timeline, oldest first, with the `filed` entry dated when the incident was recorded in Musubi:
 * the store dates it at the detection time, which would make a report filed days after detection
 * look as if it had been filed at once.
 */
export function timelineOf(inc: Pick<IncidentView, "createdAt" | "timeline">): IncidentReport["timeline"] {
  return inc.timeline
    .map((e, i) => ({ i, at: e.kind === "filed" ? inc.createdAt : e.at, kind: e.kind, body: e.body }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.i - b.i))
    .map(({ at, kind, body }) => ({ at, kind, body }));
}

/**
 * Assembles the report from the stored incident, its systems, risks, controls and actions, the
 * library's provisions and the ledger's head — and checks it against its published schema before
 * anyone sees it.
 */
/** What the system's profile answers about its technology and its operator's role, when answered: what an authority's trends count by. */
function profileFacts(profileText: string): { generative: boolean | null; jpRoles: string[]; sector: string | null } {
  const p = JSON.parse(profileText) as { generative?: unknown; jpRoles?: unknown; sector?: unknown };
  return {
    generative: typeof p.generative === "boolean" ? p.generative : null,
    jpRoles: Array.isArray(p.jpRoles) ? p.jpRoles.filter((r): r is string => typeof r === "string") : [],
    sector: typeof p.sector === "string" ? p.sector : null,
  };
}

export async function buildIncidentReport(db: Kysely<Database>, library: Library, orgId: string, id: string, by: { name: string; email: string }): Promise<IncidentReport> {
  // The report's dates, and which actions are overdue, are the organisation's: one read gives its name and zone.
  const org = await db.selectFrom("organizations").select(["name_ja", "name_en", "settings"]).where("id", "=", orgId).executeTakeFirstOrThrow();
  const timeZone = timeZoneOfSettings(org.settings);
  const inc = await readIncident(db, orgId, id, todayIn(timeZone));
  const [systems, risks, head, entries, matrix] = await Promise.all([
    inc.systems.length ? db.selectFrom("ai_systems").select(["code", "name_ja", "name_en", "purpose", "lifecycle", "eu_class", "eu_class_from", "vendors", "models", "profile"]).where("org_id", "=", orgId).where("id", "in", inc.systems.map((s) => s.id)).orderBy("code").execute() : [],
    inc.risks.length ? db.selectFrom("risks").selectAll().where("org_id", "=", orgId).where("id", "in", inc.risks.map((r) => r.id)).orderBy("code").execute() : [],
    db.selectFrom("audit_log").select(["seq", "hash"]).where("org_id", "=", orgId).orderBy("seq", "desc").limit(1).executeTakeFirst(),
    db.selectFrom("audit_log").select("seq").where("org_id", "=", orgId).where("entity_id", "=", id).orderBy("seq").execute(),
    readRiskMatrix(db, orgId),
  ]);
  const owner = inc.owner ? await db.selectFrom("users").select(["display_name", "email"]).where("org_id", "=", orgId).where("id", "=", inc.owner.id).executeTakeFirst() : undefined;
  const similar = await similarIncidents(db, orgId, { text: `${inc.title}\n${inc.summary}`, categories: inc.categories.join(","), exclude: inc.id, limit: 3 });
  const names = new Map<string, { en: string; ja: string | null }>();
  const t = riskTaxonomy();
  for (const d of t.domains) {
    names.set(d.id, { en: d.name.en, ja: d.name.ja ?? null });
    for (const s of d.subdomains) names.set(s.id, { en: s.name.en, ja: s.name.ja ?? null });
  }
  for (const c of t.causal) for (const v of c.values) names.set(v.id, { en: `${c.name.en}: ${v.name.en}`, ja: v.name.ja ? `${c.name.ja ?? c.name.en}: ${v.name.ja}` : null });
  const leak = inc.personalData !== "no";
  const rating = (l: number, i: number) => `${l}×${i} ${bandOf(matrix.matrix, l, i)?.en ?? ""}`.trim();
  const band = (l: number | null, i: number | null) => {
    const b = l !== null && i !== null ? bandOf(matrix.matrix, l, i) : null;
    return b ? { ja: b.ja, en: b.en } : null;
  };
  const report: IncidentReport = {
    format: "musubi-incident-report/1",
    generatedAt: new Date().toISOString(),
    generatedBy: by,
    timeZone,
    reporter: { organisation: { nameJa: org.name_ja, nameEn: org.name_en }, contact: owner ? { name: owner.display_name, email: owner.email } : null },
    purposes: leak ? ["jp-ai-promotion-act", "jp-appi-leak"] : ["jp-ai-promotion-act"],
    legalBasis: [...PROMOTION_ACT, ...(leak ? APPI : [])].map((u) => provision(library, u)).filter((p) => p !== null),
    incident: { id: inc.id, code: inc.code, title: inc.title, summary: inc.summary, status: inc.status, severity: inc.severity, occurredAt: inc.occurredAt, detectedAt: inc.detectedAt, recordedAt: inc.createdAt, closedAt: inc.closedAt, source: inc.source },
    aiSystems: systems.map((s) => ({ code: s.code, nameJa: s.name_ja, nameEn: s.name_en, purpose: s.purpose, lifecycle: s.lifecycle, euAiActClass: s.eu_class, euAiActClassLabel: euClassLabel(library, s.eu_class), euAiActClassFrom: s.eu_class_from, vendors: JSON.parse(s.vendors), models: (JSON.parse(s.models) as { name?: string }[]).map((m) => (typeof m === "string" ? m : (m.name ?? JSON.stringify(m)))), ...profileFacts(s.profile) })),
    harm: {
      level: { id: inc.harmLevel, ...HARM_LEVELS[inc.harmLevel] },
      types: inc.harmTypes.map((h) => ({ id: h, ...HARM_TYPES[h] })),
      distributionBasis: inc.harmBasis.map((h) => ({ id: h, ...HARM_BASES[h] })),
      livesLost: inc.livesLost,
      injuries: inc.injuries,
      peopleAffected: inc.peopleAffected,
      affectedParties: inc.affectedParties,
      rightsAffected: inc.rights.map((r) => ({ id: r, ...RIGHTS[r] })),
    },
    classification: { mitAiRiskRepository: inc.categories.map((c) => ({ id: c, en: names.get(c)?.en ?? c, ja: names.get(c)?.ja ?? null })) },
    personalData: {
      leaked: inc.personalData,
      dataSubjects: inc.dataSubjects,
      sensitive: inc.sensitiveData,
      appiArticle26Check: leak,
      note: {
        ja: "個人情報保護法第26条により、個人の権利利益を害するおそれが大きいものとして個人情報保護委員会規則で定める事態は、委員会への報告及び本人への通知が必要です。該当する事態を定める委員会規則はMusubiのライブラリに含まれていないため、規則本文で確認してください。",
        en: "Under APPI Art. 26, situations prescribed by Order of the Personal Information Protection Commission as likely to harm individuals' rights and interests must be reported to the Commission and notified to the persons. That Order is not in Musubi's library; check its text to decide whether this incident is one of them.",
      },
    },
    timeline: timelineOf(inc),
    rootCause: inc.rootCause,
    actions: inc.actions.map((a) => ({ code: a.code, kind: a.kind, title: a.title, status: a.status, dueOn: a.dueOn, completedAt: a.completedAt, approval: a.approval?.status ?? null })),
    linkedRisks: risks.map((r) => ({
      code: r.code,
      titleJa: r.title_ja,
      titleEn: r.title_en,
      inherent: rating(r.inherent_likelihood, r.inherent_impact),
      inherentBand: band(r.inherent_likelihood, r.inherent_impact),
      residual: r.residual_likelihood !== null && r.residual_impact !== null ? rating(r.residual_likelihood, r.residual_impact) : null,
      residualBand: band(r.residual_likelihood, r.residual_impact),
      treatment: r.treatment,
      status: r.status,
    })),
    failedControls: inc.controls.map((c) => ({ code: c.code, titleJa: c.titleJa, titleEn: c.titleEn, status: "" })),
    similarPublicCases: similar.public.map((p) => ({ source: p.source, number: p.number, title: p.title, url: p.url })),
    ledger: { headSeq: Number(head?.seq ?? 0), headHash: head?.hash ?? "", incidentEntries: entries.map((e) => Number(e.seq)) },
    licences: [
      ...new Set([...PROMOTION_ACT, ...(leak ? APPI : [])].flatMap((u) => {
        const fw = library.nodes.get(u)?.framework.file;
        return fw ? fw.licence.map((l) => `${fw.name.en ?? fw.name.ja}: ${l.name}`) : [];
      })),
      "CSETv1 harm taxonomy and AI Incident Database references: CC BY-SA 4.0",
      `${t.title.en}: ${t.licence}`,
    ],
  };
  const controls = inc.controls.length ? await db.selectFrom("controls").select(["id", "status"]).where("org_id", "=", orgId).where("id", "in", inc.controls.map((c) => c.id)).execute() : [];
  report.failedControls = inc.controls.map((c) => ({ code: c.code, titleJa: c.titleJa, titleEn: c.titleEn, status: controls.find((x) => x.id === c.id)?.status ?? "" }));
  return IncidentReport.parse(report);
}
