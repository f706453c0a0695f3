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

/** The case's parties that AIID names, each kind with its entities as words (`female-applicants` → "Female Applicants"). */
export function partiesOf(item: Pick<ReferenceIncident, "deployers" | "developers" | "harmed">): CaseParties[] {
  return PARTIES.map((p) => ({ ...p, names: aiidEntityNames(item[p.field]) })).filter((p) => p.names.length > 0);
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
