import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "../../platform/config.ts";
import { nestedDeeperThan } from "./json.depth.ts";
import { unreadable, type GridRow } from "./table.grid.ts";
import { MAX_CELL_CHARS, tooLarge } from "./upload.limits.ts";

/** Nesting past this is not a register (and would be a way to exhaust the reader). */
const MAX_DEPTH = 32;

/**
 * A JSON register — an array of records, an object holding one (`recordsPath` names it, e.g.
 * `data.items`; else the first array of objects found, breadth first), or JSON Lines — as a grid:
 * the header row is every key in the order first met, nested objects as dotted keys
 * (`owner.email`), lists of plain values joined with "; " unless an item holds a separator (then
 * the JSON array, which the import reads as a list), other values as JSON. Row numbers are the
 * record's position (1 = header), so a problem names the n-th record as row n + 1.
 */
export function readJsonGrid(bytes: Uint8Array, fileName: string, recordsPath: string | undefined, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): { grid: GridRow[]; recordsPath: string } {
  const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false }).decode(bytes).replace(/^\uFEFF/, "");
  const { records, path } = parseRecords(text, fileName, recordsPath);
  if (records.length > limits.rows) throw tooLarge(fileName, "rows", limits.rows);
  const headers: string[] = [];
  const index = new Map<string, number>();
  const rows: Map<number, string>[] = [];
  let cells = 0;
  for (const record of records) {
    const row = new Map<number, string>();
    if (record !== null && typeof record === "object" && !Array.isArray(record)) {
      for (const [key, value] of flatten(record as Record<string, unknown>)) {
        let at = index.get(key);
        if (at === undefined) {
          if (headers.length >= limits.columns) throw tooLarge(fileName, "columns", limits.columns);
          at = headers.length;
          headers.push(key);
          index.set(key, at);
        }
        if (value.length > MAX_CELL_CHARS) throw tooLarge(fileName, "cell_chars", MAX_CELL_CHARS);
        row.set(at, value);
        if (++cells > limits.cells) throw tooLarge(fileName, "cells", limits.cells);
      }
    }
    rows.push(row);
  }
  const grid: GridRow[] = [{ line: 1, cells: headers }];
  rows.forEach((row, i) => grid.push({ line: i + 2, cells: headers.map((_, c) => row.get(c) ?? "") }));
  return { grid, recordsPath: path };
}

function parseRecords(text: string, fileName: string, recordsPath: string | undefined): { records: unknown[]; path: string } {
  const bad = (en: string, ja: string) => unreadable(fileName, "bad_json", en, ja);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON Lines: one record per line.
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
    try {
      json = lines.map((l) => JSON.parse(l) as unknown);
    } catch (err) {
      throw bad(`The file is neither JSON nor JSON Lines: ${(err as Error).message}`, "JSON又はJSON Lines形式として読み込めません。");
    }
  }
  if (nestedDeeperThan(json, MAX_DEPTH)) throw bad(`The JSON nests more than ${MAX_DEPTH} levels deep.`, `JSONの入れ子が${MAX_DEPTH}段を超えています。`);
  if (recordsPath) {
    let node: unknown = json;
    for (const part of recordsPath.split(".")) node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
    if (!Array.isArray(node)) throw bad(`"${recordsPath}" is not a list of records in this file.`, `「${recordsPath}」はこのファイル内のレコードの一覧ではありません。`);
    return { records: node, path: recordsPath };
  }
  const found = firstRecordList(json);
  if (!found) throw bad("The file holds no list of records (objects); name where they are with the records path.", "レコード（オブジェクト）の一覧が見つかりません。レコードの場所（パス）を指定してください。");
  return found;
}

/** The top-level array, or the first array of objects met breadth first, with its dotted path. */
function firstRecordList(json: unknown): { records: unknown[]; path: string } | undefined {
  const queue: { node: unknown; path: string }[] = [{ node: json, path: "" }];
  while (queue.length > 0) {
    const { node, path } = queue.shift()!;
    if (Array.isArray(node)) {
      if (node.some((x) => x !== null && typeof x === "object" && !Array.isArray(x))) return { records: node, path };
      continue;
    }
    if (node !== null && typeof node === "object") for (const [k, v] of Object.entries(node)) queue.push({ node: v, path: path ? `${path}.${k}` : k });
  }
  return undefined;
}

const SEPARATOR = /[\n\r;；、,，]/;

/** A record's values as cells under dotted keys. */
function flatten(record: Record<string, unknown>, prefix = "", out: [string, string][] = []): [string, string][] {
  for (const [k, v] of Object.entries(record)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) {
      const plain = v.every((x) => typeof x === "string" || typeof x === "number" || typeof x === "boolean");
      if (plain && v.length > 0) out.push([key, v.some((x) => SEPARATOR.test(String(x))) ? JSON.stringify(v.map(String)) : v.map(String).join("; ")]);
      else if (v.length > 0) out.push([key, JSON.stringify(v)]);
    } else if (typeof v === "object") {
      // An applicability profile is one value (Musubi's own JSON export writes it so), not a set of columns.
      if (key === "profile") out.push([key, JSON.stringify(v)]);
      else flatten(v as Record<string, unknown>, key, out);
    }
    else out.push([key, String(v)]);
  }
  return out;
}
