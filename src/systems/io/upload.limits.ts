import { AppError } from "../../platform/errors.ts";

/** Which bound an upload exceeded; `details.limit` of a 413 `import_too_large`. */
export type UploadLimit = "rows" | "columns" | "cells" | "cell_chars" | "uncompressed_bytes" | "zip_ratio" | "zip_entries" | "seconds" | "memory" | "depth";

/** Excel's own limit on the characters in one cell: no register made in Excel has a longer cell. */
export const MAX_CELL_CHARS = 32_767;
/** Apache POI's default: a part that inflates more than 100-fold is treated as a zip bomb. */
export const MAX_ZIP_RATIO = 100;
/** The most parts (files) a workbook may have; real ones have tens. */
export const MAX_ZIP_ENTRIES = 10_000;
/** The deepest JSON nesting a BOM may have: ample for real component trees, far below the stack. */
export const MAX_JSON_DEPTH = 64;

const n = (v: number) => v.toLocaleString("en-US");
const mb = (bytes: number) => (bytes / 2 ** 20).toLocaleString("en-US", { maximumFractionDigits: 1 });

const MESSAGES: Record<UploadLimit, (max: number) => { en: string; ja: string }> = {
  rows: (max) => ({
    en: `The file has more than ${n(max)} rows; an import reads at most ${n(max)} rows. Split it into smaller files.`,
    ja: `ファイルの行数が上限を超えています。1回の取込みで読み込めるのは${n(max)}行までです。ファイルを分けてください。`,
  }),
  columns: (max) => ({
    en: `A row has more than ${n(max)} columns; an import reads at most ${n(max)} columns.`,
    ja: `列数が上限を超える行があります。取込みで読み込めるのは${n(max)}列までです。`,
  }),
  cells: (max) => ({
    en: `The file has more than ${n(max)} cells; an import reads at most ${n(max)} cells. Split it into smaller files or remove unused columns.`,
    ja: `セル数が上限を超えています。1回の取込みで読み込めるのは${n(max)}セルまでです。ファイルを分けるか、使わない列を削除してください。`,
  }),
  cell_chars: (max) => ({
    en: `A cell holds more than ${n(max)} characters; a cell may hold at most ${n(max)} characters (Excel's own limit).`,
    ja: `文字数が上限を超えるセルがあります。1つのセルに入れられるのは${n(max)}文字（Excelの上限）までです。`,
  }),
  uncompressed_bytes: (max) => ({
    en: `The workbook is larger than ${mb(max)} MB once uncompressed; an import reads at most ${mb(max)} MB of uncompressed workbook data. Split it into smaller files.`,
    ja: `ブックを展開すると${mb(max)}MBを超えます。取込みで展開できるのは${mb(max)}MBまでです。ファイルを分けてください。`,
  }),
  zip_ratio: (max) => ({
    en: `A part of the workbook expands more than ${n(max)}-fold when uncompressed (at most ${n(max)}-fold is accepted); the file looks like a zip bomb and is not read.`,
    ja: `ブックの一部が展開時に${n(max)}倍を超えて膨らみます（上限は${n(max)}倍）。ZIP爆弾の疑いがあるため読み込みません。`,
  }),
  zip_entries: (max) => ({
    en: `The workbook has more than ${n(max)} parts; at most ${n(max)} are accepted.`,
    ja: `ブックの構成ファイル数が上限を超えています。受け付けるのは${n(max)}個までです。`,
  }),
  seconds: (max) => ({
    en: `Reading the file took longer than ${n(max)} seconds, the most an import may take. Split it into smaller files.`,
    ja: `ファイルの読み込みが上限の${n(max)}秒を超えました。ファイルを分けてください。`,
  }),
  memory: (max) => ({
    en: `Reading the file needs more than the ${n(max)} MB of memory an import may use. Split it into smaller files.`,
    ja: `ファイルの読み込みに、取込みで使えるメモリの上限（${n(max)}MB）を超える量が必要です。ファイルを分けてください。`,
  }),
  depth: (max) => ({
    en: `The JSON is nested more than ${n(max)} levels deep; at most ${n(max)} levels are accepted.`,
    ja: `JSONの入れ子が上限を超えています。受け付けるのは${n(max)}階層までです。`,
  }),
};

/**
 * A 413 `import_too_large` naming the limit, in both languages: `details.limit` says which bound,
 * `details.max` its value (bytes for `uncompressed_bytes`, MB for `memory`), `details.message` the
 * sentence for the person.
 */
export function tooLarge(fileName: string | undefined, limit: UploadLimit, max: number): AppError {
  return new AppError(413, "import_too_large", { ...(fileName !== undefined && { fileName }), limit, max, message: MESSAGES[limit](max) });
}
