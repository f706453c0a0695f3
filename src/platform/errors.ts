import { localizeDetails } from "./http/field-messages.ts";
import type { Locale } from "./i18n.ts";

/** Every error code the API can answer with. A literal union so a typo fails to compile. */
export const ERROR_CODES = [
  "bad_request",
  "validation_failed",
  "malformed_json",
  "unsupported_media_type",
  "payload_too_large",
  "unauthenticated",
  "invalid_credentials",
  "session_expired",
  "csrf_failed",
  "forbidden",
  "not_found",
  "route_not_found",
  "method_not_allowed",
  "conflict",
  "email_taken",
  "code_taken",
  "in_use",
  "last_admin",
  "rate_limited",
  "password_too_weak",
  "wrong_password",
  "invalid_profile",
  "library_unavailable",
  "import_unreadable",
  "import_invalid_bom",
  "not_in_scope",
  "assessment_exists",
  "assessment_incomplete",
  "import_has_errors",
  "import_not_ready",
  "matrix_in_use",
  "self_approval",
  "not_approver",
  "already_decided",
  "actions_open",
  "role_exceeds_user",
  "import_too_large",
  "sign_off_by_answerer",
  "acceptance_by_assessor",
  "import_invalid_card",
  "report_exists",
  "report_not_editable",
  "report_not_approved",
  "questionnaire_invalid",
  "workbook_mismatch",
  "report_in_progress",
  "report_not_ready",
  "framework_invalid",
  "exchange_malformed",
  "exchange_bad_signature",
  "exchange_unknown_key",
  "exchange_key_retired",
  "exchange_unregistered_sender",
  "exchange_wrong_audience",
  "exchange_clock_skew",
  "exchange_replayed",
  "exchange_payload_mismatch",
  "exchange_idempotency_conflict",
  "exchange_receipt_mismatch",
  "exchange_key_unavailable",
  "exchange_self_connection",
  "exchange_already_connected",
  "exchange_not_pending",
  "exchange_not_connected",
  "exchange_party_not_found",
  "exchange_party_unreachable",
  "exchange_unsupported_kind",
  "exchange_not_approved",
  "intake_superseded",
  "advisory_sent",
  "no_library_update",
  "publication_step",
  "not_ready",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  bad_request: { en: "The request is not valid.", ja: "リクエストが正しくありません。" },
  validation_failed: {
    en: "Some fields are not valid; see details.",
    ja: "入力内容に誤りがあります。詳細を確認してください。",
  },
  malformed_json: { en: "The request body is not valid JSON.", ja: "リクエスト本文が正しいJSONではありません。" },
  unsupported_media_type: {
    en: "Send the request body as application/json.",
    ja: "リクエスト本文は application/json で送信してください。",
  },
  payload_too_large: { en: "The request body is too large.", ja: "リクエスト本文が大きすぎます。" },
  unauthenticated: { en: "Sign in to continue.", ja: "続行するにはサインインしてください。" },
  invalid_credentials: {
    en: "The e-mail address or password is incorrect.",
    ja: "メールアドレスまたはパスワードが正しくありません。",
  },
  session_expired: {
    en: "Your session has expired; sign in again.",
    ja: "セッションの有効期限が切れました。再度サインインしてください。",
  },
  csrf_failed: {
    en: "The request is missing a valid CSRF token; reload the page and try again.",
    ja: "CSRFトークンが無効です。ページを再読み込みしてからもう一度お試しください。",
  },
  forbidden: { en: "Your role does not allow this action.", ja: "この操作を行う権限がありません。" },
  not_found: { en: "The record was not found.", ja: "対象のデータが見つかりません。" },
  route_not_found: { en: "No such API endpoint.", ja: "該当するAPIエンドポイントがありません。" },
  method_not_allowed: { en: "This method is not allowed here.", ja: "このメソッドは許可されていません。" },
  conflict: {
    en: "The record was changed by someone else; reload and try again.",
    ja: "他の人がデータを変更しました。再読み込みしてからもう一度お試しください。",
  },
  email_taken: {
    en: "A user with this e-mail address already exists.",
    ja: "このメールアドレスのユーザーは既に存在します。",
  },
  code_taken: {
    en: "This code is already used by another record; choose another.",
    ja: "このコードは既に使用されています。別のコードを指定してください。",
  },
  in_use: {
    en: "The record is still in use and cannot be deleted.",
    ja: "このデータは使用中のため削除できません。",
  },
  last_admin: {
    en: "The organisation must keep at least one active administrator.",
    ja: "組織には有効な管理者が少なくとも1人必要です。",
  },
  rate_limited: {
    en: "Too many attempts; wait a few minutes and try again.",
    ja: "試行回数が多すぎます。数分待ってからもう一度お試しください。",
  },
  password_too_weak: {
    en: "Choose a password of at least 12 characters.",
    ja: "パスワードは12文字以上にしてください。",
  },
  wrong_password: { en: "The current password is incorrect.", ja: "現在のパスワードが正しくありません。" },
  invalid_profile: {
    en: "Some profile answers are not valid or contradict each other; see details.",
    ja: "プロファイルの回答に誤り又は矛盾があります。詳細を確認してください。",
  },
  not_ready: {
    en: "This server is not ready: the database does not answer or its schema is not this version's yet; see details.",
    ja: "このサーバーはまだ利用できません。データベースが応答しないか、スキーマがこの版のものになっていません。詳細を確認してください。",
  },
  library_unavailable: {
    en: "The framework library could not be loaded; see the server log.",
    ja: "フレームワークライブラリを読み込めませんでした。サーバーのログを確認してください。",
  },
  import_unreadable: {
    en: "The file could not be read as CSV or Excel (.xlsx); see details.",
    ja: "ファイルをCSV又はExcel（.xlsx）として読み込めませんでした。詳細を確認してください。",
  },
  import_invalid_bom: {
    en: "The file is not a valid CycloneDX 1.6 or 1.7 JSON BOM; see details.",
    ja: "ファイルが有効なCycloneDX 1.6又は1.7のJSON形式BOMではありません。詳細を確認してください。",
  },
  not_in_scope: { en: "No requirement of this framework applies to the system as its profile stands.", ja: "システムの現在のプロファイルでは、このフレームワークの要求事項は適用されません。" },
  assessment_exists: { en: "This system already has an assessment against this framework.", ja: "このシステムには、このフレームワークの評価が既にあります。" },
  assessment_incomplete: { en: "Some requirements are still not started or in progress; answer them before signing off.", ja: "未着手又は対応中の要求事項があります。承認する前に回答してください。" },
  import_has_errors: { en: "Some rows are not valid; nothing was imported. Fix them, or choose to skip the invalid rows.", ja: "不正な行があるため、何も取り込んでいません。修正するか、不正な行を除外して取り込んでください。" },
  import_not_ready: { en: "This import is not waiting to be committed (it is running, finished or failed).", ja: "この取込みは確定待ちの状態ではありません（実行中、完了済み又は失敗）。" },
  matrix_in_use: { en: "Some risks are rated on levels the new matrix drops; re-rate them first (see details).", ja: "新しいマトリクスで削除されるレベルで評価されたリスクがあります。先にそれらを再評価してください（詳細を参照）。" },
  self_approval: { en: "You cannot approve or accept your own item; another person must decide.", ja: "自分自身の案件を承認又は受容することはできません。別の担当者が判断する必要があります。" },
  not_approver: { en: "No step of this approval is waiting for you (as approver, delegate or escalation).", ja: "この承認で、あなた（承認者・代理人・エスカレーション先）の判断待ちの段階はありません。" },
  already_decided: { en: "This has already been decided or completed.", ja: "この案件は既に決定又は完了しています。" },
  actions_open: { en: "Some corrective or preventive actions are not done yet; finish or cancel them before closing (see details).", ja: "未完了の是正・予防措置があります。完了又は取消ししてからクローズしてください（詳細を参照）。" },
  role_exceeds_user: {
    en: "An API token cannot do more than its user's role allows; choose that role or a lower one.",
    ja: "APIトークンには、利用者のロールを超える権限を付与できません。利用者のロール以下を選んでください。",
  },
  import_too_large: { en: "The file is larger than an import may be; details name the limit it exceeds.", ja: "ファイルが取込みの上限を超えています。超えた上限は詳細を確認してください。" },
  sign_off_by_answerer: {
    en: "Segregation of duties: you answered rows of this assessment, so someone else must sign it off — a reviewer, governance lead or administrator who answered none of its rows.",
    ja: "職務分掌のため、この評価の行に回答した人は承認できません。行に回答していないレビュアー、AIガバナンス責任者又は管理者が承認してください。",
  },
  acceptance_by_assessor: {
    en: "Segregation of duties: you registered or rated this risk, so someone else must accept it — a governance lead or administrator who neither owns, registered nor rated it.",
    ja: "職務分掌のため、このリスクを登録又は評価した人は受容できません。このリスクのオーナーでも登録者・評価者でもないAIガバナンス責任者又は管理者が受容してください。",
  },
  import_invalid_card: {
    en: "The file is not a model or dataset card Musubi can read (Hugging Face README.md with YAML metadata, Hugging Face eval results, or Model Card Toolkit JSON); see details.",
    ja: "ファイルをモデルカード又はデータセットカード（YAMLメタデータ付きのHugging Face README.md、Hugging Faceの評価結果、又はModel Card ToolkitのJSON）として読み込めませんでした。詳細を確認してください。",
  },
  report_exists: { en: "The organisation already has a report for this year.", ja: "この年度の報告書は既にあります。" },
  report_not_editable: { en: "The report is awaiting approval or already approved; it cannot be edited now. Withdraw the request to edit it.", ja: "報告書は承認待ち又は承認済みのため、編集できません。編集するには承認依頼を取り下げてください。" },
  report_not_approved: { en: "Only an approved report can be published; ask for its approval first.", ja: "公開できるのは承認済みの報告書だけです。先に承認を依頼してください。" },
  questionnaire_invalid: { en: "The questionnaire file is not valid; details name each problem.", ja: "質問票ファイルが正しくありません。問題点は詳細を確認してください。" },
  workbook_mismatch: {
    en: "This file is not a workbook Musubi exported for this assessment; see details.",
    ja: "このファイルは、この評価についてMusubiが書き出したExcelブックではありません。詳細を確認してください。",
  },
  report_in_progress: {
    en: "A report is already being written for your organisation; wait until it is done, then start the next one.",
    ja: "組織のレポートを作成中です。完了してから次のレポートを作成してください。",
  },
  report_not_ready: { en: "The report is not written yet; ask for its progress and download it once it is done.", ja: "レポートはまだ作成されていません。進捗を確認し、完了してからダウンロードしてください。" },
  framework_invalid: { en: "The framework file cannot be used; details name each problem and where it is.", ja: "フレームワークのファイルを使用できません。問題点と箇所は詳細を確認してください。" },
  exchange_malformed: {
    en: "The signed message is not in the exchange format (a compact JWS with the expected header and claims); details name the part.",
    ja: "署名付きメッセージが連携の形式（所定のヘッダーとクレームを持つJWSコンパクト形式）ではありません。該当箇所は詳細を確認してください。",
  },
  exchange_bad_signature: {
    en: "The signature does not verify with the key the message names; it may have been altered on the way.",
    ja: "メッセージが指定する鍵で署名を検証できません。途中で改ざんされた可能性があります。",
  },
  exchange_unknown_key: {
    en: "The message is signed with a key not registered for its sender; the sender must register its current public key first.",
    ja: "メッセージは、送信者の鍵として登録されていない鍵で署名されています。送信者が現在の公開鍵を先に登録する必要があります。",
  },
  exchange_key_retired: {
    en: "The message was signed after its key was retired; the sender must sign it again with its current key.",
    ja: "メッセージは、鍵の廃止後にその鍵で署名されています。送信者が現在の鍵で署名し直す必要があります。",
  },
  exchange_unregistered_sender: {
    en: "The sender is not registered with this recipient, or its registration is not approved.",
    ja: "送信者はこの受信者に登録されていないか、登録が承認されていません。",
  },
  exchange_wrong_audience: { en: "The message is addressed to another recipient.", ja: "このメッセージは別の受信者宛てです。" },
  exchange_clock_skew: {
    en: "The message's signing time is too far from this server's clock (too old, or in the future); check the sender's clock and send it again, newly signed.",
    ja: "メッセージの署名時刻がこのサーバーの時刻と離れすぎています（古すぎる又は未来の時刻）。送信者の時計を確認し、署名し直して再送してください。",
  },
  exchange_replayed: {
    en: "This signed message was already received; a retry must be signed again (a new jti) with the same idempotency key.",
    ja: "この署名付きメッセージは受信済みです。再送する場合は、同じ冪等キーのまま署名し直して（新しいjtiで）送信してください。",
  },
  exchange_payload_mismatch: {
    en: "The payload does not match the SHA-256 hash the message states for it.",
    ja: "ペイロードが、メッセージに記載されたSHA-256ハッシュ値と一致しません。",
  },
  exchange_idempotency_conflict: {
    en: "This idempotency key was already used for a different payload; a new submission needs a new key.",
    ja: "この冪等キーは別の内容の提出に使用済みです。新しい提出には新しいキーを使用してください。",
  },
  exchange_receipt_mismatch: {
    en: "The receipt does not acknowledge the message that was sent (its parties, idempotency key or payload hash differ).",
    ja: "受領証が、送信したメッセージに対するものではありません（当事者、冪等キー又はペイロードのハッシュ値が異なります）。",
  },
  exchange_key_unavailable: {
    en: "The organisation's exchange signing key cannot be read on this server (the wrapping key in its data folder is missing or different); restore the data folder's exchange-keys folder, or rotate the key.",
    ja: "組織の連携用署名鍵をこのサーバーで読み出せません（データフォルダーの鍵暗号化用の鍵が無いか、異なります）。データフォルダーの exchange-keys フォルダーを復元するか、鍵を更新してください。",
  },
  exchange_self_connection: { en: "An organisation cannot register with itself.", ja: "組織は自分自身に登録することはできません。" },
  exchange_already_connected: {
    en: "This organisation has already registered with that authority (the registration is pending or approved).",
    ja: "この組織はその当局に登録済みです（承認待ち又は承認済み）。",
  },
  exchange_not_pending: { en: "This registration was already decided.", ja: "この登録申請は処理済みです。" },
  exchange_not_connected: {
    en: "The organisation is not registered with that authority, or the authority has not approved the registration yet.",
    ja: "組織はその当局に登録されていないか、登録がまだ承認されていません。",
  },
  exchange_party_not_found: { en: "No authority with that name is registered at that address.", ja: "そのアドレスに、その名前の当局は登録されていません。" },
  exchange_party_unreachable: {
    en: "The authority's Musubi could not be reached, or did not answer as a Musubi does; check the address and try again later.",
    ja: "当局のMusubiに接続できないか、Musubiとして応答しませんでした。アドレスを確認し、時間をおいて再度お試しください。",
  },
  exchange_unsupported_kind: {
    en: "The recipient does not accept this kind of document (or not from this sender).",
    ja: "受信者はこの種類の文書を（又はこの送信者からは）受け付けていません。",
  },
  exchange_not_approved: {
    en: "Only an approved or published report can be sent to an authority; have it approved first.",
    ja: "当局に送信できるのは承認済み又は公開済みの報告書のみです。先に承認を得てください。",
  },
  intake_superseded: {
    en: "This is an earlier version of a document its sender resubmitted; triage the latest version.",
    ja: "これは送信者が再提出した文書の以前の版です。最新の版を選別してください。",
  },
  advisory_sent: { en: "This advisory was already sent; it can no longer be changed.", ja: "この注意喚起は送付済みのため、変更できません。" },
  no_library_update: { en: "This entry carries no library update to install.", ja: "この記録には導入するライブラリ更新がありません。" },
  publication_step: {
    en: "This step of the publication procedure cannot be taken now (the organisation named must be given notice first and its response period must be over, approval must come before publication); details say why.",
    ja: "公表手続のこの段階は今は行えません（名指しする組織への事前通知と回答期間の経過が先で、公表の前に承認が必要です）。理由は詳細を確認してください。",
  },
  internal: {
    en: "Something went wrong on the server; the error has been logged.",
    ja: "サーバーでエラーが発生しました。エラーは記録されています。",
  },
};

