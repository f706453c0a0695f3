/**
 * The due-diligence questionnaire for third-party AI tools and services. Its topics — security, data
 * use, model provenance, and contractual safeguards (inputs, outputs, rights, use restrictions,
 * liability) — are Musubi's own: no source in Musubi's library lists the topics of a METI contract
 * checklist, so none is claimed. The questions are Musubi's editorial wording, not quotations;
 * `critical` marks the gaps that weigh most.
 */
export const TOPICS = {
  security: { ja: "セキュリティ", en: "Security" },
  data_use: { ja: "データの利用", en: "Data use" },
  provenance: { ja: "モデルの来歴", en: "Model provenance" },
  contract: { ja: "契約上の手当て（入力・出力・権利・利用制限・責任）", en: "Contractual safeguards (inputs, outputs, rights, use restrictions, liability)" },
} as const;
export type Topic = keyof typeof TOPICS;

export interface Question {
  id: string;
  topic: Topic;
  critical: boolean;
  ja: string;
  en: string;
}

export const QUESTIONS: readonly Question[] = [
  { id: "sec.assurance", topic: "security", critical: false, ja: "第三者認証又は監査報告（ISO/IEC 27001、SOC 2 等）の現行のものがあるか。", en: "Does the vendor hold a current security certification or audit report (e.g. ISO/IEC 27001, SOC 2)?" },
  { id: "sec.incident_notice", topic: "security", critical: true, ja: "当社データに関わるセキュリティ事故を、合意した期限内に通知するか。", en: "Will the vendor notify you of security incidents affecting your data within an agreed time?" },
  { id: "sec.access", topic: "security", critical: false, ja: "当社データ及びサービスへのアクセスは制限され、記録されているか。", en: "Is access to your data and the service restricted and logged?" },
  { id: "data.training", topic: "data_use", critical: true, ja: "当社の入力データを、同意なくベンダーのモデルの学習・改善に使わないか。", en: "Is your input data kept out of training or improving the vendor's models unless you agree?" },
  { id: "data.location", topic: "data_use", critical: false, ja: "データの保存・処理場所（国・地域）が明らかか。", en: "Do you know in which countries your data is stored and processed?" },
  { id: "data.retention", topic: "data_use", critical: false, ja: "データの保存期間及び契約終了時の削除が定められているか。", en: "Are retention and deletion of your data at the end of the contract defined?" },
  { id: "data.personal", topic: "data_use", critical: true, ja: "個人データを扱う場合、その取扱い及び監督が契約で定められているか。", en: "If personal data is processed, are its handling and your supervision of it set out in the contract?" },
  { id: "prov.models", topic: "provenance", critical: false, ja: "使用するモデル（及び版）を開示し、変更時に通知するか。", en: "Does the vendor disclose which models (and versions) the service uses, and announce changes?" },
  { id: "prov.training_data", topic: "provenance", critical: false, ja: "学習データの出所及び権利関係を説明しているか。", en: "Does the vendor describe the sources of its training data and the rights to them?" },
  { id: "prov.evaluation", topic: "provenance", critical: false, ja: "精度・バイアス・安全性の評価結果又はモデルカードを提供するか。", en: "Does the vendor share evaluation results (accuracy, bias, safety) or a model card?" },
  { id: "ctr.inputs", topic: "contract", critical: false, ja: "入力：提供するデータの権利及び利用範囲が契約で定められているか。", en: "Inputs: does the contract define the rights to, and permitted uses of, the data you provide?" },
  { id: "ctr.outputs", topic: "contract", critical: false, ja: "出力：生成物の権利の帰属及び利用条件が定められているか。", en: "Outputs: does it define who holds rights in outputs and how you may use them?" },
  { id: "ctr.rights", topic: "contract", critical: false, ja: "権利：モデル、改良及び成果物の知的財産権の帰属が定められているか。", en: "Rights: does it allocate intellectual-property rights in models, improvements and deliverables?" },
  { id: "ctr.use_restrictions", topic: "contract", critical: false, ja: "利用制限：禁止用途及び利用上限が明記され、当社の用途に適合しているか。", en: "Use restrictions: are prohibited uses and limits stated, and do they fit your intended use?" },
  { id: "ctr.liability", topic: "contract", critical: true, ja: "責任：AIの誤り及び権利侵害に関する責任、保証及び補償が定められているか。", en: "Liability: are liability, warranties and indemnities for AI errors and infringement defined?" },
];

export const ANSWERS = ["yes", "partial", "no", "na"] as const;
export type Answer = (typeof ANSWERS)[number];
export const RATINGS = ["unrated", "low", "medium", "high", "critical"] as const;
export type Rating = (typeof RATINGS)[number];

/** The ratings a reviewer decides on; `unrated` is only the state before any review. */
export type DecidedRating = Exclude<Rating, "unrated">;

/** What a set of answers suggests: how many questions are answered, the gaps so far and, once all are answered, a rating. */
export interface Suggestion {
  answered: number;
  total: number;
  gaps: number;
  /** Null until every question is answered: see {@link suggestRating}. */
  rating: DecidedRating | null;
}

/**
 * Gaps and the rating they suggest: a `no` counts 1, a `partial` ½. No gap suggests low, two gaps
 * or fewer medium, more high; a `no` to a critical question suggests at least high, two of them
 * critical. A heuristic to start the reviewer's judgement, which may override it.
 *
 * A rating is suggested only once every question is answered: an unanswered question may yet be a
 * `no` to a critical one, so a rating from part of the answers ("low" with none answered) would
 * read as an all-clear that nobody gave.
 */
export function suggestRating(answers: Readonly<Record<string, { answer?: Answer | undefined } | undefined>>): Suggestion {
  let gaps = 0;
  let criticalNo = 0;
  let answered = 0;
  for (const q of QUESTIONS) {
    const a = answers[q.id]?.answer;
    if (a !== undefined) answered++;
    if (a === "no") gaps += 1;
    if (a === "partial") gaps += 0.5;
    if (a === "no" && q.critical) criticalNo++;
  }
  const total = QUESTIONS.length;
  if (answered < total) return { answered, total, gaps, rating: null };
  const rating = criticalNo >= 2 ? "critical" : criticalNo === 1 || gaps > 2 ? "high" : gaps > 0 ? "medium" : "low";
  return { answered, total, gaps, rating };
}
