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

/**
 * A small bilingual glossary of incident vocabulary (Musubi's editorial choice, not a legal
 * source): a Japanese query also searches these English words and vice versa, so a Japanese
 * description finds the English-language public cases.
 */
export const GLOSSARY: [string, string][] = [
  ["顔認識", "facial recognition face"],
  ["顔認証", "facial recognition face"],
  ["自動運転", "self-driving autonomous vehicle"],
  ["自動車", "car vehicle"],
  ["歩行者", "pedestrian"],
  ["差別", "discrimination bias discriminatory"],
  ["偏り", "bias"],
  ["バイアス", "bias"],
  ["性別", "gender women sex"],
  ["女性", "women female"],
  ["人種", "race racial black"],
  ["採用", "hiring recruiting job applicant"],
  ["応募者", "applicant candidate"],
  ["与信", "credit loan"],
  ["融資", "loan lending"],
  ["保険", "insurance"],
  ["医療", "medical healthcare health"],
  ["診断", "diagnosis"],
  ["病院", "hospital"],
  ["チャットボット", "chatbot"],
  ["生成ai", "generative"],
  ["ディープフェイク", "deepfake"],
  ["偽情報", "misinformation disinformation fake"],
  ["誤情報", "misinformation"],
  ["幻覚", "hallucination"],
  ["ハルシネーション", "hallucination"],
  ["著作権", "copyright"],
  ["個人情報", "personal data privacy"],
  ["プライバシー", "privacy"],
  ["漏えい", "leak breach exposed"],
  ["漏洩", "leak breach exposed"],
  ["監視", "surveillance monitoring"],
  ["警察", "police"],
  ["逮捕", "arrest"],
  ["誤認", "misidentified wrongful"],
  ["子ども", "children child minor"],
  ["子供", "children child minor"],
  ["未成年", "minor children"],
  ["推薦", "recommendation"],
  ["レコメンド", "recommendation"],
  ["音声", "voice speech"],
  ["翻訳", "translation"],
  ["ロボット", "robot"],
  ["ドローン", "drone"],
  ["詐欺", "fraud scam"],
  ["なりすまし", "impersonation"],
  ["ヘイト", "hate"],
  ["有害", "harmful toxic"],
  ["安全", "safety"],
  ["事故", "accident crash collision"],
  ["死亡", "killed death fatal"],
  ["負傷", "injured injury"],
  ["選挙", "election"],
  ["教育", "education student"],
  ["学生", "student"],
  ["労働", "worker labor"],
  ["従業員", "employee worker"],
];

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
