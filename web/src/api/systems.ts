import type { ImportField } from "../../../src/systems/io/import.headers.ts";
import { postBytes, queryString, request, withSignal, type UploadAuth } from "./client.ts";
export type { UploadAuth } from "./client.ts";
import type { ApplicabilityReport, AuditEntry, BilingualText, ListParams, Locale, Page, Relationship } from "./types.ts";
import type { VendorLink } from "./vendors.ts";
import type { DatasetCardFields, ModelCardFields } from "./model-cards.ts";
import type { CustomInput, CustomValues } from "./fields.ts";

/**
 * The AI-system inventory, its assessments, imports and evidence uploads, as the web UI sees them.
 * Kept by hand beside the server's zod schemas (src/systems/systems.schema.ts,
 * src/compliance/assessments.schema.ts, docs/compliance-api.md).
 */

const enc = encodeURIComponent;

// ——— Systems ———

export const LIFECYCLES = ["planning", "development", "deployed", "retired", "unknown"] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const HOSTINGS = ["saas-api", "cloud", "on-premises", "edge", "other"] as const;
export type Hosting = (typeof HOSTINGS)[number];

/** EU AI Act risk classes (the `eu-ai-act-risk` scheme), most severe first; `none` filters the unclassified. */
export const EU_CLASSES = ["prohibited", "high-risk", "transparency", "minimal", "no-role", "out-of-scope"] as const;

export interface PersonRef {
  id: string;
  displayName: string;
  email: string;
}

/** A model the system uses; the card fields (web/src/api/model-cards.ts) are set by a card import. */
export interface ModelEntry extends ModelCardFields {
  name: string;
  provider?: string;
  version?: string;
  licence?: string;
  hosting?: Hosting;
  bomRef?: string;
}

/** A dataset the system uses; the card fields are set by a card import. */
export interface DatasetEntry extends DatasetCardFields {
  name: string;
  source?: string;
  personalData: boolean;
  sensitiveData: boolean;
  licence?: string;
}

export interface ComponentEntry {
  name: string;
  version?: string;
  supplier?: string;
  licence?: string;
}

/** What a person states about a system: the body of a create, every field of a patch. */
export interface SystemFields {
  code?: string;
  nameJa: string;
  nameEn: string;
  purpose: string;
  businessOwnerId: string | null;
  technicalOwnerId: string | null;
  departmentId: string | null;
  lifecycle: Lifecycle;
  profile: Record<string, unknown>;
  models: ModelEntry[];
  datasets: DatasetEntry[];
  components: ComponentEntry[];
  vendors: string[];
  /** Register vendors to link (the free-text `vendors` stay for names not in the register). */
  vendorIds?: string[];
  countries: string[];
  tags: string[];
  lastReviewedAt: string | null;
  nextReviewAt: string | null;
  /** Values of the organisation's own fields to set; `null` clears one. */
  custom?: CustomInput;
}

export type SystemPatch = Partial<SystemFields> & { version: number };

