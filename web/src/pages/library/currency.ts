import type { AmendmentBrief } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/**
 * The sentences for a text's currency, shared by results and library pages: an amendment in
 * force that the stored text lacks, and a change to come that Musubi reads as touching a provision.
 */
export function useCurrencyText() {
  const { t, day, lang } = useI18n();
  return {
    missing: (a: AmendmentBrief, textAsOf: string | null) =>
      t("library.currency.missing", { textAsOf: textAsOf ? day(textAsOf) : "—", date: day(a.effectiveOn), law: `${a.lawNumber[lang] ?? a.lawNumber.ja ?? ""} ${a.title[lang] ?? a.title.ja ?? ""}`.trim() }),
    change: (a: AmendmentBrief) =>
      t(a.dateCertainty === "statutory-deadline-not-fixed-by-cabinet-order" ? "library.currency.changesByLatest" : "library.currency.changes", { date: day(a.effectiveOn), law: a.lawNumber[lang] ?? a.lawNumber.ja ?? "" }),
  };
}
