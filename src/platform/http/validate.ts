import { z } from "zod";
import { AppError } from "../errors.ts";
import type { Locale } from "../i18n.ts";

const LOCALE_ERRORS = { ja: z.locales.ja().localeError, en: z.locales.en().localeError };

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `body.email`; `body` alone for the whole body. */
  field: string;
  code: string;
  message: string;
}

/** Parses `input` or throws a 400 whose details name each bad field, in the caller's language. */
export function validate<T>(schema: z.ZodType<T>, input: unknown, where: "params" | "query" | "body", locale: Locale): T {
  const result = schema.safeParse(input, { error: LOCALE_ERRORS[locale] });
  if (result.success) return result.data;
  const details: FieldIssue[] = result.error.issues.map((issue) => {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const path = [where, ...issue.path.map(String)];
    return {
      field: keys.length === 1 ? [...path, keys[0]].join(".") : path.join("."),
      code: issue.code,
      message: issue.message,
    };
  });
  throw new AppError(400, "validation_failed", details);
}
