import { createHash } from "node:crypto";
import { hash, verify, type Algorithm } from "@node-rs/argon2";

const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id; a const enum, so it cannot be imported as a value

/** SHA-256 hex, for high-entropy secrets (session cookies, API tokens) that need no slow hash. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export { MIN_PASSWORD_LENGTH } from "./password-policy.ts";

/** argon2id with the OWASP-recommended memory cost (19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A real argon2id hash of a random string: verified against when the account does not exist,
 * so "no such user" takes as long as "wrong password" and the timing reveals nothing.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-user-${Math.random()}`);
  return dummyHash;
}

export const SESSION_COOKIE = "musubi_session";
/**
 * A cookie the page can read that says "this browser holds a session", holding no secret. The
 * sign-in page asks for the session only when it is there, so an anonymous visit makes no request
 * that must fail (a 401 every visit would fill the console and hide real failures).
 */
export const SIGNED_IN_HINT_COOKIE = "musubi_signed_in";
export const TOKEN_PREFIX = "msb_";
