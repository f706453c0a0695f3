import type { Kysely } from "kysely";
import { z } from "zod";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import { queueOutgoingMany } from "../exchange/exchange.outgoing.ts";
import { orgRulesProblems, frameworkInvalid } from "../library/org/org-frameworks.check.ts";
import { readOrgFrameworkFile } from "../library/org/org-frameworks.parse.ts";
import { oscalAsOrgFramework } from "../library/org/org-frameworks.service.ts";
import type { Locale } from "../platform/i18n.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { nextFreeCode } from "../platform/sequence.ts";
import { nowIso } from "../platform/time.ts";
import { AUDIENCES } from "./requests.schema.ts";
import { audienceJson, recipientsOf } from "./audience.ts";
import { ADVISORY_SCHEMA, type AdvisoryPayload, type LibraryUpdate } from "./advisories.schema.ts";

const words = z.object({ ja: z.string(), en: z.string() });

export const createAdvisoryBody = z.strictObject({
  titleJa: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(300),
  bodyJa: z.string().trim().min(1).max(50_000),
  bodyEn: z.string().trim().min(1).max(50_000),
  audience: z.enum(AUDIENCES),
  connectionId: z.string().max(100).optional(),
  sector: z.string().max(100).optional(),
});

export const advisoryView = z.object({
  id: z.string(),
  code: z.string(),
  title: words,
  body: words,
  audience: z.object({ type: z.enum(AUDIENCES), connectionId: z.string().optional(), sector: z.string().optional() }),
  /** The library update it carries: the framework and version, with its requirement count. */
  libraryUpdate: z.object({ framework: z.string(), version: z.string(), name: words, requirements: z.number().int() }).nullable(),
  /** `draft` until a supervisor sends it; then `sent`. */
  status: z.enum(["draft", "sent"]),
  recipients: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  sentAt: z.string().nullable(),
  version: z.number().int(),
});
export type AdvisoryView = z.infer<typeof advisoryView>;

function viewOf(r: Database["oversight_advisories"] & { version: number; recipients: number }): AdvisoryView {
  const update = r.library_update ? (JSON.parse(r.library_update) as LibraryUpdate) : null;
  const fw = update?.framework as { framework: string; version: string; name: { ja?: string; en?: string }; nodes: { requirement: boolean }[] } | undefined;
  return {
    id: r.id,
    code: r.code,
    title: { ja: r.title_ja, en: r.title_en },
    body: { ja: r.body_ja, en: r.body_en },
    audience: JSON.parse(r.audience) as AdvisoryView["audience"],
    libraryUpdate: fw ? { framework: fw.framework, version: fw.version, name: { ja: fw.name.ja ?? fw.name.en ?? fw.framework, en: fw.name.en ?? fw.name.ja ?? fw.framework }, requirements: fw.nodes.filter((n) => n.requirement).length } : null,
    status: r.status as AdvisoryView["status"],
    recipients: r.recipients,
    createdAt: r.created_at,
    createdBy: r.created_by,
    approvedBy: r.approved_by,
    sentAt: r.sent_at,
    version: r.version,
  };
}

export async function readAdvisory(k: Kysely<Database>, orgId: string, id: string): Promise<AdvisoryView> {
  const r = await k.selectFrom("oversight_advisories").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!r) throw notFound();
  return viewOf(r as never);
}

export async function listAdvisories(k: Kysely<Database>, orgId: string, q: { limit: number; offset: number }): Promise<AdvisoryView[]> {
  const rows = await k.selectFrom("oversight_advisories").selectAll().where("org_id", "=", orgId).orderBy("created_at", "desc").orderBy("id", "desc").limit(q.limit).offset(q.offset).execute();
  return rows.map((r) => viewOf(r as never));
}

/** An analyst drafts an advisory (bilingual): nothing leaves the authority until a supervisor sends it. */
export async function draftAdvisory(db: Db, who: ChangeContext, body: z.infer<typeof createAdvisoryBody>): Promise<AdvisoryView> {
  await recipientsOf(db.kysely, who.orgId, body);
  const id = await audited(db, who, async (trx, record) => {
    const code = await nextFreeCode(trx, who.orgId, "oversight_advisory", "ADV", async (c) => !!(await trx.selectFrom("oversight_advisories").select("id").where("org_id", "=", who.orgId).where("code", "=", c).executeTakeFirst()));
    const advisoryId = newId("oad");
    const now = nowIso();
    await trx.insertInto("oversight_advisories").values({ id: advisoryId, org_id: who.orgId, code, title_ja: body.titleJa, title_en: body.titleEn, body_ja: body.bodyJa, body_en: body.bodyEn, audience: audienceJson(body), library_update: null, status: "draft", recipients: 0, created_at: now, created_by: who.actor.label, approved_by: null, sent_at: null, updated_at: now, version: 1 }).execute();
    record({ action: "oversight.advisory_drafted", entityType: "oversight_advisory", entityId: advisoryId, after: { code, titleJa: body.titleJa, titleEn: body.titleEn, audience: JSON.parse(audienceJson(body)) } });
    return advisoryId;
  });
  return readAdvisory(db.kysely, who.orgId, id);
}

