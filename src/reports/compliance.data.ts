import type { Kysely } from "kysely";
import { presentAssessments, refOf } from "../compliance/assessments.read.ts";
import { readDashboard } from "../compliance/dashboard.ts";
import { evidenceStatus } from "../compliance/evidence.service.ts";
import { GAP_STATUSES, ITEM_STATUSES, type ItemStatus } from "../compliance/statuses.ts";
import type { Database } from "../db/schema.ts";
import { frameworkLabel } from "../library/library.present.ts";
import type { Library } from "../library/library.model.ts";
import type { Text } from "../library/library.schema.ts";
import { AppError } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { readOrgCalendar } from "../disclosures/haip/haip.period.ts";

/** Rows that leave a requirement open: known to fall short, or not started. */
export const OPEN_GAP_STATUSES: readonly ItemStatus[] = [...GAP_STATUSES, "not_started"];

export interface GapRow {
  label: Text;
  title: Text | undefined;
  status: ItemStatus;
  dueDate: string | null;
  /** Codes of the controls mapped to the requirement. */
  controls: string[];
}

export interface SystemPosture {
  code: string;
  nameJa: string;
  nameEn: string;
  frameworkVersion: string;
  counts: Record<ItemStatus, number>;
  total: number;
  signedOff: { by: string | null; at: string } | null;
  gaps: GapRow[];
  evidence: { count: number; expired: number };
}

export interface EvidenceRow {
  title: string;
  kind: string;
  validUntil: string | null;
  status: "valid" | "expiring" | "expired" | "no_expiry";
  via: "item" | "control";
  /** The control's code, or the system's code and the requirement's label. */
  target: { control?: string; system?: string; label?: Text };
}

/** Everything the compliance report shows, read once; the PDF and the workbook are two renderings of it. */
export interface ComplianceReportData {
  generatedAt: string;
  timeZone: string;
  today: string;
  org: { nameJa: string; nameEn: string };
  framework: {
    id: string;
    name: Text;
    fullName: Text;
    version: string;
    issuer: Text[];
    legalEffect: Text;
    textAsOf: string | null;
    source: { title: Text; reference: Text | undefined; url: string | undefined };
    licences: { name: string; attribution: string; url: string | undefined }[];
    requirements: number;
    /** Versions assessments were made against that are not the current one. */
    olderVersions: string[];
  };
  posture: { inScope: number; assessed: number; counts: Record<ItemStatus, number>; total: number };
  systems: SystemPosture[];
  controls: { code: string; titleJa: string; titleEn: string; status: string; requirements: number }[];
  evidence: EvidenceRow[];
}

/** A 400 naming the framework field, worded for the caller: the library has no such framework. */
export function unknownFramework(): AppError {
  return new AppError(400, "validation_failed", [{ field: "query.framework", code: "unknown_framework", message: fieldText("no_such_framework") }]);
}

/**
 * Reads a framework's compliance report: the framework as the library describes it, the posture
 * across every assessed system (the dashboard's counters), and per system its assessment's counts,
 * sign-off, open requirements with the controls mapped to them, and the evidence attached. Eight
 * statements (plus one per 500 assessments for their counts), whatever the number of systems.
 */
