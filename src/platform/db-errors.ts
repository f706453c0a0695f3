import { AppError } from "./errors.ts";

/**
 * Translates a database's refusal that a request caused (two people creating the same e-mail or
 * code at the same instant, past the service's own check) into the API's 409, instead of a 500.
 * PostgreSQL reports SQLSTATE 23505; better-sqlite3 reports SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY.
 */
export function fromDatabaseError(err: unknown): AppError | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    return new AppError(409, "conflict", { reason: "duplicate" });
  }
  return undefined;
}
