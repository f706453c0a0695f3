import type { BilingualText, FrameworkMeta, Locale, TextOrigin } from "../../api/types.ts";
import { pickText } from "../../i18n/text.ts";

/**
 * The parts of a framework's metadata that say where its names and source come from. The server
 * sends them with every framework (`presentFramework` passes the file's metadata through); the
 * shared `FrameworkMeta` type does not declare them yet, so they are read through this type.
 */
export interface FrameworkNaming {
  name: BilingualText;
  shortName?: BilingualText;
  /** Per language, where a name is not the issuer's own (e.g. Musubi's Japanese rendering). */
  nameOrigin?: Partial<Record<Locale, TextOrigin>>;
  shortNameOrigin?: Partial<Record<Locale, TextOrigin>>;
  source: FrameworkMeta["source"] & {
    /** Who publishes the source text: a law database, a ministry, a standards body. */
    publisher?: BilingualText[];
    /** The citation identifying the source document: a law number, a regulation, a publication number. */
    reference?: BilingualText;
  };
}

export const namingOf = (fw: FrameworkMeta): FrameworkNaming => fw as FrameworkNaming;

/**
 * Where the words a framework is shown by (its short name, else its name) come from, in the
 * language they are shown in — so a Japanese name Musubi chose (EU AI法) is marked as Musubi's.
 * Undefined when they are the issuer's or the source's own.
 */
export function labelOrigin(fw: FrameworkNaming, lang: Locale): TextOrigin | undefined {
  const label = fw.shortName ?? fw.name;
  const shown = pickText(label, lang);
  if (!shown) return undefined;
  return (fw.shortName ? fw.shortNameOrigin : fw.nameOrigin)?.[shown.lang];
}

/** One language's version of a name, with where it comes from when the file says (e.g. Musubi's rendering). */
export interface NameVersion {
  lang: Locale;
  text: string;
  origin?: TextOrigin;
}

/**
 * Every language version of a name, the UI language first — the facts list shows them all, so the
 * official English name stays in view beside a Japanese rendering of Musubi's.
 */
export function nameVersions(text: BilingualText | undefined, origins: Partial<Record<Locale, TextOrigin>> | undefined, lang: Locale): NameVersion[] {
  if (!text) return [];
  const order: Locale[] = lang === "ja" ? ["ja", "en"] : ["en", "ja"];
  return order.flatMap((l) => {
    const words = text[l];
    const origin = origins?.[l];
    return words ? [{ lang: l, text: words, ...(origin ? { origin } : {}) }] : [];
  });
}
