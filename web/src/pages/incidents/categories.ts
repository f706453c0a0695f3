import type { RiskTaxonomy } from "../../api/incidents.ts";
import type { Locale } from "../../api/types.ts";

/** One MIT category as a picker or a chip shows it. */
export interface CategoryOption {
  id: string;
  name: string;
  /** 0: a domain or causal dimension's value group heading; 1: a sub-domain or causal value. */
  depth: 0 | 1;
}

export interface CategoryGroup {
  /** The domain's id (its option is the group's first), or the causal dimension's. */
  id: string;
  name: string;
  options: CategoryOption[];
}

const nameIn = (name: { en: string; ja?: string }, lang: Locale) => (lang === "ja" ? (name.ja ?? name.en) : name.en);

/**
 * The MIT AI Risk Repository taxonomy as picker groups: each domain (itself choosable) with its
 * sub-domains, then each causal dimension with its values (the dimension itself is not an id).
 */
export function categoryGroups(taxonomy: RiskTaxonomy, lang: Locale): CategoryGroup[] {
  return [
    ...taxonomy.domains.map((d) => ({
      id: d.id,
      name: `${d.id}. ${nameIn(d.name, lang)}`,
      options: [{ id: d.id, name: nameIn(d.name, lang), depth: 0 as const }, ...d.subdomains.map((s) => ({ id: s.id, name: nameIn(s.name, lang), depth: 1 as const }))],
    })),
    ...taxonomy.causal.map((c) => ({
      id: c.id,
      name: nameIn(c.name, lang),
      options: c.values.map((v) => ({ id: v.id, name: nameIn(v.name, lang), depth: 1 as const })),
    })),
  ];
}

/** Every id's name in one language, for chips ("2.1 Compromise of privacy…"). */
export function categoryNames(taxonomy: RiskTaxonomy | undefined, lang: Locale): Map<string, string> {
  const names = new Map<string, string>();
  if (!taxonomy) return names;
  for (const d of taxonomy.domains) {
    names.set(d.id, nameIn(d.name, lang));
    for (const s of d.subdomains) names.set(s.id, nameIn(s.name, lang));
  }
  for (const c of taxonomy.causal) for (const v of c.values) names.set(v.id, `${nameIn(c.name, lang)}: ${nameIn(v.name, lang)}`);
  return names;
}
