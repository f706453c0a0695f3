import { createHash } from "node:crypto";
import type { Text } from "../library/library.schema.ts";

/** The OSCAL version every export declares and is tested against (the official 1.2.1 schemas). */
export const OSCAL_VERSION = "1.2.1";

/**
 * Musubi's namespace for the props and parts OSCAL has no word for (the other language of a text,
 * whose words a text is, Musubi's own node ids and types). OSCAL tools that do not know it ignore
 * it; docs/oscal.md lists every name used in it.
 */
export const MUSUBI_NS = "https://musubi.example/ns/oscal";

/** RFC 4122 URL namespace: the root the Musubi namespace UUID is derived from. */
const URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ""), "hex");
}

/** An RFC 4122 version 5 (SHA-1, name-based) UUID of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash("sha1").update(uuidBytes(namespace)).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const MUSUBI_UUID_NS = uuidV5(MUSUBI_NS, URL_NAMESPACE);

/**
 * A UUID derived from stable Musubi identifiers, so the same data always exports to the same
 * document: `stableUuid("catalog", "eu-ai-act", "2026-07-27", digest)`.
 */
export function stableUuid(...parts: string[]): string {
  return uuidV5(parts.join("\u001f"), MUSUBI_UUID_NS);
}

/** First 16 hex digits of the SHA-256 of a value's JSON: a document UUID changes when its content does. */
export function contentDigest(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);
}

const TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;

/** An OSCAL token (XML NCName) for an id: unchanged when it is one, else with the offending characters replaced. */
export function toToken(id: string): string {
  if (TOKEN.test(id)) return id;
  const body = id.replace(/[^\p{L}\p{N}._-]/gu, "_");
  return /^(\p{L}|_)/u.test(body) ? body : `_${body}`;
}

export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/**
 * Text for a one-line OSCAL field (a title, a prop value): line breaks become spaces and the ends
 * are trimmed, as the OSCAL string types forbid both. Inner spaces, full-width ones included, stay.
 */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").trim();
}

/**
 * Plain text as OSCAL markup (CommonMark): characters Markdown would read as formatting are
 * backslash-escaped, so a tool renders exactly the words of the source. Line breaks are kept.
 */
export function toMarkup(text: string): string {
  return text
    .replace(/[\\`*_[\]<>]/g, "\\$&")
    .replace(/\{\{/g, "\\{\\{")
    .replace(/^(\s*)([#+-])(?=\s)/gm, "$1\\$2")
    .replace(/^(\s*)(\d+)([.)])(?=\s)/gm, "$1$2\\$3");
}

/** Markup back to plain text: CommonMark backslash escapes of ASCII punctuation are undone. */
export function fromMarkup(markup: string): string {
  return markup.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

export type Lang = "ja" | "en";
export const LANGS: readonly Lang[] = ["ja", "en"];
export const otherLang = (lang: Lang): Lang => (lang === "ja" ? "en" : "ja");

/** The text in `lang`, else in the other language; undefined when the value is absent. */
export function pick(text: Text | undefined, lang: Lang): string | undefined {
  return text?.[lang] ?? text?.[otherLang(lang)];
}

/** A bilingual text in one line for fields OSCAL keeps monolingual: "日本語 / English" (or whichever exists). */
export function bothLanguages(text: Text): string {
  return [text.ja, text.en].filter((t): t is string => t !== undefined).join(" / ");
}

export interface OscalProp {
  name: string;
  value: string;
  ns?: string;
  class?: string;
  remarks?: string;
}

/** A prop in Musubi's namespace; none when the value is empty after trimming (OSCAL forbids empty values). */
export function musubiProp(name: string, value: string | undefined, cls?: string): OscalProp[] {
  const v = value === undefined ? "" : oneLine(value);
  if (!v) return [];
  return [{ name, ns: MUSUBI_NS, value: v, ...(cls ? { class: cls } : {}) }];
}

/** A prop in OSCAL's own namespace (e.g. `label`, `status`). */
export function oscalProp(name: string, value: string | undefined): OscalProp[] {
  const v = value === undefined ? "" : oneLine(value);
  return v ? [{ name, value: v }] : [];
}

/** One `name` prop per language the text has, the language as the prop's class. */
export function bilingualProps(name: string, text: Text | undefined): OscalProp[] {
  return LANGS.flatMap((lang) => musubiProp(name, text?.[lang], lang));
}

/** A date (YYYY-MM-DD) as an OSCAL date-time: midnight in Japan, the time zone the library's dates are kept in. */
export function dateTimeOf(date: string): string {
  return `${date}T00:00:00+09:00`;
}

/** Drops undefined and empty-array members so optional OSCAL fields are absent rather than empty. */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}
