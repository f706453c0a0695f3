import { useCallback, useEffect, useState } from "react";

export interface Resource<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload(): void;
  /** Changes the loaded value in place (e.g. one edited row) without fetching again. */
  update(change: (current: T | undefined) => T | undefined): void;
}

/**
 * Loads one thing whenever `key` changes, cancelling the request it supersedes. `load` may be a
 * fresh closure on each render: only `key` decides when to fetch again.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Resource<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    load(controller.signal)
      .then((result) => {
        setData(result);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      });
    return () => controller.abort();
    // `key` stands for everything `load` depends on.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const update = useCallback((change: (current: T | undefined) => T | undefined) => setData(change), []);
  return { data, loading, error, reload, update };
}
