import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { foldVendorName } from "./vendor-names.ts";

type Q = Kysely<Database> | Transaction<Database>;

/**
 * A vendor of the register as a system shows it: enough to name and link it, and its standing
 * (status and rating) so a reader of the system sees at once whether it relies on an unvetted one.
 */
export interface VendorLink {
  id: string;
  code: string;
  name: string;
  status: string;
  rating: string;
}

/**
 * The register vendors each system is linked to (`vendor_systems`, the same link the vendor's page
 * edits), by system id, vendors by name: one statement for any number of systems.
 */
export async function vendorLinksOf(db: Q, orgId: string, systemIds: readonly string[]): Promise<Map<string, VendorLink[]>> {
  const out = new Map<string, VendorLink[]>(systemIds.map((id) => [id, []]));
  if (systemIds.length === 0) return out;
  const rows = await db
    .selectFrom("vendor_systems as vs")
    .innerJoin("vendors as v", (j) => j.onRef("v.id", "=", "vs.vendor_id").on("v.org_id", "=", orgId))
    .select(["vs.system_id", "v.id", "v.code", "v.name", "v.status", "v.rating"])
    .where("vs.org_id", "=", orgId)
    .where("vs.system_id", "in", [...systemIds])
    .orderBy("v.name")
    .orderBy("v.id")
    .execute();
  for (const r of rows) out.get(r.system_id)?.push({ id: r.id, code: r.code, name: r.name, status: r.status, rating: r.rating });
  return out;
}

/**
 * Problems with vendor ids a system is to be linked to: each id that is not a vendor of the
 * organisation, as a `validation_failed` detail naming its place in `field`. A vendor of another
 * organisation is reported like one that does not exist, so nothing about it leaks.
 */
export async function unknownVendorIds(trx: Transaction<Database>, orgId: string, vendorIds: readonly string[], field = "body.vendorIds"): Promise<{ field: string; message: string }[]> {
  if (vendorIds.length === 0) return [];
  const found = new Set((await trx.selectFrom("vendors").select("id").where("org_id", "=", orgId).where("id", "in", [...new Set(vendorIds)]).execute()).map((v) => v.id));
  return vendorIds.flatMap((id, i) => (found.has(id) ? [] : [{ field: `${field}.${i}`, message: fieldText("no_such_record") }]));
}

/** The ids of the vendors a system is linked to now, sorted, for the ledger's before and after. */
export async function linkedVendorIds(trx: Transaction<Database>, orgId: string, systemId: string): Promise<string[]> {
  const rows = await trx.selectFrom("vendor_systems").select("vendor_id").where("org_id", "=", orgId).where("system_id", "=", systemId).orderBy("vendor_id").execute();
  return rows.map((r) => r.vendor_id);
}

/**
 * Makes `vendorIds` the vendors a system is linked to (ids checked by {@link unknownVendorIds}
 * first). Returns the ids linked, sorted and without repeats.
 */
export async function setSystemVendors(trx: Transaction<Database>, orgId: string, systemId: string, vendorIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(vendorIds)].sort();
  await trx.deleteFrom("vendor_systems").where("org_id", "=", orgId).where("system_id", "=", systemId).execute();
  if (unique.length) await trx.insertInto("vendor_systems").values(unique.map((vendor_id) => ({ org_id: orgId, vendor_id, system_id: systemId }))).execute();
  return unique;
}

/**
 * Links imported systems to the register vendors their vendor names name: a name (or code) that
 * matches exactly one vendor of the organisation once folded ({@link foldVendorName}) links it; a
 * name two vendors share links neither (which one was meant is the reader's call). The free-text
 * names stay as imported. Two statements per call plus the insert; returns how many links were made.
 */
export async function linkVendorsByName(trx: Transaction<Database>, orgId: string, systems: readonly { id: string; vendors: readonly string[] }[]): Promise<number> {
  if (!systems.some((s) => s.vendors.length > 0)) return 0;
  const register = await trx.selectFrom("vendors").select(["id", "code", "name"]).where("org_id", "=", orgId).execute();
  const byName = new Map<string, string | null>();
  const note = (key: string, id: string) => byName.set(key, byName.has(key) && byName.get(key) !== id ? null : id);
  for (const v of register) {
    note(foldVendorName(v.name), v.id);
    note(foldVendorName(v.code), v.id);
  }
  const links = new Map<string, { org_id: string; vendor_id: string; system_id: string }>();
  for (const s of systems) {
    for (const name of s.vendors) {
      const vendorId = byName.get(foldVendorName(name));
      if (vendorId) links.set(`${vendorId} ${s.id}`, { org_id: orgId, vendor_id: vendorId, system_id: s.id });
    }
  }
  if (links.size === 0) return 0;
  const existing = await trx
    .selectFrom("vendor_systems")
    .select(["vendor_id", "system_id"])
    .where("org_id", "=", orgId)
    .where("system_id", "in", systems.map((s) => s.id))
    .execute();
  for (const e of existing) links.delete(`${e.vendor_id} ${e.system_id}`);
  if (links.size) await trx.insertInto("vendor_systems").values([...links.values()]).execute();
  return links.size;
}
