import { postBytes, request, withSignal, type UploadAuth } from "./client.ts";
import type { ListParams, Page } from "./types.ts";
import type { ApprovalStatus, Person, TaskKind, TaskStatus, TaskView } from "./workflow.ts";
import type { CustomInput, CustomValues } from "./fields.ts";
import type {
  HarmBasis as ServerHarmBasis,
  HarmLevel as ServerHarmLevel,
  HarmType as ServerHarmType,
  Right as ServerRight,
} from "../../../src/incidents/vocabulary.ts";
import type { IncidentField as ServerIncidentImportField } from "../../../src/incidents/incidents.import.ts";
import type { ImportEncoding, ImportJob, ImportReport } from "./systems.ts";

/**
 * Incidents as the web UI sees them: filing, the investigation (timeline, corrective and preventive
 * actions), closure, the regulator-ready report, similar past incidents and the public reference
 * cases. Kept by hand beside src/incidents/incidents.schema.ts, vocabulary.ts, reference.routes.ts,
 * similar/similar.service.ts and report.schema.ts, so the browser bundle never pulls in server code.
 */

const enc = encodeURIComponent;

/**
 * Fails to compile when `Local` leaves out one of the server's values: a vocabulary id added in
 * src/incidents/vocabulary.ts must be added here (and to the dictionaries) too.
 */
export type Covers<Server extends string, Local extends string> = [Exclude<Server, Local>] extends [never] ? true : false;
export const covers = <T extends true>(ok: T) => ok;

