import type { Library } from "../library/library.model.ts";
import { AppError } from "../platform/errors.ts";
import type { Locale } from "../platform/i18n.ts";
import { evaluateFacts } from "./evaluate.ts";
import { type ApplicabilityReport, presentEvaluation } from "./present.ts";
import { checkProfile } from "./profile.ts";

/**
 * Checks a profile and evaluates it. Bad profiles throw a 422 naming each field; rules that fail to
 * evaluate are returned in `errors` (and the CLI exits non-zero), never read as false.
 */
export function assessProfile(library: Library, facts: Record<string, unknown>, asOf: string, locale: Locale): ApplicabilityReport {
  const checked = checkProfile(library, facts, locale);
  if (checked.issues.length) throw new AppError(422, "invalid_profile", checked.issues);
  return presentEvaluation(library, evaluateFacts(library, checked.facts, asOf), checked, library.digest);
}
