import { request, withSignal } from "../../../api/client.ts";
import type { AssessmentView } from "../../../api/systems.ts";

/** The server's `GET /api/assessments/:id/sign-off-check`: what a sign-off waits for. */
export interface SignOffCheck {
  open: number;
  /** The organisation's segregation-of-duties rule for sign-offs. */
  segregationOfDuties: boolean;
  /** The last answerers of its rows: under the rule, none of them may sign off. */
  barred: { id: string; displayName: string }[];
}

export const fetchSignOffCheck = (id: string, signal?: AbortSignal) =>
  request<SignOffCheck>("GET", `/api/assessments/${encodeURIComponent(id)}/sign-off-check`, withSignal(signal));

/** Why the signed-in person cannot sign off now; empty when they can. */
export type SignOffBlock = { kind: "open"; count: number } | { kind: "answered" };

/**
 * The same rules the server enforces, read from its answers so the button is disabled, with the
 * reason, before anyone tries: rows still open (from the assessment's counts, always loaded), and
 * — under segregation of duties — having last answered a row (from the check, once it has loaded).
 */
export function signOffBlocks(a: Pick<AssessmentView, "counts">, check: SignOffCheck | undefined, userId: string): SignOffBlock[] {
  const blocks: SignOffBlock[] = [];
  const open = (a.counts.not_started ?? 0) + (a.counts.in_progress ?? 0);
  if (open > 0) blocks.push({ kind: "open", count: open });
  if (check?.segregationOfDuties && check.barred.some((u) => u.id === userId)) blocks.push({ kind: "answered" });
  return blocks;
}
