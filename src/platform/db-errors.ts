import { AppError } from "./errors.ts";
import { fieldText } from "./http/field-messages.ts";

interface DriverError {
  code?: unknown;
  message?: unknown;
  /** PostgreSQL: e.g. `Key (owner_id)=(usr_x) is not present in table "users".` */
  detail?: unknown;
  /** SQLite: the statement that failed, as Kysely names it (`DeleteQueryNode`…); set by our dialect. */
  statementKind?: unknown;
}

/** `owner_id` → `body.ownerId`: the request field a column is written from, by the API's naming. */
function fieldOfColumn(detail: unknown): string {
  const column = typeof detail === "string" ? /^Key \((\w+)\)=/.exec(detail)?.[1] : undefined;
  return column ? `body.${column.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase())}` : "body";
}

/**
 * Translates a database's refusal that a request caused into the API's answer, instead of a 500.
 * The services check first; this is the net for what slips past them (a race, or a check missed):
 * - a duplicate (two people creating the same e-mail or code at the same instant): 409 `conflict`.
 *   PostgreSQL 23505; SQLite SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY.
 * - a reference to a record that does not exist: 400 `validation_failed`, naming the field when the
 *   database says which column (PostgreSQL does, in `detail`; SQLite does not, so the field is
 *   `body`). PostgreSQL 23503 on insert or update; SQLite SQLITE_CONSTRAINT_FOREIGNKEY.
 * - deleting a record others still refer to: 409 `in_use`. PostgreSQL 23503 "update or delete on
 *   table"; SQLite's foreign-key failure on a DELETE (src/db/sqlite-dialect.ts names the statement).
 * - a value the column cannot hold: text with a NUL character (PostgreSQL 22021, and 22P05 in JSON)
 *   or a number past the column's range (22003): 400 `validation_failed`.
 */
export function fromDatabaseError(err: unknown): AppError | undefined {
  const e = (err ?? {}) as DriverError;
  const code = e.code;
  if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    return new AppError(409, "conflict", { reason: "duplicate" });
  }
  if (code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY") {
    const deleting = code === "23503" ? /^update or delete on table/.test(String(e.message)) : e.statementKind === "DeleteQueryNode";
    if (deleting) return new AppError(409, "in_use", { reason: "referenced" });
    const field = code === "23503" ? fieldOfColumn(e.detail) : "body";
    return new AppError(400, "validation_failed", [{ field, code: "invalid_reference", message: fieldText("no_such_record") }]);
  }
  if (code === "22021" || code === "22P05") {
    return new AppError(400, "validation_failed", [{ field: "body", code: "invalid_format", message: fieldText("nul_character") }]);
  }
  if (code === "22003") {
    return new AppError(400, "validation_failed", [{ field: "body", code: "too_big", message: fieldText("number_too_large") }]);
  }
  return undefined;
}
