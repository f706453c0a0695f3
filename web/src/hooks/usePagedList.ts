import { useCallback, useEffect, useState } from "react";
import type { Page } from "../api/types.ts";

export interface PagedList<T> {
  page: Page<T> | undefined;
  loading: boolean;
  error: unknown;
  reload(): void;
  /** Replaces one row in place (after an edit or a 409 that returned the current record). */
  replaceItem(match: (item: T) => boolean, next: T): void;
}

/**
 * Fetches a page whenever `params` change (compared by value), cancelling the request it
 * supersedes, so a fast typist never sees an older answer overwrite a newer one.
 */
export function usePagedList<T, P extends object>(
  fetchPage: (params: P, signal: AbortSignal) => Promise<Page<T>>,
  params: P,
): PagedList<T> {
  const key = JSON.stringify(params);
  const [page, setPage] = useState<Page<T>>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    fetchPage(JSON.parse(key) as P, controller.signal)
      .then((result) => {
        setPage(result);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      });
    return () => controller.abort();
    // fetchPage is a stable module function; `key` stands for params.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replaceItem = useCallback((match: (item: T) => boolean, next: T) => {
    setPage((p) => (p ? { ...p, items: p.items.map((item) => (match(item) ? next : item)) } : p));
  }, []);

  return { page, loading, error, reload, replaceItem };
}

/** `value`, once it has stopped changing for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
