import { sql, type RawBuilder } from "kysely";
import { GLOSSARY } from "./glossary.ts";
import { likePattern } from "./pagination.ts";

const LATIN_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[’‘‛ʼ′`´]/g;
const QUOTES = /[“”„‟″]/g;
const DASHES = /[‐‑‒–—―−]/g;

/**
 * Text as search compares it, stored and queried alike: NFKC (full-width letters and digits,
 * half-width katakana), lower case, accents off Latin letters ("privé" = "prive"), one apostrophe,
 * one double quote and one hyphen. Japanese voiced marks stay: が is not か.
 */
export function foldForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase().normalize("NFD").replace(LATIN_MARKS, "").normalize("NFC").replace(APOSTROPHES, "'").replace(QUOTES, '"').replace(DASHES, "-");
}

const TERMS = GLOSSARY.map(([ja, en]) => ({ ja: foldForSearch(ja), en: foldForSearch(en).split(/\s+/) }));
const MAX_VARIANTS = 8;

/**
 * The folded query and the other language's words for it, from the glossary (Musubi's own, see
 * there): 不正 also looks for "fraud" and "misuse"; "fraud" also for 詐欺 and 不正. A query that is
 * not a glossary term is searched as written.
 */
export function searchVariants(q: string): string[] {
  const folded = foldForSearch(q).trim();
  const out = new Set([folded]);
  for (const t of TERMS) {
    if (folded === t.ja || (t.ja.length >= 2 && folded.includes(t.ja) && folded.length <= t.ja.length + 2)) for (const w of t.en) out.add(w);
    if (t.en.includes(folded)) out.add(t.ja);
  }
  return [...out].slice(0, MAX_VARIANTS);
}

/** `column` (holding folded text) contains the query or one of its variants. */
export function matchesSearch(column: string, q: string): RawBuilder<boolean> {
  const likes = searchVariants(q).map((v) => sql<boolean>`${sql.ref(column)} like ${likePattern(v)} escape '\\'`);
  return likes.length === 1 ? likes[0]! : sql<boolean>`(${sql.join(likes, sql` or `)})`;
}
