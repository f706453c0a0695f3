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
