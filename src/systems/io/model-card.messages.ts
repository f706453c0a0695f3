import { AppError } from "../../platform/errors.ts";
import type { Bilingual } from "./import.messages.ts";

/** The largest card accepted: real README.md cards are tens of kilobytes; 1 MiB leaves ample room. */
export const MAX_CARD_BYTES = 1024 * 1024;
/**
 * How many alias expansions the YAML reader allows (`yaml`'s `maxAliasCount`). Cards seldom use
 * aliases at all; a "billion laughs" document needs thousands, so a small bound refuses it early.
 */
export const MAX_YAML_ALIASES = 50;
/** The deepest nesting a card's metadata may have: ample for model-index, far below the stack. */
export const MAX_CARD_DEPTH = 32;

/** Why a card was refused: `details.reason` of a 422 `import_invalid_card`. */
export type CardProblem =
  | "not_utf8"
  | "empty"
  | "front_matter_unclosed"
  | "yaml"
  | "metadata_not_mapping"
  | "eval_results_not_list"
  | "not_json"
  | "schema"
  | "name_missing"
  | "nothing_to_import"
  | "too_many_entries";

/** A 422 `import_invalid_card`: `details.reason` says which problem, `details.message` the sentence for the person. */
export function invalidCard(reason: CardProblem, message: Bilingual, details: Record<string, unknown> = {}): AppError {
  return new AppError(422, "import_invalid_card", { reason, ...details, message });
}

const n = (v: number) => v.toLocaleString("en-US");

/** A 413 `import_too_large` for a card: too many bytes, too many alias expansions, or too deep. */
export function cardTooLarge(limit: "bytes" | "yaml_aliases" | "depth", max: number): AppError {
  const message: Bilingual = {
    bytes: {
      en: `The card is larger than ${n(max / 1024 / 1024)} MB; a model or dataset card may be at most ${n(max / 1024 / 1024)} MB.`,
      ja: `カードが${n(max / 1024 / 1024)}MBを超えています。モデルカード・データセットカードは${n(max / 1024 / 1024)}MBまでです。`,
    },
    yaml_aliases: {
      en: `The card's YAML expands aliases (*name) more than ${n(max)} times; it looks like an alias bomb ("billion laughs") and is not read.`,
      ja: `カードのYAMLがエイリアス（*名前）を${n(max)}回を超えて展開します。エイリアス爆弾（billion laughs）の疑いがあるため読み込みません。`,
    },
    depth: {
      en: `The card's metadata is nested more than ${n(max)} levels deep; at most ${n(max)} levels are accepted.`,
      ja: `カードのメタデータの入れ子が上限を超えています。受け付けるのは${n(max)}階層までです。`,
    },
  }[limit];
  return new AppError(413, "import_too_large", { limit, max, message });
}

/** Japanese for the YAML errors people make most; the parser's own English is kept in the details. */
const YAML_PROBLEMS: Record<string, Bilingual> = {
  DUPLICATE_KEY: { en: "the same key appears twice", ja: "同じキーが2回出現しています" },
  TAB_AS_INDENT: { en: "a tab is used for indentation (YAML allows only spaces)", ja: "インデントにタブ文字が使われています（YAMLでは空白のみ使用できます）" },
  BAD_INDENT: { en: "the indentation is wrong", ja: "インデントが正しくありません" },
  MISSING_CHAR: { en: "a closing bracket or quote is missing", ja: "閉じ括弧又は閉じ引用符がありません" },
  BAD_ALIAS: { en: "an alias (*name) refers to no anchor (&name)", ja: "エイリアス（*名前）に対応するアンカー（&名前）がありません" },
  BLOCK_AS_IMPLICIT_KEY: { en: "a key is followed by another key on the same line", ja: "同じ行にキーが続けて書かれています" },
  MULTILINE_IMPLICIT_KEY: { en: "a key runs over several lines", ja: "キーが複数行にまたがっています" },
  UNEXPECTED_TOKEN: { en: "there is an unexpected character", ja: "想定外の文字があります" },
};

/**
 * The sentence for a YAML syntax error at a line and column of the uploaded file (not of the
 * YAML block), so the person can find it in their editor.
 */
export function yamlProblem(code: string, line: number, col: number, where: "front_matter" | "file"): Bilingual {
  const problem = YAML_PROBLEMS[code] ?? { en: "the YAML syntax is not valid", ja: "YAMLの構文が正しくありません" };
  return where === "front_matter"
    ? {
        en: `The card's metadata (the YAML block between the --- lines) is not valid YAML at line ${line}, column ${col}: ${problem.en}.`,
        ja: `カードのメタデータ（---で囲まれたYAMLブロック）の${line}行${col}列目がYAMLとして正しくありません：${problem.ja}。`,
      }
    : {
        en: `The file is not valid YAML at line ${line}, column ${col}: ${problem.en}.`,
        ja: `ファイルの${line}行${col}列目がYAMLとして正しくありません：${problem.ja}。`,
      };
}
