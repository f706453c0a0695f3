import { z } from "zod";
import { AppError } from "../errors.ts";
import type { Locale } from "../i18n.ts";
import { fieldText, wordField, wordIssue } from "./field-messages.ts";

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `body.email`; `body` alone for the whole body. */
  field: string;
  code: string;
  message: string;
}

/**
 * Every string (value or key) in `input` that holds U+0000. No field of the API means to carry one,
 * and PostgreSQL cannot store it in text (nor in the ledger's jsonb), so it is refused here, naming
 * the field, for every route. Iterative, so no nesting depth can overflow the stack.
 */
function nulIssues(input: unknown, where: string, locale: Locale): FieldIssue[] {
  type Step = { value: unknown; key: string; parent: Step | undefined };
  const pathOf = (step: Step, key?: string) => {
    const keys = key === undefined ? [] : [key];
    for (let s: Step | undefined = step; s; s = s.parent) keys.push(s.key);
    return keys.reverse().join(".");
  };
  const out: FieldIssue[] = [];
  const stack: Step[] = [{ value: input, key: where, parent: undefined }];
  while (stack.length) {
    const step = stack.pop()!;
    const { value } = step;
    if (typeof value === "string") {
      if (value.includes("\u0000")) out.push({ field: pathOf(step), code: "invalid_format", message: wordField(fieldText("nul_character"), locale) });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes("\u0000")) out.push({ field: pathOf(step, key), code: "invalid_format", message: wordField(fieldText("nul_character"), locale) });
        else if (typeof child === "string" || (typeof child === "object" && child !== null)) stack.push({ value: child, key, parent: step });
      }
    }
  }
  return out.reverse();
}

/**
 * Parses `input` or throws a 400 whose details name each bad field and say what to do, with the
 * limit, in the caller's language (never zod's own wording: see {@link wordIssue}).
 */
export function validate<T>(schema: z.ZodType<T>, input: unknown, where: "params" | "query" | "body", locale: Locale): T {
  const nul = nulIssues(input, where, locale);
  const result = schema.safeParse(input);
  if (result.success && nul.length === 0) return result.data;
  const issues = result.success ? [] : result.error.issues;
  const details: FieldIssue[] = issues.map((issue) => {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const path = [where, ...issue.path.map(String)];
    return {
      field: keys.length === 1 ? [...path, keys[0]].join(".") : path.join("."),
      code: issue.code,
      message: wordIssue(issue, input, locale),
    };
  });
  throw new AppError(400, "validation_failed", [...nul, ...details]);
}
