import { LIFECYCLE, type Lifecycle } from "../systems.schema.ts";

/**
 * Words registers use for a system's stage, in Japanese, English and Dutch (public algorithm
 * registers). Pilots, PoCs, trial runs and betas (試行・実証・試験運用) count as development: the
 * system is not yet in regular service. 要件定義 and "pre-deployment" are still planning; 設計 and
 * 構築 are development; 導入済・利用中 are deployed; 停止 and 休止 count as retired, since a
 * suspended system is outside regular service until someone states otherwise. These are Musubi's
 * readings of the words; a column's own value mapping overrides them.
 */
const LIFECYCLE_WORDS: Record<Lifecycle, string[]> = {
  planning: [
    "plan", "planned", "planning", "concept", "proposed", "initiated", "initiation", "idea", "ideation", "predeployment", "discovery",
    "企画", "企画中", "計画", "計画中", "構想", "構想中", "検討", "検討中", "要件定義", "準備中",
    "gepland", "idee", "verkenning", "voorbereiding",
  ],
  development: [
    "dev", "develop", "development", "developing", "indevelopment", "underdevelopment", "build", "building", "test", "testing", "pilot", "poc", "trial", "validation",
    "design", "prototype", "alpha", "beta", "beta/pilot", "betapilot", "acquisition", "acquisitionanddevelopment", "acquisitionand/ordevelopment", "acquisitionordevelopment", "implementation", "implementationandassessment",
    "開発", "開発中", "検証", "検証中", "設計", "設計中", "構築", "構築中", "試験", "試験中", "テスト", "テスト中", "試行", "試行中", "実証", "実証中", "試験運用", "poc中",
    "inontwikkeling", "ontwikkeling", "ontwikkelen", "proef", "inproef",
  ],
  deployed: [
    "deployed", "deploy", "production", "inproduction", "prod", "live", "inuse", "inservice", "operational", "operating", "operation", "operationandmaintenance", "inmission", "active", "released", "implemented", "inoperation",
    "運用", "運用中", "稼働", "稼働中", "本番", "本番運用", "本番稼働", "利用中", "提供中", "導入済", "導入済み", "公開", "公開中",
    "ingebruik", "gebruik", "inproductie", "productie", "actief",
  ],
  retired: [
    "retired", "retire", "retirement", "decommissioned", "discontinued", "inactive", "archived", "withdrawn", "suspended", "endoflife", "eol", "sunset", "sunsetted", "nolongerinuse",
    "廃止", "廃止済", "廃止済み", "停止", "停止中", "休止", "休止中", "利用停止", "運用停止", "運用終了", "提供終了", "利用終了", "終了",
    "buitengebruik", "uitgefaseerd", "gestopt", "beëindigd",
  ],
  unknown: ["unknown", "notknown", "n/a", "na", "unspecified", "notstated", "不明", "未定", "未確認", "不詳", "onbekend"],
};

const foldWord = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[\s_\-‐・.]/g, "");

const LIFECYCLE_BY_WORD = new Map<string, Lifecycle>();
for (const stage of LIFECYCLE) {
  LIFECYCLE_BY_WORD.set(stage, stage);
  for (const word of LIFECYCLE_WORDS[stage]) LIFECYCLE_BY_WORD.set(foldWord(word), stage);
}

/**
 * The stage a cell names, in English, Japanese or Dutch; undefined when the word is not known.
 * A qualifier after a colon or in brackets is read past: "In production: more than 1 year",
 * "Planned (not in production)", "運用中（一部）".
 */
