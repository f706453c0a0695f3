import { LIFECYCLE, type Lifecycle } from "../systems.schema.ts";

/**
 * Words registers use for a system's stage. Pilots, PoCs and trial runs (試行・実証・試験運用) count
 * as development: the system is not yet in regular service. 要件定義 is still planning; 設計 and
 * 構築 are development; 導入済・利用中 are deployed; 停止 and 休止 count as retired, since a
 * suspended system is outside regular service until someone states otherwise.
 */
const LIFECYCLE_WORDS: Record<Lifecycle, string[]> = {
  planning: ["plan", "planned", "planning", "concept", "proposed", "企画", "企画中", "計画", "計画中", "構想", "構想中", "検討", "検討中", "要件定義", "準備中"],
  development: [
    "dev", "develop", "development", "developing", "indevelopment", "build", "building", "test", "testing", "pilot", "poc", "trial", "validation",
    "開発", "開発中", "検証", "検証中", "設計", "設計中", "構築", "構築中", "試験", "試験中", "テスト", "テスト中", "試行", "試行中", "実証", "実証中", "試験運用", "poc中",
  ],
  deployed: [
    "deployed", "deploy", "production", "prod", "live", "inuse", "inservice", "operational", "operating", "active", "released",
    "運用", "運用中", "稼働", "稼働中", "本番", "本番運用", "本番稼働", "利用中", "提供中", "導入済", "導入済み", "公開", "公開中",
  ],
  retired: [
    "retired", "retire", "decommissioned", "discontinued", "inactive", "archived", "withdrawn", "suspended", "endoflife", "eol",
    "廃止", "廃止済", "廃止済み", "停止", "停止中", "休止", "休止中", "利用停止", "運用停止", "運用終了", "提供終了", "利用終了", "終了",
  ],
};

const foldWord = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[\s_\-‐・.]/g, "");

const LIFECYCLE_BY_WORD = new Map<string, Lifecycle>();
for (const stage of LIFECYCLE) {
  LIFECYCLE_BY_WORD.set(stage, stage);
  for (const word of LIFECYCLE_WORDS[stage]) LIFECYCLE_BY_WORD.set(foldWord(word), stage);
}

/** The stage a cell names, in English or Japanese; undefined when the word is not known. */
export function parseLifecycle(text: string): Lifecycle | undefined {
  return LIFECYCLE_BY_WORD.get(foldWord(text));
}

const SPLIT = /\r\n|[\n\r;；、]/;
const SPLIT_WITH_COMMA = /\r\n|[\n\r;；、,，]/;

/**
 * A list cell: a JSON array of strings (AIID keeps entity lists as `["navya","keolis-north-america"]`
 * inside CSV cells), else text split on new lines, `;`, `；` and `、`. Commas split only where
 * items cannot contain one (countries, tags): vendor names such as "Acme, Inc." do.
 * Returns `undefined` when a JSON array holds something other than text.
 */
export function parseList(text: string, splitOnComma: boolean): string[] | undefined {
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
  for (const part of s.split(splitOnComma ? SPLIT_WITH_COMMA : SPLIT)) {
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
export function parseEntries(text: string): unknown[] | undefined {
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
  for (const part of s.split(SPLIT)) {
    const name = part.trim();
    if (name !== "") out.push({ name });
  }
  return out;
}
