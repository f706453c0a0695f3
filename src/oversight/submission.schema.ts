import { z } from "zod";

/**
 * What an organisation submits to an authority (issue 16): a document in one of Musubi's published
 * formats, wrapped with the parts its sender marks confidential. The envelope is signed with the
 * document, so the marking is part of what the receipt proves was sent. Published as
 * library/schema/submission.schema.json; the documents' own schemas sit beside it.
 */
export const SUBMISSION_SCHEMA = "musubi-submission/1";

/** The documents an authority accepts, by message kind. */
export const DOCUMENT_SCHEMAS = {
  "incident-report": "musubi-incident-report/1",
  "haip-report": "musubi-haip-report/1",
  "system-card": "musubi-system-card/1",
  "rfi-answer": "musubi-rfi-answer/1",
} as const;
export type SubmissionKind = keyof typeof DOCUMENT_SCHEMAS;
export const SUBMISSION_KINDS = Object.keys(DOCUMENT_SCHEMAS) as SubmissionKind[];
/** What an organisation sends of its own accord (an answer goes back from the request it answers). */
export const SENDABLE_KINDS = ["incident-report", "haip-report", "system-card"] as const satisfies readonly SubmissionKind[];

/** Why a part is confidential: a trade secret (the Act asks the State to respect them) or personal data (APPI). */
export const CONFIDENTIAL_REASONS = ["trade-secret", "personal-data"] as const;

export const ConfidentialMark = z.strictObject({
  /** A JSON Pointer (RFC 6901) into `document`, e.g. `/rootCause` or `/aiSystems/0/vendors`. */
  pointer: z.string().regex(/^(\/[^/]*)+$/).max(500),
  reason: z.enum(CONFIDENTIAL_REASONS),
});
export type ConfidentialMark = z.infer<typeof ConfidentialMark>;

export const SubmissionEnvelope = z.strictObject({
  format: z.literal(SUBMISSION_SCHEMA),
  documentSchema: z.enum(Object.values(DOCUMENT_SCHEMAS) as [string, ...string[]]),
  document: z.record(z.string(), z.unknown()),
  confidential: z.array(ConfidentialMark).max(500),
});
export type SubmissionEnvelope = z.infer<typeof SubmissionEnvelope>;

/** Reads a JSON Pointer's reference tokens (RFC 6901: `~1` is `/`, `~0` is `~`). */
export function pointerTokens(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** True when the pointer names a member or element that exists in `doc`. */
export function pointerExists(doc: unknown, pointer: string): boolean {
  let at: unknown = doc;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(at)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token) || Number(token) >= at.length) return false;
      at = at[Number(token)];
    } else if (typeof at === "object" && at !== null && Object.hasOwn(at, token)) {
      at = (at as Record<string, unknown>)[token];
    } else return false;
  }
  return true;
}

/**
 * A deep copy of `doc` with every confidential part removed — what open data, the public register
 * and any other organisation may ever see of it. Array elements are replaced by null rather than
 * removed, so the other pointers keep naming what they named.
 */
export function withoutConfidential<T>(doc: T, marks: readonly { pointer: string }[]): T {
  const copy = structuredClone(doc) as unknown;
  // Deepest first, so removing a parent cannot strand a child pointer.
  const sorted = [...marks].sort((a, b) => pointerTokens(b.pointer).length - pointerTokens(a.pointer).length);
  for (const { pointer } of sorted) {
    const tokens = pointerTokens(pointer);
    const last = tokens.pop()!;
    let parent: unknown = copy;
    for (const t of tokens) parent = Array.isArray(parent) ? parent[Number(t)] : typeof parent === "object" && parent !== null ? (parent as Record<string, unknown>)[t] : undefined;
    if (Array.isArray(parent)) {
      if (Number(last) < parent.length) parent[Number(last)] = null;
    } else if (typeof parent === "object" && parent !== null) delete (parent as Record<string, unknown>)[last];
  }
  return copy as T;
}
