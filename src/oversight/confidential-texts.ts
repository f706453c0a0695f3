import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { pointerTokens } from "./submission.schema.ts";

/** Texts shorter than this are too common to mean a leak ("yes", a date); longer ones are checked. */
const MIN_LENGTH = 6;
/** Submissions examined at most (a case or an organisation's reports). */
const LIMIT = 500;

function valueAt(doc: unknown, pointer: string): unknown {
  let at = doc;
  for (const t of pointerTokens(pointer)) at = typeof at === "object" && at !== null ? (at as Record<string, unknown>)[t] : undefined;
  return at;
}

function strings(v: unknown, out: string[]): void {
  if (typeof v === "string") {
    if (v.trim().length >= MIN_LENGTH) out.push(v.trim());
  } else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (typeof v === "object" && v !== null) for (const x of Object.values(v)) strings(x, out);
}

/**
 * Every text a sender marked confidential in the submissions of a case, or of an organisation:
 * what a publication about them must not quote.
 */
export async function confidentialTexts(k: Kysely<Database>, orgId: string, of: { caseId?: string | undefined; connectionId?: string | undefined }): Promise<string[]> {
  if (!of.caseId && !of.connectionId) return [];
  const rows = await k
    .selectFrom("oversight_intake")
    .select(["payload", "confidential"])
    .where("org_id", "=", orgId)
    .where("confidential", "<>", "[]")
    .where((eb) => eb.or([...(of.caseId ? [eb("case_id", "=", of.caseId)] : []), ...(of.connectionId ? [eb("connection_id", "=", of.connectionId)] : [])]))
    .limit(LIMIT)
    .execute();
  const out: string[] = [];
  for (const r of rows) {
    const doc = JSON.parse(r.payload) as unknown;
    for (const m of JSON.parse(r.confidential) as { pointer: string }[]) strings(valueAt(doc, m.pointer), out);
  }
  return [...new Set(out)];
}
