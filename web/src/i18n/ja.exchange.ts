import type { enExchange } from "./en.exchange.ts";

/** 日本語のUI文言（行政機関との署名付き連携）。ja.ts に展開する。 */
export const jaExchange: Record<keyof typeof enExchange, string> = {
  "error.exchange_malformed": "署名付きメッセージが連携の形式ではありません。該当箇所は詳細を確認してください。",
  "error.exchange_bad_signature": "メッセージが指定する鍵で署名を検証できません。途中で改ざんされた可能性があります。",
  "error.exchange_unknown_key": "メッセージは、送信者の鍵として登録されていない鍵で署名されています。送信者が現在の公開鍵を先に登録する必要があります。",
  "error.exchange_key_retired": "メッセージは、鍵の廃止後にその鍵で署名されています。送信者が現在の鍵で署名し直す必要があります。",
  "error.exchange_unregistered_sender": "送信者はこの受信者に登録されていないか、登録が承認されていません。",
  "error.exchange_wrong_audience": "このメッセージは別の受信者宛てです。",
  "error.exchange_clock_skew": "メッセージの署名時刻がサーバーの時刻と離れすぎています。送信者の時計を確認し、再送してください。",
  "error.exchange_replayed": "この署名付きメッセージは受信済みです。再送する場合は、同じ冪等キーのまま署名し直してください。",
  "error.exchange_payload_mismatch": "ペイロードが、メッセージに記載されたハッシュ値と一致しません。",
  "error.exchange_idempotency_conflict": "この冪等キーは別の内容の提出に使用済みです。新しい提出には新しいキーを使用してください。",
  "error.exchange_receipt_mismatch": "受領証が、送信したメッセージに対するものではありません。",
  "error.exchange_key_unavailable": "組織の連携用署名鍵をサーバーで読み出せません。管理者に鍵の復元又は更新を依頼してください。",
  "error.exchange_self_connection": "組織は自分自身に登録することはできません。",
  "error.exchange_already_connected": "この組織はその当局に登録済みです（承認待ち又は承認済み）。",
  "error.exchange_not_pending": "この登録申請は処理済みです。",
  "error.exchange_not_connected": "この組織はその当局に登録されていないか、登録がまだ承認されていません。",
  "error.exchange_party_not_found": "そのアドレスに、その名前の当局は登録されていません。",
  "error.exchange_party_unreachable": "当局のMusubiに接続できませんでした。アドレスを確認し、時間をおいて再度お試しください。",
  "error.exchange_unsupported_kind": "受信者はこの種類の文書を受け付けていません。",
  "error.exchange_not_approved": "当局に送信できるのは承認済み又は公開済みの報告書のみです。先に承認を得てください。",
  "error.intake_superseded": "これは再提出された文書の以前の版です。最新の版を選別してください。",
  "error.advisory_sent": "この注意喚起は送付済みのため、変更できません。",
  "error.no_library_update": "この記録には導入するライブラリ更新がありません。",
  "error.publication_step": "公表手続のこの段階は今は行えません。理由は詳細を確認してください。",
};
