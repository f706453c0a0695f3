import { useEffect, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { applicabilityApi } from "../../api/endpoints.ts";
import type { ApplicabilityReport } from "../../api/types.ts";
import { useDebounced } from "../../hooks/usePagedList.ts";
import type { ProfileDraft } from "./profile.ts";
import { profileIssues } from "./profile.ts";

export interface Evaluation {
  /** The last report the server gave; kept while a refused or failed profile is being corrected. */
  report: ApplicabilityReport | undefined;
  /** The draft (as JSON) that `report` answers. */
  reportKey: string | undefined;
  /** Messages of a refused profile, by question id, and those that name no question. */
  issues: { byFact: Record<string, string[]>; other: string[] };
  /** A failure other than a refused profile (network, server). */
  error: unknown;
  /** True while typing has not settled or a request is out: the shown report may be about to change. */
  pending: boolean;
  retry(): void;
}

const NO_ISSUES = { byFact: {}, other: [] };

/** The draft's key: equal drafts evaluate once. */
export const draftKey = (draft: ProfileDraft) => JSON.stringify({ facts: draft.facts, asOf: draft.asOf });

/**
 * Re-evaluates the profile ~300 ms after the last change, cancelling the request a newer change
 * supersedes, so an older answer never replaces a newer one.
 */
export function useEvaluation(draft: ProfileDraft): Evaluation {
  const key = draftKey(draft);
  const settled = useDebounced(key, 300);
  const [report, setReport] = useState<ApplicabilityReport>();
  const [reportKey, setReportKey] = useState<string>();
  const [issues, setIssues] = useState<Evaluation["issues"]>(NO_ISSUES);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const { facts, asOf } = JSON.parse(settled) as ProfileDraft;
    setLoading(true);
    applicabilityApi
      .evaluate(facts, asOf || undefined, controller.signal)
      .then((result) => {
        setReport(result);
        setReportKey(settled);
        setIssues(NO_ISSUES);
        setError(undefined);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        if (err instanceof ApiError && err.code === "invalid_profile") {
          setIssues(profileIssues(err));
          setError(undefined);
        } else {
          setIssues(NO_ISSUES);
          setError(err);
        }
        setLoading(false);
      });
    return () => controller.abort();
  }, [settled, generation]);

  return {
    report,
    reportKey,
    issues,
    error,
    pending: loading || settled !== key,
    retry: () => setGeneration((g) => g + 1),
  };
}
