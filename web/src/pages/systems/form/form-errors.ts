import { ApiError } from "../../../api/client.ts";
import { fieldErrors } from "../../../hooks/fieldErrors.ts";
import type { I18n } from "../../../i18n/I18nProvider.tsx";

/** Fields a person must fill: an empty one reads "enter …" rather than the validator's wording. */
const REQUIRED = new Set(["nameJa", "nameEn", "models.name", "datasets.name", "components.name"]);

/**
 * The system form's messages by field (`nameJa`, `models.0.name`): the server's, except that a
 * required field left blank says so plainly, and a taken code is shown at the code.
 */
export function systemFormErrors(error: unknown, i18n: Pick<I18n, "t" | "errorMessage">): Record<string, string> {
  const out = fieldErrors(error);
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.fieldIssues) {
    const field = issue.field.replace(/^body\./, "");
    if (issue.code === "too_small" && REQUIRED.has(field.replace(/\.\d+\./, "."))) out[field] = i18n.t("systems.form.required");
  }
  if (error.code === "code_taken") out.code = i18n.errorMessage(error);
  return out;
}
