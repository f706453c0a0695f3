import { createInflateRaw } from "node:zlib";
import { unreadable } from "./table.grid.ts";
import { MAX_ZIP_ENTRIES, MAX_ZIP_RATIO, tooLarge } from "./upload.limits.ts";

/** One file inside a ZIP, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** Declared, not trusted: inflation stops as soon as a part grows past it. */
  size: number;
  localOffset: number;
}

/** Below this size a part is not checked for its compression ratio (tiny XML compresses well). */
const RATIO_GRACE_BYTES = 100 * 1024;
const SLICE = 64 * 1024;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * A ZIP archive (an .xlsx) read from memory through its central directory. Before anything is
 * inflated the directory is checked — entry count, declared sizes against `maxBytes`, declared
 * compression ratios — and while a part inflates, the bytes actually produced are counted against
 * the same bounds, because declared sizes can lie. Parts stream out in 64 KiB pieces; nothing is
 * inflated whole.
 */
export class ZipArchive {
  private inflated = 0;
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string,
    private readonly maxBytes: number,
    entries: ZipEntry[],
  ) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** Reads and checks the central directory; refuses a broken archive, a zip bomb or one too large. */
  static open(bytes: Uint8Array, fileName: string, maxBytes: number): ZipArchive {
    const entries = readDirectory(bytes, fileName);
    if (entries.length > MAX_ZIP_ENTRIES) throw tooLarge(fileName, "zip_entries", MAX_ZIP_ENTRIES);
    let declared = 0;
    for (const e of entries) {
      if (e.size > RATIO_GRACE_BYTES && e.size > e.compressedSize * MAX_ZIP_RATIO) throw tooLarge(fileName, "zip_ratio", MAX_ZIP_RATIO);
      declared += e.size;
    }
    if (declared > maxBytes) throw tooLarge(fileName, "uncompressed_bytes", maxBytes);
    return new ZipArchive(bytes, fileName, maxBytes, entries);
  }

  /** The entry at `path` (part names are case-insensitive in Office files). */
  entry(path: string): ZipEntry | undefined {
    return this.byName.get(path.replace(/^\//, "").toLowerCase());
  }

  /** The entry's content in pieces, counted against the declared size, the ratio and the archive's budget. */
  async *read(entry: ZipEntry): AsyncGenerator<Uint8Array> {
    if (entry.encrypted) throw this.broken("The workbook is encrypted; save it without a password and try again.", "ブックが暗号化されています。パスワードを外して保存し直してください。");
    if (entry.method !== 0 && entry.method !== 8) throw this.broken(`A part of the workbook uses compression method ${entry.method}, which is not supported.`, "ブックの一部が対応していない圧縮形式です。");
    const data = this.dataOf(entry);
    let produced = 0;
    const count = (n: number) => {
      produced += n;
      this.inflated += n;
      if (produced > entry.size) throw this.broken(`The part ${entry.name} is larger than the archive declares; the file is damaged.`, "ブックの一部が宣言されたサイズより大きく、ファイルが壊れています。");
      if (produced > RATIO_GRACE_BYTES && produced > entry.compressedSize * MAX_ZIP_RATIO) throw tooLarge(this.fileName, "zip_ratio", MAX_ZIP_RATIO);
      if (this.inflated > this.maxBytes) throw tooLarge(this.fileName, "uncompressed_bytes", this.maxBytes);
    };
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += SLICE) {
        const piece = data.subarray(i, i + SLICE);
        count(piece.length);
        yield piece;
      }
      return;
    }
    const inflater = createInflateRaw({ chunkSize: SLICE });
    const feed = (async () => {
      for (let i = 0; i < data.length && !inflater.destroyed; i += SLICE) {
        if (!inflater.write(data.subarray(i, i + SLICE))) await drainedOrClosed(inflater);
      }
      if (!inflater.destroyed) inflater.end();
    })();
    try {
      for await (const piece of inflater as AsyncIterable<Buffer>) {
        count(piece.length);
        yield piece;
      }
    } catch (err) {
      if (err instanceof Error && "code" in err && String(err.code).startsWith("Z_")) {
        throw this.broken(`The part ${entry.name} cannot be uncompressed: ${err.message}`, "ブックの一部を展開できません。ファイルが壊れていないか確認してください。");
      }
      throw err;
    } finally {
      inflater.destroy();
      await feed.catch(() => undefined);
    }
  }

  private dataOf(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const at = entry.localOffset;
    if (at + 30 > b.length || u32(b, at) !== LOCAL) throw this.broken("The workbook's ZIP structure is damaged.", "ブックのZIP構造が壊れています。");
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    if (start + entry.compressedSize > b.length) throw this.broken("The workbook is truncated.", "ブックのファイルが途中で切れています。");
    return b.subarray(start, start + entry.compressedSize);
  }

  private broken(en: string, ja: string) {
    return unreadable(this.fileName, "bad_xlsx", en, ja);
  }
}

/** Resolves when the stream wants more input or is gone (a destroyed stream never drains). */
function drainedOrClosed(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** The central directory's entries; ZIP64 sizes and offsets are honoured. */
function readDirectory(b: Uint8Array, fileName: string): ZipEntry[] {
  const bad = () => unreadable(fileName, "bad_xlsx", "The workbook cannot be opened: its ZIP directory is missing or damaged.", "Excelファイルを開けません。ファイルが壊れていないか確認してください。");
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad();
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === ZIP64_LOCATOR) {
    const z = u64(b, eocd - 20 + 8);
    if (z + 56 > b.length || u32(b, z) !== ZIP64_EOCD) throw bad();
    count = u64(b, z + 32);
    offset = u64(b, z + 48);
  }
  // Each directory record takes at least 46 bytes: a count the file cannot hold is a lie.
  if (count * 46 > b.length) throw count > MAX_ZIP_ENTRIES ? tooLarge(fileName, "zip_entries", MAX_ZIP_ENTRIES) : bad();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== CENTRAL) throw bad();
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const end = at + 46 + nameLength + extraLength + u16(b, at + 32);
    if (end > b.length) throw bad();
    const entry: ZipEntry = {
      name: new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength)),
      method: u16(b, at + 10),
      encrypted: (u16(b, at + 8) & 1) === 1,
      compressedSize: u32(b, at + 20),
      size: u32(b, at + 24),
      localOffset: u32(b, at + 42),
    };
    readZip64Extra(b, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at = end;
  }
  return entries;
}

/** Fills in the 64-bit size and offset fields that the 32-bit ones mark with 0xFFFFFFFF. */
function readZip64Extra(b: Uint8Array, start: number, length: number, e: ZipEntry): void {
  for (let p = start; p + 4 <= start + length; ) {
    const id = u16(b, p);
    const size = u16(b, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const take = () => {
        const v = q + 8 <= p + 4 + size ? u64(b, q) : undefined;
        q += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = take() ?? e.size;
      if (e.compressedSize === 0xffffffff) e.compressedSize = take() ?? e.compressedSize;
      if (e.localOffset === 0xffffffff) e.localOffset = take() ?? e.localOffset;
      return;
    }
    p += 4 + size;
  }
}
