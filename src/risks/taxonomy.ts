import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultLibraryDir } from "../library/library.load.ts";
import { RiskTaxonomy } from "./taxonomy.schema.ts";

let loaded: RiskTaxonomy | undefined;

/**
 * The MIT AI Risk Repository taxonomy that risks and incidents are classified by (CC BY 4.0,
 * shipped with its citation). Read and checked once; a broken file fails loudly at first use.
 */
export function riskTaxonomy(): RiskTaxonomy {
  loaded ??= RiskTaxonomy.parse(JSON.parse(readFileSync(join(defaultLibraryDir(), "taxonomies", "mit-ai-risk-repository-v3.json"), "utf8")));
  return loaded;
}

/** Every valid classification id: domains (`1`), sub-domains (`1.1`) and causal values (`entity.ai`). */
export function taxonomyIds(t: RiskTaxonomy = riskTaxonomy()): Set<string> {
  const ids = new Set<string>();
  for (const d of t.domains) {
    ids.add(d.id);
    for (const s of d.subdomains) ids.add(s.id);
  }
  for (const c of t.causal) for (const v of c.values) ids.add(v.id);
  return ids;
}
