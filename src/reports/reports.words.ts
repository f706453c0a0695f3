import type { Words } from "../incidents/report.labels.ts";

/**
 * The words of the management reports (the board report and a framework's compliance report), in
 * Japanese and English. Everything here is Musubi's own wording — titles, headings, column headers
 * and the notes that say what a figure is and what it is not. Stored values (statuses, severities,
 * lifecycle stages) are worded by the tables the incident report and the system card already use,
 * so a report reads like the screen it came from. Framework names and requirement titles come from
 * the library and are never worded here.
 */
export type { Words };

/** The steps a report job goes through, in order; the job's progress names the one under way. */
export const REPORT_STAGES = {
  queued: { ja: "開始待ち", en: "Waiting to start" },
  reading: { ja: "データを集計しています", en: "Reading the data" },
  composing: { ja: "文書を組み立てています", en: "Composing the document" },
  rendering: { ja: "ファイルを書き出しています", en: "Writing the file" },
  storing: { ja: "ファイルを保存しています", en: "Saving the file" },
  done: { ja: "完了", en: "Done" },
  failed: { ja: "失敗", en: "Failed" },
} as const satisfies Record<string, Words>;
export type ReportStage = keyof typeof REPORT_STAGES;

/** Words both reports use. */
export const COMMON = {
  none: { ja: "—", en: "—" },
  generated: { ja: "作成", en: "Generated" },
  timeZone: { ja: "日時は組織のタイムゾーン（{tz}）で表示しています。", en: "Times are shown in the organisation's time zone, {tz}." },
  andMore: { ja: "ほか{n}件（一覧はExcel版にあります）", en: "and {n} more (the Excel version lists them)" },
  andMoreXlsx: { ja: "ほか{n}件は省略しました（上限{max}行）", en: "{n} more left out (at most {max} rows)" },
  count: { ja: "件数", en: "Count" },
  systems: { ja: "システム数", en: "Systems" },
  code: { ja: "コード", en: "Code" },
  name: { ja: "名称", en: "Name" },
  system: { ja: "AIシステム", en: "AI system" },
  status: { ja: "状態", en: "Status" },
  lifecycle: { ja: "ライフサイクル", en: "Lifecycle" },
  euClass: { ja: "EU AI法の区分", en: "EU AI Act class" },
  owner: { ja: "責任者", en: "Owner" },
  nextReview: { ja: "次回レビュー日", en: "Next review" },
  framework: { ja: "フレームワーク", en: "Framework" },
  item: { ja: "項目", en: "Item" },
  value: { ja: "値", en: "Value" },
  yes: { ja: "はい", en: "Yes" },
  no: { ja: "いいえ", en: "No" },
  notSignedOff: { ja: "未承認", en: "Not signed off" },
  signedOff: { ja: "{at} {by}が承認", en: "Signed off {at} by {by}" },
  unknownPerson: { ja: "（不明な利用者）", en: "(unknown user)" },
} as const satisfies Record<string, Words>;

