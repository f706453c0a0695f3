import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The font every PDF is set in: Noto Sans JP (SIL Open Font License 1.1), as TrueType files that
 * `npm install` brings in `@expo-google-fonts/noto-sans-jp`. It covers Japanese and Latin, so one
 * family serves both languages; nothing depends on the fonts of the machine. TrueType rather than
 * the OpenType/CFF cut because PDFKit subsets CFF CJK fonts unreliably (foliojs/pdfkit#1135).
 */
export const PDF_FONT = {
  family: "Noto Sans JP",
  package: "@expo-google-fonts/noto-sans-jp",
  licence: "SIL Open Font License 1.1",
  copyright: "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'",
} as const;

const FILES = { regular: "400Regular/NotoSansJP_400Regular.ttf", bold: "700Bold/NotoSansJP_700Bold.ttf" } as const;
export type PdfFontWeight = keyof typeof FILES;

let cache: Record<PdfFontWeight, Buffer> | undefined;

/**
 * The font files' bytes, read once per process (about 11 MB for both weights) and shared by
 * every document; each document embeds only the glyphs it uses.
 */
export function pdfFonts(): Record<PdfFontWeight, Buffer> {
  if (!cache) {
    const dir = path.dirname(createRequire(import.meta.url).resolve(`${PDF_FONT.package}/package.json`));
    cache = { regular: fs.readFileSync(path.join(dir, FILES.regular)), bold: fs.readFileSync(path.join(dir, FILES.bold)) };
  }
  return cache;
}
