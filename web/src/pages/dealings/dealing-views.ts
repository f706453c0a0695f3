import type { ConfidentialMark, ConfidentialReason, Names } from "../../api/oversight.ts";

/**
 * What an authority sent, as an entry of the register of dealings carries it (`body`, the signed
 * payload): a request for information (`musubi-rfi/1`), an advisory (`musubi-advisory/1`) or a
 * publication notice (`musubi-publication-notice/1`), read defensively — it comes from another
 * party, so a missing part is shown as not stated rather than breaking the page.
 */

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strOrNull = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const names = (v: unknown): Names => ({ ja: str(obj(v).ja), en: str(obj(v).en) });

export interface RfiQuestion {
  id: string;
  text: Names;
}

export interface RfiView {
  body: Names;
  questions: RfiQuestion[];
  deadline: string | null;
}

export function rfiOf(body: Obj): RfiView {
  const questions = Array.isArray(body.questions) ? body.questions.map(obj) : [];
  return {
    body: names(body.body),
    questions: questions.map((q, i) => ({ id: str(q.id) || `q${i + 1}`, text: { ja: str(q.ja), en: str(q.en) } })),
    deadline: strOrNull(body.deadline),
  };
}

export interface AdvisoryBodyView {
  body: Names;
  /** Whether it carries a library update (its preview is read from the API). */
  libraryUpdate: boolean;
}

export function advisoryOf(body: Obj): AdvisoryBodyView {
  return { body: names(body.body), libraryUpdate: typeof body.libraryUpdate === "object" && body.libraryUpdate !== null };
}

export const NOTICE_STAGES = ["notice", "published", "withdrawn"] as const;
export type NoticeStage = (typeof NOTICE_STAGES)[number];

export interface NoticeView {
  /** `notice` before publication; `published` or `withdrawn` once the authority told the organisation so. */
  stage: NoticeStage;
  body: Names;
  responseDue: string | null;
  /** Why the authority withdrew it. */
  reason: string | null;
}

export function noticeOf(body: Obj): NoticeView {
  const stage = (NOTICE_STAGES as readonly string[]).includes(str(body.stage)) ? (str(body.stage) as NoticeStage) : "notice";
  return { stage, body: names(body.body), responseDue: strOrNull(body.responseDue), reason: strOrNull(body.reason) };
}

/** One answer as the form holds it: the text, and why it is confidential ("" when it is not). */
export interface AnswerDraft {
  answer: string;
  confidential: ConfidentialReason | "";
}

/**
 * The answers as the API takes them: one per question, in the request's order, and a
 * confidentiality mark for each answer marked (an empty answer has nothing to keep confidential) —
 * `/answers/<index>/answer`, the index of the question in the request (the answer document keeps
 * the request's order). `markedQuestions` gives each mark's question, to show an error at it.
 */
export function answerInput(
  questions: readonly RfiQuestion[],
  drafts: Readonly<Record<string, AnswerDraft>>,
): { answers: { questionId: string; answer: string }[]; confidential: ConfidentialMark[]; markedQuestions: number[] } {
  const answers = questions.map((q) => ({ questionId: q.id, answer: (drafts[q.id]?.answer ?? "").trim() }));
  const marked = questions.flatMap((q, i) => {
    const reason = drafts[q.id]?.confidential;
    return reason && answers[i]!.answer ? [{ index: i, mark: { pointer: `/answers/${i}/answer`, reason } }] : [];
  });
  return { answers, confidential: marked.map((m) => m.mark), markedQuestions: marked.map((m) => m.index) };
}

/** Whether a deadline (YYYY-MM-DD) has passed on `today` while the entry is still open. */
export function isOverdue(deadline: string | null, status: string, today: string): boolean {
  return deadline !== null && status === "open" && deadline < today;
}
