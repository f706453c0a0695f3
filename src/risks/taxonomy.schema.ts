import { z } from "zod";

/**
 * A risk taxonomy shipped as data: the MIT AI Risk Repository's domain taxonomy (domains and
 * sub-domains) and causal taxonomy (entity, intent, timing). English is the source's text;
 * Japanese names are Musubi's translations, marked as such by `standing`.
 */
const text = z.strictObject({ en: z.string().min(1), ja: z.string().min(1).optional() });

const term = z.strictObject({ id: z.string().regex(/^[a-z0-9.-]+$/), name: text, description: text.optional() });
export type TaxonomyTerm = z.infer<typeof term>;

export const RiskTaxonomy = z.strictObject({
  $schema: z.string().optional(),
  id: z.string(),
  version: z.string(),
  title: text,
  publisher: z.string(),
  url: z.string().url(),
  citation: z.string(),
  licence: z.string(),
  /** How each language's text stands: the source's own words, or Musubi's translation. */
  standing: z.strictObject({ en: z.literal("source"), ja: z.literal("musubi-editorial") }),
  source: z.strictObject({ files: z.array(z.strictObject({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })) }),
  notes: z.array(z.string()),
  domains: z.array(term.extend({ subdomains: z.array(term).min(1) })).min(1),
  causal: z.array(term.extend({ values: z.array(term).min(1) })).min(1),
});
export type RiskTaxonomy = z.infer<typeof RiskTaxonomy>;
