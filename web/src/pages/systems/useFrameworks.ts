import { useEffect, useState } from "react";
import { libraryApi } from "../../api/endpoints.ts";
import type { BilingualText, FrameworkMeta, Locale } from "../../api/types.ts";

export interface FrameworkInfo {
  id: string;
  name: BilingualText;
  shortName: BilingualText | undefined;
  jurisdiction: string;
}

let cached: Promise<FrameworkInfo[]> | undefined;

function toInfo(f: FrameworkMeta): FrameworkInfo {
  return { id: f.framework, name: f.name, shortName: f.shortName, jurisdiction: f.jurisdiction };
}

/**
 * The library's frameworks (current versions), to name the framework ids systems and filters
 * carry. Loaded once per page load; a failure leaves the list empty and ids show instead.
 */
export function useFrameworks(): FrameworkInfo[] {
  const [frameworks, setFrameworks] = useState<FrameworkInfo[]>([]);
  useEffect(() => {
    let live = true;
    cached ??= libraryApi.index().then((index) => index.frameworks.filter((f) => f.current).map(toInfo));
    cached
      .then((list) => live && setFrameworks(list))
      .catch(() => {
        cached = undefined;
      });
    return () => {
      live = false;
    };
  }, []);
  return frameworks;
}

/**
 * A framework's name for the UI language: the short name in that language, else the full name in
 * it, else the short name in the other language (the EU AI Act's official title runs to five lines).
 */
export function frameworkName(frameworks: FrameworkInfo[], id: string, lang: Locale, fallback?: BilingualText): BilingualText {
  const info = frameworks.find((f) => f.id === id);
  if (!info) return fallback ?? { en: id, ja: id };
  if (info.shortName?.[lang]) return info.shortName;
  if (info.name[lang]) return info.name;
  return info.shortName ?? info.name;
}
