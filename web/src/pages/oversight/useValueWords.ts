import { UNSPECIFIED_SECTOR, type TrendDimension } from "../../api/oversight.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useVocabulary, type Vocabulary } from "./useVocabulary.ts";

/** A submission's values in the UI language. */
export interface ValueWords {
  vocabulary: Vocabulary;
  sector(value: string | null): string;
  kind(value: string): string;
  right(value: string): string;
  harmType(value: string): string;
  severity(value: string): string;
  /** A value of a trend dimension, as the trend page and the queue's drill-down name it. */
  dimensionValue(dimension: TrendDimension, value: string): string;
}

/**
 * The words for sectors, kinds, rights, harm types, severities and roles: Musubi's dictionaries
 * for its own vocabularies, the library's for sectors and roles. A provider is named as its sender
 * wrote it.
 */
export function useValueWords(): ValueWords {
  const { t, lang, label } = useI18n();
  const vocabulary = useVocabulary();
  const fromList = (list: Vocabulary["sectors"], value: string) => list.find((o) => o.value === value)?.label[lang];
  const sector = (value: string | null) => (value === null || value === UNSPECIFIED_SECTOR ? t("oversight.sector.unspecified") : (fromList(vocabulary.sectors, value) ?? value));
  const words: ValueWords = {
    vocabulary,
    sector,
    kind: (value) => label("oversight.kind.", value),
    right: (value) => label("incidents.right.", value),
    harmType: (value) => label("incidents.harmType.", value),
    severity: (value) => label("incidents.severity.", value),
    dimensionValue: (dimension, value) => {
      if (value === UNSPECIFIED_SECTOR) return t("oversight.sector.unspecified");
      switch (dimension) {
        case "sector":
          return sector(value);
        case "harmType":
          return words.harmType(value);
        case "right":
          return words.right(value);
        case "severity":
          return words.severity(value);
        case "kind":
          return words.kind(value);
        case "generative":
          return label("oversight.generative.", value);
        case "actorRole":
          return fromList(vocabulary.roles, value) ?? value;
        case "modelProvider":
          return value;
      }
    },
  };
  return words;
}
