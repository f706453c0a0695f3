import { GLOSSARY } from "../../platform/glossary.ts";

export { GLOSSARY };

/**
 * Search terms for Japanese and English text without a dictionary: English words (lower case,
 * plural `s` dropped, stop words out) and, for runs of kanji and katakana, character bigrams —
 * the usual way to index Japanese, which has no spaces. Runs of hiragana are mostly particles and
 * endings, so they are left out.
 */
const STOP = new Set("a an and are as at be by for from has have in is it its of on or that the this to was were with after into over via than their they not but can".split(" "));
const WORD = /[a-z0-9]+|[\p{Script=Han}々]+|[\p{Script=Katakana}ー]+|[\p{Script=Hiragana}]+/gu;
const KANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const [w] of text.normalize("NFKC").toLowerCase().matchAll(WORD)) {
    if (/^[a-z0-9]/.test(w)) {
      if (w.length < 2 || STOP.has(w)) continue;
      out.push(w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w);
      continue;
    }
    if (KANA_ONLY.test(w)) continue;
    if (w.length === 1) out.push(w);
    for (let i = 0; i + 1 < w.length; i++) out.push(w.slice(i, i + 2));
  }
  return out;
}


const JA_TO_EN = GLOSSARY.map(([ja, en]) => [ja, tokenize(en)] as const);
const EN_TO_JA = GLOSSARY.flatMap(([ja, en]) => tokenize(en).map((w) => [w, tokenize(ja)] as const));

/** Query terms: the text's own, plus the other language's words for glossary terms it contains. */
export function queryTerms(text: string): string[] {
  const own = tokenize(text);
  const lower = text.normalize("NFKC").toLowerCase();
  const extra: string[] = [];
  for (const [ja, en] of JA_TO_EN) if (lower.includes(ja)) extra.push(...en);
  const words = new Set(own);
  for (const [en, ja] of EN_TO_JA) if (words.has(en)) extra.push(...ja);
  return [...own, ...extra];
}
