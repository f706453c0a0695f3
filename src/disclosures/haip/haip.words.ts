import type { Role } from "../../platform/authz.ts";
import type { Words } from "../../incidents/report.labels.ts";

/** A number as each language writes it: 12,345 in both. */
export function count(n: number, l: "ja" | "en"): string {
  return n.toLocaleString(l === "ja" ? "ja-JP" : "en-GB");
}

/** Items joined as each language lists them: 「a、b、c」 / "a, b, c"; "none" when empty. */
export function listOf(l: "ja" | "en", items: readonly string[]): string {
  if (items.length === 0) return l === "ja" ? "なし" : "none";
  return items.join(l === "ja" ? "、" : ", ");
}

/** Sentences of a drafted answer, skipping the empty ones. */
export function join(parts: readonly string[]): string {
  return parts.filter((p) => p.length > 0).join(" ").replace(/。 /g, "。");
}

/** Roles as the users page names them. */
export const ROLE_WORDS: Readonly<Record<Role, Words>> = {
  admin: { ja: "管理者", en: "Administrator" },
  governance_lead: { ja: "AIガバナンス責任者(CAIO)", en: "AI governance lead (CAIO)" },
  system_owner: { ja: "システムオーナー", en: "System owner" },
  reviewer: { ja: "レビュアー", en: "Reviewer" },
  auditor: { ja: "監査人", en: "Auditor" },
  supervisor: { ja: "監督官", en: "Supervisor" },
  analyst: { ja: "分析官", en: "Analyst" },
  publisher: { ja: "公表担当官", en: "Publisher" },
  viewer: { ja: "閲覧者", en: "Viewer" },
};

/** Report statuses and roles, as the screens and documents name them. */
export const REPORT_STATUS_WORDS = {
  draft: { ja: "下書き", en: "Draft" },
  in_review: { ja: "承認待ち", en: "Awaiting approval" },
  approved: { ja: "承認済み", en: "Approved" },
  published: { ja: "公開済み", en: "Published" },
} as const satisfies Record<string, Words>;

export const HAIP_ROLE_WORDS = {
  "model-developer": { ja: "モデル開発者", en: "Model developer" },
  "application-developer": { ja: "アプリケーション開発者", en: "Application developer" },
  deployer: { ja: "導入者（利用者）", en: "Deployer" },
} as const satisfies Record<string, Words>;

export const HAIP_PATH_WORDS = {
  full: { ja: "すべての質問", en: "Full questionnaire" },
  small: { ja: "小規模組織向けの短い経路", en: "Shorter path for small organisations" },
} as const satisfies Record<string, Words>;

/** What a prefilled answer rests on, named for people. */
export const SOURCE_WORDS = {
  risks: { ja: "リスク登録簿", en: "Risk register" },
  controls: { ja: "管理策", en: "Controls" },
  evidence: { ja: "証跡", en: "Evidence" },
  assessments: { ja: "評価（アセスメント）", en: "Assessments" },
  "vendor-reviews": { ja: "ベンダー審査", en: "Vendor reviews" },
  systems: { ja: "AI台帳", en: "AI inventory" },
  incidents: { ja: "インシデント", en: "Incidents" },
  approvals: { ja: "承認（稟議）", en: "Approvals (稟議)" },
  users: { ja: "利用者と役割", en: "People and roles" },
  ledger: { ja: "監査台帳", en: "Audit ledger" },
  publications: { ja: "公開中のシステムカード", en: "Published system cards" },
} as const satisfies Record<string, Words>;

/** The words of the report as a document — page, PDF and Word say the same things the same way. */
export const DOCUMENT_WORDS = {
  title: { ja: "HAIP 透明性報告書", en: "HAIP transparency report" },
  year: { ja: "報告年度", en: "Reporting year" },
  period: { ja: "対象期間", en: "Period" },
  roles: { ja: "報告する立場", en: "Reporting as" },
  questionnaire: { ja: "質問票", en: "Questionnaire" },
  musubiWording: { ja: "質問の文言は Musubi の作成です（公式の質問ではありません）。", en: "Question worded by Musubi (not the official question)." },
  musubiTitle: { ja: "（見出しの日本語は Musubi の訳）", en: "(Japanese title translated by Musubi)" },
  noAnswer: { ja: "回答なし", en: "No answer" },
  drafted: { ja: "Musubi のデータから下書きし、担当者が確認・編集した回答。根拠：", en: "Drafted from Musubi's data, then reviewed and edited by people. Based on: " },
  draftedOnly: { ja: "Musubi のデータから下書きした回答。根拠：", en: "Drafted from Musubi's data. Based on: " },
  people: { ja: "このセクションは担当者が記入しました。", en: "This section is written by people." },
  approved: { ja: "承認（稟議）", en: "Approved (稟議)" },
  published: { ja: "公開", en: "Published" },
  draft: { ja: "この文書は公開前の下書きです。", en: "This document is a draft, not yet published." },
  otherLanguage: { ja: "英語版の回答", en: "Japanese answer" },
  generated: { ja: "作成日時", en: "Generated" },
} as const satisfies Record<string, Words>;
