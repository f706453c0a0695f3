/**
 * A vendor name as names are compared: NFKC (全角 → 半角), lower case, single spaces, trimmed.
 * Dependency-free, so the web form matches names to the register exactly as the import does.
 */
export function foldVendorName(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}
