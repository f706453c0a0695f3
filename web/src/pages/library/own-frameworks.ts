import { ApiError } from "../../api/client.ts";
import type { OrgFrameworkView, SourceFormat } from "../../api/library-own.ts";
import type { BilingualText, FrameworkMeta } from "../../api/types.ts";
import type { MessageKey } from "../../i18n/en.ts";

/** An organisation's framework ids start with this (src/library/org/org-frameworks.check.ts). */
export const ORG_PREFIX = "org-";

/** What the file input offers: the Excel template, the library's JSON or YAML, OSCAL (JSON or YAML). */
export const ACCEPTED_FILES = ".xlsx,.json,.yaml,.yml";

/** The source format in words: "Excelテンプレート", "JSON", "YAML", "OSCAL". */
export const SOURCE_FORMAT_KEYS: Record<SourceFormat, MessageKey> = {
  xlsx: "libraryOwn.format.xlsx",
  json: "libraryOwn.format.json",
  yaml: "libraryOwn.format.yaml",
  oscal: "libraryOwn.format.oscal",
};

/** A version's name as library text (the server sends `null` for a language the file leaves out). */
export function viewName(view: Pick<OrgFrameworkView, "name">): BilingualText {
  const name: BilingualText = {};
  if (view.name.ja) name.ja = view.name.ja;
  if (view.name.en) name.en = view.name.en;
  return name;
}

/** Whether a library framework is the organisation's own rather than one Musubi ships. */
export const isOwn = (fw: Pick<FrameworkMeta, "own">): boolean => fw.own === true;

/** One thing wrong with an uploaded file: where (a sheet and cell, or a path in the file) and what. */
export interface UploadProblem {
  field: string;
  message: string;
}

/** Why an upload was refused, as the page explains it. */
export type UploadRefusal =
  | { kind: "invalid"; problems: UploadProblem[] }
  | { kind: "exists"; version: string | undefined }
  | { kind: "tooLarge"; limitBytes: number | undefined }
  | { kind: "other" };

/**
 * Reads a refused upload: 400 `framework_invalid` with every problem, 409 `conflict` for an id and
 * version already there, 413 for a file over the limit; anything else is shown as the server says it.
 */
export function uploadRefusal(error: unknown): UploadRefusal {
  if (!(error instanceof ApiError)) return { kind: "other" };
  const details = (typeof error.details === "object" && error.details !== null ? error.details : {}) as Record<string, unknown>;
  if (error.code === "framework_invalid" && Array.isArray(error.details)) {
    const problems = error.details.filter((d): d is UploadProblem => typeof d?.field === "string" && typeof d?.message === "string");
    return { kind: "invalid", problems };
  }
  if (error.status === 409 && error.code === "conflict") return { kind: "exists", version: typeof details.version === "string" ? details.version : undefined };
  if (error.status === 413) return { kind: "tooLarge", limitBytes: typeof details.limitBytes === "number" ? details.limitBytes : undefined };
  return { kind: "other" };
}

/** A byte limit in whole megabytes as people read file sizes (16777216 → 16). */
export const megabytes = (bytes: number): number => Math.floor(bytes / (1024 * 1024));

/**
 * Why a version could not be removed (409 `in_use`), as a message key: an assessment was made
 * against it, a control is mapped to it, or another version or crosswalk refers to it. Undefined
 * for any other error, which is shown as the server words it.
 */
export function removeRefusalKey(error: unknown): MessageKey | undefined {
  if (!(error instanceof ApiError) || error.code !== "in_use") return undefined;
  const reason = typeof error.details === "object" && error.details !== null ? (error.details as { reason?: unknown }).reason : undefined;
  if (reason === "assessed") return "libraryOwn.inUse.assessed";
  if (reason === "mapped_to_controls") return "libraryOwn.inUse.mappedToControls";
  if (reason === "referenced") return "libraryOwn.inUse.referenced";
  return "libraryOwn.inUse.other";
}

/**
 * A translated sentence cut at its `{name}` placeholders, so a page can put an element (a code)
 * where the dictionary leaves the placeholder: "識別子は {prefix} で始まります" → text, slot, text.
 */
export function splitAtPlaceholders(text: string): ({ text: string } | { slot: string })[] {
  const parts: ({ text: string } | { slot: string })[] = [];
  let at = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ slot: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
