import { ApiError } from "../api/client.ts";

/**
 * The per-field messages of a `validation_failed` answer, keyed by body field name
 * (`body.email` → `email`, `body.settings.timezone` → `settings.timezone`), so each form shows them next to its inputs.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.fieldIssues) {
    const match = /^body\.(.+)$/.exec(issue.field);
    const name = match?.[1];
    if (name && !(name in out)) out[name] = issue.message;
  }
  return out;
}

/**
 * The message for one form field, or the first for any of its items (`systemIds` shows
 * `systemIds.2`'s, `approvalPlan` shows `approvalPlan.0.1`'s), for lists whose errors name the item.
 */
export function errorFor(errors: Record<string, string>, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key === undefined ? undefined : errors[key];
}

/** Whether any field error belongs to none of `fields` (a form shows those in a notice at the top). */
export function hasFieldErrorOutside(errors: Record<string, string>, fields: readonly string[]): boolean {
  return Object.keys(errors).some((k) => !fields.some((f) => k === f || k.startsWith(`${f}.`)));
}
