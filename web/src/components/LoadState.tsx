import { ApiError } from "../api/client.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorPage } from "../pages/errors/ErrorPage.tsx";

interface LoadStateProps {
  loading: boolean;
  error: unknown;
  onRetry(): void;
  /** Show a 404 as the "page not found" page (a mistyped framework or node address). */
  notFoundPage?: boolean;
}

/** What a page shows until its data has arrived: a spinner, or the error with a retry. */
export function LoadState({ loading, error, onRetry, notFoundPage }: LoadStateProps) {
  const { t, errorMessage } = useI18n();
  if (error !== undefined) {
    if (notFoundPage && error instanceof ApiError && error.status === 404) return <ErrorPage kind="notFound" />;
    return (
      <div className="table-state table-state--error" role="alert" data-testid="load-error">
        <p>{t("common.loadFailed")}</p>
        <p className="table-state__detail">{errorMessage(error)}</p>
        <button type="button" className="button button--small" onClick={onRetry}>
          {t("common.retry")}
        </button>
      </div>
    );
  }
  if (loading) {
    return (
      <div className="table-state" role="status" data-testid="load-spinner">
        <span className="spinner" aria-hidden="true" />
        {t("common.loading")}
      </div>
    );
  }
  return null;
}

/** A record's page until the record has arrived: the spinner, the error, or "page not found" for a 404. */
export function RecordLoadState({ resource, testId }: { resource: { loading: boolean; error: unknown; reload(): void }; testId: string }) {
  return (
    <div data-testid={testId}>
      <LoadState loading={resource.loading} error={resource.error} onRetry={resource.reload} notFoundPage />
    </div>
  );
}
