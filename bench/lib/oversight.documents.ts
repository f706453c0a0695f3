// Synthetic incident reports in the shape of `musubi-incident-report/1`, for issue 16's authority
// benchmark: bench data, not real incidents. The parts every real report carries word for word (the
// provisions quoted as legal basis, the licences, the APPI note) are taken from a report built by
// `buildIncidentReport`; the rest varies: Japanese or English titles, summaries and root causes
// written from many sentence patterns and fillers, sectors, systems and vendors, harm types, rights,
// MIT categories, months. A report can be drawn again from its text seed with a variant: another
// organisation describing the same incident (a near-duplicate) or the sender's own edited version.
import { prng } from "../../src/applicability/profile.random.ts";
import type { IncidentReport } from "../../src/incidents/report.schema.ts";
import { HARM_BASES, HARM_LEVELS, HARM_TYPES, RIGHTS, type HarmLevel, type HarmType, type Right } from "../../src/incidents/vocabulary.ts";
import { riskTaxonomy } from "../../src/risks/taxonomy.ts";

/** What every report carries unchanged, taken from reports Musubi built (with and without a personal-data leak). */
export interface ReportTemplate {
  legalBasis: { plain: IncidentReport["legalBasis"]; leak: IncidentReport["legalBasis"] };
  licences: { plain: string[]; leak: string[] };
  personalDataNote: { ja: string; en: string };
  /** Public reference cases (AIID) a report may cite as similar. */
  references: { number: number; title: string }[];
  /**
   * Sentences of real text a summary borrows from (English: the AIID cases' descriptions; Japanese:
   * the library's provisions and guidelines), so that two unrelated reports share about as few
   * words as two real ones do; templates alone make every report of a kind look alike.
   */
  sentences: { ja: string[]; en: string[] };
}

