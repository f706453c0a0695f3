import type { RiskTaxonomy, TaxonomyText } from "../../api/risks.ts";
import type { Locale } from "../../api/types.ts";

/**
 * Names for the MIT AI Risk Repository ids a risk is filed under. English is the source's text;
 * Japanese is Musubi's translation and may be missing, in which case the English stands in.
 */

/** A taxonomy text in the UI language, else English. */
export function taxonomyText(text: TaxonomyText | undefined, lang: Locale): string {
  if (!text) return "";
  return (lang === "ja" ? text.ja : undefined) || text.en;
}

export interface CategoryGroup {
  /** A domain id (`7`) or a causal dimension (`entity`). */
  id: string;
  /** The domain's or dimension's name. */
  name: string;
  /** Whether the domain itself was chosen (a dimension is never chosen on its own). */
  chosen: boolean;
  /** Chosen sub-domains or causal values, with their ids. */
  items: { id: string; name: string }[];
}

/**
 * A risk's categories grouped for reading: each domain with its chosen sub-domains, then each
 * causal dimension with its chosen values, in the taxonomy's order. Ids the taxonomy does not
 * know (a newer version's) are kept, by id, in a last group.
 */
export function groupCategories(taxonomy: RiskTaxonomy, ids: readonly string[], lang: Locale): { groups: CategoryGroup[]; unknown: string[] } {
  const chosen = new Set(ids);
  const known = new Set<string>();
  const groups: CategoryGroup[] = [];
  for (const d of taxonomy.domains) {
    known.add(d.id);
    const items = d.subdomains.filter((s) => (known.add(s.id), chosen.has(s.id))).map((s) => ({ id: s.id, name: taxonomyText(s.name, lang) }));
    if (chosen.has(d.id) || items.length) groups.push({ id: d.id, name: taxonomyText(d.name, lang), chosen: chosen.has(d.id), items });
  }
  for (const c of taxonomy.causal) {
    const items = c.values.filter((v) => (known.add(v.id), chosen.has(v.id))).map((v) => ({ id: v.id, name: taxonomyText(v.name, lang) }));
    if (items.length) groups.push({ id: c.id, name: taxonomyText(c.name, lang), chosen: false, items });
  }
  return { groups, unknown: ids.filter((id) => !known.has(id)) };
}

/** Every category id with its name, for a filter select: domains, their sub-domains indented by id. */
export function categoryOptions(taxonomy: RiskTaxonomy, lang: Locale): { id: string; label: string }[] {
  return taxonomy.domains.flatMap((d) => [
    { id: d.id, label: `${d.id}. ${taxonomyText(d.name, lang)}` },
    ...d.subdomains.map((s) => ({ id: s.id, label: `${s.id} ${taxonomyText(s.name, lang)}` })),
  ]);
}
