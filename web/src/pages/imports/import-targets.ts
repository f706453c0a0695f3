import type { UploadAuth } from "../../api/client.ts";
import {
  INCIDENT_IMPORT_FIELDS,
  INCIDENT_STATUSES,
  INCIDENT_VALUE_FIELDS,
  incidentImportsApi,
  SEVERITIES,
  type IncidentImportField,
  type IncidentImportSettings,
  type IncidentValueField,
} from "../../api/incidents.ts";
import { REFERENCE_IMPORT_FIELDS, REFERENCE_LIST_FIELDS, referenceImportsApi, type ReferenceImportField, type ReferenceImportSettings } from "../../api/reference-imports.ts";
import {
  IMPORT_FIELDS,
  importsApi,
  LIFECYCLES,
  LIST_IMPORT_FIELDS,
  type ImportPreview,
  type ImportReport,
  type ImportJob,
  type ImportSettings,
  type MappingEntry,
  type ReadingOptions,
  type UpsertKey,
} from "../../api/systems.ts";
import type { MessageKey } from "../../i18n/en.ts";
import { readingOf, REQUIRED_FIELDS, type ColumnMapping } from "./import-model.ts";
import { EMPTY_SOURCE, sourceInput, type SourceDraft } from "./reference-source.ts";

/**
 * What the import wizard imports: the inventory's AI systems (`/api/imports*`), the incident
 * register (`/api/incidents/imports*`) or a public incident register as reference cases
 * (`/api/reference-incidents/imports*`). All read files the same way and go through the same four
 * steps; a target says which calls to make, which fields a column can feed, what the mapping step
 * offers beyond that, and the words and links around the wizard.
 */

/** The wizard's settings for any target: how the file is read, the mapping, (systems only) what is done with matches and (reference cases only) the source as typed. */
export type WizardSettings = ReadingOptions & {
  mapping: ColumnMapping[];
  upsertBy?: UpsertKey;
  createMissing?: ("departments" | "owners")[];
  source?: SourceDraft;
};
/** A check's report; `unchanged` (incidents): rows an earlier import already brought in. */
export type WizardReport = ImportReport & { unchanged?: number };
export type WizardJob = Omit<ImportJob, "suggestedMapping" | "report"> & { suggestedMapping?: ColumnMapping[]; report?: WizardReport };
/** `replaces` (reference cases): the cases the source holds now, which the import replaces. */
export type WizardPreview = WizardReport & { changes?: ImportPreview["changes"]; sample: ImportPreview["sample"]; replaces?: number };
export interface WizardValues {
  column: string;
  field: string;
  blank: number;
  values: { value: string; rows: number; reading: string | null }[];
  more: number;
}

/** The calls one import makes, in the wizard's terms. */
export interface ImportCalls {
  upload(file: File, auth: UploadAuth): Promise<WizardJob>;
  get(id: string, signal?: AbortSignal): Promise<WizardJob>;
  read(id: string, reading: ReadingOptions): Promise<WizardJob>;
  preview(id: string, settings: WizardSettings): Promise<WizardPreview>;
  commit(id: string, settings: WizardSettings, skipInvalid: boolean): Promise<WizardJob>;
  values(id: string, reading: ReadingOptions, entry: ColumnMapping): Promise<WizardValues>;
  problemsUrl(id: string, format: "csv" | "xlsx", lang: "ja" | "en"): string;
}

/** What the sample's cells need of the UI language. */
export interface SampleWords {
  label(prefix: string, value: string): string;
  dateTime(iso: string): string;
  day(day: string): string;
}
export type SampleRow = ImportPreview["sample"][number];

/** A column of the preview's sample (after its line number): the first valid rows as they would be stored. */
export interface SampleColumn {
  header: MessageKey;
  cell(row: SampleRow, words: SampleWords): string;
  /** Shown muted in an empty cell. */
  empty?: MessageKey;
  mono?: boolean;
  lang?: "ja" | "en";
}

