import { useI18n } from "../i18n/I18nProvider.tsx";

interface TableStateProps {
  colSpan: number;
  loading: boolean;
  error: unknown;
  /** Rows on the current page. */
  count: number;
  /** Whether a search or filter is narrowing the list (changes the empty message). */
  filtered: boolean;
  emptyMessage: string;
  onRetry(): void;
  onClearFilters?: () => void;
}

/**
 * The one row a table shows instead of data: loading, the error with a retry, or empty.
 * Renders nothing when there are rows to show.
 */
export function TableState(props: TableStateProps) {
  const { colSpan, loading, error, count, filtered, emptyMessage, onRetry, onClearFilters } = props;
  const { t, errorMessage } = useI18n();
  let content;
  if (error !== undefined) {
    content = (
      <div className="table-state table-state--error" role="alert" data-testid="table-error">
        <p>{t("common.loadFailed")}</p>
        <p className="table-state__detail">{errorMessage(error)}</p>
        <button type="button" className="button button--small" onClick={onRetry}>
          {t("common.retry")}
        </button>
      </div>
    );
  } else if (loading && count === 0) {
    content = (
      <div className="table-state" role="status" data-testid="table-loading">
        <span className="spinner" aria-hidden="true" />
        {t("common.loading")}
      </div>
    );
  } else if (count === 0) {
    content = (
      <div className="table-state" data-testid="table-empty">
        <p>{filtered ? t("common.noMatches") : emptyMessage}</p>
        {filtered && onClearFilters && (
          <button type="button" className="button button--small" onClick={onClearFilters}>
            {t("common.clearFilters")}
          </button>
        )}
      </div>
    );
  } else {
    return null;
  }
  return (
    <tr>
      <td colSpan={colSpan}>{content}</td>
    </tr>
  );
}
