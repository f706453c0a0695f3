import type { Bilingual } from "./import.messages.ts";
import { PLACEHOLDER } from "./model-card.sections.ts";

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
export const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : isObject(v) ? [v] : []);
export const objectOr = (v: unknown): Json => (isObject(v) ? v : {});

/** Drops the keys whose value is undefined, so an entry holds only what the card states. */
export function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * `{license}` in a template parses as YAML's flow mapping `{license: null}`: a one-key mapping with
 * no value is an unfilled placeholder, not a value.
 */
function isPlaceholder(v: unknown): boolean {
  if (isObject(v)) {
    const keys = Object.keys(v);
    return keys.length === 1 && (v[keys[0]!] === null || v[keys[0]!] === undefined);
  }
  return typeof v === "string" && (PLACEHOLDER.test(v) || /^\{[A-Za-z0-9_]+\}$/.test(v.trim()));
}

/**
 * Reads card values without inventing any: text is taken as written, an unfilled template
 * placeholder or a value of the wrong kind is left empty, and each such case is remembered so the
 * import can say which fields it left empty and why.
 */
export class CardReader {
  private readonly placeholders = new Set<string>();
  private readonly notText = new Set<string>();
  readonly warnings: Bilingual[] = [];

  /** A text value, or undefined when the card is silent, leaves a placeholder, or gives something else. */
  text(v: unknown, key: string): string | undefined {
    if (v === null || v === undefined) return undefined;
    if (isPlaceholder(v)) {
      this.placeholders.add(key);
      return undefined;
    }
    if (typeof v === "number") return String(v);
    if (typeof v !== "string") {
      this.notText.add(key);
      return undefined;
    }
    const t = v.trim();
    return t === "" ? undefined : t;
  }

  /** A list of texts (a single text counts as a list of one); items over `maxLength` or past `maxItems` are dropped and reported. */
  list(v: unknown, key: string, maxItems: number, maxLength: number): string[] | undefined {
    const items = (Array.isArray(v) ? v : [v]).map((x) => this.text(x, key)).filter((x): x is string => x !== undefined);
    const fitting = [...new Set(items.filter((x) => x.length <= maxLength))];
    if (fitting.length < new Set(items).size || fitting.length > maxItems) {
      this.warnings.push({
        en: `The card's ${key} has more than ${maxItems} entries or entries longer than ${maxLength} characters; only the first ${maxItems} of at most ${maxLength} characters were kept.`,
        ja: `カードの ${key} は${maxItems}件を超えるか、${maxLength}文字を超える項目を含むため、${maxLength}文字以内の先頭${maxItems}件だけを取り込みました。`,
      });
    }
    const kept = fitting.slice(0, maxItems);
    return kept.length > 0 ? kept : undefined;
  }

  /** `text` cut to `max` characters, saying so: a card section longer than the record holds. */
  fit(text: string | undefined, max: number, what: string): string | undefined {
    if (text === undefined || text.length <= max) return text;
    this.warnings.push({
      en: `The card's ${what} is longer than ${max.toLocaleString("en-US")} characters; only the first ${max.toLocaleString("en-US")} were kept — read the full text in the card.`,
      ja: `カードの ${what} は${max.toLocaleString("en-US")}文字を超えるため、先頭${max.toLocaleString("en-US")}文字だけを取り込みました。全文はカードを確認してください。`,
    });
    return `${text.slice(0, max - 1)}…`;
  }

  /** Remembers a placeholder found outside `text` (a whole list of placeholders, for instance). */
  placeholder(key: string): void {
    this.placeholders.add(key);
  }

  /** The warnings, with one sentence each for the placeholders and the values that were not text. */
  result(): Bilingual[] {
    const out = [...this.warnings];
    if (this.placeholders.size > 0) {
      const keys = [...this.placeholders].join(", ");
      out.push({
        en: `These card fields are unfilled template placeholders and were left empty: ${keys}.`,
        ja: `次の項目はテンプレートのプレースホルダーのままのため、空欄にしました：${keys}。`,
      });
    }
    if (this.notText.size > 0) {
      const keys = [...this.notText].join(", ");
      out.push({
        en: `These card fields are not text where text is expected and were left empty: ${keys}.`,
        ja: `次の項目は文字列であるべき箇所が文字列でないため、空欄にしました：${keys}。`,
      });
    }
    return out;
  }
}

/** A number written as text (`1234`, `0.5`, `1e3`), or undefined: no other spelling is guessed at. */
export function numberOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** The sentence for datasets whose personal-data status the card does not state (the flags default to "no"). */
export function unclassifiedWarning(names: string[]): Bilingual {
  const list = names.join(", ");
  return {
    en: `The card does not say whether dataset(s) ${list} hold personal data; they are recorded as holding no personal or sensitive data — check and correct them.`,
    ja: `カードにはデータセット ${list} が個人情報を含むかどうかの記載がありません。個人情報・要配慮個人情報は「含まない」として登録されるため、確認して修正してください。`,
  };
}