/** A registered organisation, as much of it as a report names. */
export interface ReporterInfo {
  nameJa: string;
  nameEn: string;
  sector: string | null;
  domain: string;
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (rnd: Rnd, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
function weighted<T>(rnd: Rnd, xs: readonly (readonly [T, number])[]): T {
  let r = rnd() * xs.reduce((a, [, w]) => a + w, 0);
  for (const [v, w] of xs) if ((r -= w) < 0) return v;
  return xs[xs.length - 1]![0];
}

/** Sectors as organisations declare them (library/profile/questions.json `sector`), null for none, with their share of members. */
export const SECTOR_WEIGHTS: [string | null, number][] = [["finance", 18], ["healthcare", 10], ["employment-hr", 8], ["education", 6], ["public-administration", 8], ["manufacturing", 15], ["retail", 15], ["telecom", 8], ["other", 7], [null, 5]];

interface System {
  ja: string;
  en: string;
  purpose: string;
  generative: boolean | null;
  failures: string[];
}

const SYSTEMS: Record<string, System[]> = {
  finance: [
    { ja: "与信審査モデル", en: "credit scoring model", purpose: "与信判断の支援 / credit decisions", generative: false, failures: ["bias", "false-positive", "opaque", "drift"] },
    { ja: "不正検知AI", en: "fraud detection model", purpose: "不正取引の検知 / fraud detection", generative: false, failures: ["false-positive", "miss", "drift", "voice-clone"] },
    { ja: "窓口チャットボット", en: "customer service chatbot", purpose: "顧客対応 / customer service", generative: true, failures: ["leak", "hallucination", "toxic", "outage"] },
    { ja: "保険金査定AI", en: "claims assessment model", purpose: "保険金請求の査定 / claims review", generative: false, failures: ["bias", "false-positive", "opaque"] },
    { ja: "ロボアドバイザー", en: "robo-advisor", purpose: "資産運用の助言 / investment advice", generative: true, failures: ["hallucination", "pricing", "opaque"] },
  ],
  healthcare: [
    { ja: "画像診断支援AI", en: "diagnostic imaging assistant", purpose: "読影の支援 / radiology support", generative: false, failures: ["miss", "bias", "drift"] },
    { ja: "問診チャットボット", en: "symptom checker chatbot", purpose: "問診の事前聴取 / patient intake", generative: true, failures: ["hallucination", "leak", "overreliance"] },
    { ja: "電子カルテ要約AI", en: "clinical notes summariser", purpose: "診療記録の要約 / note summaries", generative: true, failures: ["hallucination", "leak", "training-data"] },
    { ja: "トリアージAI", en: "emergency triage model", purpose: "救急の優先度判定 / triage", generative: false, failures: ["miss", "bias", "overreliance"] },
  ],
  "employment-hr": [
    { ja: "採用選考AI", en: "CV screening model", purpose: "書類選考 / CV screening", generative: false, failures: ["bias", "opaque", "training-data"] },
    { ja: "面接評価AI", en: "video interview scoring tool", purpose: "面接の評価 / interview scoring", generative: false, failures: ["bias", "accent", "opaque"] },
    { ja: "人事評価支援AI", en: "performance review assistant", purpose: "人事評価 / performance reviews", generative: true, failures: ["opaque", "labour", "bias"] },
    { ja: "勤怠分析AI", en: "workforce analytics tool", purpose: "勤怠の分析 / attendance analytics", generative: false, failures: ["labour", "leak", "surveillance"] },
  ],
  education: [
    { ja: "自動採点AI", en: "automated essay grader", purpose: "記述式答案の採点 / grading", generative: true, failures: ["bias", "opaque", "drift"] },
    { ja: "学習推薦エンジン", en: "learning recommender", purpose: "教材の推薦 / recommendations", generative: false, failures: ["minor-ads", "bias", "leak"] },
    { ja: "オンライン試験監督AI", en: "online proctoring system", purpose: "不正受験の検知 / proctoring", generative: false, failures: ["false-positive", "bias", "surveillance"] },
  ],
  "public-administration": [
    { ja: "給付審査支援AI", en: "benefit eligibility model", purpose: "給付の審査 / eligibility checks", generative: false, failures: ["bias", "opaque", "false-positive"] },
    { ja: "住民問合せチャットボット", en: "resident enquiry chatbot", purpose: "住民対応 / resident enquiries", generative: true, failures: ["hallucination", "leak", "accent"] },
    { ja: "翻訳AI", en: "machine translation service", purpose: "多言語対応 / translation", generative: true, failures: ["hallucination", "toxic", "accent"] },
  ],
  manufacturing: [
    { ja: "外観検査AI", en: "visual inspection model", purpose: "製品の外観検査 / visual inspection", generative: false, failures: ["miss", "drift", "outage"] },
    { ja: "予知保全AI", en: "predictive maintenance model", purpose: "設備の故障予測 / maintenance", generative: false, failures: ["miss", "drift", "outage"] },
    { ja: "協働ロボット", en: "collaborative robot", purpose: "組立作業の自動化 / assembly", generative: false, failures: ["near-miss", "outage", "miss"] },
    { ja: "需要予測AI", en: "demand forecasting model", purpose: "生産計画 / production planning", generative: false, failures: ["drift", "outage", "opaque"] },
  ],
  retail: [
    { ja: "レコメンドエンジン", en: "recommendation engine", purpose: "商品の推薦 / recommendations", generative: false, failures: ["minor-ads", "bias", "leak"] },
    { ja: "価格最適化AI", en: "dynamic pricing engine", purpose: "価格設定 / pricing", generative: false, failures: ["pricing", "bias", "outage"] },
    { ja: "顔認証決済", en: "face payment terminal", purpose: "決済時の本人確認 / payment identity checks", generative: false, failures: ["bias", "false-positive", "surveillance"] },
    { ja: "顧客対応チャットボット", en: "shopping assistant chatbot", purpose: "顧客対応 / customer service", generative: true, failures: ["leak", "hallucination", "toxic", "pricing"] },
    { ja: "広告配信AI", en: "ad targeting system", purpose: "広告配信 / advertising", generative: false, failures: ["minor-ads", "bias", "training-data"] },
  ],
  telecom: [
    { ja: "音声認識エンジン", en: "speech recognition engine", purpose: "通話の文字起こし / transcription", generative: false, failures: ["accent", "leak", "drift"] },
    { ja: "通話要約AI", en: "call summariser", purpose: "応対記録の作成 / call notes", generative: true, failures: ["hallucination", "leak", "training-data"] },
    { ja: "迷惑電話検知AI", en: "spam call filter", purpose: "迷惑電話の遮断 / spam filtering", generative: false, failures: ["false-positive", "voice-clone", "miss"] },
    { ja: "ネットワーク異常検知AI", en: "network anomaly detector", purpose: "障害の予兆検知 / network operations", generative: false, failures: ["miss", "outage", "drift"] },
  ],
  other: [
    { ja: "生成AIアシスタント", en: "generative AI assistant", purpose: "社内業務の支援 / office work", generative: true, failures: ["hallucination", "leak", "copyright", "toxic"] },
    { ja: "画像生成AI", en: "image generator", purpose: "広告素材の作成 / creative work", generative: true, failures: ["copyright", "toxic", "bias"] },
    { ja: "自動配送ロボット", en: "autonomous delivery robot", purpose: "構内配送 / delivery", generative: false, failures: ["near-miss", "outage", "miss"] },
    { ja: "文書要約AI", en: "document summariser", purpose: "文書の要約 / summaries", generative: true, failures: ["hallucination", "leak", "copyright"] },
  ],
};

interface Failure {
  ja: string[];
  en: string[];
  rights: Right[];
  harmTypes: HarmType[];
  mit: string[];
  level: HarmLevel;
  personalData: "no" | "yes" | "unknown";
}

const FAILURES: Record<string, Failure> = {
  leak: { ja: ["他の顧客の個人情報を回答した", "別の利用者の氏名と住所を表示した", "問い合わせ履歴を第三者に開示した"], en: ["disclosed another customer's personal data", "showed one user's name and address to another", "revealed enquiry histories to third parties"], rights: ["privacy"], harmTypes: ["rights_violation"], mit: ["2", "2.1", "entity.ai"], level: "event", personalData: "yes" },
  bias: { ja: ["特定の属性の人を不当に低く評価した", "女性を一律に低く評価した", "特定の地域の申込者を不利に扱った", "高齢者の判定精度が著しく低かった"], en: ["scored people with a protected attribute unfairly low", "rated women consistently lower", "disadvantaged applicants from certain postcodes", "performed far worse for older people"], rights: ["non_discrimination"], harmTypes: ["protected_characteristic"], mit: ["1", "1.1", "1.3", "entity.ai"], level: "issue", personalData: "no" },
  hallucination: { ja: ["事実と異なる内容を回答した", "存在しない制度を案内した", "誤った金額を提示した"], en: ["gave answers that were not true", "described a scheme that does not exist", "quoted wrong amounts"], rights: ["consumer", "expression_and_information"], harmTypes: ["detrimental_content"], mit: ["3", "3.1", "entity.ai"], level: "issue", personalData: "no" },
  "false-positive": { ja: ["正当な取引を不正と判定して停止した", "誤検知で利用者のアカウントを凍結した", "本人を他人と判定して拒否した"], en: ["blocked legitimate transactions as fraud", "froze user accounts on false alerts", "rejected people as someone else"], rights: ["property", "consumer"], harmTypes: ["tangible"], mit: ["7", "7.3", "entity.ai"], level: "event", personalData: "no" },
  miss: { ja: ["重大な異常を見落とした", "不良品を検出できなかった", "危険な兆候を検知しなかった"], en: ["missed a serious anomaly", "let defective products through", "failed to flag a dangerous sign"], rights: ["life_and_safety"], harmTypes: ["tangible"], mit: ["7", "7.3", "entity.ai", "intent.unintentional"], level: "near_miss", personalData: "no" },
  toxic: { ja: ["差別的な表現を含む回答をした", "不適切な画像を生成した", "利用者を侮辱する発言をした"], en: ["replied with discriminatory language", "generated inappropriate images", "insulted a user"], rights: ["reputation"], harmTypes: ["detrimental_content"], mit: ["1", "1.2", "entity.ai"], level: "issue", personalData: "no" },
  opaque: { ja: ["判断の理由を説明できなかった", "根拠の示せない判定を続けた"], en: ["could not explain its decisions", "kept making decisions nobody could justify"], rights: ["consumer", "labour"], harmTypes: [], mit: ["7", "7.4", "entity.ai"], level: "issue", personalData: "no" },
  drift: { ja: ["モデル更新後に精度が大きく低下した", "季節要因で予測が大きく外れた"], en: ["lost much of its accuracy after a model update", "got forecasts badly wrong over the season"], rights: ["property"], harmTypes: ["tangible"], mit: ["7", "7.3", "timing.post-deployment"], level: "issue", personalData: "no" },
  "voice-clone": { ja: ["合成音声によるなりすましを見抜けなかった", "生成AIで作られた偽の本人確認書類を通した"], en: ["was fooled by a cloned voice", "accepted identity documents made with generative AI"], rights: ["property", "privacy"], harmTypes: ["tangible"], mit: ["4", "4.3", "entity.human", "intent.intentional"], level: "event", personalData: "unknown" },
  overreliance: { ja: ["出力をそのまま信頼した職員が誤った対応をした", "確認を経ずに出力が利用された"], en: ["led staff who trusted it to act wrongly", "had its output used without review"], rights: ["life_and_safety", "consumer"], harmTypes: ["tangible"], mit: ["5", "5.1", "entity.human"], level: "near_miss", personalData: "no" },
  "training-data": { ja: ["同意のない個人情報を学習に用いていた", "学習データに顧客情報が含まれていた"], en: ["was trained on personal data without consent", "had customer records in its training data"], rights: ["privacy"], harmTypes: ["rights_violation"], mit: ["2", "2.1", "timing.pre-deployment", "entity.human"], level: "issue", personalData: "yes" },
  labour: { ja: ["従業員の評価を不当に下げた", "休憩の取得を不当に制限した"], en: ["lowered workers' ratings unfairly", "restricted workers' breaks"], rights: ["labour"], harmTypes: ["rights_violation"], mit: ["6", "6.2", "entity.ai"], level: "issue", personalData: "no" },
  surveillance: { ja: ["本人の同意なく行動を記録した", "必要以上に顔画像を保存していた"], en: ["recorded people's behaviour without consent", "kept face images longer than needed"], rights: ["privacy"], harmTypes: ["rights_violation"], mit: ["2", "2.1", "4.1", "entity.human"], level: "issue", personalData: "yes" },
  "minor-ads": { ja: ["未成年に不適切な広告を表示した", "子ども向けアカウントに成人向けの商品を推薦した"], en: ["showed unsuitable ads to minors", "recommended adult products to children's accounts"], rights: ["consumer"], harmTypes: ["involving_minor", "detrimental_content"], mit: ["1", "1.2", "entity.ai"], level: "event", personalData: "no" },
  pricing: { ja: ["価格を異常に高く設定した", "利用者によって不当に異なる価格を提示した"], en: ["set abnormally high prices", "quoted different prices to different customers unfairly"], rights: ["consumer", "property"], harmTypes: ["tangible"], mit: ["6", "6.1", "entity.ai"], level: "event", personalData: "no" },
  accent: { ja: ["方言や訛りを誤認識した", "外国籍の利用者の発話を正しく認識しなかった"], en: ["misrecognised regional accents", "failed to understand non-native speakers"], rights: ["non_discrimination", "consumer"], harmTypes: ["protected_characteristic"], mit: ["1", "1.3", "entity.ai"], level: "issue", personalData: "no" },
  outage: { ja: ["停止し重要な業務が止まった", "応答不能となりサービスが中断した"], en: ["went down and stopped critical work", "stopped answering and the service was interrupted"], rights: ["consumer"], harmTypes: ["critical_services"], mit: ["7", "7.3", "entity.other"], level: "event", personalData: "no" },
  "near-miss": { ja: ["歩行者と接触しそうになった", "作業員に接近して緊急停止した"], en: ["nearly hit a pedestrian", "came too close to a worker and stopped in an emergency"], rights: ["life_and_safety"], harmTypes: ["tangible"], mit: ["7", "7.3", "entity.ai", "intent.unintentional"], level: "near_miss", personalData: "no" },
  copyright: { ja: ["既存の著作物に酷似した画像を生成した", "他社の文章をほぼそのまま出力した"], en: ["produced images closely copying existing works", "reproduced another company's text almost verbatim"], rights: ["intellectual_property"], harmTypes: ["rights_violation"], mit: ["6", "6.3", "entity.ai"], level: "issue", personalData: "no" },
};

const PREFECTURES: [string, string][] = [["北海道", "Hokkaido"], ["青森県", "Aomori"], ["宮城県", "Miyagi"], ["福島県", "Fukushima"], ["茨城県", "Ibaraki"], ["栃木県", "Tochigi"], ["群馬県", "Gunma"], ["埼玉県", "Saitama"], ["千葉県", "Chiba"], ["東京都", "Tokyo"], ["神奈川県", "Kanagawa"], ["新潟県", "Niigata"], ["富山県", "Toyama"], ["石川県", "Ishikawa"], ["長野県", "Nagano"], ["岐阜県", "Gifu"], ["静岡県", "Shizuoka"], ["愛知県", "Aichi"], ["三重県", "Mie"], ["滋賀県", "Shiga"], ["京都府", "Kyoto"], ["大阪府", "Osaka"], ["兵庫県", "Hyogo"], ["奈良県", "Nara"], ["岡山県", "Okayama"], ["広島県", "Hiroshima"], ["山口県", "Yamaguchi"], ["香川県", "Kagawa"], ["愛媛県", "Ehime"], ["福岡県", "Fukuoka"], ["熊本県", "Kumamoto"], ["鹿児島県", "Kagoshima"], ["沖縄県", "Okinawa"]];
const SITES: [string, string][] = [["本店", "head office"], ["支店", "branch"], ["コールセンター", "call centre"], ["物流センター", "distribution centre"], ["工場", "plant"], ["病院", "hospital"], ["窓口", "service counter"], ["オンラインストア", "online shop"], ["アプリ", "mobile app"], ["会員サイト", "members' site"], ["研修施設", "training centre"], ["店舗", "store"]];
const PARTIES: [string, string][] = [["申込者", "applicants"], ["利用者", "users"], ["患者", "patients"], ["学生", "students"], ["応募者", "job applicants"], ["顧客", "customers"], ["住民", "residents"], ["従業員", "employees"], ["契約者", "policyholders"], ["会員", "members"]];
const CHANNELS: [string, string][] = [["問い合わせ窓口への申告", "a complaint to the help desk"], ["SNSへの投稿", "posts on social media"], ["社内監査", "an internal audit"], ["定期モニタリング", "routine monitoring"], ["取引先からの連絡", "a business partner"], ["報道機関からの照会", "a press enquiry"], ["従業員の内部通報", "a whistleblower report"], ["委託先の報告", "the vendor's report"]];
const TEAMS: [string, string][] = [["品質保証部", "quality assurance"], ["リスク管理部", "risk management"], ["情報セキュリティ室", "information security"], ["開発ベンダー", "the vendor"], ["外部専門家", "outside experts"], ["AIガバナンス委員会", "the AI governance committee"], ["データ分析チーム", "the data science team"]];
const CAUSES: [string, string][] = [
  ["会話履歴の参照範囲の設定誤り", "a misconfigured scope for conversation history"],
  ["学習データの偏り", "skewed training data"],
  ["モデル更新時の検証不足", "too little testing of a model update"],
  ["外部APIの仕様変更", "a change in an external API"],
  ["閾値の設定誤り", "a wrongly set threshold"],
  ["プロンプトの不備", "a flawed system prompt"],
  ["アクセス権限の設定漏れ", "missing access controls"],
  ["評価指標の選定誤り", "the wrong evaluation metric"],
  ["運用手順の未整備", "missing operating procedures"],
  ["ベンダーとの責任分担の不明確さ", "unclear responsibilities between us and the vendor"],
  ["入力データの形式変更", "a change in the input data format"],
  ["検索対象文書の誤登録", "wrong documents in the retrieval index"],
  ["ログの監視不足", "insufficient log monitoring"],
  ["人による確認工程の省略", "a skipped human review step"],
  ["キャッシュの共有設定", "a shared cache setting"],
  ["利用者属性の代理変数", "proxy variables for protected attributes"],
];
const ACTIONS: [string, string][] = [["該当機能を停止", "suspended the feature"], ["モデルを以前の版に戻した", "rolled the model back"], ["影響を受けた方へ個別に連絡した", "contacted everyone affected"], ["閾値を見直した", "reviewed the thresholds"], ["人による確認を必須とした", "made human review mandatory"], ["ベンダーに原因調査を依頼した", "asked the vendor to investigate"], ["再発防止策を策定中", "is drawing up preventive measures"], ["利用規約と説明を改訂した", "revised the terms and the notices"]];
const VENDORS = ["OpenAI", "Anthropic", "Google", "Microsoft", "Amazon Web Services", "NEC", "Fujitsu", "NTT", "Preferred Networks", "ELYZA", "Sakana AI", "rinna", "IBM", "Hitachi", "SoftBank", "LINEヤフー"];
const MODELS = ["GPT-4o", "Claude 3.5 Sonnet", "Gemini 1.5 Pro", "tsuzumi", "PLaMo", "Llama 3 70B (fine-tuned)", "cotomi", "Takane", "XGBoost v3", "ResNet-50 (custom)", "Whisper large-v3", "LightGBM 4"];
const ROLES: [string, number][] = [["ai-developer", 15], ["ai-provider", 30], ["ai-business-user", 55]];
const SEVERITIES: [string, number][] = [["low", 20], ["medium", 45], ["high", 28], ["critical", 7]];
const STATUSES: [string, number][] = [["open", 25], ["investigating", 35], ["mitigated", 25], ["closed", 15]];

/** A fixed, valid timestamp in ms for a date string. */
const iso = (ms: number) => new Date(ms).toISOString();

/** The words of an incident: title, summary and root cause, in one language. */
export interface IncidentText {
  ja: boolean;
  title: string;
  summary: string;
  rootCause: string;
  sector: string;
  system: System;
  failure: Failure;
  peopleAffected: number;
}

/**
 * The text of incident `seed`, in the given sector's systems: the same seed always reads the same;
 * a non-zero `variant` is the same incident told again (other counts, a sentence more or less, a
 * different root-cause wording) — how a second organisation, or a corrected version, describes it.
 */
export function incidentText(seed: number, sector: string | null, variant = 0, corpus: ReportTemplate["sentences"] = { ja: [], en: [] }): IncidentText {
  const rnd = prng(seed * 7919 + 17);
  const sec = sector && SYSTEMS[sector] ? sector : pick(rnd, Object.keys(SYSTEMS));
  const system = pick(rnd, SYSTEMS[sec]!);
  const failure = FAILURES[pick(rnd, system.failures)]!;
  const ja = rnd() < 0.75;
  const v = variant ? prng(variant * 104729 + 3) : rnd;
  const fi = Math.floor(rnd() * failure.ja.length);
  const [prefJa, prefEn] = pick(rnd, PREFECTURES);
  const [siteJa, siteEn] = pick(rnd, SITES);
  const [partyJa, partyEn] = pick(rnd, PARTIES);
  const [chJa, chEn] = pick(rnd, CHANNELS);
  const [teamJa, teamEn] = pick(rnd, TEAMS);
  const [causeJa, causeEn] = pick(rnd, CAUSES);
  const [cause2Ja, cause2En] = pick(rnd, CAUSES);
  const [actJa, actEn] = pick(rnd, ACTIONS);
  const people = variant ? int(v, 1, 5000) : int(rnd, 1, 5000);
  const days = int(rnd, 1, 60);
  const version = `${int(rnd, 1, 9)}.${int(rnd, 0, 20)}`;
  const date = `${int(rnd, 2024, 2026)}-${String(int(rnd, 1, 12)).padStart(2, "0")}-${String(int(rnd, 1, 28)).padStart(2, "0")}`;
  const product = `${pick(rnd, ["さくら", "あおば", "みらい", "ひかり", "つばさ", "Nova", "Aurora", "Sora", "Kizuna", "Hikari"])}${pick(rnd, ["", " Pro", " 2", " Plus", " Next"])}`;
  const extraJa = ["同様の事象は過去にも数件報告されていた。", "現在、影響範囲の精査を続けている。", "監督官庁への報告要否を検討している。", "利用者からの苦情は現在も続いている。", "委託先と共同で再発防止策を検討中である。"];
  const extraEn = ["Similar events had been reported a few times before.", "We are still establishing the full scope.", "We are assessing which regulators must be told.", "Complaints from users are still coming in.", "We are working on preventive measures with the contractor."];
  const borrowed = (pool: string[], n: number) => Array.from({ length: pool.length ? n : 0 }, () => pick(rnd, pool));
  if (ja) {
    const title = `${system.ja}「${product}」が${failure.ja[fi]}${variant && v() < 0.5 ? "件について" : ""}`;
    const sentences = [
      pick(rnd, [`${prefJa}の${siteJa}で運用している${product}（v${version}）が${failure.ja[(fi + 1) % failure.ja.length]}。`, `${date}、${siteJa}（${prefJa}）にて${failure.ja[(fi + 1) % failure.ja.length]}。`, `当社${siteJa}の${product}について、${chJa}があった。`]),
      pick(rnd, [`約${people}人の${partyJa}に影響があり、${chJa}により判明した。`, `対象は${partyJa}${people}名。`, `${partyJa}のうち${people}人が該当する見込み。`]),
      ...borrowed(corpus.ja, 2),
      pick(rnd, [`${teamJa}が調査したところ、${causeJa}が主な原因とみられる。`, `原因は${causeJa}と考えられる。`, `${teamJa}にて原因を調べている。`]),
      pick(rnd, [`発生から${days}日後に${actJa}。`, `${actJa}。`, `${days}日以内に${actJa}予定。`]),
    ];
    if (variant) sentences.push(pick(v, extraJa));
    else if (rnd() < 0.5) sentences.push(pick(rnd, extraJa));
    return { ja, title, summary: sentences.join(""), rootCause: `${causeJa}に加え、${cause2Ja}があった。${variant ? pick(v, extraJa) : ""}`, sector: sec, system, failure, peopleAffected: people };
  }
  const System = system.en[0]!.toUpperCase() + system.en.slice(1);
  const title = `${System} "${product}" ${failure.en[fi]}${variant && v() < 0.5 ? " (update)" : ""}`;
  const sentences = [
    pick(rnd, [`Our ${system.en} (${product}, v${version}) at the ${siteEn} in ${prefEn} ${failure.en[(fi + 1) % failure.en.length]}.`, `On ${date}, ${product} ${failure.en[(fi + 1) % failure.en.length]} at our ${siteEn}.`, `We received ${chEn} about ${product} in ${prefEn}.`]),
    pick(rnd, [`About ${people} ${partyEn} were affected; we learnt of it through ${chEn}.`, `${people} ${partyEn} are concerned.`, `It touched roughly ${people} ${partyEn}.`]),
    ...borrowed(corpus.en, 2),
    pick(rnd, [`An investigation by ${teamEn} points to ${causeEn}.`, `The likely cause is ${causeEn}.`, `${teamEn[0]!.toUpperCase()}${teamEn.slice(1)} is looking into the cause.`]),
    pick(rnd, [`${days} days after it began we ${actEn}.`, `We ${actEn}.`, `Within ${days} days we ${actEn}.`]),
  ];
  if (variant) sentences.push(pick(v, extraEn));
  else if (rnd() < 0.5) sentences.push(pick(rnd, extraEn));
  return { ja, title, summary: sentences.join(" "), rootCause: `${causeEn[0]!.toUpperCase()}${causeEn.slice(1)}, and ${cause2En}. ${variant ? pick(v, extraEn) : ""}`.trim(), sector: sec, system, failure, peopleAffected: people };
}

let mitNames: Map<string, { en: string; ja: string | null }> | undefined;
function mitName(id: string): { en: string; ja: string | null } {
  if (!mitNames) {
    mitNames = new Map();
    const t = riskTaxonomy();
    for (const d of t.domains) {
      mitNames.set(d.id, { en: d.name.en, ja: d.name.ja ?? null });
      for (const s of d.subdomains) mitNames.set(s.id, { en: s.name.en, ja: s.name.ja ?? null });
    }
    for (const c of t.causal) for (const v of c.values) mitNames.set(v.id, { en: `${c.name.en}: ${v.name.en}`, ja: v.name.ja ? `${c.name.ja ?? c.name.en}: ${v.name.ja}` : null });
  }
  return mitNames.get(id) ?? { en: id, ja: null };
}

/** Confidential marks a sender may put on a report, with how often. */
const MARKS: [{ pointer: string; reason: "trade-secret" | "personal-data" }[], number][] = [
  [[], 55],
  [[{ pointer: "/rootCause", reason: "trade-secret" }], 18],
  [[{ pointer: "/aiSystems/0/vendors", reason: "trade-secret" }], 8],
  [[{ pointer: "/personalData", reason: "personal-data" }], 7],
  [[{ pointer: "/harm/affectedParties", reason: "personal-data" }], 5],
  [[{ pointer: "/rootCause", reason: "trade-secret" }, { pointer: "/aiSystems", reason: "trade-secret" }], 4],
  [[{ pointer: "/incident/occurredAt", reason: "personal-data" }], 3],
];

export interface Drawn {
  document: IncidentReport;
  confidential: { pointer: string; reason: "trade-secret" | "personal-data" }[];
  text: IncidentText;
}

/**
 * One incident report from `reporter`, filed at `filedAt` (ms), about incident `code` whose words
 * come from `textSeed`/`variant`. `seed` draws everything else (severity, systems, harm, timeline).
 */
export function drawReport(t: ReportTemplate, reporter: ReporterInfo, seed: number, code: string, filedAt: number, textSeed: number, variant: number): Drawn {
  const rnd = prng(seed * 31 + 5);
  const text = incidentText(textSeed, reporter.sector, variant, t.sentences);
  const f = text.failure;
  const leak = f.personalData !== "no" || rnd() < 0.1;
  const detected = filedAt - int(rnd, 0, 20) * 86_400_000 - int(rnd, 0, 86_399) * 1000;
  const occurred = rnd() < 0.85 ? iso(detected - int(rnd, 0, 40) * 86_400_000).slice(0, 10) : null;
  const status = weighted(rnd, STATUSES);
  const vendors = [pick(rnd, VENDORS), ...(rnd() < 0.2 ? [pick(rnd, VENDORS)] : [])];
  const systems = rnd() < 0.05 ? [] : [0, ...(rnd() < 0.15 ? [1] : [])].map((k) => ({
    code: `SYS-${String(int(rnd, 1, 400)).padStart(4, "0")}`,
    nameJa: `${text.system.ja}${k ? "（予備系）" : ""}`,
    nameEn: `${text.system.en}${k ? " (standby)" : ""}`,
    purpose: text.system.purpose,
    lifecycle: "deployed",
    euAiActClass: null,
    euAiActClassLabel: null,
    euAiActClassFrom: null,
    vendors: k ? [] : vendors,
    models: [pick(rnd, MODELS)],
    generative: rnd() < 0.1 ? null : text.system.generative,
    jpRoles: rnd() < 0.1 ? [] : [weighted(rnd, ROLES)],
    sector: reporter.sector,
  }));
  const harmTypes = [...new Set([...f.harmTypes.filter(() => rnd() < 0.85), ...(rnd() < 0.1 ? [pick(rnd, Object.keys(HARM_TYPES) as HarmType[])] : [])])];
  const rights = [...new Set([...f.rights.filter(() => rnd() < 0.8), ...(rnd() < 0.1 ? [pick(rnd, Object.keys(RIGHTS) as Right[])] : [])])];
  const basis = f.harmTypes.includes("protected_characteristic") ? [pick(rnd, ["age", "sex", "geography", "nation_of_origin", "disability"] as const)] : [];
  const timeline = [{ at: iso(detected + 3_600_000), kind: "filed", body: text.title }];
  for (let k = int(rnd, 0, 4); k > 0; k--) {
    timeline.push({ at: iso(detected + int(rnd, 2, 400) * 3_600_000), kind: "note", body: text.ja ? `対応記録: ${pick(rnd, ACTIONS)[0]}。担当: ${pick(rnd, TEAMS)[0]}` : `Update: we ${pick(rnd, ACTIONS)[1]} (${pick(rnd, TEAMS)[1]}).` });
  }
  timeline.sort((a, b) => (a.at < b.at ? -1 : 1));
  const refs = rnd() < 0.6 ? [pick(rnd, t.references), ...(rnd() < 0.4 ? [pick(rnd, t.references)] : [])] : [];
  const document: IncidentReport = {
    format: "musubi-incident-report/1",
    generatedAt: iso(filedAt - int(rnd, 5, 600) * 1000),
    generatedBy: { name: text.ja ? "ガバナンス 担当" : "Governance lead", email: `governance@${reporter.domain}` },
    timeZone: "Asia/Tokyo",
    reporter: { organisation: { nameJa: reporter.nameJa, nameEn: reporter.nameEn }, contact: rnd() < 0.7 ? { name: text.ja ? "リスク 管理" : "Risk owner", email: `risk@${reporter.domain}` } : null },
    purposes: leak ? ["jp-ai-promotion-act", "jp-appi-leak"] : ["jp-ai-promotion-act"],
    legalBasis: leak ? t.legalBasis.leak : t.legalBasis.plain,
    incident: { id: `inc_${(seed >>> 0).toString(36).padStart(8, "0")}${code.slice(-6)}`, code, title: text.title, summary: text.summary, status, severity: weighted(rnd, SEVERITIES), occurredAt: occurred, detectedAt: iso(detected), recordedAt: iso(detected + 3_600_000), closedAt: status === "closed" ? iso(filedAt - 60_000) : null, source: rnd() < 0.8 ? "web" : "api" },
    aiSystems: systems,
    harm: {
      level: { id: f.level, ...HARM_LEVELS[f.level] },
      types: harmTypes.map((h) => ({ id: h, ...HARM_TYPES[h] })),
      distributionBasis: basis.map((b) => ({ id: b, ...HARM_BASES[b] })),
      livesLost: null,
      injuries: f.rights.includes("life_and_safety") ? int(rnd, 0, 2) : null,
      peopleAffected: text.peopleAffected,
      affectedParties: text.ja ? `${pick(rnd, PARTIES)[0]}（約${text.peopleAffected}人）` : `About ${text.peopleAffected} ${pick(rnd, PARTIES)[1]}`,
      rightsAffected: rights.map((r) => ({ id: r, ...RIGHTS[r] })),
    },
    classification: { mitAiRiskRepository: f.mit.filter((_, k) => k < 2 || rnd() < 0.6).map((id) => ({ id, ...mitName(id) })) },
    personalData: { leaked: f.personalData, dataSubjects: f.personalData === "yes" ? text.peopleAffected : null, sensitive: f.personalData === "yes" && rnd() < 0.2 ? "yes" : "unknown", appiArticle26Check: leak, note: t.personalDataNote },
    timeline,
    rootCause: text.rootCause,
    actions: Array.from({ length: int(rnd, 0, 2) }, (_, k) => ({ code: `ACT-${String(int(rnd, 1, 9999)).padStart(5, "0")}`, kind: k ? "preventive" : "corrective", title: text.ja ? pick(rnd, ACTIONS)[0] : pick(rnd, ACTIONS)[1], status: rnd() < 0.5 ? "done" : "open", dueOn: iso(filedAt + int(rnd, 1, 60) * 86_400_000).slice(0, 10), completedAt: null, approval: null })),
    linkedRisks: rnd() < 0.5 ? [{ code: `RSK-${String(int(rnd, 1, 999)).padStart(5, "0")}`, titleJa: `${text.system.ja}の${pick(rnd, ["誤判定", "情報漏えい", "停止", "偏り"])}`, titleEn: `${text.system.en}: ${pick(rnd, ["wrong decisions", "data leak", "outage", "bias"])}`, inherent: "4×4 High", inherentBand: { ja: "高", en: "High" }, residual: rnd() < 0.5 ? "2×3 Medium" : null, residualBand: null, treatment: "mitigate", status: "open" }] : [],
    failedControls: [],
    similarPublicCases: refs.map((r) => ({ source: "aiid", number: r.number, title: r.title, url: `https://incidentdatabase.ai/cite/${r.number}` })),
    ledger: { headSeq: int(rnd, 10, 500_000), headHash: (Math.floor(rnd() * 2 ** 52).toString(16).padStart(13, "0")).repeat(5).slice(0, 64), incidentEntries: [int(rnd, 10, 500_000)] },
    licences: leak ? t.licences.leak : t.licences.plain,
  };
  const confidential = weighted(rnd, MARKS).filter((m) => !m.pointer.startsWith("/aiSystems") || systems.length > 0);
  return { document, confidential, text };
}

/** A name for member organisation `i`, in both languages, with its sector. */
export function memberNames(i: number, sector: string | null): { nameJa: string; nameEn: string } {
  const rnd = prng(i * 13 + 1);
  const stems: [string, string][] = [["さくら", "Sakura"], ["東都", "Toto"], ["みなと", "Minato"], ["北斗", "Hokuto"], ["あおい", "Aoi"], ["大和", "Yamato"], ["光陽", "Koyo"], ["瑞穂", "Mizuho"], ["朝日", "Asahi"], ["若葉", "Wakaba"], ["中央", "Chuo"], ["白山", "Hakusan"]];
  const kinds: Record<string, [string, string][]> = {
    finance: [["銀行", "Bank"], ["信用金庫", "Shinkin Bank"], ["損害保険", "Insurance"], ["証券", "Securities"]],
    healthcare: [["病院", "Hospital"], ["クリニック", "Clinic"], ["メディカル", "Medical"]],
    "employment-hr": [["人材", "Staffing"], ["キャリア", "Careers"]],
    education: [["学園", "Gakuen"], ["大学", "University"], ["ゼミナール", "Seminar"]],
    "public-administration": [["市役所", "City Office"], ["町役場", "Town Office"]],
    manufacturing: [["製作所", "Works"], ["工業", "Industries"], ["精機", "Precision"]],
    retail: [["商店", "Stores"], ["マート", "Mart"], ["百貨店", "Department Store"]],
    telecom: [["通信", "Telecom"], ["ネットワークス", "Networks"]],
    other: [["ホールディングス", "Holdings"], ["サービス", "Services"]],
  };
  const [sJa, sEn] = pick(rnd, stems);
  const [kJa, kEn] = pick(rnd, kinds[sector ?? "other"] ?? kinds.other!);
  return { nameJa: `${sJa}${kJa}（架空 ${i}）`, nameEn: `${sEn} ${kEn} (fictitious ${i})` };
}
