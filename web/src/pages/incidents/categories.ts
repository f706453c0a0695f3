import type { RiskTaxonomy } from "../../api/risks.ts";
import type { Locale } from "../../api/types.ts";
import { taxonomyText } from "../risks/risk-taxonomy.ts";

/** One MIT category as a picker or a chip shows it. */
export interface CategoryOption {
  id: string;
  name: string;
  /** The number shown before the name ("2.1") for domains and sub-domains; causal values have none (their ids are slugs). */
  code?: string;
  /** 0: a domain or causal dimension's value group heading; 1: a sub-domain or causal value. */
  depth: 0 | 1;
}

export interface CategoryGroup {
  /** The domain's id (its option is the group's first), or the causal dimension's. */
  id: string;
  name: string;
  options: CategoryOption[];
}

/**
 * The MIT AI Risk Repository taxonomy as picker groups: each domain (itself choosable) with its
 * sub-domains, then each causal dimension with its values (the dimension itself is not an id).
 */
export function categoryGroups(taxonomy: Pick<RiskTaxonomy, "domains" | "causal">, lang: Locale): CategoryGroup[] {
  return [
    ...taxonomy.domains.map((d) => ({
      id: d.id,
      name: `${d.id}. ${taxonomyText(d.name, lang)}`,
      options: [{ id: d.id, code: d.id, name: taxonomyText(d.name, lang), depth: 0 as const }, ...d.subdomains.map((s) => ({ id: s.id, code: s.id, name: taxonomyText(s.name, lang), depth: 1 as const }))],
    })),
    ...taxonomy.causal.map((c) => ({
      id: c.id,
      name: taxonomyText(c.name, lang),
      options: c.values.map((v) => ({ id: v.id, name: taxonomyText(v.name, lang), depth: 1 as const })),
    })),
  ];
}

/** Every id's name in one language, for chips ("2.1 Compromise of privacy…"). */
export function categoryNames(taxonomy: Pick<RiskTaxonomy, "domains" | "causal"> | undefined, lang: Locale): Map<string, string> {
  const names = new Map<string, string>();
  if (!taxonomy) return names;
  for (const d of taxonomy.domains) {
    names.set(d.id, taxonomyText(d.name, lang));
    for (const s of d.subdomains) names.set(s.id, taxonomyText(s.name, lang));
  }
  for (const c of taxonomy.causal) for (const v of c.values) names.set(v.id, `${taxonomyText(c.name, lang)}: ${taxonomyText(v.name, lang)}`);
  return names;
}
