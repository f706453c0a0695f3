import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

/**
 * A prefixed, time-ordered id such as `usr_01jd…`: the prefix tells a reader what the id names,
 * the leading timestamp keeps inserts near the end of indexes.
 */
export function newId(prefix: string): string {
  let time = Date.now();
  let head = "";
  for (let i = 0; i < 10; i++) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(10);
  let tail = "";
  for (const b of bytes) tail += ALPHABET[b % 32];
  return `${prefix}_${head}${tail}`;
}

/** A high-entropy secret for session cookies, CSRF tokens and API tokens. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
