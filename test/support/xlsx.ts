import { constants, deflateRawSync } from "node:zlib";

/**
 * Builds .xlsx files byte by byte for tests of the upload bounds: small workbooks with exactly the
 * XML a test needs, and hostile ones — millions of rows, zip bombs, lying sizes — generated in well
 * under a second by deflating one block of rows once and repeating it (deflate blocks ended with a
 * full flush concatenate into one valid stream), so no large fixture is committed.
 */

/** One ZIP entry: its content whole, or already-deflated pieces with the size they inflate to. */
export type ZipPart = { name: string; data: Uint8Array | string; store?: boolean } | { name: string; deflated: Uint8Array[]; size: number; declaredSize?: number };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A ZIP of the parts. Parts given as pre-deflated pieces carry no CRC (the reader does not check
 * one) and may declare a size other than their real one, as a crafted file would.
 */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    let pieces: Uint8Array[];
    let size: number;
    let declared: number;
    let crc = 0;
    let method = 8;
    if ("deflated" in part) {
      pieces = part.deflated;
      size = part.size;
      declared = part.declaredSize ?? part.size;
    } else {
      const raw = typeof part.data === "string" ? Buffer.from(part.data, "utf8") : part.data;
      crc = crc32(raw);
      size = declared = raw.length;
      method = part.store ? 0 : 8;
      pieces = [part.store ? raw : deflateRawSync(raw)];
    }
    const compressed = pieces.reduce((n, p) => n + p.length, 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, ...pieces.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(compressed, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + compressed;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A part of `repeat` copies of `body` between `head` and `tail`, deflated once per distinct piece. */
export function repeatedPart(name: string, head: string, body: string, repeat: number, tail: string, declaredSize?: number, level = 1): ZipPart {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level };
  const h = deflateRawSync(head, flush);
  const b = deflateRawSync(body, flush);
  const t = deflateRawSync(tail);
  const size = Buffer.byteLength(head) + Buffer.byteLength(body) * repeat + Buffer.byteLength(tail);
  return { name, deflated: [h, ...Array<Uint8Array>(repeat).fill(b), t], size, ...(declaredSize !== undefined && { declaredSize }) };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>`;
export const SHEET_TAIL = "</sheetData></worksheet>";

/**
 * A workbook around the given worksheet parts (named sheet1.xml, sheet2.xml, … in order) and,
 * optionally, shared strings, styles and extra parts. The package parts come first, as Excel
 * writes them.
 */
export function workbookOf(sheets: { name: string; part: ZipPart | string; hidden?: boolean }[], opts: { sharedStrings?: string[]; stylesXml?: string; workbookPr?: string; extra?: ZipPart[] } = {}): Buffer {
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (opts.sharedStrings) rels.push(`<Relationship Id="rSst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (opts.stylesXml) rels.push(`<Relationship Id="rSty" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
  const parts: ZipPart[] = [
    { name: "_rels/.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", data: `<workbook ${NS}>${opts.workbookPr ?? ""}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>` },
  ];
  if (opts.sharedStrings) parts.push({ name: "xl/sharedStrings.xml", data: `<sst ${NS}>${opts.sharedStrings.join("")}</sst>` });
  if (opts.stylesXml) parts.push({ name: "xl/styles.xml", data: opts.stylesXml });
  sheets.forEach((s, i) => parts.push(typeof s.part === "string" ? { name: `xl/worksheets/sheet${i + 1}.xml`, data: `${SHEET_HEAD}${s.part}${SHEET_TAIL}` } : { ...s.part, name: `xl/worksheets/sheet${i + 1}.xml` }));
  return zipOf([...parts, ...(opts.extra ?? [])]);
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Rows of inline-string cells, `<row r="n">…`, texts escaped. */
export function rowsXml(rows: string[][], firstLine = 1): string {
  return rows.map((cells, i) => `<row r="${firstLine + i}">${cells.map((c) => `<c t="inlineStr"><is><t xml:space="preserve">${escapeXml(c)}</t></is></c>`).join("")}</row>`).join("");
}

/**
 * The reported hostile register: `rows` rows of four cells (~140 bytes of XML each, so 3.8 M rows
 * are ~530 MB of sheet XML in a ~35 MB file). Rows carry no `r` numbers, so one deflated block of
 * 20,000 rows repeats. `declaredSize` lets the file lie about how large the sheet inflates.
 */
export function hugeRegister(rows: number, declaredSize?: number): Buffer {
  const block = 20_000;
  let seed = 7;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  const body: string[] = [];
  for (let i = 0; i < block; i++) {
    const n = (rnd() % 40_000).toString(36);
    body.push(`<row><c t="inlineStr"><is><t>AIS-${n}</t></is></c><c t="inlineStr"><is><t>需要予測 ${n.slice(0, 3)}</t></is></c><c><v>${rnd() % 1000}</v></c><c t="b"><v>1</v></c></row>`);
  }
  return workbookOf([{ name: "台帳", part: repeatedPart("", SHEET_HEAD, body.join(""), Math.ceil(rows / block), SHEET_TAIL, declaredSize) }]);
}

/** A zip bomb: one sheet part of `bytes` spaces that deflates ~1,000-fold, with an honest or a lying declared size. */
export function zipBomb(bytes: number, declaredSize?: number): Buffer {
  const block = 1 << 20;
  const pad = " ".repeat(block);
  return workbookOf([{ name: "Sheet1", part: repeatedPart("", SHEET_HEAD, pad, Math.ceil(bytes / block), SHEET_TAIL, declaredSize, 9) }]);
}
