import type { MessageKey } from "../i18n/en.ts";

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The length the server checks a text's limit against: UTF-16 code units, as zod's `max()` and
 * the browser's `maxLength` count them (an emoji counts two), so the counter and the refusal agree.
 */
export function textLength(value: string): number {
  return value.length;
}

/** What to tell the user when a text is over its limit: the limit, and how many to remove. */
export function lengthMessage(t: T, number: (n: number) => string, max: number, length: number): string {
  return t("field.tooLong", { max: number(max), count: number(length), excess: number(length - max) });
}