/** Words of the compliance report. */
export const COMPLIANCE = {
  title: { ja: "フレームワーク別 対応状況報告書", en: "Compliance report by framework" },
  sheetSummary: { ja: "概要", en: "Summary" },
  sheetSystems: { ja: "システム別", en: "Systems" },
  sheetGaps: { ja: "未対応の要求事項", en: "Gaps" },
  sheetEvidence: { ja: "証跡", en: "Evidence" },
  hFramework: { ja: "フレームワーク", en: "The framework" },
  hPosture: { ja: "対応状況（評価したすべてのシステム）", en: "Posture across every assessed system" },
  hSystems: { ja: "システム別の対応状況", en: "Posture by system" },
  hDetails: { ja: "システム別の未対応事項", en: "Gaps by system" },
  hControls: { ja: "要求事項に対応する管理策", en: "Controls answering the requirements" },
  name: { ja: "名称", en: "Name" },
  version: { ja: "版", en: "Version" },
  issuer: { ja: "発行者", en: "Issuer" },
  legalEffect: { ja: "法的効力", en: "Legal effect" },
  source: { ja: "出典", en: "Source" },
  licence: { ja: "ライセンス", en: "Licence" },
  textAsOf: { ja: "本文の時点", en: "Text as of" },
  requirements: { ja: "要求事項の数", en: "Requirements" },
  inScope: { ja: "適用対象のシステム", en: "Systems in scope" },
  assessed: { ja: "評価済みのシステム", en: "Systems assessed" },
  rows: { ja: "評価項目（適用あり）", en: "Assessment rows (applicable)" },
  chartTitle: { ja: "状態別の評価項目数", en: "Assessment rows by status" },
  chartAxis: { ja: "項目数", en: "Rows" },
  met: { ja: "達成", en: "Met" },
  gaps: { ja: "未対応", en: "Gaps" },
  signOff: { ja: "承認", en: "Sign-off" },
  signedOffBy: { ja: "承認者", en: "Signed off by" },
  signedOffAt: { ja: "承認日時", en: "Signed off at" },
  evidence: { ja: "証跡", en: "Evidence" },
  evidenceExpired: { ja: "期限切れの証跡", en: "Expired evidence" },
  evidenceLine: { ja: "{n}件（うち期限切れ{expired}件）", en: "{n} ({expired} expired)" },
  requirement: { ja: "要求事項", en: "Requirement" },
  requirementTitle: { ja: "見出し", en: "Title" },
  controls: { ja: "管理策", en: "Controls" },
  dueDate: { ja: "期限", en: "Due" },
  requirementsAnswered: { ja: "対応する要求事項", en: "Requirements answered" },
  attachedTo: { ja: "紐付け先", en: "Attached to" },
  kind: { ja: "種類", en: "Kind" },
  validUntil: { ja: "有効期限", en: "Valid until" },
  evidenceStatus: { ja: "有効期間の状態", en: "Validity" },
  noAssessments: { ja: "このフレームワークで評価したシステムはまだありません。", en: "No system has been assessed against this framework yet." },
  noGaps: { ja: "未対応の要求事項はありません。", en: "No requirement is open." },
  noControls: { ja: "このフレームワークの要求事項に対応付けた管理策はありません。", en: "No control is mapped to this framework's requirements." },
  gapsNote: {
    ja: "未対応とは、状態が「未達成」「一部達成」「未着手」の評価項目です（Musubiの集計）。証跡は、評価項目に直接紐付けたものと、その要求事項に対応付けた管理策に紐付けたものを数えます。",
    en: "Gaps are assessment rows whose status is Not met, Partially met or Not started (Musubi's tally). Evidence counts what is attached to the rows themselves and to the controls mapped to their requirements.",
  },
  versionNote: {
    ja: "一部の評価は、ライブラリの現行版（{current}）ではなく旧版（{versions}）に基づいています。",
    en: "Some assessments were made against an earlier version ({versions}) than the library's current one ({current}).",
  },
  detailsCapped: { ja: "未対応の多い順に{shown}システムを示します（全{total}システム。すべてはExcel版にあります）。", en: "The {shown} systems with the most gaps are shown ({total} in all; the Excel version has every one)." },
  viaItem: { ja: "評価項目", en: "Assessment row" },
  viaControl: { ja: "管理策", en: "Control" },
} as const satisfies Record<string, Words>;

/** Evidence validity as the evidence screens word it. */
export const EVIDENCE_STATUS_WORDS = {
  valid: { ja: "有効", en: "Valid" },
  expiring: { ja: "期限間近", en: "Expiring soon" },
  expired: { ja: "期限切れ", en: "Expired" },
  no_expiry: { ja: "期限なし", en: "No expiry" },
} as const satisfies Record<string, Words>;

export const EVIDENCE_KIND_WORDS = {
  file: { ja: "ファイル", en: "File" },
  link: { ja: "リンク", en: "Link" },
  note: { ja: "メモ", en: "Note" },
} as const satisfies Record<string, Words>;

