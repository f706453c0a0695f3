import type { ConnectionView, SectorOption } from "../../api/exchange.ts";
import type { Audience, AudienceInput, AudienceType } from "../../api/oversight.ts";
import type { Locale } from "../../api/types.ts";
import type { MessageKey } from "../../i18n/en.ts";
import { plainText } from "../../i18n/text.ts";

/** What the audience fields hold: the choice, and the sector and organisation picked for it (kept when the choice changes). */
export interface AudienceChoice {
  type: AudienceType;
  sector: string;
  connectionId: string;
}

export const NO_AUDIENCE: AudienceChoice = { type: "all", sector: "", connectionId: "" };

/** The audience as the API takes it: only the field the choice needs. */
export function audienceInput(choice: AudienceChoice): AudienceInput {
  if (choice.type === "sector") return { audience: "sector", sector: choice.sector };
  if (choice.type === "one") return { audience: "one", connectionId: choice.connectionId };
  return { audience: "all" };
}

/** Whether the choice names its sector or organisation (all needs nothing more). */
export function audienceReady(choice: AudienceChoice): boolean {
  return choice.type === "all" || (choice.type === "sector" ? choice.sector !== "" : choice.connectionId !== "");
}

/** The organisations a request, an advisory or a publication may name: approved registrations, by name. */
export function approvedOrganisations(registrations: readonly ConnectionView[], lang: Locale): ConnectionView[] {
  return registrations.filter((r) => r.status === "approved").sort((a, b) => plainText(a.counterpart.name, lang).localeCompare(plainText(b.counterpart.name, lang), lang));
}

/**
 * An audience in words: all registered organisations, a sector by its name, or one organisation
 * by the name it registered with — never the sector's value or the registration's id.
 */
export function audienceWords(audience: Audience, sectors: readonly SectorOption[], registrations: readonly ConnectionView[], lang: Locale): { key: MessageKey; params?: Record<string, string> } {
  if (audience.type === "sector") {
    const name = sectors.find((s) => s.value === audience.sector)?.label[lang];
    return name ? { key: "oversight.audience.sectorNamed", params: { sector: name } } : { key: "oversight.audience.sectorUnknown" };
  }
  if (audience.type === "one") {
    const registration = registrations.find((r) => r.id === audience.connectionId);
    return registration ? { key: "oversight.audience.oneNamed", params: { name: plainText(registration.counterpart.name, lang) } } : { key: "oversight.audience.oneUnknown" };
  }
  return { key: "oversight.audience.allRegistered" };
}
