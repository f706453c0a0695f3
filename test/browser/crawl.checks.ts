import { z } from "zod";
import type { Locale } from "../../web/src/api/types.ts";
import { en } from "../../web/src/i18n/en.ts";
import { ENGLISH_ALLOWED, IDENTIFIERS_ALLOWED } from "./crawl.allow.ts";

/** What the crawl fails on; the order is the order of the report. */
export const FINDING_KINDS = [
  "internal-id",
  "i18n-key",
  "raw-slug",
  "source-path",
  "validator-text",
  "english-in-japanese",
  "console-error",
  "failed-request",
  "dead-end",
  "stuck-loading",
  "accessibility",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** One offending thing: `detail` is what is wrong (deduplicated on), `context` the text around it. */
export interface TextFinding {
  kind: FindingKind;
  detail: string;
  context: string;
}

/**
 * A visible text node, the language its nearest marked ancestor gives it ("" when none), and
 * whether the app shows it as code (`<code>`, `<pre>`, `<kbd>`, `<samp>`).
 */
export interface TextSegment {
  text: string;
  lang: string;
  code: boolean;
}

/**
 * An internal id as `newId()` (src/platform/ids.ts) makes them: a short prefix, `_`, and a
 * Crockford base-32 timestamp that starts with `0` until 2059 — also when cut short with `…`.
 */
const INTERNAL_ID = /(?<![\w-])[a-z]{1,6}_0[0-9a-hjkmnp-tv-z]{5,}/g;
const UUID = /(?<![\w-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/g;
/** `task.created`, `entity.ai`, `timing.post-deployment`: dotted identifiers (e-mails and addresses are cut out first). */
const DOTTED_SLUG = /(?<![\w@./-])[a-z][a-z0-9]+(?:[_-][a-z0-9]+)*(?:\.[a-z][a-z0-9]+(?:[_-][a-z0-9]+)*)+(?![\w@/-]|\.[a-z0-9])/g;
/** `not_started`, `rights_violation`: snake-case identifiers. */
const SNAKE_SLUG = /(?<![\w@./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/-])/g;
/** `female-applicants`, `saas-api`: kebab-case identifiers. */
const KEBAB_SLUG = /(?<![\w@./-])[a-z][a-z0-9]*(?:-[a-z0-9+]+)+(?![\w@/-]|\.[a-z0-9])/g;
/** A text made only of lower-case identifiers and words, comma-separated: values, not prose. */
const VALUE_LIST = /^[a-z0-9_.+-]+(?:\s*[,、]\s*[a-z0-9_.+-]+)*$/;
/** `sources/eu-ai-act/eu-ai-act-articles.json`, `appendix-en.md`: a file or path from the repository. */
const SOURCE_PATH = /(?<![\w/.])(?:[\w.*-]+\/)*[\w*-][\w.*-]*\.(?:json|ya?ml|csv|md|txt|xml)\b/g;
const URL = /\bhttps?:\/\/[^\s)）」』>]+/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Kana or kanji: the text is (at least partly) Japanese. */
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
/** One English word: Latin letters with inner digits, hyphens and apostrophes. */
const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:['’-][A-Za-z0-9]+)*/g;
/** What may stand between two words of one English phrase: no kana, kanji or Japanese punctuation. */
const PHRASE_GAP = /^[\s\d.,;:!?/&()'"“”‘’#+-]*$/;

const I18N_KEYS: ReadonlySet<string> = new Set(Object.keys(en));

/**
 * zod's own messages (the defaults of `z.locales.en()` and `z.locales.ja()`), reduced to what does
 * not depend on the field: "Too small:", "小さすぎる値:", "Invalid email address", "無効な入力".
 */
export const VALIDATOR_SIGNATURES: readonly string[] = (() => {
  const issues: Record<string, unknown>[] = [
    { code: "invalid_type", expected: "string", input: 1 },
    { code: "invalid_type", expected: "number", input: "x" },
    { code: "invalid_value", values: ["a"] },
    { code: "invalid_value", values: ["a", "b"] },
    { code: "too_big", origin: "string", maximum: 200, inclusive: true },
    { code: "too_big", origin: "number", maximum: 5, inclusive: true },
    { code: "too_small", origin: "string", minimum: 1, inclusive: true },
    { code: "too_small", origin: "number", minimum: 1, inclusive: false },
    { code: "too_small", origin: "array", minimum: 1, inclusive: true },
    ...["email", "url", "uuid", "datetime", "date", "regex", "starts_with", "ends_with", "includes"].map((format) => ({
      code: "invalid_format",
      format,
      pattern: /x/,
      prefix: "x",
      suffix: "x",
      includes: "x",
    })),
    { code: "not_multiple_of", divisor: 2 },
    { code: "unrecognized_keys", keys: ["a"] },
    { code: "unrecognized_keys", keys: ["a", "b"] },
    { code: "invalid_key", origin: "record" },
    { code: "invalid_union" },
    { code: "invalid_element", origin: "map" },
    { code: "custom" },
  ];
  const signatures = new Set<string>(["Expected string", "Expected number"]); // zod 3's wording
  for (const locale of [z.locales.en(), z.locales.ja()]) {
    const message = locale.localeError as (issue: never) => string | { message: string } | undefined;
    for (const issue of issues) {
      const result = message(issue as never);
      const text = typeof result === "string" ? result : result?.message;
      if (!text) continue;
      const colon = text.indexOf(":");
      signatures.add(colon > 0 ? text.slice(0, colon + 1) : text);
    }
  }
  return [...signatures].sort((a, b) => b.length - a.length);
})();

function snippet(text: string, at = 0, length = 0): string {
  const start = Math.max(0, at - 40);
  const end = Math.min(text.length, at + length + 40);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}

/** Replaces each match with spaces of the same length, so later checks neither see it nor lose offsets. */
function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (m) => " ".repeat(m.length));
}

/** An allow-list entry as a global pattern matched on word boundaries. */
function bounded(text: string | RegExp): RegExp {
  const source = typeof text === "string" ? text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : text.source;
  return new RegExp(`(?<![A-Za-z])(?:${source})(?![A-Za-z])`, "g");
}
const ENGLISH_PATTERNS = ENGLISH_ALLOWED.map((e) => ({ text: bounded(e.text), declaredJapaneseOnly: e.declaredJapaneseOnly === true }));
const IDENTIFIER_PATTERNS = IDENTIFIERS_ALLOWED.map((e) => ({ text: bounded(e.text), pages: e.pages }));

/**
 * The English phrases of `text`: its words merged where only spaces, digits and ASCII punctuation
 * stand between them, less the phrases made only of allowed words (`allowed` spans) and codes.
 */
function englishPhrases(text: string, allowed: readonly [number, number][]): { at: number; end: number }[] {
  const phrases: { at: number; end: number; ok: boolean }[] = [];
  for (const m of text.matchAll(LATIN_WORD)) {
    const end = m.index + m[0].length;
    // AIS-HR-01, SHA-256: codes, not words; an allow-list entry covers the word whole.
    const ok = /\d/.test(m[0]) || allowed.some(([from, to]) => from <= m.index && end <= to);
    const last = phrases.at(-1);
    if (last && PHRASE_GAP.test(text.slice(last.end, m.index))) {
      last.end = end;
      last.ok &&= ok;
    } else {
      phrases.push({ at: m.index, end, ok });
    }
  }
  return phrases.filter((p) => !p.ok);
}

/**
 * Checks the visible text of one page or dialog (at `path`) in the UI language `lang`. Each
 * offending token is reported once per call, with the text around it.
 */
export function checkText(segments: readonly TextSegment[], lang: Locale, path: string): TextFinding[] {
  const found = new Map<string, TextFinding>();
  const add = (kind: FindingKind, detail: string, context: string) => {
    const key = `${kind}\u0000${detail}`;
    if (!found.has(key)) found.set(key, { kind, detail, context: context === detail ? "" : context });
  };
  const identifiers = IDENTIFIER_PATTERNS.filter((p) => !p.pages || p.pages.test(path)).map((p) => p.text);

  for (const { text: raw, lang: marked, code } of segments) {
    let text = blank(blank(raw, URL), EMAIL);
    for (const pattern of identifiers) text = blank(text, pattern);

    for (const signature of VALIDATOR_SIGNATURES) {
      const at = text.indexOf(signature);
      if (at >= 0) add("validator-text", signature, snippet(raw, at, signature.length));
    }
    for (const pattern of [INTERNAL_ID, UUID]) {
      for (const m of text.matchAll(pattern)) add("internal-id", m[0], snippet(raw, m.index, m[0].length));
      text = blank(text, pattern);
    }
    for (const m of text.matchAll(SOURCE_PATH)) add("source-path", m[0], snippet(raw, m.index, m[0].length));
    text = blank(text, SOURCE_PATH);

    if (I18N_KEYS.has(raw.trim())) add("i18n-key", raw.trim(), raw);
    for (const m of text.matchAll(DOTTED_SLUG)) {
      add(I18N_KEYS.has(m[0]) ? "i18n-key" : "raw-slug", m[0], snippet(raw, m.index, m[0].length));
    }
    text = blank(text, DOTTED_SLUG);

    // Snake and kebab case are slugs as values ("被害者：female-applicants"), and snake case in the
    // app's own words; in prose "sign-off" is a word, and in quoted source text ("a merchant named
    // my_handy_design") either may be the source's. A kebab token in Japanese text is a slug too
    // (English prose in the Japanese UI is reported phrase by phrase below).
    const values = VALUE_LIST.test(text.trim());
    const ownWords = marked === "";
    if (values || ownWords) {
      for (const m of text.matchAll(SNAKE_SLUG)) add("raw-slug", m[0], snippet(raw, m.index, m[0].length));
      text = blank(text, SNAKE_SLUG);
    }
    if (values || (ownWords && lang === "ja" && JAPANESE.test(text))) {
      for (const m of text.matchAll(KEBAB_SLUG)) add("raw-slug", m[0], snippet(raw, m.index, m[0].length));
      text = blank(text, KEBAB_SLUG);
    }

    // English in the Japanese UI, unless marked as English (quoted source text, a name typed in
    // English) or shown as code. Allowed words are skipped, but stay part of a phrase around them.
    if (lang === "ja" && !code && marked !== "en" && !marked.startsWith("en-")) {
      const allowed: [number, number][] = [];
      for (const p of ENGLISH_PATTERNS) {
        if (p.declaredJapaneseOnly && marked !== "ja") continue;
        for (const m of text.matchAll(p.text)) allowed.push([m.index, m.index + m[0].length]);
      }
      for (const { at, end } of englishPhrases(text, allowed)) {
        const phrase = raw.slice(at, end);
        add("english-in-japanese", phrase.length > 80 ? `${phrase.slice(0, 79)}…` : phrase, snippet(raw, at, phrase.length));
      }
    }
  }
  return [...found.values()];
}
