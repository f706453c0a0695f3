import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../authz.ts";
import type { Locale } from "../i18n.ts";

/**
 * The language a PDF is written in: the `lang` the caller asked for, else the language set on the
 * caller's own user record (what the web UI shows them), else Japanese. A PDF carries one language,
 * where the HTML documents carry both.
 */
export async function pdfLanguage(db: Kysely<Database>, actor: Actor, requested: Locale | undefined): Promise<Locale> {
  if (requested) return requested;
  const me = await db.selectFrom("users").select("locale").where("org_id", "=", actor.orgId).where("id", "=", actor.userId).executeTakeFirst();
  return me?.locale === "en" ? "en" : "ja";
}

/** A PDF answer, offered as a download named `filename` (reduced to safe characters). */
export function pdfResponse(pdf: Buffer, filename: string): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Uint8Array(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${safe}"`, "content-length": String(pdf.length), "cache-control": "no-store" },
  });
}
