/**
 * Japanese short names for frameworks whose sources give none. The EU AI Act, NIST AI RMF,
 * ISO/IEC 42001, the Hiroshima Code of Conduct and the OECD HAIP Reporting Framework are in
 * English only in Musubi's sources, yet a Japanese UI must name them in Japanese. These renderings
 * are Musubi's wording — the same the crosswalks and rules already use — so each framework file
 * marks them `shortNameOrigin.ja: "musubi-editorial"` and keeps the official English name in
 * `name`, which the library page shows next to them.
 */
export const MUSUBI_JA_SHORT_NAMES = {
  "eu-ai-act": "EU AI法",
  "nist-ai-rmf": "NIST AIリスクマネジメントフレームワーク 1.0（NIST AI 100-1）",
  "iso-42001": "ISO/IEC 42001（AIマネジメントシステム）",
  "hiroshima-code-of-conduct": "広島プロセス国際行動規範",
  "oecd-haip": "OECD 広島AIプロセス報告枠組み",
} as const;

/** `shortName` and `shortNameOrigin` for a framework named in Japanese by Musubi, with its English short name. */
export function musubiJaShortName(framework: keyof typeof MUSUBI_JA_SHORT_NAMES, en: string) {
  return { shortName: { ja: MUSUBI_JA_SHORT_NAMES[framework], en }, shortNameOrigin: { ja: "musubi-editorial" as const } };
}
