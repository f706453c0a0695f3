import { useMemo } from "react";
import { libraryApi } from "../../api/endpoints.ts";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { currentVersions } from "../library/vocabulary.ts";

export interface FrameworkOption {
  id: string;
  name: string;
}

/** The library's frameworks (current versions) by display name, for filter selects; empty until loaded. */
export function useFrameworkOptions(): FrameworkOption[] {
  const { lang } = useI18n();
  const index = useResource((signal) => libraryApi.index(signal), "library-index");
  return useMemo(
    () =>
      currentVersions(index.data?.frameworks ?? [])
        .map((fw) => ({ id: fw.framework, name: plainText(fw.shortName ?? fw.name, lang) }))
        .sort((a, b) => a.name.localeCompare(b.name, lang)),
    [index.data, lang],
  );
}
