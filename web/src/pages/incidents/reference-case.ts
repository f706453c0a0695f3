import { aiidEntityNames } from "../../../../src/incidents/aiid.entities.ts";
import type { ReferenceIncident } from "../../api/incidents.ts";
import type { MessageKey } from "../../i18n/en.ts";

/** A kind of party AIID records for a case, with the words the UI labels it with. */
export interface CaseParties {
  field: "deployers" | "developers" | "harmed";
  label: MessageKey;
  /** AIID's entity ids transcribed into words: proper names, never translated. */
  names: string[];
}

const PARTIES: Omit<CaseParties, "names">[] = [
  { field: "deployers", label: "incidents.reference.party.deployers" },
  { field: "developers", label: "incidents.reference.party.developers" },
  { field: "harmed", label: "incidents.reference.party.harmed" },
];

/**
 * The case's named parties, each kind with its names: AIID's entity ids as words
 * (`female-applicants` → "Female Applicants"), another source's names as it writes them.
 */
export function partiesOf(item: Pick<ReferenceIncident, "deployers" | "developers" | "harmed"> & { source?: string }): CaseParties[] {
  const words = item.source === undefined || item.source === AIID ? aiidEntityNames : (names: string[]) => names;
  return PARTIES.map((p) => ({ ...p, names: words(item[p.field]) })).filter((p) => p.names.length > 0);
}

/** The AI Incident Database's id as a source. */
export const AIID = "aiid";

/**
 * How a case is named on screen: "AIID #4" for the AI Incident Database, otherwise the source's
 * name with its own identifier ("OECD AIM 2024-113").
 */
export function caseLabel(
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
  c: { source: string; number: number; sourceName?: string; externalId?: string | null },
): string {
  if (c.source === AIID) return t("incidents.reference.number", { number: c.number });
  return t("incidents.reference.caseOf", { source: c.sourceName ?? c.source, id: c.externalId ?? String(c.number) });
}

/**
 * An MIT category as a chip: the taxonomy's own numbering with the name ("2.1 Compromise of
 * privacy…"), a causal value by its name alone — its id (`entity.ai`) is Musubi's, not the
 * taxonomy's. Undefined until the taxonomy has loaded, rather than the id.
 */
export function categoryChip(id: string, names: ReadonlyMap<string, string>): string | undefined {
  const name = names.get(id);
  if (!name) return undefined;
  return /^\d+(\.\d+)?$/.test(id) ? `${id} ${name}` : name;
}
