import { ApiError } from "../../api/client.ts";
import type { HaipAnswer, Words } from "../../api/disclosures.ts";

/**
 * What one answer's editor holds: the text typed, the text and version it started from. The base
 * version goes with the save, so a colleague's save in between is a 409, never overwritten.
 */
export interface AnswerDraft {
  ja: string;
  en: string;
  base: Words;
  version: number;
}

/** A fresh draft of the answer as the server holds it. */
export function draftOf(answer: Pick<HaipAnswer, "answer" | "version">): AnswerDraft {
  return { ja: answer.answer.ja, en: answer.answer.en, base: { ...answer.answer }, version: answer.version };
}

/** Whether the text typed differs from the text the draft started from. */
export function isDirty(draft: AnswerDraft): boolean {
  return draft.ja !== draft.base.ja || draft.en !== draft.base.en;
}

/**
 * The draft after the report was read again: an untouched draft follows the server (a colleague's
 * save, a new draft from data); one being edited keeps its text and its base version, so saving it
 * over a change made meanwhile is refused and shown instead.
 */
export function syncDraft(draft: AnswerDraft, answer: Pick<HaipAnswer, "answer" | "version">): AnswerDraft {
  if (isDirty(draft)) return draft;
  if (draft.version === answer.version && draft.base.ja === answer.answer.ja && draft.base.en === answer.answer.en) return draft;
  return draftOf(answer);
}

/** A colleague's save that came first: the answer as it now stands and its version. */
export interface AnswerConflict {
  version: number;
  answer: Words;
  editedAt: string | null;
}

/** The colleague's answer from a 409 `conflict` of an answer's save; undefined for any other error. */
export function conflictOf(error: unknown): AnswerConflict | undefined {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== "conflict") return undefined;
  const d = error.details as { version?: unknown; answer?: { ja?: unknown; en?: unknown }; editedAt?: unknown } | null | undefined;
  if (!d || typeof d.version !== "number" || !d.answer || typeof d.answer.ja !== "string" || typeof d.answer.en !== "string") return undefined;
  return { version: d.version, answer: { ja: d.answer.ja, en: d.answer.en }, editedAt: typeof d.editedAt === "string" ? d.editedAt : null };
}

/** Takes the colleague's text in place of one's own (after reading both). */
export function adoptTheirs(conflict: AnswerConflict): AnswerDraft {
  return { ja: conflict.answer.ja, en: conflict.answer.en, base: { ...conflict.answer }, version: conflict.version };
}

/** Keeps one's own text, now knowingly based on the colleague's version: the next save replaces theirs. */
export function keepMine(draft: AnswerDraft, conflict: AnswerConflict): AnswerDraft {
  return { ...draft, base: { ...conflict.answer }, version: conflict.version };
}
