import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import { audited, type ChangeContext, type RecordChange } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";

/** What can be published on the trust page. */
export const PUBLICATION_KINDS = ["haip-report", "system-card"] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

/**
 * The canonical text of a document: what is stored, served and hashed. Keys keep the order the
 * builder gave them, so the bytes served are the bytes hashed in the ledger.
 */
export function canonicalText(document: unknown): string {
  return JSON.stringify(document);
}

/**
 * Freezes a document as the next numbered publication of its subject, inside the caller's
 * transaction, and records it — with the document's SHA-256 — in the ledger. Publications are never
 * updated afterwards except to record their withdrawal; a new version is a new row.
 */
export async function insertPublication(
  trx: Transaction<Database>,
  record: RecordChange,
  p: { orgId: string; kind: PublicationKind; subject: string; title: { ja: string; en: string }; document: unknown; sourceId: string | null; publishedBy: string | null; publishedAt?: string },
): Promise<{ id: string; number: number; sha256: string; publishedAt: string }> {
  const last = await trx.selectFrom("publications").select("number").where("org_id", "=", p.orgId).where("kind", "=", p.kind).where("subject", "=", p.subject).orderBy("number", "desc").limit(1).executeTakeFirst();
  const number = (last?.number ?? 0) + 1;
  const text = canonicalText(p.document);
  const sha256 = createHash("sha256").update(text).digest("hex");
  const id = newId("pub");
  const publishedAt = p.publishedAt ?? nowIso();
  await trx
    .insertInto("publications")
    .values({ id, org_id: p.orgId, kind: p.kind, subject: p.subject, number, title_ja: p.title.ja, title_en: p.title.en, document: text, sha256, source_id: p.sourceId, published_by: p.publishedBy, published_at: publishedAt, withdrawn_by: null, withdrawn_at: null, withdrawal_reason: null })
    .execute();
  // An earlier version of the same subject stops being served (withdrawn with no reason: replaced by this one).
  await trx.updateTable("publications").set({ withdrawn_at: publishedAt, withdrawn_by: p.publishedBy, withdrawal_reason: null }).where("org_id", "=", p.orgId).where("kind", "=", p.kind).where("subject", "=", p.subject).where("number", "<", number).where("withdrawn_at", "is", null).execute();
  record({ action: "publication.published", entityType: "publication", entityId: id, after: { kind: p.kind, subject: p.subject, number, sha256, sourceId: p.sourceId } });
  return { id, number, sha256, publishedAt };
}

/** Takes a publication off the trust page, with the reason, in the ledger. Its snapshot stays for the record. */
export async function withdrawPublication(db: Db, who: ChangeContext, userId: string | null, id: string, reason: string): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const row = await trx.selectFrom("publications").select(["id", "kind", "subject", "number", "withdrawn_at"]).where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound();
    if (row.withdrawn_at) throw new AppError(409, "already_decided", { status: "withdrawn" });
    await trx.updateTable("publications").set({ withdrawn_at: nowIso(), withdrawn_by: userId, withdrawal_reason: reason }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "publication.withdrawn", entityType: "publication", entityId: id, before: { kind: row.kind, subject: row.subject, number: row.number }, after: { reason } });
  });
}

/** The organisation's publications, newest first, without their documents. */
export async function listPublications(db: Db["kysely"], orgId: string) {
  return db
    .selectFrom("publications")
    .select(["id", "kind", "subject", "number", "title_ja", "title_en", "sha256", "published_at", "withdrawn_at", "withdrawal_reason"])
    .where("org_id", "=", orgId)
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .execute();
}
