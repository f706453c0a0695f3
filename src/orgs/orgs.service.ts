import type { Kysely, Transaction } from "kysely";
import { audited, auditActorOf, type AuditActor } from "../audit/audited.ts";
import { hashPassword } from "../auth/secrets.ts";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../platform/authz.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { presentUser } from "../users/users.present.ts";
import { emailExists, insertUser } from "../users/users.store.ts";
import { canonicalJson } from "../audit/audit.hash.ts";
import { DEFAULT_ORG_SETTINGS, orgSettings, type OrgSettings, type OrgKind, type OrgSettingsPatch, type OrgView, type SegregationOfDuties, type UpdateOrgInput } from "./orgs.schema.ts";
import { findOrganizationBySlug, getOrganization, presentOrg } from "./orgs.store.ts";

export interface NewOrganization {
  slug: string;
  nameJa: string;
  nameEn: string;
  /** Default `organization`; `authority` lets its users hold the oversight roles. */
  kind?: OrgKind;
  admin: { email: string; displayName: string; password: string; locale?: "ja" | "en" };
}

/**
 * Creates an organisation with its first administrator. The organisation's ledger starts here:
 * its genesis entries record the organisation and the administrator, attributed to `by`.
 */
export async function createOrganization(db: Db, by: AuditActor, input: NewOrganization) {
  const passwordHash = await hashPassword(input.admin.password);
  const orgId = newId("org");
  return audited(db, { actor: by, orgId }, async (trx, record) => {
    if (await findOrganizationBySlug(trx, input.slug)) {
      throw new AppError(409, "code_taken", { field: "slug" });
    }
    const email = input.admin.email.toLowerCase();
    if (await emailExists(trx, email)) throw new AppError(409, "email_taken");
    const now = nowIso();
    const org = await trx
      .insertInto("organizations")
      .values({
        id: orgId,
        slug: input.slug,
        name_ja: input.nameJa,
        name_en: input.nameEn,
        kind: input.kind ?? "organization",
        settings: canonicalJson(DEFAULT_ORG_SETTINGS),
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    record({ action: "org.created", entityType: "organization", entityId: orgId, after: presentOrg(org) });
    const admin = await insertUser(trx, {
      id: newId("usr"),
      org_id: orgId,
      email,
      display_name: input.admin.displayName,
      role: "admin",
      password_hash: passwordHash,
      status: "active",
      locale: input.admin.locale ?? "ja",
      department_id: null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    record({ action: "user.created", entityType: "user", entityId: admin.id, after: presentUser(admin) });
    return { org: presentOrg(org), admin: presentUser(admin) };
  });
}

export async function readOrganization(db: Db, actor: Actor): Promise<OrgView> {
  const row = await getOrganization(db.kysely, actor.orgId);
  if (!row) throw notFound();
  return presentOrg(row);
}

/** Renames the organisation or changes its settings; a stale `version` answers 409. */
export async function updateOrganization(db: Db, actor: Actor, input: UpdateOrgInput, requestId: string): Promise<OrgView> {
  return audited(db, { actor: auditActorOf(actor), orgId: actor.orgId, requestId }, async (trx, record) => {
    const current = await getOrganization(trx, actor.orgId);
    if (!current) throw notFound();
    const before = presentOrg(current);
    if (current.version !== input.version) throw new AppError(409, "conflict", { current: before });
    const settings = mergeSettings(before.settings, input.settings);
    const row = await trx
      .updateTable("organizations")
      .set({
        name_ja: input.nameJa ?? current.name_ja,
        name_en: input.nameEn ?? current.name_en,
        settings: canonicalJson(settings),
        updated_at: nowIso(),
        version: current.version + 1,
      })
      .where("id", "=", actor.orgId)
      .where("version", "=", input.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError(409, "conflict", { current: before });
    const after = presentOrg(row);
    record({ action: "org.updated", entityType: "organization", entityId: actor.orgId, before, after });
    return after;
  });
}

/** The stored settings with a change applied; the segregation rules merge one by one. */
export function mergeSettings(current: OrgSettings, patch: OrgSettingsPatch | undefined): OrgSettings {
  if (!patch) return current;
  const { segregationOfDuties, ...rest } = patch;
  return { ...current, ...rest, segregationOfDuties: { ...current.segregationOfDuties, ...segregationOfDuties } };
}

/**
 * The organisation's segregation-of-duties rules, read inside the deciding transaction so a
 * decision follows the setting as it stands when it is taken.
 */
export async function readSegregation(db: Kysely<Database> | Transaction<Database>, orgId: string): Promise<SegregationOfDuties> {
  const row = await db.selectFrom("organizations").select("settings").where("id", "=", orgId).executeTakeFirst();
  if (!row) throw notFound();
  return orgSettings.parse(JSON.parse(row.settings)).segregationOfDuties;
}
