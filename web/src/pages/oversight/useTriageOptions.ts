import { useEffect, useState } from "react";
import { usersApi } from "../../api/endpoints.ts";
import { oversightApi, type CaseSummary, type IntakeSummary } from "../../api/oversight.ts";
import type { UserView } from "../../api/types.ts";

/** The roles a submission may be assigned to: those who triage (src/oversight/triage.service.ts). */
const TRIAGERS = new Set(["admin", "supervisor", "analyst"]);

export interface TriageOptions {
  people: UserView[];
  cases: CaseSummary[];
  /** Other submissions, newest first, to name the one this repeats. */
  submissions: IntakeSummary[];
}

/**
 * What the triage form offers: the authority's active analysts, supervisors and administrators,
 * its 200 most recently changed cases and its 100 newest submissions. A list that cannot be read
 * stays empty; the form still shows the current choice.
 */
export function useTriageOptions(enabled: boolean): TriageOptions {
  const [options, setOptions] = useState<TriageOptions>({ people: [], cases: [], submissions: [] });
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const { signal } = controller;
    void Promise.all([
      usersApi.list({ limit: 200, sort: "displayName", status: "active" }, signal).then((p) => p.items.filter((u) => TRIAGERS.has(u.role)), () => []),
      oversightApi.cases({ limit: 200 }, signal).catch(() => []),
      oversightApi.intake({ limit: 100 }, signal).then((p) => p.items, () => []),
    ]).then(([people, cases, submissions]) => {
      if (!signal.aborted) setOptions({ people, cases, submissions });
    });
    return () => controller.abort();
  }, [enabled]);
  return options;
}
