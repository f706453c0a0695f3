import { createHash } from "node:crypto";
import { AppError } from "../platform/errors.ts";
import { MAX_PAYLOAD_DEPTH } from "./exchange.schema.ts";

/**
 * The JSON Canonicalization Scheme (RFC 8785) of a value parsed from JSON: object members sorted by
 * their names' UTF-16 code units, no whitespace, strings and numbers written as ECMAScript's
 * `JSON.stringify` writes them (which is what RFC 8785 specifies). The payload hash is taken over
 * this text, so "the same payload" means the same JSON content whatever the key order or spacing
 * of the bytes that carried it — and any other implementation of RFC 8785 gets the same hash.
 *
 * Refuses (as `exchange_malformed`) what JSON cannot hold and nesting deeper than
 * {@link MAX_PAYLOAD_DEPTH}, so a hostile payload cannot exhaust the stack.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

function write(value: unknown, depth: number): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw malformed("payload.number");
      return JSON.stringify(value);
    case "object": {
      if (depth >= MAX_PAYLOAD_DEPTH) throw malformed("payload.depth");
      if (Array.isArray(value)) return `[${value.map((v) => write(v, depth + 1)).join(",")}]`;
      const obj = value as Record<string, unknown>;
      const names = Object.keys(obj).sort();
      return `{${names.map((k) => `${JSON.stringify(k)}:${write(obj[k], depth + 1)}`).join(",")}}`;
    }
    default:
      throw malformed("payload.value");
  }
}

/** Lower-case hex SHA-256 of the payload's canonical JSON: the `payloadSha256` claim. */
export function payloadSha256(payload: unknown): string {
  return createHash("sha256").update(canonicalJson(payload), "utf8").digest("hex");
}

/** The error for a message or payload that is not in the exchange format; `reason` names the part. */
export function malformed(reason: string): AppError {
  return new AppError(400, "exchange_malformed", { reason });
}
