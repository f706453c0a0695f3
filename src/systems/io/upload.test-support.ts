import { expect } from "vitest";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "../../platform/config.ts";
import { errorBody, type AppError } from "../../platform/errors.ts";
import type { UploadLimit } from "./upload.limits.ts";

/** The defaults with some limits changed, so a test can hit a limit with a small file. */
export const limitsWith = (changes: Partial<ImportLimits>): ImportLimits => ({ ...DEFAULT_IMPORT_LIMITS, ...changes });

/**
 * Asserts a 413 `import_too_large` for `limit` at `max` whose sentences name the limit in English
 * (`en`, e.g. "at most 10 rows") and Japanese (`ja`, e.g. "10行まで"), and whose answer body is
 * translated too.
 */
export function expectTooLarge(err: AppError, limit: UploadLimit, max: number, en: string, ja: string): void {
  expect(err.status).toBe(413);
  expect(err.code).toBe("import_too_large");
  expect(err.details).toMatchObject({ limit, max });
  const { message } = err.details as { message: { en: string; ja: string } };
  expect(message.en).toContain(en);
  expect(message.ja).toContain(ja);
  expect(errorBody(err.code, "en", err.details).error.message).toMatch(/limit/);
  expect(errorBody(err.code, "ja", err.details).error.message).toMatch(/上限/);
}
