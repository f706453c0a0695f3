import { createHash } from "node:crypto";
import { z } from "zod";
import { audited } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { payloadSha256 } from "../exchange/exchange.canonical.ts";
import { HARM_TYPES, RIGHTS } from "../incidents/vocabulary.ts";
import { searchReference } from "../incidents/similar/similar.service.ts";
import { tokenize } from "../incidents/similar/tokenize.ts";
import { AppError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { mostSimilar } from "./intake.receive.ts";
import { bands, minhash, toHex } from "./minhash.ts";
import { applyTrend, isCounted } from "./trends.tags.ts";

/** A report of harm a person files on an authority's public form (kind `harm-report`). */
export const HARM_REPORT_SCHEMA = "musubi-harm-report/1";

const harmKeys = Object.keys(HARM_TYPES) as [keyof typeof HARM_TYPES, ...(keyof typeof HARM_TYPES)[]];
const rightKeys = Object.keys(RIGHTS) as [keyof typeof RIGHTS, ...(keyof typeof RIGHTS)[]];

/** What the form asks, each field bounded; everything but the description is optional. */
export const HarmReportInput = z.strictObject({
  /** What happened, in the person's words. */
  description: z.string().trim().min(10).max(5000),
  /** The AI system or service involved, as the person knows it. */
  service: z.string().trim().max(200).default(""),
  /** Who provides it, if known. */
  provider: z.string().trim().max(200).default(""),
  /** When it happened (YYYY-MM or YYYY-MM-DD), if known. */
  when: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/).or(z.literal("")).default(""),
  harmTypes: z.array(z.enum(harmKeys)).max(harmKeys.length).default([]),
  rights: z.array(z.enum(rightKeys)).max(rightKeys.length).default([]),
  /** How to reach the person, if they want to be: personal data, always kept confidential. */
  contact: z.string().trim().max(200).default(""),
  /** A field people never see: a bot that fills it is told its report was received, and nothing is stored. */
  website: z.string().max(200).default(""),
});
export type HarmReportInput = z.infer<typeof HarmReportInput>;

/** Reports one address may file per authority per hour, and all addresses together (Musubi's defaults). */
export const PER_ADDRESS_PER_HOUR = 5;
export const PER_AUTHORITY_PER_HOUR = 1000;

/**
 * Counts a report against the hour's limits (in `counters`, family `public-report`, so every
 * server of the instance shares them) and refuses it over either: `rate_limited` with when to try.
 * The address is kept only as a salted hash, for this count.
 */
async function takeSlot(db: Db, orgId: string, address: string, now: Date): Promise<void> {
  const hour = now.toISOString().slice(0, 13);
  const who = createHash("sha256").update(`${orgId} ${address}`).digest("hex").slice(0, 32);
  const bump = (key: string) =>
    db.kysely
      .insertInto("counters")
      .values({ org_id: orgId, name: "public-report", key, n: 1 })
      .onConflict((oc) => oc.columns(["org_id", "name", "key"]).doUpdateSet((eb) => ({ n: eb("counters.n", "+", 1) })))
      .returning("n")
      .executeTakeFirstOrThrow();
  const [mine, all] = [await bump(`${hour}|${who}`), await bump(`${hour}|*`)];
  if (Number(mine.n) > PER_ADDRESS_PER_HOUR || Number(all.n) > PER_AUTHORITY_PER_HOUR) {
    const retryAfter = 3600 - Math.floor((now.getTime() % 3_600_000) / 1000);
    throw new AppError(429, "rate_limited", { retryAfterSeconds: retryAfter });
  }
}

/** Forgets the hourly counts older than two days: run daily. */
export async function purgePublicReportCounts(db: Db, now = new Date()): Promise<void> {
  const before = new Date(now.getTime() - 48 * 3_600_000).toISOString().slice(0, 13);
  await db.kysely.deleteFrom("counters").where("name", "=", "public-report").where("key", "<", before).execute();
}

/**
 * Files a report from the public in an authority's intake queue: no account, bounded fields,
 * rate-limited per address and per authority. The contact detail is marked confidential
 * (personal data) at once. De-duplicated against everything received (MinHash) and matched to the
 * closest public reference case, like an organisation's report; counted in the trends.
 * Returns the reference the person is given.
 */
export async function filePublicReport(db: Db, authoritySlug: string, input: HarmReportInput, address: string, now = new Date()): Promise<{ reference: string }> {
  const org = await db.kysely.selectFrom("organizations").select(["id", "kind"]).where("slug", "=", authoritySlug).executeTakeFirst();
  if (!org || org.kind !== "authority") throw new AppError(404, "not_found");
  const reference = `R-${newId("x").slice(-10).toUpperCase()}`;
  if (input.website) return { reference };
  await takeSlot(db, org.id, address, now);
  const receivedAt = now.toISOString();
  const document = { format: HARM_REPORT_SCHEMA, reference, receivedAt, description: input.description, service: input.service, provider: input.provider, when: input.when || null, harmTypes: input.harmTypes, rights: input.rights, contact: input.contact || null };
  const confidential = input.contact ? [{ pointer: "/contact", reason: "personal-data" as const }] : [];
  const text = [input.service, input.description].join("\n");
  const sig = minhash(tokenize(text));
  const similar = sig ? await mostSimilar(db.kysely, org.id, null, sig) : undefined;
  const [reference_] = await searchReference(db.kysely, text, 1);
  const id = newId("itk");
  await audited(db, { actor: { type: "system", id: null, label: "public" }, orgId: org.id }, async (trx, record) => {
    const row = {
      id,
      org_id: org.id,
      connection_id: null,
      source: "public",
      sender_party: null,
      kind: "harm-report",
      schema: HARM_REPORT_SCHEMA,
      idempotency_key: null,
      payload: JSON.stringify(document),
      payload_sha256: payloadSha256(document),
      confidential: JSON.stringify(confidential),
      message: null,
      received_at: receivedAt,
      subject_ref: reference,
      headline: (input.service ? `${input.service}: ` : "") + input.description.slice(0, 120),
      status: "new",
      severity: null,
      sector: null,
      harm_types: JSON.stringify(input.harmTypes),
      rights: JSON.stringify(input.rights),
      generative: null,
      model_provider: input.provider || null,
      actor_role: null,
      occurred_month: input.when ? input.when.slice(0, 7) : null,
      assignee_id: null,
      case_id: null,
      supersedes: null,
      similar_to: similar?.id ?? null,
      similarity: similar?.similarity ?? null,
      duplicate_of: null,
      reference_match: reference_?.id ?? null,
      minhash: sig ? toHex(sig) : null,
      updated_at: receivedAt,
      version: 1,
    };
    await trx.insertInto("oversight_intake").values(row).execute();
    if (sig) await trx.insertInto("oversight_intake_bands").values(bands(sig).map((band) => ({ org_id: org.id, band, intake_id: id }))).onConflict((oc) => oc.doNothing()).execute();
    if (isCounted(row)) await applyTrend(trx, org.id, undefined, row);
    record({ action: "oversight.public_report_received", entityType: "oversight_intake", entityId: id, after: { reference, receivedAt, payloadSha256: row.payload_sha256 } });
  });
  return { reference };
}
