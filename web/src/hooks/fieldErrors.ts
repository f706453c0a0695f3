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
