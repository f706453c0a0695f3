import { generateKeyPairSync } from "node:crypto";
import { expect } from "vitest";
import type { Db } from "../db/connect.ts";
import { AppError } from "../platform/errors.ts";
import { nowIso } from "../platform/time.ts";
import { kidOf } from "./exchange.jws.ts";

/** Test helpers of the exchange's tests (not shipped behaviour). */

/** Organisations with nothing else: the exchange tables only need them to exist. Returns their ids. */
export async function insertOrgs<S extends string[]>(db: Db, ...slugs: S): Promise<{ [K in keyof S]: string }> {
  const now = nowIso();
  const ids = slugs.map((s) => `org_${s}`) as { [K in keyof S]: string };
  await db.kysely
    .insertInto("organizations")
    .values(slugs.map((s, i) => ({ id: ids[i]!, slug: s, name_ja: s, name_en: s, settings: "{}", created_at: now, updated_at: now, version: 1, frameworks_stamp: null })))
    .execute();
  return ids;
}

/** A fresh Ed25519 key pair with its kid. */
export function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return { publicKey, privateKey, kid: kidOf(publicKey) };
}

/** The AppError a promise is refused with, as status, code and details (fails the test if it resolves). */
export async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string; details: unknown }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const e = err as AppError;
  return { status: e.status, code: e.code, details: e.details };
}
