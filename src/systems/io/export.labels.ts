import type { Locale } from "../../platform/i18n.ts";
import type { Lifecycle } from "../systems.schema.ts";

/** A text in both languages Musubi speaks. */
export interface Bilingual {
  ja: string;
  en: string;
}

/** Library texts may lack one language; this is their shape without importing the library's schemas. */
export type LibraryText = { ja?: string | undefined; en?: string | undefined };

/** A library text in `locale`, else in the other language, so a cell is never blank for want of a translation. */
export function textIn(text: LibraryText | undefined, locale: Locale, fallback = ""): string {
  if (!text) return fallback;
  return (locale === "ja" ? (text.ja ?? text.en) : (text.en ?? text.ja)) ?? fallback;
}

/**
 * Headers of the inventory's own columns in the people's export. They are Musubi's labels for its
 * own fields, worded as the inventory screens word them, so the sheet reads like the screen.
 */
export const HEADERS = {
  code: { ja: "コード", en: "Code" },
  nameJa: { ja: "名称（日本語）", en: "Name (Japanese)" },
  nameEn: { ja: "名称（英語）", en: "Name (English)" },
  purpose: { ja: "利用目的", en: "Purpose" },
  lifecycle: { ja: "ライフサイクル", en: "Lifecycle" },
  euClass: { ja: "EU AI法の区分", en: "EU AI Act class" },
  euClassFrom: { ja: "EU AI法の区分の適用開始日", en: "EU AI Act class applies from" },
  businessOwner: { ja: "事業責任者", en: "Business owner" },
  technicalOwner: { ja: "技術責任者", en: "Technical owner" },
  department: { ja: "所管部署", en: "Department" },
  lastReviewedAt: { ja: "前回レビュー日", en: "Last reviewed" },
  nextReviewAt: { ja: "次回レビュー日", en: "Next review" },
  vendors: { ja: "ベンダー", en: "Vendors" },
  countries: { ja: "提供・利用国", en: "Deployment countries" },
  tags: { ja: "タグ", en: "Tags" },
  models: { ja: "モデル", en: "Models" },
  datasets: { ja: "データセット", en: "Datasets" },
  components: { ja: "サードパーティ製コンポーネント", en: "Third-party components" },
  createdAt: { ja: "登録日時", en: "Registered" },
  updatedAt: { ja: "最終更新日時", en: "Last changed" },
} as const satisfies Record<string, Bilingual>;
export type HeaderKey = keyof typeof HEADERS;

/** Lifecycle stages as the inventory names them. */
export const LIFECYCLE_LABELS: Record<Lifecycle, Bilingual> = {
  planning: { ja: "企画", en: "Planning" },
  development: { ja: "開発", en: "Development" },
  deployed: { ja: "運用中", en: "Deployed" },
  retired: { ja: "廃止", en: "Retired" },
  unknown: { ja: "不明", en: "Unknown" },
};

/** Where a model runs (`HOSTING`), as the system form names it. */
export const HOSTING_LABELS: Record<string, Bilingual> = {
  "saas-api": { ja: "SaaS・API", en: "SaaS / API" },
  cloud: { ja: "自社クラウド", en: "Own cloud" },
  "on-premises": { ja: "オンプレミス", en: "On premises" },
  edge: { ja: "エッジ・端末", en: "Edge / device" },
  other: { ja: "その他", en: "Other" },
};

/** Words of the people's export that are not headers. */
export const WORDS = {
  sheet: { ja: "AIシステム台帳", en: "AI inventory" },
  yes: { ja: "はい", en: "Yes" },
  no: { ja: "いいえ", en: "No" },
  unclassified: { ja: "未分類", en: "Unclassified" },
  notAssessed: { ja: "未評価", en: "Not assessed yet" },
  signedOff: { ja: "承認済み", en: "signed off" },
  personalData: { ja: "個人情報", en: "personal data" },
  sensitiveData: { ja: "要配慮個人情報", en: "special-care data" },
} as const satisfies Record<string, Bilingual>;

/** How items of one cell are joined: lists of names, and the details after an entry's name. */
const JOIN = {
  list: { ja: "、", en: ", " },
  /** Items that may themselves hold commas (vendor names, option labels). */
  safeList: { ja: "、", en: "; " },
  details: { ja: "・", en: ", " },
} as const satisfies Record<string, Bilingual>;

/** Items of one cell in the reader's way: 「A、B」 / "A, B" ("A; B" where an item may hold a comma). */
export function joinList(items: readonly string[], locale: Locale, mayHoldCommas = false): string {
  return items.join((mayHoldCommas ? JOIN.safeList : JOIN.list)[locale]);
}

/** "name（a・b）" / "name (a, b)": an entry with its details, leaving out the empty ones. */
export function withDetails(name: string, details: readonly (string | undefined | null)[], locale: Locale): string {
  const kept = details.filter((d): d is string => typeof d === "string" && d.trim() !== "");
  if (kept.length === 0) return name;
  const inner = kept.join(JOIN.details[locale]);
  return locale === "ja" ? `${name}（${inner}）` : `${name} (${inner})`;
}

/** The header of one framework's posture column: the framework's name is the library's. */
export function postureHeader(framework: string, locale: Locale): string {
  return locale === "ja" ? `対応状況：${framework}` : `Posture: ${framework}`;
}

/**
 * One system's posture against one framework as the system page states it: rows done (met or not
 * applicable) of the applicable total, with the share and whether the assessment is signed off.
 */
export function postureText(p: { done: number; total: number; signedOff: boolean }, locale: Locale): string {
  const n = new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-GB");
  const share = p.total > 0 ? Math.floor((p.done / p.total) * 100) : null;
  const signed = p.signedOff ? (locale === "ja" ? `・${WORDS.signedOff.ja}` : ` · ${WORDS.signedOff.en}`) : "";
  if (locale === "ja") return `${n.format(p.total)}件中${n.format(p.done)}件完了${share === null ? "" : `（${share}%）`}${signed}`;
  return `${n.format(p.done)} of ${n.format(p.total)} done${share === null ? "" : ` (${share}%)`}${signed}`;
}

/** A header naming the zone its times are in ("最終更新日時（日本標準時）"), since a spreadsheet cell cannot carry one. */
export function inZone(header: string, zone: string, locale: Locale): string {
  return locale === "ja" ? `${header}（${zone}）` : `${header} (${zone})`;
}

/** The zone's generic long name in `locale` ("日本標準時", "Central European Time"), the same in summer and winter. */
export function zoneLongName(timeZone: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", { timeZone, timeZoneName: "longGeneric" }).formatToParts(new Date());
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

const regionNames = { ja: new Intl.DisplayNames(["ja"], { type: "region", fallback: "code" }), en: new Intl.DisplayNames(["en"], { type: "region", fallback: "code" }) };

/** A country (or `EU`) by its name in `locale`: 日本, ドイツ, 欧州連合 / Japan, Germany, European Union. */
export function countryName(code: string, locale: Locale): string {
  try {
    return regionNames[locale].of(code) ?? code;
  } catch {
    return code;
  }
}
