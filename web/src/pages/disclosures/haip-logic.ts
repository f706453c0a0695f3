import { ApiError } from "../../api/client.ts";
import type { DiffChange, HaipDiff, HaipReportSummary, ReportStatus } from "../../api/disclosures.ts";

/**
 * The reporting year a day falls in: the fiscal year (年度) named by the calendar year it starts
 * in, as the server names reports (with an April start, 2027-02-10 is in 2026).
 */
export function fiscalYearOf(day: string, startMonth: number): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= startMonth ? year : year - 1;
}

/** Years offered when starting a report: a few before the current one and the next, newest first. */
export function yearChoices(current: number): number[] {
  return [current + 1, current, current - 1, current - 2, current - 3];
}

/** Whether the year already has a report (the server would refuse a second with `report_exists`). */
export function reportFor(reports: readonly Pick<HaipReportSummary, "id" | "year">[], year: number): string | undefined {
  return reports.find((r) => r.year === year)?.id;
}

/** What may be done with a report in its state, besides reading it. */
export function reportActions(status: ReportStatus, can: { edit: boolean; publish: boolean }) {
  return {
    editAnswers: can.edit && status !== "in_review",
    submit: can.edit && status !== "in_review",
    withdrawSubmission: can.edit && status === "in_review",
    publish: can.publish && status === "approved",
  };
}

/** The diff's questions in the order a reader wants them: what changed first, then what was added or removed, the unchanged last. */
export function diffRows(diff: Pick<HaipDiff, "questions">, show: "changes" | "all"): HaipDiff["questions"] {
  const order: Record<DiffChange, number> = { changed: 0, added: 1, removed: 2, unchanged: 3 };
  return diff.questions
    .map((q, i) => ({ q, i }))
    .filter(({ q }) => show === "all" || q.change !== "unchanged")
    .sort((a, b) => order[a.q.change] - order[b.q.change] || a.i - b.i)
    .map(({ q }) => q);
}

/**
 * Whether an action failed because the report changed meanwhile (a colleague saved an answer): the
 * page reads the report again, so a second try carries its current version.
 */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === "conflict";
}

/** Runs a report action; when the report changed meanwhile, has the page read it again, then fails as before. */
export async function refreshingOnStale<T>(action: () => Promise<T>, onStale: () => void): Promise<T> {
  try {
    return await action();
  } catch (err) {
    if (isStale(err)) onStale();
    throw err;
  }
}

/** The problems a refused questionnaire file came back with (`questionnaire_invalid` details), each naming its place in the file. */
export function questionnaireProblems(error: unknown): { field: string; message: string }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.filter((d): d is { field: string; message: string } => typeof d?.field === "string" && typeof d?.message === "string");
}
