/**
 * Profile facts the system record already states. Nobody answers them twice: the record is where
 * they are kept (its purpose, the countries it is offered or used in), and the profile the engine
 * evaluates takes them from it, so a change on either page shows on the other.
 */
export const RECORD_FACTS = ["purpose", "deploymentRegions"] as const;
export type RecordFact = (typeof RECORD_FACTS)[number];

/** The Member States of the European Union (ISO 3166-1 alpha-2; Greece as EL or GR). */
const EU_MEMBER_STATES = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
]);

/** The profile's regions (`deploymentRegions` options) for a list of country codes. */
export function regionsOf(countries: readonly string[]): string[] {
  const regions = new Set<string>();
  for (const raw of countries) {
    const code = raw.trim().toUpperCase();
    if (code === "JP") regions.add("jp");
    else if (EU_MEMBER_STATES.has(code) || code === "EU") regions.add("eu");
    else if (code === "US") regions.add("us");
    else if (code) regions.add("other");
  }
  return ["jp", "eu", "us", "other"].filter((r) => regions.has(r));
}

/** The facts a record states: only those it actually says something about. */
export function recordFacts(record: { purpose: string; countries: readonly string[] }): Partial<Record<RecordFact, unknown>> {
  const facts: Partial<Record<RecordFact, unknown>> = {};
  if (record.purpose.trim()) facts.purpose = record.purpose.trim();
  if (record.countries.length) facts.deploymentRegions = regionsOf(record.countries);
  return facts;
}

/**
 * The profile with the record's facts in it. An empty profile stays empty: a system nobody has
 * profiled is unclassified, not classified from its country list alone.
 */
export function withRecordFacts(profile: Record<string, unknown>, record: { purpose: string; countries: readonly string[] }): Record<string, unknown> {
  const own = Object.keys(profile).filter((k) => !(RECORD_FACTS as readonly string[]).includes(k));
  if (own.length === 0) return profile;
  return { ...profile, ...recordFacts(record) };
}
