import { NO_MONTH } from "../../api/oversight.ts";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { QueueFilters } from "./oversight-paths.ts";
import { formatYearMonth } from "./trends-logic.ts";
import type { ValueWords } from "./useValueWords.ts";

/** Says which trend the queue is narrowed to ("Sector: Retail, October 2026"), with a way back to all. */
export function DrillDownNotice({ filters, words, onClear }: { filters: QueueFilters; words: ValueWords; onClear(): void }) {
  const { t, lang } = useI18n();
  if (!filters.dimension && !filters.month) return null;
  const parts: string[] = [];
  if (filters.dimension && filters.value) parts.push(t("oversight.drill.value", { dimension: t(`oversight.dimension.${filters.dimension}`), value: words.dimensionValue(filters.dimension, filters.value) }));
  if (filters.month) parts.push(filters.month === NO_MONTH ? t("oversight.trends.noMonth") : formatYearMonth(lang, filters.month));
  return (
    <Notice kind="info" testId="intake-drill">
      <p className="drill-notice">
        <span data-testid="intake-drill-text">{t("oversight.drill.text", { filter: parts.join(t("oversight.drill.separator")) })}</span>
        <button type="button" className="button button--small" onClick={onClear} data-testid="intake-drill-clear">
          {t("oversight.drill.clear")}
        </button>
      </p>
    </Notice>
  );
}
