import type { ReferenceSourceInput } from "../../api/reference-imports.ts";
import type { MessageKey } from "../../i18n/en.ts";

/** The source of a public register's cases as the person types it: text as typed, the address possibly blank. */
export interface SourceDraft {
  name: string;
  licence: string;
  url: string;
}

export const EMPTY_SOURCE: SourceDraft = { name: "", licence: "", url: "" };

/** The server's limits (src/incidents/reference.import.ts `referenceSource`), in UTF-16 units as zod counts them. */
export const SOURCE_LIMITS: Readonly<Record<keyof SourceDraft, number>> = { name: 200, licence: 200, url: 500 };

export type SourceProblems = Partial<Record<keyof SourceDraft, MessageKey>>;

/**
 * Whether text is an address people can open: http or https with a host. Stricter than the
 * server's URL check on purpose: the address is shown as a link beside every case of the source.
 */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** What keeps the source from being sent, field by field: a name and a licence are required, the address is optional but must be one. */
export function sourceProblems(draft: SourceDraft): SourceProblems {
  const problems: SourceProblems = {};
  const name = draft.name.trim();
  const licence = draft.licence.trim();
  const url = draft.url.trim();
  if (name === "") problems.name = "referenceImports.source.nameRequired";
  else if (name.length > SOURCE_LIMITS.name) problems.name = "referenceImports.source.tooLong";
  if (licence === "") problems.licence = "referenceImports.source.licenceRequired";
  else if (licence.length > SOURCE_LIMITS.licence) problems.licence = "referenceImports.source.tooLong";
  if (url.length > SOURCE_LIMITS.url) problems.url = "referenceImports.source.tooLong";
  else if (url !== "" && !isWebAddress(url)) problems.url = "referenceImports.source.urlInvalid";
  return problems;
}

/** The source as the server takes it: trimmed (the server names the source by its trimmed name), a blank address left out. */
export function sourceInput(draft: SourceDraft): ReferenceSourceInput {
  const url = draft.url.trim();
  return { name: draft.name.trim(), licence: draft.licence.trim(), ...(url !== "" && { url }) };
}