export interface ImportTarget {
  kind: "systems" | "incidents" | "reference";
  calls: ImportCalls;
  /** What a column can feed, in the mapping select's order. */
  fields: readonly string[];
  /** Fields a cell may hold several items of, each column with a split rule. */
  listFields: ReadonlySet<string>;
  /** Fields several columns may feed, their items merged; any other field takes one column. */
  mergedFields: ReadonlySet<string>;
  /** Fields every row needs. */
  required: readonly string[];
  /** Whether the server refuses to check the rows at all while a required field has no column (else only the rows are refused). */
  requiredToPreview: boolean;
  /** The dictionary prefix naming each field (`prefix + field`). */
  fieldPrefix: string;
  /** What the mapping step offers beyond the columns: matching records already there, creating departments and owners, saved settings, the organisation's own fields, the source the rows are imported as. */
  offers: { upsert: boolean; createMissing: boolean; presets: boolean; customFields: boolean; source: boolean };
  /** Whether rows with a problem are always left out (the server takes no other answer), so the person is not asked to choose. */
  leavesOutInvalid: boolean;
  /** Fields whose values the person can list and translate. */
  hasValues(field: string): boolean;
  /** Fields with a closed set of values: the translation select's choices and the dictionary prefix naming them. */
  choices: Readonly<Partial<Record<string, { values: readonly string[]; prefix: string }>>>;
  words: {
    title: MessageKey;
    subtitle: MessageKey;
    breadcrumb: MessageKey;
    formats: MessageKey;
    uploadHint: MessageKey;
    /** `{fields}`: the required fields no column feeds. */
    missing: MessageKey;
    /** `{count}`: the rows the import would write. */
    commit: MessageKey;
    /** `{count}`: the records imported. */
    done: MessageKey;
    /** `{count}`, `{source}`: the records the import replaces (`WizardPreview.replaces`). */
    replaces?: MessageKey;
  };
  /** Where the breadcrumb leads back to. */
  back: { to: string; label: MessageKey };
  /** Where the finished step leads. */
  finish: { to: string; label: MessageKey };
  sample: readonly SampleColumn[];
  pageTestId: string;
}

/** The dictionary key naming a field of the target (Musubi's own fields; custom ones have their labels). */
export function fieldKey(target: Pick<ImportTarget, "fieldPrefix">, field: string): MessageKey {
  return `${target.fieldPrefix}${field}` as MessageKey;
}

/** The rows an import would write: with an upsert key the new and changed ones; otherwise the valid rows not brought in before. */
export function rowsToWrite(preview: Pick<WizardPreview, "valid" | "upsert" | "unchanged">): number {
  return preview.upsert ? preview.upsert.new + preview.upsert.changed : preview.valid - (preview.unchanged ?? 0);
}

const text = (v: unknown) => (typeof v === "string" ? v : Array.isArray(v) ? v.filter((x) => typeof x === "string").join(", ") : "");

// ——— AI systems ———

const systemCalls: ImportCalls = {
  upload: importsApi.upload,
  get: importsApi.get,
  read: importsApi.read,
  // The mapping's fields are the target's own (IMPORT_FIELDS or custom.<key>): the inventory's settings.
  preview: (id, settings) => importsApi.preview(id, settings as ImportSettings),
  commit: (id, settings, skipInvalid) => importsApi.commit(id, settings as ImportSettings, skipInvalid),
  values: (id, reading, entry) => importsApi.values(id, reading, entry as MappingEntry),
  problemsUrl: importsApi.problemsUrl,
};

