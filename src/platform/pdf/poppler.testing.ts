import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Test helpers that read a PDF back with Poppler (Debian's `poppler-utils`): its text, page count,
 * fonts and a grey raster of a page. Locally the PDF tests skip, saying why, when Poppler is
 * missing; in CI (`CI=true`, where `.ci/run` installs it) or with MUSUBI_REQUIRE_POPPLER=1 they fail.
 */
export const POPPLER = ["pdftotext", "pdftoppm", "pdffonts", "pdfinfo"].every((tool) => spawnSync("which", [tool]).status === 0);
export const REQUIRE_POPPLER = process.env.CI === "true" || process.env.MUSUBI_REQUIRE_POPPLER === "1";
if (!POPPLER && !REQUIRE_POPPLER) console.warn("[pdf tests] skipped: pdftotext/pdftoppm/pdffonts/pdfinfo not found (apt-get install poppler-utils; CI installs it and requires these tests)");

function withFile<T>(pdf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-pdf-"));
  try {
    const file = path.join(dir, "doc.pdf");
    fs.writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF (or of pages `first`..`last`), as `pdftotext -layout`-less extraction gives it. */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }): string {
  const range = pages ? ["-f", String(pages.first), "-l", String(pages.last)] : [];
  return withFile(pdf, (file) => execFileSync("pdftotext", ["-enc", "UTF-8", ...range, file, "-"], { encoding: "utf8" }));
}

/** Text with every space and line break taken out: wrapping must not decide whether a phrase is found. */
export const squash = (s: string) => s.replace(/\s+/g, "");

/** `pdfinfo` fields (Title, Pages, …). */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withFile(pdf, (file) => execFileSync("pdfinfo", ["-enc", "UTF-8", file], { encoding: "utf8" }));
  return Object.fromEntries(out.split("\n").filter((l) => l.includes(":")).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]));
}

/** The fonts `pdffonts` lists: name, whether embedded, whether it has a ToUnicode map. */
export function pdfFontList(pdf: Buffer): { name: string; embedded: boolean; unicode: boolean }[] {
  const out = withFile(pdf, (file) => execFileSync("pdffonts", [file], { encoding: "utf8" }));
  return out.split("\n").slice(2).filter(Boolean).map((line) => {
    const cols = line.trim().split(/\s+/);
    // name … emb sub uni objectID gen: read from the right, the type may have spaces.
    return { name: cols[0]!, embedded: cols.at(-5) === "yes", unicode: cols.at(-3) === "yes" };
  });
}

/** Page `page` rasterised in grey at `dpi` (PGM, parsed here): one byte per pixel, 0 black. */
export function pdfRaster(pdf: Buffer, page: number, dpi = 50): { width: number; height: number; pixels: Uint8Array } {
  return withFile(pdf, (file, dir) => {
    execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-f", String(page), "-l", String(page), "-singlefile", file, path.join(dir, "page")]);
    const data = fs.readFileSync(path.join(dir, "page.pgm"));
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString("latin1"));
    if (!header || header[3] !== "255") throw new Error("unexpected PGM header");
    const width = Number(header[1]);
    const height = Number(header[2]);
    return { width, height, pixels: new Uint8Array(data.subarray(header[0].length, header[0].length + width * height)) };
  });
}

/** Pixels darker than mid-grey in a rectangle given in points (1/72 in) from the page's top-left. */
export function darkPixels(r: { width: number; pixels: Uint8Array }, dpi: number, box: { x: number; y: number; w: number; h: number }): number {
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  let n = 0;
  for (let y = px(box.y); y < px(box.y + box.h); y++) for (let x = px(box.x); x < px(box.x + box.w); x++) if (r.pixels[y * r.width + x]! < 128) n++;
  return n;
}