/** The one error type the API renders; anything else becomes a logged, generic 500. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(MESSAGES[code].en);
    this.name = "AppError";
  }
}

/** The body every error answer has: `{ error: { code, message, details? } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Megabytes as people write them: 50, 0.5, 1.5. */
const megabytes = (bytes: number) => String(Math.round((bytes / (1024 * 1024)) * 10) / 10);

/** Messages that say the limit the details carry, so nobody has to guess how small is small enough. */
function messageWithDetails(code: ErrorCode, locale: Locale, details: unknown): string | undefined {
  const maxBytes = (details as { maxBytes?: unknown } | undefined)?.maxBytes;
  if (code === "payload_too_large" && typeof maxBytes === "number") {
    const mb = megabytes(maxBytes);
    return locale === "ja"
      ? `送信できるのは${mb}MBまでです。これより小さいファイルを選ぶか、分割してください。`
      : `The most that can be sent is ${mb} MB; choose a smaller file or split it.`;
  }
  return undefined;
}

export function errorBody(code: ErrorCode, locale: Locale, details?: unknown): ErrorBody {
  const error: ErrorBody["error"] = { code, message: messageWithDetails(code, locale, details) ?? MESSAGES[code][locale] };
  if (details !== undefined) error.details = localizeDetails(details, locale);
  return { error };
}

export const notFound = () => new AppError(404, "not_found");
export const forbidden = () => new AppError(403, "forbidden");