/** Words of the board report. */
export const BOARD = {
  title: { ja: "取締役会向け AIガバナンス報告書", en: "AI governance report to the board" },
  period: { ja: "対象期間", en: "Period" },
  periodLine: { ja: "{from}〜{to}", en: "{from} – {to}" },
  fiscalYear: { ja: "（{fy}年度）", en: " (fiscal year {fy})" },
  sheetSummary: { ja: "概要", en: "Summary" },
  sheetNotAssessed: { ja: "未評価のシステム", en: "Systems not assessed" },
  sheetOverdueSystems: { ja: "レビュー期限切れ（システム）", en: "Overdue reviews (systems)" },
  sheetOverdueRisks: { ja: "レビュー期限切れ（リスク）", en: "Overdue reviews (risks)" },
  sheetIncidents: { ja: "重大なインシデント", en: "Serious incidents" },
  sheetRisks: { ja: "許容水準を超えるリスク", en: "Risks above appetite" },
  hSummary: { ja: "要点", en: "Key figures" },
  hInventory: { ja: "AIシステムの台帳", en: "The AI system inventory" },
  hRegistered: { ja: "期間中に登録されたシステム", en: "Systems registered in the period" },
  hPosture: { ja: "フレームワーク別の対応状況", en: "Posture by framework" },
  hGaps: { ja: "未対応の多い要求事項", en: "Requirements with the most gaps" },
  hOverdue: { ja: "期限を過ぎたレビュー", en: "Overdue reviews" },
  hIncidents: { ja: "期間中のインシデント", en: "Incidents in the period" },
  hRisks: { ja: "許容水準を超えるリスク", en: "Risks above appetite" },
  hAppendix: { ja: "付録", en: "Appendices" },
  hNotAssessed: { ja: "付録A 評価を始めていないシステム", en: "Appendix A: systems not yet assessed" },
  hOverdueSystems: { ja: "付録B レビュー期限を過ぎたシステム", en: "Appendix B: systems past their review date" },
  hOverdueRisks: { ja: "付録C レビュー期限を過ぎたリスク", en: "Appendix C: risks past their review date" },
  hRiskList: { ja: "付録D 許容水準を超えるリスク", en: "Appendix D: risks above appetite" },
  hSeriousList: { ja: "付録E 期間中の深刻度「高」「重大」のインシデント", en: "Appendix E: High and Critical incidents of the period" },
  totalSystems: { ja: "登録されているAIシステム", en: "AI systems registered" },
  registeredInPeriod: { ja: "期間中に登録されたシステム", en: "Registered in the period" },
  notAssessed: { ja: "評価を始めていないシステム（廃止を除く）", en: "Systems not yet assessed (retired excluded)" },
  overdueSystems: { ja: "レビュー期限を過ぎたシステム", en: "Systems past their review date" },
  overdueRisks: { ja: "レビュー期限を過ぎたリスク", en: "Risks past their review date" },
  incidentsInPeriod: { ja: "期間中に検知したインシデント", en: "Incidents detected in the period" },
  seriousIncidents: { ja: "うち深刻度「高」「重大」", en: "of which High or Critical" },
  risksAbove: { ja: "許容水準を超えるリスク（クローズを除く）", en: "Risks above appetite (closed excluded)" },
  answersChanged: { ja: "期間中に更新された評価項目の回答", en: "Assessment answers changed in the period" },
  signOffs: { ja: "期間中の評価の承認", en: "Assessments signed off in the period" },
  chartEuClass: { ja: "EU AI法の区分別のシステム数", en: "Systems by EU AI Act class" },
  chartLifecycle: { ja: "ライフサイクル別のシステム数", en: "Systems by lifecycle stage" },
  chartRegistered: { ja: "月別の登録数", en: "Systems registered per month" },
  chartGaps: { ja: "フレームワーク別の未対応項目数（未達成・一部達成）", en: "Gap rows per framework (not met, partially met)" },
  chartSeverity: { ja: "深刻度別のインシデント数", en: "Incidents by severity" },
  chartIncidentStatus: { ja: "状態別のインシデント数", en: "Incidents by status" },
  chartBands: { ja: "区分別のリスク数", en: "Risks by band" },
  month: { ja: "月", en: "Month" },
  classLater: { ja: "うち後日適用", en: "Of which applies later" },
  inScope: { ja: "適用対象", en: "In scope" },
  assessed: { ja: "評価済み", en: "Assessed" },
  rows: { ja: "評価項目", en: "Rows" },
  requirement: { ja: "要求事項", en: "Requirement" },
  notMet: { ja: "未達成", en: "Not met" },
  partiallyMet: { ja: "一部達成", en: "Partially met" },
  missingFrameworks: { ja: "未評価のフレームワーク", en: "Frameworks not assessed" },
  detected: { ja: "検知日時", en: "Detected" },
  severity: { ja: "深刻度", en: "Severity" },
  subject: { ja: "件名", en: "Title" },
  risk: { ja: "リスク", en: "Risk" },
  rating: { ja: "評価（発生可能性×影響度）", en: "Rating (likelihood × impact)" },
  band: { ja: "区分", en: "Band" },
  basis: { ja: "評価の根拠", en: "Rated on" },
  residual: { ja: "残存リスク", en: "Residual" },
  inherent: { ja: "固有リスク", en: "Inherent" },
  noIncidents: { ja: "期間中に検知したインシデントはありません。", en: "No incident was detected in the period." },
  noSerious: { ja: "深刻度「高」「重大」のインシデントはありません。", en: "No High or Critical incident." },
  noOverdue: { ja: "期限を過ぎたレビューはありません。", en: "No review is overdue." },
  noRisks: { ja: "許容水準を超えるリスクはありません。", en: "No risk is above appetite." },
  noNotAssessed: { ja: "適用対象のフレームワークをすべて評価しています。", en: "Every system is assessed against each framework in scope." },
  noSystems: { ja: "登録されたシステムはありません。", en: "No system is registered." },
  noFrameworks: { ja: "適用対象のフレームワークはまだありません。", en: "No framework is in scope yet." },
  trendNote: {
    ja: "対応状況の推移は示していません。Musubiは対応状況の履歴を保存しておらず、管理策の状態やライブラリの更新による変化は要求事項ごとには監査台帳に記録されないため、期間の開始時点の対応状況は推測なしには求められません。下の表は作成時点の対応状況です。期間中の動きとして、監査台帳に記録された回答の更新と評価の承認の件数を示します。",
    en: "No posture trend is shown. Musubi does not keep a history of posture, and changes that come through controls or library updates are not recorded per requirement in the ledger, so the posture at the period's start cannot be derived without guessing. The table shows the posture when this report was generated. As the period's activity, the counts of answer changes and sign-offs recorded in the audit ledger are given.",
  },
  pastPeriodNote: { ja: "対象期間は作成日より前に終わっていますが、台帳・対応状況・レビュー期限は作成時点のものです。", en: "The period ended before this report was generated; the inventory, posture and review dates are as of generation." },
  appetiteNote: {
    ja: "Musubiはリスク許容水準を記録していないため、組織のリスクマトリクスの上位{n}区分（{bands}）を許容水準を超えるものとしています（Musubiの判断）。評価は残存リスクが記録されていればその値、なければ固有リスクです。",
    en: "Musubi records no risk appetite, so this report takes the top {n} band(s) of the organisation's risk matrix ({bands}) as above appetite (Musubi's choice). Ratings are residual where recorded, else inherent.",
  },
  overdueNote: { ja: "レビュー期限は作成日（{today}）時点で判定します。廃止したシステムとクローズしたリスクは除きます。", en: "Overdue as of the day this report was generated ({today}); retired systems and closed risks are left out." },
  incidentsNote: { ja: "期間中に検知した（検知日時が期間内の）インシデントを数えます。", en: "Counts the incidents detected within the period." },
  notAssessedNote: { ja: "適用対象のフレームワークのうち、評価を始めていないものがあるシステムです。", en: "Systems with a framework in scope that no assessment has been started for." },
  listCapped: { ja: "{shown}件を示します（全{total}件）。", en: "{shown} shown of {total}." },
} as const satisfies Record<string, Words>;

/** `text` with `{name}` placeholders filled in. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** A number as people in `lang` write it (thousands separators). */
export function num(n: number, lang: "ja" | "en"): string {
  return n.toLocaleString(lang === "ja" ? "ja-JP" : "en-US");
}
