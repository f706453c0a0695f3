import type { enWorkflow } from "./en.workflow.ts";

/** workflow の日本語UI文言（キーは en.workflow.ts と一致させる）。ja.ts に展開する。 */
export const jaWorkflow: Record<keyof typeof enWorkflow, string> = {
  "nav.myTasks": "マイタスク",
  "nav.vendors": "ベンダー",
  "nav.schedules": "定期レビュー",
  "nav.webhooks": "Webhook",
  "home.desc.myTasks": "自分のタスクと、自分の判断待ちの承認。",
  "home.desc.vendors": "外部のAIツール・サービス：デューデリジェンス、評価、契約、依存するシステム。",
  "home.desc.schedules": "システム・リスク・ベンダーの定期レビュー（年度又は任意の周期）。",
  "home.desc.webhooks": "組織のイベントを他のツールへ届ける署名付きWebhook。",
};
