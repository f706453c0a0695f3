import type { enExports } from "./en.exports.ts";

/** Japanese UI strings (exports); spread into `ja.ts`. */
export const jaExports: Record<keyof typeof enExports, string> = {
  "exports.people.title": "閲覧用",
  "exports.people.hint": "見出しと値をいまお使いの言語で出力します。各システムのEU AI法の区分と適用開始日、フレームワーク別の対応状況、プロファイルの回答を含みます。日時は組織のタイムゾーンで表します。",
  "exports.machine.title": "Musubiへの再取込み用",
  "exports.machine.hint": "項目名と保存値をそのまま出力します。内容を失わずに再び取り込めます。",
};
