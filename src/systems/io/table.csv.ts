import { parse } from "csv-parse/sync";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "../../platform/config.ts";
import type { AppError } from "../../platform/errors.ts";
import { unreadable, type GridRow } from "./table.grid.ts";
import { MAX_CELL_CHARS, tooLarge } from "./upload.limits.ts";

/** `utf-16le` is what Excel writes for「Unicode テキスト」; it is detected by its byte-order mark. */
export type TextEncodingName = "utf-8" | "shift_jis" | "utf-16le";

const DELIMITERS = ["\t", ",", ";"] as const;
const SNIFF_LINES = 50;
const SNIFF_CHARS = 65_536;

/**
 * Decodes CSV bytes and splits them into rows. Rows keep their record number as `line` (blank
 * lines included), which is the row Excel shows when it opens the file. Each record is checked
 * against `limits` as the parser produces it, so a file of a million columns or rows is refused at
 * the first record past the limit.
 */
export function readCsvGrid(bytes: Uint8Array, fileName: string, forced?: "utf-8" | "shift_jis", limits: ImportLimits = DEFAULT_IMPORT_LIMITS): { encoding: TextEncodingName; grid: GridRow[] } {
  const decoded = decodeText(bytes, fileName, forced);
  const { encoding } = decoded;
  const delimiter = detectDelimiter(decoded.text);
  // The parser works on bytes: handing it UTF-8 lets the text (up to twice the file's size in
  // memory) be collected before the records are built, instead of after.
  const input = Buffer.from(decoded.text, "utf8");
  decoded.text = "";
  let records: string[][];
  let refused: AppError | undefined;
  let rows = 0;
  let cells = 0;
  const check = (record: string[]) => {
    if (record.length > limits.columns) refused = tooLarge(fileName, "columns", limits.columns);
    else if (++rows > limits.rows) refused = tooLarge(fileName, "rows", limits.rows);
    else if ((cells += record.length) > limits.cells) refused = tooLarge(fileName, "cells", limits.cells);
    else if (record.some((field) => field.length > MAX_CELL_CHARS)) refused = tooLarge(fileName, "cell_chars", MAX_CELL_CHARS);
    if (refused) throw refused;
    return record;
  };
  try {
    records = parse(input, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: check,
    }) as string[][];
  } catch (err) {
    if (refused) throw refused;
    const line = (err as { lines?: number }).lines;
    throw unreadable(
      fileName,
      "csv_syntax",
      `The CSV file cannot be parsed near line ${line ?? "?"}: ${(err as Error).message}. Check for an unclosed quote (").`,
      `CSVファイルの${line ?? "?"}行目付近を解析できません。閉じられていない引用符（"）がないか確認してください。`,
      { line },
    );
  }
  const grid: GridRow[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) grid[i] = { line: i + 1, cells: records[i]! };
  return { encoding, grid };
}

/**
 * UTF-8 with or without BOM, else Shift_JIS. WHATWG's `shift_jis` decoder is Windows-31J (CP932),
 * so NEC and IBM extensions such as ① and ㈱ that Japanese Excel writes decode correctly. Strict
 * UTF-8 first is safe: Shift_JIS text with any non-ASCII character is almost never valid UTF-8.
 */
export function decodeText(bytes: Uint8Array, fileName: string, forced?: "utf-8" | "shift_jis"): { text: string; encoding: TextEncodingName } {
  let encoding: TextEncodingName;
  let text: string | undefined;
  if (forced) encoding = forced;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = "utf-16le";
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = "utf-8";
  else {
    text = tryDecode(bytes, "utf-8");
    encoding = text === undefined ? "shift_jis" : "utf-8";
  }
  if (text === undefined) {
    let body = bytes;
    if (encoding === "utf-8" && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
    if (encoding === "utf-16le" && bytes[0] === 0xff && bytes[1] === 0xfe) body = bytes.subarray(2);
    text = tryDecode(body, encoding);
  }
  if (text === undefined) {
    throw unreadable(
      fileName,
      "unknown_encoding",
      forced ? `The file is not valid ${forced} text.` : "The file is neither UTF-8 nor Shift_JIS text.",
      forced ? `ファイルが${forced}のテキストとして正しくありません。` : "ファイルがUTF-8又はShift_JISのテキストではありません。",
    );
  }
  if (text.includes("\u0000")) {
    throw unreadable(fileName, "not_text", "The file is not a text (CSV) file.", "ファイルがテキスト（CSV）形式ではありません。");
  }
  return { text, encoding };
}

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Comma, tab or semicolon: the one that splits the first lines most consistently (the same
 * non-zero count on most lines), counting only outside quotes so JSON in cells does not mislead.
 */
export function detectDelimiter(text: string): string {
  const perLine: number[][] = [[0, 0, 0]];
  let inQuotes = false;
  const end = Math.min(text.length, SNIFF_CHARS);
  for (let i = 0; i < end && perLine.length <= SNIFF_LINES; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === "\n") perLine.push([0, 0, 0]);
    else {
      const d = DELIMITERS.indexOf(ch as (typeof DELIMITERS)[number]);
      if (d >= 0) perLine[perLine.length - 1]![d]!++;
    }
  }
  let best = 1;
  let bestScore = -1;
  for (let d = 0; d < DELIMITERS.length; d++) {
    const freq = new Map<number, number>();
    for (const counts of perLine) if (counts[d]! > 0) freq.set(counts[d]!, (freq.get(counts[d]!) ?? 0) + 1);
    const score = Math.max(0, ...freq.values());
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return bestScore > 0 ? DELIMITERS[best]! : ",";
}
