import { postBytes, request, withSignal, type UploadAuth } from "./client.ts";
import { covers, type Covers, type IncidentImportJob, type IncidentImportReading } from "./incidents.ts";
import type { ImportReport } from "./systems.ts";
import type { ReferenceField as ServerReferenceField } from "../../../src/incidents/reference.import.ts";

/**
 * An organisation's import of a public incident register (the OECD AI Incidents Monitor, say) as
 * reference cases of a named source, seen by this organisation only. Kept by hand beside
 * src/incidents/reference.import*.ts, like ./incidents.ts, so the browser bundle pulls in no server code.
 */

const enc = encodeURIComponent;

/** What a column of a public register can feed, in the wizard's order. */
export const REFERENCE_IMPORT_FIELDS = ["id", "title", "description", "date", "url", "deployers", "developers", "harmed"] as const satisfies readonly ServerReferenceField[];
export type ReferenceImportField = (typeof REFERENCE_IMPORT_FIELDS)[number];
covers<Covers<ServerReferenceField, ReferenceImportField>>(true);
/** Fields a cell may name several parties in, cut at a separator (";" unless the column says otherwise). */
export const REFERENCE_LIST_FIELDS = ["deployers", "developers", "harmed"] as const satisfies readonly ReferenceImportField[];

/** A column's mapping; for a list field, how a cell is cut (`null`: one name per cell). The server takes no translations. */
export interface ReferenceMappingEntry {
  column: string;
  field: ReferenceImportField;
  split?: string | null;
}

/** The source the cases are shown under: importing again under the same name replaces its earlier cases, and no other source's. */
export interface ReferenceSourceInput {
  name: string;
  /** As an SPDX id or in words ("CC BY-SA 4.0"). */
  licence: string;
  url?: string;
}

/** How the register is read, which field each column feeds, and the source it is imported as. */
export interface ReferenceImportSettings extends IncidentImportReading {
  mapping: ReferenceMappingEntry[];
  source: ReferenceSourceInput;
}

/** A reference import job: the incident import's job, with reference fields suggested. */
export interface ReferenceImportJob extends Omit<IncidentImportJob, "suggestedMapping"> {
  suggestedMapping?: ReferenceMappingEntry[];
}

/** What the import would bring in; `errors` are rows it leaves out (no title, an id seen earlier, an unreadable date). */
export interface ReferenceImportPreview extends ImportReport {
  /** The first cases as they would be stored, with their line in the file. */
  sample: { line: number; externalId: string | null; title: string; date: string | null; url: string }[];
  /** The cases this organisation's source of that name holds now, which the import replaces (0: a new source). */
  replaces: number;
}

export const referenceImportsApi = {
  upload: (file: File, auth: UploadAuth) => postBytes<ReferenceImportJob>("/api/reference-incidents/imports", file, auth),
  get: (id: string, signal?: AbortSignal) => request<ReferenceImportJob>("GET", `/api/reference-incidents/imports/${enc(id)}`, withSignal(signal)),
  /** Reads the uploaded register again another way (encoding, sheet, header rows, rows to skip, records path). */
  read: (id: string, reading: IncidentImportReading) => request<ReferenceImportJob>("POST", `/api/reference-incidents/imports/${enc(id)}/read`, { body: reading }),
  preview: (id: string, settings: ReferenceImportSettings, signal?: AbortSignal) =>
    request<ReferenceImportPreview>("POST", `/api/reference-incidents/imports/${enc(id)}/preview`, { body: settings, ...withSignal(signal) }),
  /** Rows with a problem are always left out, so `skipInvalid` is always sent true (the server takes nothing else). */
  commit: (id: string, settings: ReferenceImportSettings) =>
    request<ReferenceImportJob>("POST", `/api/reference-incidents/imports/${enc(id)}/commit`, { body: { ...settings, skipInvalid: true } }),
  /** Every row the last check left out, and why, as a file in the UI's language. */
  problemsUrl: (id: string, format: "csv" | "xlsx", lang: "ja" | "en") => `/api/reference-incidents/imports/${enc(id)}/problems?format=${format}&lang=${lang}`,
};