export function parseLifecycle(text: string): Lifecycle | undefined {
  const whole = LIFECYCLE_BY_WORD.get(foldWord(text));
  if (whole !== undefined) return whole;
  const head = text.split(/[:：(（[［]/)[0]!;
  return head.length < text.length && head.trim() !== "" ? LIFECYCLE_BY_WORD.get(foldWord(head)) : undefined;
}

const SPLIT = /\r\n|[\n\r;；、]/;
const SPLIT_WITH_COMMA = /\r\n|[\n\r;；、,，]/;

/**
 * How a list cell is cut into items: a column's own separator, `null` for never (the cell is one
 * item), or `undefined` for the field's default rule.
 */
export type SplitRule = string | null | undefined;

function splitText(s: string, rule: SplitRule, splitOnComma: boolean): string[] {
  if (rule === null) return [s];
  if (typeof rule === "string") return s.split(rule);
  return s.split(splitOnComma ? SPLIT_WITH_COMMA : SPLIT);
}

/** A value as a column's translations are looked up: trimmed, NFKC (full-width to half-width), lower case. */
export function foldValue(text: string): string {
  return text.normalize("NFKC").trim().toLowerCase();
}

/**
 * A list cell: a JSON array of strings (AIID keeps entity lists as `["navya","keolis-north-america"]`
 * inside CSV cells), else text split on new lines, `;`, `；` and `、`. Commas split only where
 * items cannot contain one (countries, tags): vendor names such as "Acme, Inc." do. A column's
 * own `rule` replaces that default (a JSON array is still read as its items).
 * Returns `undefined` when a JSON array holds something other than text.
 */
export function parseList(text: string, splitOnComma: boolean, rule?: SplitRule): string[] | undefined {
  const s = text.trim();
  if (s === "") return [];
  if (s.startsWith("[") && s.endsWith("]")) {
    const json = tryJson(s);
    if (Array.isArray(json)) {
      const out: string[] = [];
      for (const item of json) {
        if (typeof item === "string") {
          if (item.trim() !== "") out.push(item.trim());
        } else if (typeof item === "number") out.push(String(item));
        else return undefined;
      }
      return out;
    }
  }
  const out: string[] = [];
  for (const part of splitText(s, rule, splitOnComma)) {
    const item = part.trim();
    if (item !== "") out.push(item);
  }
  return out;
}

export function tryJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/**
 * Country aliases Intl's names miss: common short forms and the usual Japanese names. Intl supplies
 * the rest in English and Japanese (`Japan`, `日本`, `ドイツ`…).
 */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: "US", america: "US", unitedstatesofamerica: "US", 米国: "US", アメリカ: "US", アメリカ合衆国: "US",
  uk: "GB", britain: "GB", greatbritain: "GB", england: "GB", 英国: "GB", イギリス: "GB",
  中国: "CN", 中華人民共和国: "CN", 韓国: "KR", 大韓民国: "KR", 台湾: "TW", 香港: "HK",
  日本国: "JP", eu: "EU", europeanunion: "EU", 欧州連合: "EU", 欧州: "EU",
};

let countryByName: Map<string, string> | undefined;
const foldName = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[\s.\-'’・]/g, "");

function countryNames(): Map<string, string> {
  if (countryByName) return countryByName;
  const map = new Map<string, string>();
  const names = ["en", "ja"].map((l) => new Intl.DisplayNames([l], { type: "region", fallback: "none" }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (canonicalRegion(code) !== code) continue;
      for (const dn of names) {
        const name = dn.of(code);
        if (name !== undefined && code !== "ZZ") map.set(foldName(name), code);
      }
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) map.set(foldName(alias), code);
  countryByName = map;
  return map;
}

/**
 * An ISO 3166-1 alpha-2 code for a cell item: the code itself (any case, retired codes replaced),
 * or a country's English or Japanese name. An unknown two-letter item is returned upper-cased, for
 * the schema's check to refuse.
 */
export function resolveCountry(item: string): string | undefined {
  if (resolved.has(item)) return resolved.get(item);
  const code = countryNames().get(foldName(item)) ?? (/^[A-Za-z]{2}$/.test(item) ? canonicalRegion(item.toUpperCase()) : undefined);
  if (resolved.size < 10_000) resolved.set(item, code);
  return code;
}

/** Answers remembered per item text: a file names the same few countries on every row, and ICU look-ups are slow. */
const resolved = new Map<string, string | undefined>();

/** Retired or informal codes that ICU still names become their current one: `UK` → GB, `DD` → DE. */
function canonicalRegion(code: string): string {
  return Intl.getCanonicalLocales(`und-${code}`)[0]?.slice(4) ?? code;
}

/**
 * A models / datasets / components cell: the JSON array the exporter writes (one object also
 * accepted), or plain names one per line or separated by `;` `；` `、`, each becoming `{ name }`.
 * Returns `undefined` for JSON that is broken or holds neither objects nor names, rather than
 * importing the broken text as a name.
 */
export function parseEntries(text: string, rule?: SplitRule): unknown[] | undefined {
  const s = text.trim();
  if (s === "") return [];
  if (s.startsWith("{")) {
    const json = tryJson(s);
    return json !== null && typeof json === "object" && !Array.isArray(json) ? [json] : undefined;
  }
  if (s.startsWith("[")) {
    const json = tryJson(s);
    if (Array.isArray(json)) {
      const out: unknown[] = [];
      for (const item of json) {
        if (typeof item === "string") out.push({ name: item });
        else if (item !== null && typeof item === "object" && !Array.isArray(item)) out.push(item);
        else return undefined;
      }
      return out;
    }
    if (/^\[\s*[{"\]]/.test(s)) return undefined;
  }
  const out: unknown[] = [];
  for (const part of splitText(s, rule, false)) {
    const name = part.trim();
    if (name !== "") out.push({ name });
  }
  return out;
}
