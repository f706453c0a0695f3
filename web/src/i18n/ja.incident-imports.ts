import type { enIncidentImports } from "./en.incident-imports.ts";

/** 日本語のUI文字列（インシデント台帳の取込み）。`ja.ts` に展開する。 */
export const jaIncidentImports = {
  "incidentImports.open": "インシデントを取り込む",
  "incidentImports.title": "インシデントの取込み",
  "incidentImports.subtitle": "既存のインシデント台帳をCSV（UTF-8又はShift_JIS）、Excel又はJSONから取り込みます。確定するまでは何も登録しません。",
  "incidentImports.formats": "CSV（UTF-8又はShift_JIS）又はExcel（.xlsx）。見出し行があり、1行に1件のインシデントの形式です。JSON（レコードの配列、又は1行に1レコードの形式）も読み込めます。",
  "incidentImports.uploadHint": "ヒント：台帳の管理番号の列を「管理番号」に対応付けておくと、同じファイルをもう一度取り込んでもインシデントが二重に登録されません。",
  "incidentImports.missing": "{fields}に対応する列を指定してください。指定しないと行を確認できません。",
  "incidentImports.unchanged": "{count}行は以前の取込みで登録済み（管理番号が同じ）のため、そのままにします。",
  "incidentImports.commit": "{count}件のインシデントを登録",
  "incidentImports.done": "インシデントを{count}件登録しました。",
  "incidentImports.unchangedDone": "{count}行は取込み済みのため、そのままにしました。",
  "incidentImports.toList": "インシデント一覧へ移動",
  "incidentImports.noId": "（番号なし）",
  "incidentImports.field.externalId": "管理番号",
  "incidentImports.field.title": "件名",
  "incidentImports.field.summary": "概要",
  "incidentImports.field.severity": "重大度",
  "incidentImports.field.status": "状態",
  "incidentImports.field.occurredOn": "発生日",
  "incidentImports.field.detectedAt": "検知日時",
  "incidentImports.field.systemCode": "AIシステム（コード）",
  "incidentImports.field.affectedParties": "影響を受けた者",
  "incidentImports.field.rootCause": "根本原因",
} as const satisfies Record<keyof typeof enIncidentImports, string>;
