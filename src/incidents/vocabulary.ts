/**
 * Incident vocabularies, aligned with the CSET AI Harm Taxonomy for AIID (CSETv1, in
 * `aiid-schema/taxa_CSETv1.json`). Each id maps to the exact CSETv1 value it stands for, so an
 * incident filed in Musubi can be compared with — and exported in the terms of — the public
 * database. Japanese labels are Musubi's translations.
 */

/** CSETv1 field "AI Harm Level". */
export const HARM_LEVELS = {
  event: { cset: "AI tangible harm event", ja: "有形の損害が発生", en: "Tangible harm occurred" },
  near_miss: { cset: "AI tangible harm near-miss", ja: "損害の差し迫った危険（ニアミス）", en: "Near miss (imminent risk of harm)" },
  issue: { cset: "AI tangible harm issue", ja: "差し迫っていない損害の危険（課題）", en: "Issue (non-imminent risk of harm)" },
  none: { cset: "none", ja: "有形の損害なし", en: "No tangible harm" },
  unclear: { cset: "unclear", ja: "不明", en: "Unclear" },
} as const;
export type HarmLevel = keyof typeof HARM_LEVELS;

/** CSETv1 yes/no fields on the kind of harm: tangible harm and the special-interest intangible harms. */
export const HARM_TYPES = {
  tangible: { cset: "Tangible Harm", ja: "有形の損害", en: "Tangible harm" },
  critical_services: { cset: "Impact on Critical Services", ja: "重要サービスへの影響", en: "Impact on critical services" },
  rights_violation: { cset: "Rights Violation", ja: "権利侵害", en: "Rights violation" },
  involving_minor: { cset: "Involving Minor", ja: "未成年者が関係", en: "Involving a minor" },
  detrimental_content: { cset: "Detrimental Content", ja: "有害なコンテンツ", en: "Detrimental content" },
  protected_characteristic: { cset: "Protected Characteristic", ja: "保護される属性に基づく差別", en: "Protected characteristic" },
} as const;
export type HarmType = keyof typeof HARM_TYPES;

/** CSETv1 field "Harm Distribution Basis": on what basis harm fell unequally. */
export const HARM_BASES = {
  none: { cset: "none", ja: "なし", en: "None" },
  age: { cset: "age", ja: "年齢", en: "Age" },
  disability: { cset: "disability", ja: "障害", en: "Disability" },
  familial_status: { cset: "familial status (e.g., having or not having children) or pregnancy", ja: "家族状況・妊娠", en: "Familial status or pregnancy" },
  financial_means: { cset: "financial means", ja: "経済状況", en: "Financial means" },
  genetic_information: { cset: "genetic information", ja: "遺伝情報", en: "Genetic information" },
  geography: { cset: "geography", ja: "地域", en: "Geography" },
  ideology: { cset: "ideology", ja: "思想・信条", en: "Ideology" },
  nation_of_origin: { cset: "nation of origin, citizenship, immigrant status", ja: "出身国・国籍・在留資格", en: "Nation of origin, citizenship, immigrant status" },
  race: { cset: "race", ja: "人種", en: "Race" },
  religion: { cset: "religion", ja: "宗教", en: "Religion" },
  sex: { cset: "sex", ja: "性別", en: "Sex" },
  sexual_orientation: { cset: "sexual orientation or gender identity", ja: "性的指向・性自認", en: "Sexual orientation or gender identity" },
  veteran_status: { cset: "veteran status", ja: "退役軍人であること", en: "Veteran status" },
  unclear: { cset: "unclear", ja: "不明", en: "Unclear" },
  other: { cset: "other", ja: "その他", en: "Other" },
} as const;
export type HarmBasis = keyof typeof HARM_BASES;

/**
 * Rights and interests an incident touched — Musubi's own checklist for triage (not a legal
 * classification): it decides which follow-ups the report suggests.
 */
export const RIGHTS = {
  privacy: { ja: "プライバシー・個人情報", en: "Privacy and personal data" },
  non_discrimination: { ja: "差別の禁止・平等", en: "Non-discrimination and equality" },
  life_and_safety: { ja: "生命・身体の安全", en: "Life and physical safety" },
  property: { ja: "財産", en: "Property" },
  reputation: { ja: "名誉・信用", en: "Reputation and honour" },
  intellectual_property: { ja: "知的財産", en: "Intellectual property" },
  expression_and_information: { ja: "表現の自由・知る権利", en: "Freedom of expression and information" },
  labour: { ja: "労働者の権利", en: "Workers' rights" },
  consumer: { ja: "消費者の利益", en: "Consumer interests" },
  other: { ja: "その他", en: "Other" },
} as const;
export type Right = keyof typeof RIGHTS;

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const INCIDENT_STATUSES = ["open", "investigating", "mitigated", "closed"] as const;
export const TRISTATE = ["no", "yes", "unknown"] as const;
