import { postBytes, request, withSignal, type UploadAuth } from "./client.ts";

/**
 * The organisation's own frameworks as the web UI sees them. Kept by hand beside the server's
 * view (src/library/org/org-frameworks.routes.ts).
 */

const enc = encodeURIComponent;

/** What a framework was added from: the Excel template, the library's JSON or YAML format, or OSCAL. */
export const SOURCE_FORMATS = ["xlsx", "json", "yaml", "oscal"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** One version the organisation added. */
export interface OrgFrameworkView {
  framework: string;
  version: string;
  previousVersion: string | null;
  name: { ja: string | null; en: string | null };
  kind: string;
  nodes: number;
  requirements: number;
  rules: number;
  crosswalkEdges: number;
  sourceFormat: SourceFormat;
  sha256: string;
  createdAt: string;
}

export const libraryOwnApi = {
  /** Every version, oldest first within a framework. */
  list: (signal?: AbortSignal) => request<OrgFrameworkView[]>("GET", "/api/library/own", withSignal(signal)),
  /** The Excel template (both languages in one workbook), downloaded with the session cookie. */
  templateHref: "/api/library/own/template.xlsx",
  /** The file's raw bytes; 400 `framework_invalid` names each problem, 409 `conflict` an id and version already there. */
  add: (file: File, auth: UploadAuth) => postBytes<OrgFrameworkView>("/api/library/own", file, auth),
  /** 409 `in_use` when an assessment, a control or another version still uses it. */
  remove: (framework: string, version: string) => request<void>("DELETE", `/api/library/own/${enc(framework)}/${enc(version)}`),
};
