import type { IntakeSummary, Names } from "../../api/oversight.ts";
import type { MessageKey } from "../../i18n/en.ts";
import type { Params } from "../../i18n/translate.ts";

/**
 * The other documents the queue holds besides incident reports — an organisation's answer to a
 * request for information (`musubi-rfi-answer/1`) and a report from the public
 * (`musubi-harm-report/1`) — read defensively as report-view.ts reads an incident report: a
 * missing or mistyped part shows as not stated rather than breaking the page.
 */

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strOrNull = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const names = (v: unknown): Names => ({ ja: str(obj(v).ja), en: str(obj(v).en) });

export interface RfiAnswerView {
  /** The request answered (RFI-…). */
  reference: string;
  organisation: Names;
  answeredAt: string | null;
  /** In the request's order; `pointer` is where the answer is in the document (what a confidentiality mark names). */
  answers: { question: Names; answer: string; pointer: string }[];
}

export function rfiAnswerViewOf(document: Obj): RfiAnswerView {
  const answers = Array.isArray(document.answers) ? document.answers.map(obj) : [];
  return {
    reference: str(document.reference),
    organisation: names(document.organisation),
    answeredAt: strOrNull(document.answeredAt),
    answers: answers.map((a, i) => ({ question: names(a.question), answer: str(a.answer), pointer: `/answers/${i}/answer` })),
  };
}

export interface HarmReportView {
  /** The reference the person was given (R-…). */
  reference: string;
  description: string;
  service: string;
  provider: string;
  /** When it happened as the person said it: YYYY-MM or YYYY-MM-DD, or null. */
  when: string | null;
  harmTypes: string[];
  rights: string[];
  /** How to reach the person: personal data, always marked confidential. */
  contact: string | null;
}

export function harmReportViewOf(document: Obj): HarmReportView {
  return {
    reference: str(document.reference),
    description: str(document.description),
    service: str(document.service),
    provider: str(document.provider),
    when: strOrNull(document.when),
    harmTypes: strings(document.harmTypes),
    rights: strings(document.rights),
    contact: strOrNull(document.contact),
  };
}

/** The request an answer in the queue answers: the server files it under `rfi-<reference>`. */
export function answeredRequest(item: Pick<IntakeSummary, "kind" | "subjectRef">): string | undefined {
  if (item.kind !== "rfi-answer" || !item.subjectRef) return undefined;
  const m = /^rfi-([A-Z]{2,5}-\d{6})$/.exec(item.subjectRef);
  return m?.[1];
}

/** The sender's own reference as people read it: an answer's request code rather than the server's `rfi-` key. */
export function senderReference(item: Pick<IntakeSummary, "kind" | "subjectRef">): string | null {
  return answeredRequest(item) ?? item.subjectRef;
}

/** A date the person gave as YYYY-MM or YYYY-MM-DD, split for formatting; null when it is neither. */
export function partialDate(text: string): { year: number; month: number; day: number | null } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$/.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: m[3] ? Number(m[3]) : null };
}

/**
 * A submission's headline as the queue and its page show it: an answer to a request is named by
 * the request ("Answer to request RFI-000001"), since the server's headline joins the sender's
 * names in both languages; every other keeps the headline its sender gave it.
 */
export function intakeHeadline(item: Pick<IntakeSummary, "kind" | "subjectRef" | "headline">, t: (key: MessageKey, params?: Params) => string): string {
  const reference = answeredRequest(item);
  return reference ? t("oversight.rfiAnswer.headline", { reference }) : item.headline;
}