export const SYSTEM_IMPORT: ImportTarget = {
  kind: "systems",
  calls: systemCalls,
  fields: IMPORT_FIELDS,
  listFields: LIST_IMPORT_FIELDS as ReadonlySet<string>,
  mergedFields: LIST_IMPORT_FIELDS as ReadonlySet<string>,
  required: REQUIRED_FIELDS,
  requiredToPreview: false,
  fieldPrefix: "imports.field.",
  offers: { upsert: true, createMissing: true, presets: true, customFields: true, source: false },
  leavesOutInvalid: false,
  hasValues: (field) => field !== "profile",
  choices: { lifecycle: { values: LIFECYCLES, prefix: "systems.lifecycle." } },
  words: {
    title: "imports.title",
    subtitle: "imports.subtitle",
    breadcrumb: "systems.breadcrumb",
    formats: "imports.formats",
    uploadHint: "imports.templateHint",
    missing: "imports.missing",
    commit: "imports.commit",
    done: "imports.done",
  },
  back: { to: "/systems", label: "nav.systems" },
  finish: { to: "/systems", label: "imports.toInventory" },
  sample: [
    { header: "imports.field.code", cell: (row) => text(row.code), empty: "imports.autoCode", mono: true },
    { header: "imports.field.nameJa", cell: (row) => text(row.nameJa), lang: "ja" },
    { header: "imports.field.nameEn", cell: (row) => text(row.nameEn), lang: "en" },
    { header: "imports.field.lifecycle", cell: (row, w) => (typeof row.lifecycle === "string" ? w.label("systems.lifecycle.", row.lifecycle) : "") },
    { header: "imports.field.tags", cell: (row) => text(row.tags) },
  ],
  pageTestId: "page-import",
};

// ——— Incidents ———

/** The incident import's body: how the file is read and the mapping, nothing the inventory's import adds (the server takes no other key). */
export function incidentSettings(settings: WizardSettings): IncidentImportSettings {
  return {
    ...readingOf(settings),
    mapping: settings.mapping.map(({ column, field, values }) => ({ column, field: field as IncidentImportField, ...(values && { values }) })),
  };
}

const isValueField = (field: string): field is IncidentValueField => (INCIDENT_VALUE_FIELDS as readonly string[]).includes(field);

const incidentCalls: ImportCalls = {
  upload: incidentImportsApi.upload,
  get: incidentImportsApi.get,
  read: incidentImportsApi.read,
  preview: (id, settings) => incidentImportsApi.preview(id, incidentSettings(settings)),
  commit: (id, settings, skipInvalid) => incidentImportsApi.commit(id, incidentSettings(settings), skipInvalid),
  values: (id, reading, entry) => {
    if (!isValueField(entry.field)) return Promise.reject(new Error(`No values to list for ${entry.field}`));
    return incidentImportsApi.values(id, readingOf(reading), entry.column, entry.field);
  },
  problemsUrl: incidentImportsApi.problemsUrl,
};

/** When an incident occurred, as precisely as the register says: a day, month or year, or an instant. */
export function occurredText(row: SampleRow, words: Pick<SampleWords, "dateTime" | "day">): string {
  if (typeof row.occurredOn === "string" && row.occurredOn !== "") return words.day(row.occurredOn);
  if (typeof row.occurredAt === "string" && row.occurredAt !== "") return words.dateTime(row.occurredAt);
  return "";
}

