import { useEffect, useState } from "react";
import { assessmentItemsApi } from "../../api/compliance.ts";

/**
 * How many assessment rows (across all systems) cite these requirements: what mapping a control to
 * them would speak for. One small count request per requirement not asked about before; undefined
 * until every count is in.
 */
export function useRowCounts(urns: readonly string[]): number | undefined {
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  const key = [...urns].sort().join("\n");

  useEffect(() => {
    const missing = urns.filter((u) => !counts.has(u));
    if (missing.length === 0) return;
    const controller = new AbortController();
    Promise.all(
      missing.map((urn) =>
        assessmentItemsApi
          .list({ urn, limit: 1 }, controller.signal)
          .then((page) => [urn, page.total] as const)
          // A count that cannot be read (no permission, server down) counts as none rather than blocking the total.
          .catch(() => [urn, 0] as const),
      ),
    ).then((found) => {
      if (!controller.signal.aborted) setCounts((prev) => new Map([...prev, ...found]));
    });
    return () => controller.abort();
    // `key` stands for `urns`.
  }, [key]);

  let total = 0;
  for (const urn of urns) {
    const n = counts.get(urn);
    if (n === undefined) return undefined;
    total += n;
  }
  return total;
}
