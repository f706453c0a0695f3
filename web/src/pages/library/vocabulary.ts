import type { FrameworkMeta, Relationship, TextOrigin } from "../../api/types.ts";
import type { MessageKey } from "../../i18n/en.ts";
import { isMessageKey } from "../../i18n/translate.ts";

const enc = encodeURIComponent;

export const frameworkPath = (framework: string, version: string) => `/library/${enc(framework)}/${enc(version)}`;
export const nodePath = (urn: string) => `/library/node/${enc(urn)}`;
export const diffPath = (framework: string, from: string, to: string) => `/library/${enc(framework)}/diff?from=${enc(from)}&to=${enc(to)}`;

/** `urn:musubi:<framework>:<version>:<id>` in parts (for path steps, which carry only the URN). */
export function parseUrn(urn: string): { framework: string; version: string; id: string } | undefined {
  const m = /^urn:musubi:([^:]+):([^:]+):(.+)$/.exec(urn);
  return m ? { framework: m[1]!, version: m[2]!, id: m[3]! } : undefined;
}

/** How the library home groups frameworks: Japan first, then international, EU, US. */
export const JURISDICTION_GROUPS = ["jp", "intl", "eu", "us"] as const;
export type JurisdictionGroup = (typeof JURISDICTION_GROUPS)[number];

export function jurisdictionGroup(jurisdiction: string): JurisdictionGroup {
  if (jurisdiction === "jp" || jurisdiction === "eu" || jurisdiction === "us") return jurisdiction;
  return "intl";
}

/** The current version of each framework (or its latest when none is marked current). */
export function currentVersions(frameworks: FrameworkMeta[]): FrameworkMeta[] {
  const byId = new Map<string, FrameworkMeta>();
  for (const fw of frameworks) {
    const known = byId.get(fw.framework);
    if (!known || (fw.current && !known.current)) byId.set(fw.framework, fw);
  }
  return [...byId.values()];
}

/** A message key for a vocabulary value, or undefined when the dictionary does not know it. */
function keyOf(prefix: string, value: string): MessageKey | undefined {
  const key = prefix + value;
  return isMessageKey(key) ? key : undefined;
}

export const kindKey = (kind: string) => keyOf("library.kind.", kind);
export const jurisdictionKey = (jurisdiction: string) => keyOf("library.jurisdiction.", jurisdiction);
export const nodeTypeKey = (type: string) => keyOf("library.nodeType.", type);
/** Musubi's tags on library nodes (`business-duty`, `fria`…) in words. */
export const tagKey = (tag: string) => keyOf("library.tag.", tag);

export const RELATIONSHIP_KEYS: Record<Relationship, { word: MessageKey; explain: MessageKey }> = {
  equal: { word: "library.rel.equal", explain: "library.rel.equalHint" },
  subset: { word: "library.rel.subset", explain: "library.rel.subsetHint" },
  superset: { word: "library.rel.superset", explain: "library.rel.supersetHint" },
  intersect: { word: "library.rel.intersect", explain: "library.rel.intersectHint" },
};

export const ORIGIN_KEYS: Record<TextOrigin, MessageKey> = {
  official: "library.origin.official",
  "government-reference": "library.origin.government-reference",
  "source-editorial": "library.origin.source-editorial",
  "musubi-editorial": "library.origin.musubi-editorial",
};
