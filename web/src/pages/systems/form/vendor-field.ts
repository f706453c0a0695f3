import type { VendorLink } from "../../../api/vendors.ts";
import { foldVendorName } from "../../../../../src/vendors/vendor-names.ts";

/**
 * The register vendor a free-text vendor name stands for: the one vendor whose name or code
 * matches it once folded (全角/半角, case, spacing), as the system import links names. None when
 * no vendor or several match: which one was meant is then the user's call.
 */
export function registerEntryFor(name: string, register: readonly VendorLink[]): VendorLink | undefined {
  const key = foldVendorName(name);
  const found = register.filter((v) => foldVendorName(v.name) === key || foldVendorName(v.code) === key);
  return found.length === 1 ? found[0] : undefined;
}

/** The vendor fields after linking the free-text `name` to the register vendor `vendorId`: the name goes, the link comes. */
export function linkName(fields: { vendors: string[]; vendorIds: string[] }, name: string, vendorId: string): { vendors: string[]; vendorIds: string[] } {
  return {
    vendors: fields.vendors.filter((n) => n !== name),
    vendorIds: fields.vendorIds.includes(vendorId) ? fields.vendorIds : [...fields.vendorIds, vendorId],
  };
}

/** The register vendors not yet chosen, by name in the UI language's order, for the "add" select. */
export function addableVendors(register: readonly VendorLink[], chosen: readonly string[], lang: string): VendorLink[] {
  const taken = new Set(chosen);
  return register.filter((v) => !taken.has(v.id)).sort((a, b) => a.name.localeCompare(b.name, lang) || a.code.localeCompare(b.code));
}

/**
 * The free-text vendor names a system page still shows beside its linked vendors: those that do
 * not merely repeat a linked vendor's name or code (an import keeps the name it linked by).
 */
export function unlinkedNames(names: readonly string[], links: readonly VendorLink[]): string[] {
  const linked = new Set(links.flatMap((l) => [foldVendorName(l.name), foldVendorName(l.code)]));
  return names.filter((n) => !linked.has(foldVendorName(n)));
}