/**
 * Attaches a library update to a draft: a framework file (JSON or YAML `musubi-framework/1` or
 * `musubi-framework-bundle/1`, the Excel template, or OSCAL), read and checked exactly as an
 * organisation's own framework is, so it installs wherever it lands. Kept as a bundle.
 */
export async function attachLibraryUpdate(db: Db, who: ChangeContext, id: string, bytes: Uint8Array, fileName: string, locale: Locale): Promise<AdvisoryView> {
  // The advisory first: another organisation's id is a 404 whatever the file holds.
  if ((await readAdvisory(db.kysely, who.orgId, id)).status !== "draft") throw new AppError(409, "advisory_sent");
  const { files } = await readOrgFrameworkFile(bytes, fileName, (doc) => oscalAsOrgFramework(doc, { path: fileName, sha256: "" }, locale), locale);
  const problems = orgRulesProblems(files, locale);
  if (problems.length) throw frameworkInvalid(problems);
  const bundle: LibraryUpdate = { format: "musubi-framework-bundle/1", framework: files.framework, ...(files.rules && { rules: files.rules }), ...(files.crosswalk && { crosswalk: files.crosswalk }) };
  await audited(db, who, async (trx, record) => {
    const row = await trx.selectFrom("oversight_advisories").select(["status", "version"]).where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound();
    if (row.status !== "draft") throw new AppError(409, "advisory_sent");
    await trx.updateTable("oversight_advisories").set({ library_update: JSON.stringify(bundle), updated_at: nowIso(), version: row.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "oversight.advisory_library_attached", entityType: "oversight_advisory", entityId: id, after: { framework: files.framework.framework, version: files.framework.version, requirements: files.framework.nodes.filter((n) => n.requirement).length } });
  });
  return readAdvisory(db.kysely, who.orgId, id);
}

/**
 * A supervisor sends a draft advisory: each recipient gets it signed (with the library update, if
 * any), lands as an entry in its register of dealings — and, for a library update, a review task.
 */
export async function sendAdvisory(db: Db, who: ChangeContext, id: string, version: number): Promise<AdvisoryView> {
  const k = db.kysely;
  const current = await readAdvisory(k, who.orgId, id);
  if (current.status !== "draft") throw new AppError(409, "advisory_sent");
  if (current.version !== version) throw new AppError(409, "conflict", { version: current.version });
  const recipients = await recipientsOf(k, who.orgId, { audience: current.audience.type, connectionId: current.audience.connectionId, sector: current.audience.sector });
  const org = await k.selectFrom("organizations").select(["name_ja", "name_en"]).where("id", "=", who.orgId).executeTakeFirstOrThrow();
  const row = await k.selectFrom("oversight_advisories").select("library_update").where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirstOrThrow();
  const payload: AdvisoryPayload = { format: ADVISORY_SCHEMA, reference: current.code, authority: { ja: org.name_ja, en: org.name_en }, title: current.title, body: current.body, libraryUpdate: row.library_update ? (JSON.parse(row.library_update) as LibraryUpdate) : null };
  await audited(db, who, async (trx, record) => {
    const sent = await queueOutgoingMany(trx, recipients.map((conn) => ({ orgId: who.orgId, connection: conn, kind: "advisory" as const, schema: ADVISORY_SCHEMA, payload: payload as unknown as Record<string, unknown>, subject: { type: "oversight_advisory", id, label: current.code }, createdBy: who.actor.label, idempotencyKey: `advisory-${id}-${conn.id}` })));
    for (let i = 0; i < recipients.length; i += 400) {
      await trx.insertInto("oversight_recipients").values(recipients.slice(i, i + 400).map((conn, j) => ({ org_id: who.orgId, subject_id: id, connection_id: conn.id, outgoing_id: sent[i + j]!.id, status: "sent", answered_at: null, answer_intake_id: null }))).execute();
    }
    const now = nowIso();
    const updated = await trx.updateTable("oversight_advisories").set({ status: "sent", recipients: recipients.length, approved_by: who.actor.label, sent_at: now, updated_at: now, version: version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).where("version", "=", version).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, "conflict");
    record({ action: "oversight.advisory_sent", entityType: "oversight_advisory", entityId: id, after: { code: current.code, recipients: recipients.length, libraryUpdate: current.libraryUpdate } });
  });
  return readAdvisory(k, who.orgId, id);
}
