import { useEffect, useState } from "react";
import { incidentsApi, type SimilarIncidents } from "../../api/incidents.ts";
import { useDebounced } from "../../hooks/usePagedList.ts";

export interface SimilarState {
  result: SimilarIncidents | undefined;
  loading: boolean;
  error: unknown;
}

/**
 * Similar past incidents for a text, asked for once typing has paused `delay` ms; a newer text
 * cancels the request for an older one. No text (too short): nothing is asked.
 */
export function useSimilar(text: string | undefined, categories: readonly string[], exclude: string | undefined, delay: number): SimilarState {
  const key = text === undefined ? "" : JSON.stringify([text, [...categories].sort(), exclude ?? ""]);
  const settled = useDebounced(key, delay);
  const [state, setState] = useState<SimilarState>({ result: undefined, loading: false, error: undefined });
  useEffect(() => {
    if (!settled) {
      setState({ result: undefined, loading: false, error: undefined });
      return;
    }
    const [t, cats, ex] = JSON.parse(settled) as [string, string[], string];
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    incidentsApi
      .similar({ text: t, categories: cats, ...(ex && { exclude: ex }), limit: 5 }, controller.signal)
      .then((result) => setState({ result, loading: false, error: undefined }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ result: undefined, loading: false, error });
      });
    return () => controller.abort();
  }, [settled]);
  return state;
}