export const INCIDENT_IMPORT: ImportTarget = {
  kind: "incidents",
  calls: incidentCalls,
  fields: INCIDENT_IMPORT_FIELDS,
  listFields: new Set<string>(),
  mergedFields: new Set<string>(),
  required: ["title"] satisfies IncidentImportField[],
  requiredToPreview: true,
  fieldPrefix: "incidentImports.field.",
  offers: { upsert: false, createMissing: false, presets: false, customFields: false, source: false },
  leavesOutInvalid: false,
  hasValues: isValueField,
  choices: {
    severity: { values: SEVERITIES, prefix: "incidents.severity." },
    status: { values: INCIDENT_STATUSES, prefix: "incidents.status." },
  },
  words: {
    title: "incidentImports.title",
    subtitle: "incidentImports.subtitle",
    breadcrumb: "incidents.breadcrumb",
    formats: "incidentImports.formats",
    uploadHint: "incidentImports.uploadHint",
    missing: "incidentImports.missing",
    commit: "incidentImports.commit",
    done: "incidentImports.done",
  },
  back: { to: "/incidents", label: "nav.incidents" },
  finish: { to: "/incidents", label: "incidentImports.toList" },
  sample: [
    { header: "incidentImports.field.externalId", cell: (row) => text(row.externalId), empty: "incidentImports.noId", mono: true },
    { header: "incidentImports.field.title", cell: (row) => text(row.title) },
    { header: "incidentImports.field.severity", cell: (row, w) => (typeof row.severity === "string" ? w.label("incidents.severity.", row.severity) : "") },
    { header: "incidentImports.field.status", cell: (row, w) => (typeof row.status === "string" ? w.label("incidents.status.", row.status) : "") },
    { header: "incidentImports.field.occurredOn", cell: occurredText },
  ],
  pageTestId: "page-incident-import",
};

// ——— Public reference cases ———

/**
 * The reference import's body: how the file is read, the mapping with the list fields' split rules
 * (no translations: the server takes none) and the source, trimmed, the cases are imported as.
 */
export function referenceSettings(settings: WizardSettings): ReferenceImportSettings {
  return {
    ...readingOf(settings),
    mapping: settings.mapping.map(({ column, field, split }) => ({ column, field: field as ReferenceImportField, ...(split !== undefined && { split }) })),
    source: sourceInput(settings.source ?? EMPTY_SOURCE),
  };
}

const referenceCalls: ImportCalls = {
  upload: referenceImportsApi.upload,
  get: referenceImportsApi.get,
  read: referenceImportsApi.read,
  preview: (id, settings) => referenceImportsApi.preview(id, referenceSettings(settings)),
  // Rows with a problem are always left out: the call sends skipInvalid true whatever the wizard says.
  commit: (id, settings) => referenceImportsApi.commit(id, referenceSettings(settings)),
  values: (_id, _reading, entry) => Promise.reject(new Error(`No values to list for ${entry.field}`)),
  problemsUrl: referenceImportsApi.problemsUrl,
};

export const REFERENCE_IMPORT: ImportTarget = {
  kind: "reference",
  calls: referenceCalls,
  fields: REFERENCE_IMPORT_FIELDS,
  listFields: new Set<string>(REFERENCE_LIST_FIELDS),
  // The server reads one column per field: a second column for the parties would be dropped, not merged.
  mergedFields: new Set<string>(),
  required: ["title"] satisfies ReferenceImportField[],
  requiredToPreview: true,
  fieldPrefix: "referenceImports.field.",
  offers: { upsert: false, createMissing: false, presets: false, customFields: false, source: true },
  leavesOutInvalid: true,
  hasValues: () => false,
  choices: {},
  words: {
    title: "referenceImports.title",
    subtitle: "referenceImports.subtitle",
    breadcrumb: "incidents.breadcrumb",
    formats: "referenceImports.formats",
    uploadHint: "referenceImports.uploadHint",
    missing: "referenceImports.missing",
    commit: "referenceImports.commit",
    done: "referenceImports.done",
    replaces: "referenceImports.replaces",
  },
  back: { to: "/incidents/reference", label: "incidents.reference.title" },
  finish: { to: "/incidents/reference", label: "referenceImports.toList" },
  sample: [
    { header: "referenceImports.field.id", cell: (row) => text(row.externalId), empty: "referenceImports.noId", mono: true },
    { header: "referenceImports.field.title", cell: (row) => text(row.title) },
    { header: "referenceImports.field.date", cell: (row, w) => (typeof row.date === "string" && row.date !== "" ? w.day(row.date) : "") },
    { header: "referenceImports.field.url", cell: (row) => text(row.url) },
  ],
  pageTestId: "page-reference-import",
};
