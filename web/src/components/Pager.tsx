import { useI18n } from "../i18n/I18nProvider.tsx";

export const PAGE_SIZES = [10, 25, 50, 100] as const;

interface PagerProps {
  total: number;
  /** `total` is only a lower bound: shown as "1,000+", and next stays enabled. */
  capped?: boolean | undefined;
  limit: number;
  offset: number;
  onChange(next: { limit: number; offset: number }): void;
}

/** "1–25 of 130" (or "of 1,000+" when the list stopped counting) with previous/next and the page size. */
export function Pager({ total, capped = false, limit, offset, onChange }: PagerProps) {
  const { t, number } = useI18n();
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      <span className="pager__range" data-testid="pager-range">
        {total === 0 ? t("pager.none") : t(capped ? "pager.rangeAtLeast" : "pager.range", { from: number(from), to: number(to), total: number(total) })}
      </span>
      <label className="pager__size">
        {t("pager.pageSize")}
        <select value={limit} onChange={(e) => onChange({ limit: Number(e.target.value), offset: 0 })}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--small" disabled={offset === 0} onClick={() => onChange({ limit, offset: Math.max(0, offset - limit) })}>
        {t("pager.previous")}
      </button>
      <button type="button" className="button button--small" disabled={!capped && offset + limit >= total} onClick={() => onChange({ limit, offset: offset + limit })}>
        {t("pager.next")}
      </button>
    </nav>
  );
}
