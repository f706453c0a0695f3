/**
 * The parts of a submitted incident report (`musubi-incident-report/1`) the authority's page shows,
 * read defensively: a document comes from another organisation, so a missing or mistyped part is
 * shown as not stated rather than breaking the page.
 */
export interface ReportView {
  title: string;
  summary: string;
  occurredAt: string | null;
  detectedAt: string | null;
  severity: string | null;
  harmLevel: string | null;
  harmTypes: string[];
  rights: string[];
  affectedParties: string;
  peopleAffected: number | null;
  rootCause: string;
  personalData: { leaked: string | null; dataSubjects: number | null; appiCheck: boolean } | null;
  aiSystems: { code: string; nameJa: string; nameEn: string; vendors: string[]; models: string[]; generative: boolean | null; roles: string[] }[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strOrNull = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
/** Vocabulary entries are `{ id, ja, en }`; their ids are the web's vocabulary values. */
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => str(obj(x).id)).filter(Boolean) : []);

export function reportViewOf(document: Obj): ReportView {
  const incident = obj(document.incident);
  const harm = obj(document.harm);
  const personal = document.personalData === undefined ? null : obj(document.personalData);
  const systems = Array.isArray(document.aiSystems) ? document.aiSystems.map(obj) : [];
  return {
    title: str(incident.title),
    summary: str(incident.summary),
    occurredAt: strOrNull(incident.occurredAt),
    detectedAt: strOrNull(incident.detectedAt),
    severity: strOrNull(incident.severity),
    harmLevel: strOrNull(obj(harm.level).id),
    harmTypes: ids(harm.types),
    rights: ids(harm.rightsAffected),
    affectedParties: str(harm.affectedParties),
    peopleAffected: num(harm.peopleAffected),
    rootCause: str(document.rootCause),
    personalData: personal && { leaked: strOrNull(personal.leaked), dataSubjects: num(personal.dataSubjects), appiCheck: personal.appiArticle26Check === true },
    aiSystems: systems.map((s) => ({
      code: str(s.code),
      nameJa: str(s.nameJa),
      nameEn: str(s.nameEn),
      vendors: strings(s.vendors),
      models: strings(s.models),
      generative: typeof s.generative === "boolean" ? s.generative : null,
      roles: strings(s.jpRoles),
    })),
  };
}
