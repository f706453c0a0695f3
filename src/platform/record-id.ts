import { z } from "zod";

/**
 * The id of a record a request refers to: an owner, an assignee, a system, a department, a control.
 * Never empty: an optional reference is cleared with `null` (or left out), so `""` is refused as a
 * validation error naming its field instead of reaching the database as an id that matches nothing.
 */
export const recordId = z
  .string()
  .min(1)
  .max(64)
  .meta({ description: "Id of a record in the caller's organisation. Never empty: where the field is nullable, send null to clear it." });
