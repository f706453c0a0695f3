import { useI18n } from "../../i18n/I18nProvider.tsx";
import { tagKey } from "./vocabulary.ts";

/**
 * Musubi's tags on a node, in words. A tag the dictionary has no words for is left out: it is
 * data for rules and filters, and its slug means nothing to a reader.
 */
export function TagChips({ tags }: { tags: readonly string[] | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {tags?.map((tag) => {
        const key = tagKey(tag);
        return (
          key && (
            <span key={tag} className="chip">
              {t(key)}
            </span>
          )
        );
      })}
    </>
  );
}
