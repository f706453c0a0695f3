import { existsSync } from "node:fs";
import { AppError } from "../../platform/errors.ts";
import type { ImportContext } from "./import.validate.ts";

/** The shared test corpora (AIID snapshot, CycloneDX examples); CI has them, a laptop may not. */
export const CORPUS = process.env.MUSUBI_TEST_CORPORA ?? "/work/shared/data/test-corpora";

/** Whether the corpus is present; prints why the tests that need it are skipped when it is not. */
export function hasCorpus(what: string): boolean {
  if (existsSync(CORPUS)) return true;
  console.warn(`Skipping ${what}: test corpus not found at ${CORPUS} (set MUSUBI_TEST_CORPORA).`);
  return false;
}

/** An organisation with two users and a few departments; nothing else exists yet. */
export function testContext(overrides: Partial<ImportContext> = {}): ImportContext {
  return {
    userIdByEmail: new Map([
      ["sato@example.jp", "usr_sato"],
      ["suzuki@example.jp", "usr_suzuki"],
      ["tanaka@example.jp", "usr_tanaka"],
    ]),
    departmentIdByCode: new Map([
      ["SALES", "dep_sales"],
      ["CS", "dep_cs"],
      ["HR", "dep_hr"],
      ["FIN", "dep_fin"],
      ["IT", "dep_it"],
    ]),
    existingCodes: new Set(),
    checkProfile: () => [],
    ...overrides,
  };
}

/** Runs `fn` and returns the AppError it throws, failing when it throws nothing or something else. */
export async function appErrorOf(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError, but nothing was thrown");
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
