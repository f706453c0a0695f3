import type { AUDIT_ACTIONS } from "../audit/audit.actions.ts";
import type { ItemStatus } from "../compliance/statuses.ts";
import { CONTROL_STATUS_WORDS, type Words } from "../incidents/report.labels.ts";
import type { RATINGS } from "../vendors/questionnaire.ts";
import type { VENDOR_STATUSES } from "../vendors/vendors.schema.ts";

/**
 * Words for the stored values the system card shows that the incident report has no table for.
 * Like the report's (`src/incidents/report.labels.ts`, reused for everything it already names),
 * they repeat the web UI's wording (`web/src/i18n/*.ts`), and a test holds them to it, so the card
 * reads like the screens it summarises.
 */
type Table<K extends string> = Record<K, Words>;

/** Assessment row statuses: the control statuses, and "not applicable", which only a row can have. */
export const ITEM_STATUS_WORDS: Table<ItemStatus> = {
  ...CONTROL_STATUS_WORDS,
  not_applicable: { ja: "対象外", en: "Not applicable" },
};

export const VENDOR_STATUS_WORDS: Table<(typeof VENDOR_STATUSES)[number]> = {
  active: { ja: "利用中", en: "In use" },
  under_review: { ja: "審査中", en: "Under review" },
  offboarded: { ja: "取引終了", en: "Offboarded" },
};

export const VENDOR_RATING_WORDS: Table<(typeof RATINGS)[number]> = {
  unrated: { ja: "未評価", en: "Not rated" },
  low: { ja: "低", en: "Low" },
  medium: { ja: "中", en: "Medium" },
  high: { ja: "高", en: "High" },
  critical: { ja: "重大", en: "Critical" },
};

/** The ledger's actions on a system record (`AUDIT_ACTIONS.system`), as the ledger page names them. */
export const SYSTEM_ACTION_WORDS: Table<(typeof AUDIT_ACTIONS)["system"][number]> = {
  "system.created": { ja: "AIシステム登録", en: "AI system registered" },
  "system.updated": { ja: "AIシステムの変更", en: "AI system changed" },
  "system.deleted": { ja: "AIシステム削除", en: "AI system deleted" },
  "system.imported": { ja: "AIシステムの取込み", en: "AI system imported" },
  "system.reclassified": { ja: "AIシステムの再分類", en: "AI system reclassified" },
  "assessment.synchronised": { ja: "評価をライブラリの最新内容に更新", en: "Assessments brought up to date with the library" },
};

/** Who a ledger entry is by, when not a person: an API token's user, or Musubi itself. */
export const ACTOR_KIND_WORDS = {
  user: { ja: "ユーザー", en: "User" },
  token: { ja: "APIトークン", en: "API token" },
  system: { ja: "システム", en: "System" },
} as const satisfies Record<string, Words>;

/** Sentences of the card that are Musubi's own: what it does not record, and what its mapping is. */
export const CARD_NOTES = {
  evaluationResults: {
    ja: "評価・テストの結果（指標、テストログ、報告書）を記録する項目はMusubiにありません。",
    en: "Musubi has no field for evaluation or test results (metrics, test logs, reports).",
  },
  oversightMeasures: {
    ja: "人による監視の措置（監視を担う者、その権限と手段、EU AI法第14条の措置）を記録する項目はMusubiにありません。記録されているのは、プロファイルの回答のうち人の関与に関するものです。",
    en: "Musubi has no field for the human oversight measures (who oversees, with what authority and means, the measures of EU AI Act Art. 14). What it holds are the profile's answers on human involvement.",
  },
  annexMapping: {
    ja: "各項目に対応づけたカードの項目は、Musubiによる解釈（編集上の対応づけ）であり、EU AI法やその公式の様式が定めたものではありません。対応づけがあっても、その項目の技術文書として十分であることを意味しません。附属書Ⅳの本文はMusubiのライブラリにある英語の原文で、ライブラリに日本語訳はありません。",
    en: "The card fields set against each point are Musubi's interpretation (an editorial mapping), not something the EU AI Act or an official template states. A mapped point is not thereby sufficiently documented. Annex IV's text is the English original from Musubi's library, which has no Japanese translation of it.",
  },
} as const satisfies Record<string, Words>;
