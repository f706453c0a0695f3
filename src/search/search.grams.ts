import { createHash } from "node:crypto";

/**
 * The text index's terms (issue 17, issue 20): every pair of neighbouring characters of the folded
 * search text, counted in code points. A query is looked up by its own pairs, so "採用" (two
 * characters) is one term and a substring of any length ≥ 2 is found in every script — Japanese has
 * no spaces to split words on, and real registers mix it with Latin text and codes. The index only
 * narrows the candidates: the folded text is still compared with `LIKE`, so what is found is
 * exactly what the unindexed search found, on both databases.
 */
export function bigramsOf(folded: string): string[] {
  const chars = Array.from(folded);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/**
 * A pair as an ASCII token that any tokenizer keeps whole: the two code points in hexadecimal with
 * an `x` between. SQLite's FTS5 then never splits, folds or drops a pair, whatever its characters.
 */
function token(pair: string): string {
  const [a, b] = Array.from(pair);
  return `${a!.codePointAt(0)!.toString(16)}x${b!.codePointAt(0)!.toString(16)}`;
}

/**
 * The token that confines a lookup to one organisation's records of one kind: FTS5 intersects it
 * with the pairs, so a small organisation's search does not walk a large one's matches. A hash
 * (not the id) keeps tokens alphanumeric; a collision only adds candidates the query then drops.
 */
export function scopeToken(orgId: string, kind: string): string {
  const key = `${orgId}\u0000${kind}`;
  let token = scopes.get(key);
  if (token === undefined) {
    token = `s${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
    // Every record of an import asks for the same one: kept, for a few thousand organisations at most.
    if (scopes.size >= 4096) scopes.clear();
    scopes.set(key, token);
  }
  return token;
}

const scopes = new Map<string, string>();

/** The document SQLite's FTS5 table holds for one record: its scope, then its pairs. */
export function documentTokens(folded: string, orgId: string, kind: string): string {
  return [scopeToken(orgId, kind), ...bigramsOf(folded).map(token)].join(" ");
}

/**
 * An FTS5 query for records of the scope holding the pairs of one of `variants` (already folded),
 * or undefined when a variant is a single character: it has no pair, and only a scan finds it.
 * `choose` may keep some of a variant's pairs only (the rarest): any of them still finds every
 * record that holds the variant, and `LIKE` drops the others.
 */
export function ftsQuery(variants: readonly string[], orgId: string, kind: string, choose: (tokens: string[]) => string[] = (t) => t): string | undefined {
  const alternatives: string[] = [];
  for (const v of variants) {
    const pairs = bigramsOf(v);
    if (pairs.length === 0) return undefined;
    alternatives.push(`(${choose(pairs.map(token)).map((t) => `"${t}"`).join(" AND ")})`);
  }
  return `"${scopeToken(orgId, kind)}" AND (${alternatives.join(" OR ")})`;
}

/** The FTS5 terms a folded query is looked up by: its pairs, as the index spells them. */
export function queryTokens(folded: string): string[] {
  return bigramsOf(folded).map(token);
}

/**
 * A pair as one integer, for PostgreSQL's GIN index of integer arrays (migration 0029): two
 * characters of the Basic Multilingual Plane — every Japanese kana and common kanji, every Latin
 * letter — are the two UTF-16 units side by side, so distinct pairs never share a number. A pair
 * with a character beyond it is hashed; a collision only adds candidates that `LIKE` then drops.
 */
export function pairCode(pair: string): number {
  if (pair.length === 2) return ((pair.charCodeAt(0) << 16) | pair.charCodeAt(1)) | 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < pair.length; i++) h = Math.imul(h ^ pair.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** `scopeToken` as an integer: the GIN index's term that confines a lookup to one organisation's records of one kind. */
export function scopeCode(orgId: string, kind: string): number {
  return Number.parseInt(scopeToken(orgId, kind).slice(1, 9), 16) | 0;
}

/** The integers PostgreSQL's index holds for one record: its scope, then its pairs. */
export function documentCodes(folded: string, orgId: string, kind: string): number[] {
  return [scopeCode(orgId, kind), ...bigramsOf(folded).map(pairCode)];
}

/** The integers a record must hold to hold one folded variant of a query, or undefined for a single character. */
export function queryCodes(folded: string, orgId: string, kind: string): number[] | undefined {
  const pairs = bigramsOf(folded);
  return pairs.length === 0 ? undefined : [scopeCode(orgId, kind), ...pairs.map(pairCode)];
}
