import type { enRisks } from "./en.risks.ts";

/** risks の日本語UI文言（キーは en.risks.ts と一致させる）。ja.ts に展開する。 */
export const jaRisks: Record<keyof typeof enRisks, string> = {
  "nav.risks": "リスク",
  "home.desc.risks": "リスク登録簿：システム別・全社のリスクを自社のリスクマトリクスで評価し、対応・受容・ヒートマップで管理します。",
};