export async function readComplianceReport(db: Kysely<Database>, library: Library, orgId: string, frameworkId: string, now = new Date()): Promise<ComplianceReportData> {
  const fw = library.current.get(frameworkId);
  if (!fw) throw unknownFramework();
  const calendar = await readOrgCalendar(db, orgId, now);
  const today = calendar.today;
  const [org, dashboard, assessments, items, mapped, itemEvidence, controlEvidence] = await Promise.all([
    db.selectFrom("organizations").select(["name_ja", "name_en"]).where("id", "=", orgId).executeTakeFirstOrThrow(),
    readDashboard(db, library, orgId, today),
    db.selectFrom("assessments").selectAll().where("org_id", "=", orgId).where("framework_id", "=", frameworkId).execute(),
    db
      .selectFrom("assessment_items")
      .select(["id", "assessment_id", "requirement_urn", "effective", "position", "due_date"])
      .where("org_id", "=", orgId)
      .where("framework_id", "=", frameworkId)
      .where("applicable", "=", 1)
      .orderBy("assessment_id")
      .orderBy("position")
      .execute(),
    db
      .selectFrom("control_requirements as cr")
      .innerJoin("controls as c", (j) => j.onRef("c.id", "=", "cr.control_id").on("c.org_id", "=", orgId))
      .select(["cr.requirement_urn", "c.id", "c.code", "c.title_ja", "c.title_en", "c.status"])
      .where("cr.org_id", "=", orgId)
      .where("cr.framework_id", "=", frameworkId)
      .orderBy("c.code")
      .execute(),
    db
      .selectFrom("evidence_links as l")
      .innerJoin("assessment_items as i", (j) => j.onRef("i.id", "=", "l.target_id").on("i.org_id", "=", orgId))
      .innerJoin("evidence as e", (j) => j.onRef("e.id", "=", "l.evidence_id").on("e.org_id", "=", orgId))
      .select(["i.id as item_id", "i.assessment_id", "i.requirement_urn", "e.id", "e.title", "e.kind", "e.valid_until"])
      .where("l.org_id", "=", orgId)
      .where("l.target_type", "=", "item")
      .where("i.framework_id", "=", frameworkId)
      .execute(),
    db
      .selectFrom("evidence_links as l")
      .innerJoin("evidence as e", (j) => j.onRef("e.id", "=", "l.evidence_id").on("e.org_id", "=", orgId))
      .select(["l.target_id as control_id", "e.id", "e.title", "e.kind", "e.valid_until"])
      .where("l.org_id", "=", orgId)
      .where("l.target_type", "=", "control")
      .where("l.target_id", "in", (eb) => eb.selectFrom("control_requirements").select("control_id").where("org_id", "=", orgId).where("framework_id", "=", frameworkId))
      .execute(),
  ]);
  const views = await presentAssessments(db, library, orgId, assessments);

  const controlsByUrn = new Map<string, string[]>();
  const controlIdsByUrn = new Map<string, string[]>();
  const controls = new Map<string, { code: string; titleJa: string; titleEn: string; status: string; urns: Set<string> }>();
  for (const m of mapped) {
    (controlsByUrn.get(m.requirement_urn) ?? controlsByUrn.set(m.requirement_urn, []).get(m.requirement_urn)!).push(m.code);
    (controlIdsByUrn.get(m.requirement_urn) ?? controlIdsByUrn.set(m.requirement_urn, []).get(m.requirement_urn)!).push(m.id);
    const c = controls.get(m.id) ?? { code: m.code, titleJa: m.title_ja, titleEn: m.title_en, status: m.status, urns: new Set<string>() };
    c.urns.add(m.requirement_urn);
    controls.set(m.id, c);
  }
  const evidenceOfControl = new Map<string, typeof controlEvidence>();
  for (const e of controlEvidence) (evidenceOfControl.get(e.control_id) ?? evidenceOfControl.set(e.control_id, []).get(e.control_id)!).push(e);
  const evidenceOfAssessment = new Map<string, typeof itemEvidence>();
  for (const e of itemEvidence) (evidenceOfAssessment.get(e.assessment_id) ?? evidenceOfAssessment.set(e.assessment_id, []).get(e.assessment_id)!).push(e);
  const itemsOf = new Map<string, typeof items>();
  for (const i of items) (itemsOf.get(i.assessment_id) ?? itemsOf.set(i.assessment_id, []).get(i.assessment_id)!).push(i);

  const refs = new Map<string, { label: Text; title: Text | undefined }>();
  const refFor = (urn: string) => {
    let r = refs.get(urn);
    if (!r) {
      const ref = refOf(library, urn) as { label: Text; title?: Text };
      r = { label: ref.label, title: ref.title };
      refs.set(urn, r);
    }
    return r;
  };

  const open = new Set<string>(OPEN_GAP_STATUSES);
  const systems = views
    .map((a): SystemPosture => {
      const rows = itemsOf.get(a.id) ?? [];
      const seen = new Map<string, string | null>();
      for (const e of evidenceOfAssessment.get(a.id) ?? []) seen.set(e.id, e.valid_until);
      for (const urn of new Set(rows.map((r) => r.requirement_urn))) for (const c of controlIdsByUrn.get(urn) ?? []) for (const e of evidenceOfControl.get(c) ?? []) seen.set(e.id, e.valid_until);
      const expired = [...seen.values()].filter((v) => v !== null && v < today).length;
      return {
        code: a.system.code,
        nameJa: a.system.nameJa,
        nameEn: a.system.nameEn,
        frameworkVersion: a.frameworkVersion,
        counts: a.counts as Record<ItemStatus, number>,
        total: a.total,
        signedOff: a.signedOff ? { by: a.signedOff.by?.displayName ?? null, at: a.signedOff.at } : null,
        gaps: rows.filter((r) => open.has(r.effective)).map((r) => ({ ...refFor(r.requirement_urn), status: r.effective as ItemStatus, dueDate: r.due_date, controls: controlsByUrn.get(r.requirement_urn) ?? [] })),
        evidence: { count: seen.size, expired },
      };
    })
    .sort((x, y) => x.code.localeCompare(y.code));

  const systemOfAssessment = new Map(views.map((a) => [a.id, a.system.code]));
  const evidence: EvidenceRow[] = [
    ...itemEvidence.map((e) => ({ title: e.title, kind: e.kind, validUntil: e.valid_until, status: evidenceStatus(e.valid_until, today), via: "item" as const, target: { system: systemOfAssessment.get(e.assessment_id) ?? "", label: refFor(e.requirement_urn).label } })),
    ...controlEvidence.map((e) => ({ title: e.title, kind: e.kind, validUntil: e.valid_until, status: evidenceStatus(e.valid_until, today), via: "control" as const, target: { control: controls.get(e.control_id)?.code ?? "" } })),
  ].sort((x, y) => (x.validUntil ?? "9999").localeCompare(y.validUntil ?? "9999") || x.title.localeCompare(y.title));

  const row = dashboard.frameworks.find((f) => f.framework === frameworkId);
  const zero = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  const file = fw.file;
  return {
    generatedAt: now.toISOString(),
    timeZone: calendar.timeZone,
    today,
    org: { nameJa: org.name_ja, nameEn: org.name_en },
    framework: {
      id: frameworkId,
      name: frameworkLabel(file),
      fullName: file.name,
      version: file.version,
      issuer: file.issuer,
      legalEffect: file.legalEffect,
      textAsOf: file.dates.textAsOf ?? null,
      source: { title: file.source.title, reference: file.source.reference, url: file.source.url },
      licences: file.licence.map((l) => ({ name: l.name, attribution: l.attribution, url: l.url })),
      requirements: file.nodes.filter((n) => n.requirement).length,
      olderVersions: [...new Set(assessments.map((a) => a.framework_version).filter((v) => v !== file.version))].sort(),
    },
    posture: { inScope: row?.inScope ?? 0, assessed: row?.assessed ?? 0, counts: (row?.counts as Record<ItemStatus, number> | undefined) ?? zero, total: row?.total ?? 0 },
    systems,
    controls: [...controls.values()].map((c) => ({ code: c.code, titleJa: c.titleJa, titleEn: c.titleEn, status: c.status, requirements: c.urns.size })),
    evidence,
  };
}