export interface SystemView extends Omit<SystemFields, "code" | "businessOwnerId" | "technicalOwnerId" | "departmentId" | "vendorIds" | "custom"> {
  id: string;
  code: string;
  /** The register vendors linked to the system, each linking to its vendor page. */
  vendorLinks: VendorLink[];
  businessOwner: PersonRef | null;
  technicalOwner: PersonRef | null;
  department: { id: string; code: string; nameJa: string; nameEn: string } | null;
  /** EU AI Act risk class as of `classifiedOn`; null while undetermined. */
  euClass: string | null;
  /** When `euClass` starts to apply, if the Regulation sets a later date. */
  euClassFrom: string | null;
  /** Framework ids with a requirement that applies now or later. */
  frameworks: string[];
  classifiedOn: string | null;
  /** Values of the organisation's own fields, by key. */
  custom: CustomValues;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type SystemRow = Pick<
  SystemView,
  "id" | "code" | "nameJa" | "nameEn" | "businessOwner" | "department" | "lifecycle" | "euClass" | "euClassFrom" | "nextReviewAt" | "tags" | "custom" | "updatedAt" | "version"
>;

export const SYSTEM_SORTS = ["code", "nameJa", "nameEn", "lifecycle", "euClass", "nextReviewAt", "updatedAt"] as const;

export interface SystemFilters {
  q?: string;
  lifecycle?: Lifecycle;
  /** A class value, or `none` for systems not yet classified. */
  euClass?: string;
  departmentId?: string;
  ownerId?: string;
  tag?: string;
  framework?: string;
  reviewOverdue?: "true";
  /** A custom field's key and the value to match; both or neither. */
  customField?: string;
  customValue?: string;
}

export interface SystemListParams extends ListParams, SystemFilters {}

export type ExportFormat = "csv" | "xlsx" | "json";

/** The models and datasets a CycloneDX or SPDX BOM holds, and what could not be read from it. */
export interface BomPreview {
  format: "cyclonedx" | "spdx";
  specVersion: string;
  models: ModelEntry[];
  datasets: DatasetEntry[];
  warnings: { en: string; ja: string }[];
}

export const systemsApi = {
  list: (params: SystemListParams, signal?: AbortSignal) => request<Page<SystemRow>>("GET", "/api/systems", { query: params, ...withSignal(signal) }),
  get: (id: string, signal?: AbortSignal) => request<SystemView>("GET", `/api/systems/${enc(id)}`, withSignal(signal)),
  create: (input: SystemFields) => request<SystemView>("POST", "/api/systems", { body: input }),
  update: (id: string, patch: SystemPatch) => request<SystemView>("PATCH", `/api/systems/${enc(id)}`, { body: patch }),
  remove: (id: string) => request<void>("DELETE", `/api/systems/${enc(id)}`),
  history: (id: string, params: { limit: number; offset: number }, signal?: AbortSignal) =>
    request<Page<AuditEntry>>("GET", `/api/systems/${enc(id)}/history`, { query: params, ...withSignal(signal) }),
  applicability: (id: string, signal?: AbortSignal) => request<ApplicabilityReport>("GET", `/api/systems/${enc(id)}/applicability`, withSignal(signal)),
  /** What a CycloneDX ML-BOM (checked against the official schema) or an SPDX 3.0 AI BOM holds; nothing is stored. */
  previewBom: (id: string, bom: unknown) => request<BomPreview>("POST", `/api/systems/${enc(id)}/cyclonedx`, { body: { bom } }),
  /** Adds the BOM's models and datasets to the system (those already there are skipped). */
  importBom: (id: string, bom: unknown, version: number) =>
    request<BomPreview & { system: SystemView }>("POST", `/api/systems/${enc(id)}/cyclonedx`, { body: { bom, commit: true, version } }),
  /**
   * The address of the inventory as a file, with the list's filters: a plain download link. For
   * people (the server's default) it carries the UI language, since a link cannot set
   * Accept-Language; for re-import (`machine`) the file has no language.
   */
  exportHref: (format: ExportFormat, filters: SystemFilters, audience: "people" | "machine", lang: Locale) =>
    `/api/systems/export${queryString({ format, ...filters, ...(audience === "machine" ? { audience } : { lang }) })}`,
  /** The system card (`musubi-system-card/1`), as far as the UI reads it. */
  card: (id: string, signal?: AbortSignal) => request<SystemCardView>("GET", `/api/systems/${enc(id)}/card`, withSignal(signal)),
  /** The card as a bilingual document, to open in a new tab (a same-origin GET carries the session cookie). */
  cardHtmlHref: (id: string) => `/api/systems/${enc(id)}/card?format=html`,
  cardJsonHref: (id: string) => `/api/systems/${enc(id)}/card`,
  /** The system's models, datasets and components as a CycloneDX 1.6 ML-BOM download. */
  bomHref: (id: string) => `/api/systems/${enc(id)}/bom`,
};

/** A text as the library holds it: a language the source lacks is null. */
export interface CardLibraryText {
  ja: string | null;
  en: string | null;
}

/** An EU AI Act Annex IV point on the card, with Musubi's reading of which card fields bear on it. */
export interface CardAnnexPoint {
  urn: string;
  ref: CardLibraryText;
  title: CardLibraryText | null;
  /** The point's text as the library holds it (the Regulation's English; no Japanese translation). */
  text: CardLibraryText;
  mapping: { mappedBy: "musubi-editorial"; covered: boolean; fields: { pointer: string; label: { ja: string; en: string }; recorded: boolean }[] } | null;
}

/** What the system page reads of the card: its Annex IV coverage (the rest is for the document). */
export interface SystemCardView {
  format: "musubi-system-card/1";
  generatedAt: string;
  annexIV: {
    note: { ja: string; en: string };
    annex: { urn: string; ref: CardLibraryText; title: CardLibraryText | null };
    points: (CardAnnexPoint & { points: CardAnnexPoint[] })[];
  };
}

// ——— Assessments ———

export const ITEM_STATUSES = ["not_started", "in_progress", "met", "partially_met", "not_met", "not_applicable"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface RequirementRef {
  urn: string;
  framework: string;
  frameworkName: BilingualText;
  version: string;
  id: string;
  label: BilingualText;
  title?: BilingualText;
}

interface PersonBrief {
  id: string;
  displayName: string;
}

export interface AssessmentView {
  id: string;
  system: { id: string; code: string; nameJa: string; nameEn: string };
  framework: string;
  frameworkName: BilingualText;
  frameworkVersion: string;
  counts: Partial<Record<ItemStatus, number>>;
  total: number;
  changes: { new: number; removed: number };
  libraryChanged: boolean;
  signedOff: { by: PersonBrief | null; at: string; note: string | null } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ItemView {
  id: string;
  assessmentId: string;
  requirement: RequirementRef;
  applicable: boolean;
  change: "new" | "removed" | null;
  timing: string;
  appliesFrom: string | null;
  answer: ItemStatus | null;
  answerSource: "person" | "inferred" | null;
  inference: unknown;
  fromControls: ItemStatus | null;
  effective: ItemStatus;
  justification: string | null;
  owner: PersonBrief | null;
  dueDate: string | null;
  comment: string | null;
  controls: { id: string; code: string; titleJa: string; titleEn: string; status: ItemStatus }[];
  evidence: { id: string; title: string; kind: string; validUntil: string | null; via: "item" | "control" }[];
  updatedAt: string;
  version: number;
}

export type ItemGroup = "gap" | "open" | "done";

export interface ItemListParams extends ListParams {
  status?: ItemStatus;
  group?: ItemGroup;
  change?: "new" | "removed" | "any";
  includeRemoved?: "true";
}

export interface UpdateItemInput {
  version: number;
  status?: ItemStatus;
  justification?: string | null;
  ownerId?: string | null;
  dueDate?: string | null;
  comment?: string | null;
}

/** One crosswalk edge on the way from the source requirement to the row's. */
export interface InferenceStep {
  from: string;
  to: string;
  relationship: Relationship;
  crosswalk: string;
  provenance: string;
  rationale: BilingualText;
}

/** A proposed answer for an unanswered row, read through the crosswalks from another assessment. */
export interface InferenceProposal {
  itemId: string;
  requirement: RequirementRef;
  current: { answer: ItemStatus | null; answerSource: string | null; effective: ItemStatus };
  proposed: ItemStatus;
  /** The weakest relationship along the chain. */
  relationship: Relationship;
  /** Equal or superset all the way: the source covers the requirement fully. */
  full: boolean;
  source: { itemId: string; requirement: RequirementRef; answer: ItemStatus };
  chain: InferenceStep[];
}

export interface InferencePreview {
  from: string;
  proposals: InferenceProposal[];
  /** Rows a person answered that a proposal would have touched: left alone. */
  keptPersonAnswers: number;
}

export const assessmentsApi = {
  ofSystem: (systemId: string, signal?: AbortSignal) =>
    request<{ items: AssessmentView[] }>("GET", `/api/systems/${enc(systemId)}/assessments`, withSignal(signal)),
  start: (systemId: string, framework: string) => request<AssessmentView>("POST", `/api/systems/${enc(systemId)}/assessments`, { body: { framework } }),
  resync: (systemId: string) => request<{ added: number; removed: number }>("POST", `/api/systems/${enc(systemId)}/resync`),
  get: (id: string, signal?: AbortSignal) => request<AssessmentView>("GET", `/api/assessments/${enc(id)}`, withSignal(signal)),
  items: (id: string, params: ItemListParams, signal?: AbortSignal) =>
    request<Page<ItemView>>("GET", `/api/assessments/${enc(id)}/items`, { query: params, ...withSignal(signal) }),
  updateItem: (itemId: string, input: UpdateItemInput) => request<ItemView>("PATCH", `/api/assessment-items/${enc(itemId)}`, { body: input }),
  signOff: (id: string, version: number, note?: string) =>
    request<AssessmentView>("POST", `/api/assessments/${enc(id)}/sign-off`, { body: note ? { version, note } : { version } }),
  acknowledge: (id: string) => request<AssessmentView>("POST", `/api/assessments/${enc(id)}/acknowledge`),
  inference: (id: string, from: string, signal?: AbortSignal) =>
    request<InferencePreview>("GET", `/api/assessments/${enc(id)}/inference`, { query: { from }, ...withSignal(signal) }),
  acceptInference: (id: string, from: string, itemIds: string[]) =>
    request<{ accepted: number }>("POST", `/api/assessments/${enc(id)}/inference`, { body: { from, itemIds } }),
};

// ——— Files and evidence ———

export interface UploadedFile {
  sha256: string;
  size: number;
  name: string;
  mediaType: string;
}

export interface EvidenceInput {
  kind: "file" | "link" | "note";
  title: string;
  url?: string;
  note?: string;
  file?: { sha256: string; name: string; mediaType: string };
  validUntil?: string;
  links?: { type: "control" | "item"; id: string }[];
}

export const evidenceApi = {
  upload: (file: File, auth: UploadAuth) => postBytes<UploadedFile>("/api/files", file, auth),
  create: (input: EvidenceInput) => request<{ id: string }>("POST", "/api/evidence", { body: input }),
};

// ——— Imports ———

/** The server's import fields, in the wizard's order, and those several columns may feed (their items are merged). */
export { IMPORT_FIELDS, LIST_FIELDS as LIST_IMPORT_FIELDS, type ImportField } from "../../../src/systems/io/import.headers.ts";

export type ImportEncoding = "utf-8" | "shift_jis";
/**
 * A column's mapping: the field it feeds, translations of the file's values (a value translated
 * to "" counts as absent) and, for a list field, how a cell is cut (`null`: never).
 */
/** What a column feeds: a field Musubi has, or one of the organisation's own as `custom.<key>`. */
export type MappingField = ImportField | `custom.${string}`;
export type MappingEntry = { column: string; field: MappingField; values?: Record<string, string>; split?: string | null };

/** One column's distinct values, how many rows hold each, and what Musubi reads each as (null: refused). */
export interface ColumnValues {
  column: string;
  field: MappingField;
  blank: number;
  values: { value: string; rows: number; reading: string | null }[];
  more: number;
}

export interface ImportRowError {
  line: number;
  column?: string;
  field?: string;
  code: string;
  message: { en: string; ja: string };
}

export interface ImportReport {
  rows: number;
  valid: number;
  invalid: number;
  /** The first 500 problems (all of them: `importsApi.problemsUrl`). */
  errors: ImportRowError[];
  truncated: boolean;
  /** The first 500 things that go in but deserve a look, and how many there are. */
  warnings: ImportRowError[];
  warningCount: number;
  /** Departments and owners the import creates. */
  created?: { departments: { code: string; name: string }[]; owners: string[] };
  /** With an upsert key: rows that add a system, change one, or match one exactly. */
  upsert?: { new: number; changed: number; unchanged: number };
  /** Rows left out by an import with skipInvalid (the first 1,000). */
  skippedLines?: number[];
  failure?: string;
}

export interface ImportPreview extends ImportReport {
  /** The first rows that change a system: its code and each field from what to what. */
  changes: { line: number; code: string; fields: { field: string; before: unknown; after: unknown }[] }[];
  /** The first valid rows as they would be stored, with their line in the file. */
  sample: ({ line: number } & Partial<Record<string, unknown>>)[];
}

export type ImportStatus = "uploaded" | "validating" | "committing" | "committed" | "failed";

/** An import job; the upload answer also describes the file (format … suggestedMapping), later reads do not. */
export interface ImportJob {
  id: string;
  fileName: string;
  status: ImportStatus;
  /** Data rows in the file. */
  total: number;
  imported: number;
  progress?: { phase: "validating" | "classifying" | "writing"; done: number; total: number };
  report?: ImportReport;
  format?: "csv" | "xlsx" | "json";
  recordsPath?: string;
  encoding?: string;
  sheets?: string[];
  sheet?: string;
  headerRow?: number;
  /** How many rows the header spans, when more than one. */
  headerRows?: number;
  headers?: string[];
  sample?: string[][];
  suggestedMapping?: MappingEntry[];
}

/** How the file is read: the mapping plus any reading option the user changed. */
export interface ImportSettings {
  mapping: MappingEntry[];
  sheet?: string;
  headerRow?: number;
  /** How many rows the header spans (group headings above the column names). */
  headerRows?: number;
  encoding?: ImportEncoding;
  /** Rows to leave out, as Excel numbers them: "2-3, 10". */
  skipRows?: string;
  /** For JSON: the dotted path of the list of records. */
  recordsPath?: string;
  /** Rows matching a system already in the inventory by this key update it instead of adding a second one. */
  upsertBy?: UpsertKey;
  /** Create the departments and owners rows name that the organisation lacks. */
  createMissing?: ("departments" | "owners")[];
}

/** How the file is read (what `read` and `values` take). */
export type ReadingOptions = Pick<ImportSettings, "sheet" | "headerRow" | "headerRows" | "encoding" | "skipRows" | "recordsPath">;

export const UPSERT_KEYS = ["code", "nameJa", "nameEn"] as const;
export type UpsertKey = (typeof UPSERT_KEYS)[number];

/** Import settings the organisation saved under a name. */
export interface ImportPreset {
  id: string;
  name: string;
  settings: ImportSettings;
  createdBy: string | null;
  updatedAt: string;
  version: number;
}

export const importsApi = {
  presets: () => request<ImportPreset[]>("GET", "/api/import-presets"),
  savePreset: (name: string, settings: ImportSettings) => request<ImportPreset>("POST", "/api/import-presets", { body: { name, settings } }),
  upload: (file: File, auth: UploadAuth) => postBytes<ImportJob>("/api/imports", file, auth),
  get: (id: string, signal?: AbortSignal) => request<ImportJob>("GET", `/api/imports/${enc(id)}`, withSignal(signal)),
  /** Reads the uploaded file again with another encoding, sheet or header row (new headers and sample). */
  read: (id: string, options: ReadingOptions) => request<ImportJob>("POST", `/api/imports/${enc(id)}/read`, { body: options }),
  preview: (id: string, settings: ImportSettings, signal?: AbortSignal) =>
    request<ImportPreview>("POST", `/api/imports/${enc(id)}/preview`, { body: settings, ...withSignal(signal) }),
  commit: (id: string, settings: ImportSettings, skipInvalid: boolean) =>
    request<ImportJob>("POST", `/api/imports/${enc(id)}/commit`, { body: { ...settings, skipInvalid } }),
  /** A column's distinct values with Musubi's reading of each, to confirm or translate. */
  values: (id: string, reading: ReadingOptions, entry: Pick<MappingEntry, "column" | "field" | "split">) =>
    request<ColumnValues>("POST", `/api/imports/${enc(id)}/values`, { body: { ...reading, column: entry.column, field: entry.field, ...(entry.split !== undefined && { split: entry.split }) } }),
  /** Every problem of the last validation, as a file in the UI's language. */
  problemsUrl: (id: string, format: "csv" | "xlsx", lang: "ja" | "en") => `/api/imports/${enc(id)}/problems?format=${format}&lang=${lang}`,
};
