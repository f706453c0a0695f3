import { useCallback, useEffect, useState } from "react";
import type { Page } from "../api/types.ts";
import { useResource } from "./useResource.ts";

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
  // fetchPage is a stable module function; `key` stands for params.
  const { data: page, loading, error, reload, update } = useResource((signal) => fetchPage(JSON.parse(key) as P, signal), key);
  const replaceItem = useCallback(
    (match: (item: T) => boolean, next: T) => update((p) => (p ? { ...p, items: p.items.map((item) => (match(item) ? next : item)) } : p)),
    [update],
  );
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