// ——— Vocabularies (CSETv1-aligned, src/incidents/vocabulary.ts) ———

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const INCIDENT_STATUSES = ["open", "investigating", "mitigated", "closed"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/** The statuses a PATCH may set; closing has its own call, which checks the actions are done. */
export const OPEN_STATUSES = ["open", "investigating", "mitigated"] as const satisfies readonly IncidentStatus[];
export const TRISTATE = ["no", "yes", "unknown"] as const;
export type Tristate = (typeof TRISTATE)[number];

export const HARM_LEVELS = ["event", "near_miss", "issue", "none", "unclear"] as const satisfies readonly ServerHarmLevel[];
export type HarmLevel = (typeof HARM_LEVELS)[number];
export const HARM_TYPES = [
  "tangible",
  "critical_services",
  "rights_violation",
  "involving_minor",
  "detrimental_content",
  "protected_characteristic",
] as const satisfies readonly ServerHarmType[];
export type HarmType = (typeof HARM_TYPES)[number];
export const HARM_BASES = [
  "none",
  "age",
  "disability",
  "familial_status",
  "financial_means",
  "genetic_information",
  "geography",
  "ideology",
  "nation_of_origin",
  "race",
  "religion",
  "sex",
  "sexual_orientation",
  "veteran_status",
  "unclear",
  "other",
] as const satisfies readonly ServerHarmBasis[];
export type HarmBasis = (typeof HARM_BASES)[number];
export const RIGHTS = [
  "privacy",
  "non_discrimination",
  "life_and_safety",
  "property",
  "reputation",
  "intellectual_property",
  "expression_and_information",
  "labour",
  "consumer",
  "other",
] as const satisfies readonly ServerRight[];
export type Right = (typeof RIGHTS)[number];

covers<Covers<ServerHarmLevel, HarmLevel>>(true);
covers<Covers<ServerHarmType, HarmType>>(true);
covers<Covers<ServerHarmBasis, HarmBasis>>(true);
covers<Covers<ServerRight, Right>>(true);

/** The task kinds (src/workflow/tasks.schema.ts) an incident's actions are opened as. */
export const ACTION_KINDS = ["corrective", "preventive"] as const satisfies readonly TaskKind[];
export type ActionKind = (typeof ACTION_KINDS)[number];
/** Approval plans have at most this many stages in the incident UI (the API allows more). */
export const MAX_APPROVAL_STAGES = 3;

// ——— Views ———

/** A system, risk or control an incident is linked to. */
export interface LinkedRecord {
  id: string;
  code: string;
  titleJa: string;
  titleEn: string;
}

export interface TimelineEntry {
  id: string;
  at: string;
  /** `filed`, `note`, `status`, `root_cause`, `closed`, `alert_firing`, `alert_resolved`, … */
  kind: string;
  body: string;
  author: Person | null;
  createdAt: string;
}

/**
 * A corrective or preventive action: a task of the workflow (`taskView`) without its subject (the
 * incident) and creator, and with the latest approval in brief.
 */
export interface IncidentAction extends Omit<TaskView, "subject" | "createdBy" | "approval"> {
  approval: { id: string; status: ApprovalStatus; stage: number; stages: number } | null;
}

/** One incident as lists show it (`incidentSummary`). */
export interface IncidentSummary {
  id: string;
  code: string;
  title: string;
  summary: string;
  status: IncidentStatus;
  severity: Severity;
  occurredAt: string | null;
  /** When no time is known: the day, month or year it occurred, as precise as the source (`2021`, `2021-03`). */
  occurredOn: string | null;
  detectedAt: string;
  /** `web`, `api` or `webhook:<tool>`. */
  source: string;
  externalKey: string | null;
  reportedBy: string | null;
  owner: Person | null;
  harmLevel: HarmLevel;
  harmTypes: HarmType[];
  harmBasis: HarmBasis[];
  /** MIT AI Risk Repository ids. */
  categories: string[];
  rights: Right[];
  affectedParties: string;
  peopleAffected: number | null;
  livesLost: number | null;
  injuries: number | null;
  personalData: Tristate;
  dataSubjects: number | null;
  sensitiveData: Tristate;
  /** Personal data leaked or may have: APPI Art. 26 may require a report to the PPC. */
  appiReportCheck: boolean;
  rootCause: string;
  systems: LinkedRecord[];
  risks: LinkedRecord[];
  /** Controls that failed. */
  controls: LinkedRecord[];
  closedAt: string | null;
  /** A user id. */
  closedBy: string | null;
  /** Values of the organisation's own fields, by key. */
  custom: CustomValues;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The whole incident (`incidentView`): its summary, actions and timeline. */
export interface IncidentView extends IncidentSummary {
  actions: IncidentAction[];
  timeline: TimelineEntry[];
}

/** What a person states about an incident: the body of a create, any part of it in a patch. */
export interface IncidentInput
  extends Pick<
    IncidentSummary,
    | "title"
    | "summary"
    | "severity"
    | "occurredAt"
    | "harmLevel"
    | "harmTypes"
    | "harmBasis"
    | "categories"
    | "rights"
    | "affectedParties"
    | "peopleAffected"
    | "livesLost"
    | "injuries"
    | "personalData"
    | "dataSubjects"
    | "sensitiveData"
    | "rootCause"
  > {
  detectedAt?: string;
  ownerId: string | null;
  systemIds: string[];
  riskIds: string[];
  controlIds: string[];
  /** Values of the organisation's own fields to set; `null` clears one. */
  custom?: CustomInput;
}

export type IncidentPatch = Partial<IncidentInput> & { version: number; status?: Exclude<IncidentStatus, "closed"> };

export interface ActionInput {
  kind: ActionKind;
  title: string;
  description?: string;
  assigneeId: string | null;
  dueOn: string | null;
  /** Stages in order; the users of one stage approve in parallel. Null: no approval. */
  approvalPlan: string[][] | null;
}

export interface IncidentListParams extends ListParams {
  status?: IncidentStatus;
  severity?: Severity;
  systemId?: string;
  category?: string;
  personalData?: Tristate;
  customField?: string;
  customValue?: string;
}

/** `details` of a 409 `actions_open`: the actions still active. */
export interface OpenActions {
  actions: { id: string; code: string; status: TaskStatus }[];
}

export interface SimilarIncidents {
  internal: { id: string; code: string; title: string; status: string; severity: string; detectedAt: string; score: number }[];
  public: { id: string; source: string; sourceName: string; number: number; externalId: string | null; title: string; date: string | null; url: string; score: number }[];
}

export interface SimilarParams {
  text: string;
  /** MIT ids: incidents filed under the same ones rank higher. */
  categories?: string[];
  exclude?: string;
  limit?: number;
}

/** A public reference case, from the AI Incident Database or another named source. */
export interface ReferenceIncident {
  id: string;
  /** The source's id: `aiid`, or a slug of its name. */
  source: string;
  sourceName: string;
  number: number;
  /** The source's own identifier of the case. */
  externalId: string | null;
  /** A day, or only a month (`2022-03`) or a year (`2021`) when the source gives no more. */
  date: string | null;
  title: string;
  description: string;
  deployers: string[];
  developers: string[];
  harmed: string[];
  categories: string[];
  harmLevel: string | null;
  url: string;
  score?: number;
}

/** A source of reference cases, with the licence its cases are shown under. */
export interface ReferenceSource {
  id: string;
  name: string;
  licence: string;
  url: string | null;
  cases: number;
  importedAt: string;
  /** True: imported by this organisation, seen by it alone and its to remove; false: shared by the whole installation (the AI Incident Database). */
  own: boolean;
}

export interface ReferencePage extends Page<ReferenceIncident> {
  /** The attribution the cases are shown under: each source's name, licence and address. */
  licence: string;
  sources: ReferenceSource[];
}

export interface ReferenceParams {
  q?: string;
  category?: string;
  source?: string;
  limit?: number;
  offset?: number;
}

/** The regulator-ready report (`musubi-incident-report/1`), as far as the UI reads it; the rest is for regulators. */
export interface IncidentReport {
  format: "musubi-incident-report/1";
  generatedAt: string;
  purposes: ("jp-ai-promotion-act" | "jp-appi-leak")[];
  incident: { id: string; code: string; title: string };
  [key: string]: unknown;
}

// ——— Calls ———

export const incidentsApi = {
  list: (params: IncidentListParams, signal?: AbortSignal) => request<Page<IncidentSummary>>("GET", "/api/incidents", { query: params, ...withSignal(signal) }),
  get: (id: string, signal?: AbortSignal) => request<IncidentView>("GET", `/api/incidents/${enc(id)}`, withSignal(signal)),
  create: (input: IncidentInput) => request<IncidentView>("POST", "/api/incidents", { body: input }),
  update: (id: string, patch: IncidentPatch) => request<IncidentView>("PATCH", `/api/incidents/${enc(id)}`, { body: patch }),
  addTimeline: (id: string, entry: { at?: string; body: string }) => request<IncidentView>("POST", `/api/incidents/${enc(id)}/timeline`, { body: entry }),
  addAction: (id: string, action: ActionInput) => request<IncidentView>("POST", `/api/incidents/${enc(id)}/actions`, { body: action }),
  /** Refused with 409 `actions_open` (details: {@link OpenActions}) while actions are active. */
  close: (id: string, input: { version: number; note: string }) => request<IncidentView>("POST", `/api/incidents/${enc(id)}/close`, { body: input }),
  report: (id: string, signal?: AbortSignal) => request<IncidentReport>("GET", `/api/incidents/${enc(id)}/report`, withSignal(signal)),
  /** The report as JSON: a same-origin GET, so a plain link carries the session cookie. */
  reportJsonHref: (id: string) => `/api/incidents/${enc(id)}/report`,
  /** The bilingual report document, to open in a new tab. */
  reportHtmlHref: (id: string) => `/api/incidents/${enc(id)}/report?format=html`,
  similar: (params: SimilarParams, signal?: AbortSignal) =>
    request<SimilarIncidents>("GET", "/api/incidents/similar", {
      query: { text: params.text, categories: params.categories?.join(","), exclude: params.exclude, limit: params.limit },
      ...withSignal(signal),
    }),
};

export const referenceIncidentsApi = {
  list: (params: ReferenceParams, signal?: AbortSignal) => request<ReferencePage>("GET", "/api/reference-incidents", { query: params, ...withSignal(signal) }),
  /** Removes one of the organisation's own sources and its cases; a shared source answers 404. */
  deleteSource: (id: string) => request<void>("DELETE", `/api/reference-incidents/sources/${enc(id)}`),
};

// ——— Importing an incident register (src/incidents/incidents.import*.ts) ———

/** What a column of an incident register can feed, in the wizard's order. */
export const INCIDENT_IMPORT_FIELDS = ["externalId", "title", "summary", "severity", "status", "occurredOn", "detectedAt", "systemCode", "affectedParties", "rootCause"] as const satisfies readonly ServerIncidentImportField[];
export type IncidentImportField = (typeof INCIDENT_IMPORT_FIELDS)[number];
covers<Covers<ServerIncidentImportField, IncidentImportField>>(true);
/** The fields whose words the server lists (`values`) and the person may translate. */
export const INCIDENT_VALUE_FIELDS = ["severity", "status"] as const satisfies readonly IncidentImportField[];
export type IncidentValueField = (typeof INCIDENT_VALUE_FIELDS)[number];

/** A column's mapping: the field it feeds and translations of the file's words (a word translated to "" counts as absent). */
export interface IncidentImportMappingEntry {
  column: string;
  field: IncidentImportField;
  values?: Record<string, string>;
  split?: string | null;
}

/** How the register is read, and which field each column feeds; no upsert key, no creation, no presets. */
export interface IncidentImportSettings {
  mapping: IncidentImportMappingEntry[];
  sheet?: string;
  headerRow?: number;
  headerRows?: number;
  encoding?: ImportEncoding;
  /** Rows to leave out, as Excel numbers them: "2-3, 10". */
  skipRows?: string;
  /** For JSON: the dotted path of the list of records. */
  recordsPath?: string;
  /** One notice to the governance leads for the whole import (the server's default), not one per incident. */
  quiet?: boolean;
}
export type IncidentImportReading = Omit<IncidentImportSettings, "mapping" | "quiet">;

/** The check's report; `unchanged` counts rows an earlier import already brought in (same id), left as they are. */
export interface IncidentImportReport extends ImportReport {
  unchanged?: number;
}

/** An incident import job: the inventory import's job, with incident fields suggested. */
export interface IncidentImportJob extends Omit<ImportJob, "suggestedMapping" | "report"> {
  report?: IncidentImportReport;
  suggestedMapping?: IncidentImportMappingEntry[];
}

/** What the import would file: counts, problems by row, and the first valid rows as they would be filed. */
export interface IncidentImportPreview extends IncidentImportReport {
  unchanged: number;
  /** The first valid rows: the incident input (title, summary, severity, occurredAt, detectedAt…) with status, occurredOn and externalId. */
  sample: ({ line: number } & Partial<Record<string, unknown>>)[];
}

/** A severity or status column's distinct words, how many rows hold each, and Musubi's reading of each (null: refused). */
export interface IncidentColumnValues {
  column: string;
  field: IncidentValueField;
  blank: number;
  values: { value: string; rows: number; reading: string | null }[];
  more: number;
}

export const incidentImportsApi = {
  upload: (file: File, auth: UploadAuth) => postBytes<IncidentImportJob>("/api/incidents/imports", file, auth),
  get: (id: string, signal?: AbortSignal) => request<IncidentImportJob>("GET", `/api/incidents/imports/${enc(id)}`, withSignal(signal)),
  /** Reads the uploaded register again another way (encoding, sheet, header rows, rows to skip, records path). */
  read: (id: string, reading: IncidentImportReading) => request<IncidentImportJob>("POST", `/api/incidents/imports/${enc(id)}/read`, { body: reading }),
  preview: (id: string, settings: IncidentImportSettings, signal?: AbortSignal) =>
    request<IncidentImportPreview>("POST", `/api/incidents/imports/${enc(id)}/preview`, { body: settings, ...withSignal(signal) }),
  /** Refused with 422 `import_has_errors` (details: the report) unless `skipInvalid`. */
  commit: (id: string, settings: IncidentImportSettings, skipInvalid: boolean) =>
    request<IncidentImportJob>("POST", `/api/incidents/imports/${enc(id)}/commit`, { body: { ...settings, skipInvalid } }),
  values: (id: string, reading: IncidentImportReading, column: string, field: IncidentValueField) =>
    request<IncidentColumnValues>("POST", `/api/incidents/imports/${enc(id)}/values`, { body: { ...reading, column, field } }),
  /** Every problem of the last check, as a file in the UI's language. */
  problemsUrl: (id: string, format: "csv" | "xlsx", lang: "ja" | "en") => `/api/incidents/imports/${enc(id)}/problems?format=${format}&lang=${lang}`,
};
