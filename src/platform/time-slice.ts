/**
 * Cooperative time slicing for long work on the main thread (imports of 100,000 rows, bulk
 * writes). Work calls `pause()` often; it returns at once until `budgetMs` has passed since the
 * last yield, then lets the event loop run (other requests, timers, progress polls) before going
 * on. Slicing by time rather than by a fixed number of items keeps every stall short whatever one
 * item costs, on a fast or a busy machine alike.
 */
export interface TimeSlicer {
  pause(): Promise<void>;
}

/** 20 ms: well under the 100 ms a server may stall, and few enough yields not to slow the work. */
export const DEFAULT_SLICE_MS = 20;

export function timeSlicer(budgetMs = DEFAULT_SLICE_MS): TimeSlicer {
  let since = performance.now();
  return {
    async pause() {
      if (performance.now() - since < budgetMs) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    },
  };
}
