import type { Kysely, Transaction } from "kysely";
import type { Database, Organization } from "../db/schema.ts";
import { orgSettings, type OrgView } from "./orgs.schema.ts";

type Q = Kysely<Database> | Transaction<Database>;

export function getOrganization(db: Q, orgId: string): Promise<Organization | undefined> {
  return db.selectFrom("organizations").selectAll().where("id", "=", orgId).executeTakeFirst();
}

export function findOrganizationBySlug(db: Q, slug: string): Promise<Organization | undefined> {
  return db.selectFrom("organizations").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export function presentOrg(o: Organization): OrgView {
  return {
    id: o.id,
    slug: o.slug,
    nameJa: o.name_ja,
    nameEn: o.name_en,
    settings: orgSettings.parse(JSON.parse(o.settings)),
    createdAt: o.created_at,
    updatedAt: o.updated_at,
    version: o.version,
  };
}

/**
 * The organisation's IANA time zone: reports, exports and "today" follow it, not the server's or
 * the viewer's. Asia/Tokyo when the organisation is gone (a job racing a deletion).
 */
export async function orgTimeZone(db: Q, orgId: string): Promise<string> {
  const row = await db.selectFrom("organizations").select("settings").where("id", "=", orgId).executeTakeFirst();
  if (!row) return "Asia/Tokyo";
  return orgSettings.parse(JSON.parse(row.settings)).timezone;
}
