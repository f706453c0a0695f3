import type { Locale, OrganizationSummary } from "../api/types.ts";

/** The organisation's name in the UI language, falling back to the other one if it is blank. */
export function orgName(org: Pick<OrganizationSummary, "nameJa" | "nameEn">, lang: Locale): string {
  return (lang === "ja" ? org.nameJa || org.nameEn : org.nameEn || org.nameJa) ?? "";
}
