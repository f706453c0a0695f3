import type { Kysely, Transaction } from "kysely";
import type { Database, Organization } from "../db/schema.ts";
import { todayIn } from "../platform/time.ts";
import { orgKindOf, orgSettings, type OrgView } from "./orgs.schema.ts";

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
    kind: orgKindOf(o.kind),
    nameJa: o.name_ja,
    nameEn: o.name_en,
    settings: orgSettings.parse(JSON.parse(o.settings)),
    createdAt: o.created_at,
    updatedAt: o.updated_at,
    version: o.version,
  };
}

/** Where an organisation has no readable zone (gone, or settings that predate the setting). */
export const DEFAULT_TIME_ZONE = "Asia/Tokyo";

const knownZones = new Set<string>();

/**
 * The time zone in an organisation's stored settings, without validating the rest of them: it is
 * read on every request (authentication), where a full schema parse would cost more than the
 * query. A name the runtime does not know falls back to {@link DEFAULT_TIME_ZONE} instead of
 * failing every date computation of the organisation.
 */
export function timeZoneOfSettings(settings: string): string {
  const zone = (JSON.parse(settings) as { timezone?: unknown }).timezone;
  if (typeof zone !== "string") return DEFAULT_TIME_ZONE;
  if (knownZones.has(zone)) return zone;
  try {
    todayIn(zone);
  } catch {
    return DEFAULT_TIME_ZONE;
  }
  knownZones.add(zone);
  return zone;
}

/**
 * The organisation's IANA time zone: reports, exports and "today" follow it, not the server's or
 * the viewer's. Asia/Tokyo when the organisation is gone (a job racing a deletion).
 * Read from the database each time (one primary-key lookup), never cached: a change of zone
 * through the settings takes effect at once in every process.
 */
export async function orgTimeZone(db: Q, orgId: string): Promise<string> {
  const row = await db.selectFrom("organizations").select("settings").where("id", "=", orgId).executeTakeFirst();
  return row ? timeZoneOfSettings(row.settings) : DEFAULT_TIME_ZONE;
}

/**
 * The organisation's calendar day (YYYY-MM-DD) at `now`: what "today" means for its due dates,
 * overdue work and expiry, which turn at its own midnight rather than Tokyo's or the server's.
 * For code without an authenticated actor (jobs, the CLI); a request has `actor.timeZone`.
 */
export async function orgToday(db: Q, orgId: string, now = new Date()): Promise<string> {
  return todayIn(await orgTimeZone(db, orgId), now);
}
