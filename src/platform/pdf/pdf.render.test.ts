import { describe, expect, it } from "vitest";
import { renderPdf, type PdfDocument } from "./pdf.render.ts";
import { darkPixels, pdfFontList, pdfInfo, pdfRaster, pdfText, POPPLER, REQUIRE_POPPLER, squash } from "./poppler.testing.ts";

const PARAGRAPH_JA = "本書は、AI推進法第16条による国の情報収集に協力するため、事業者が作成したものです。「AIシステム」の概要、リスク、対応状況を記載します。";
const PARAGRAPH_EN = "This document states the AI system's purpose, risks and posture, in the organisation's own words.";

/** A document of every kind of block, with a table long enough to run over several pages. */
function sample(rows: number): PdfDocument {
  return {
    title: "AIシステムカード",
    subtitle: "AIS-HR-01 採用選考支援AI / Recruitment screening assistant",
    meta: ["株式会社デモ · 作成 2026年4月1日"],
    footer: "AIシステムカード — AIS-HR-01",
    blocks: [
      { kind: "heading", level: 1, text: "概要 Overview" },
      { kind: "paragraph", text: PARAGRAPH_JA },
      { kind: "paragraph", text: PARAGRAPH_EN },
      { kind: "keyValue", rows: [{ key: "利用目的", value: "応募書類の一次選考を支援する" }, { key: "Owner", value: "Hanako Sato <hanako@example.jp>" }] },
      { kind: "note", text: "区分と役割は、Musubiによる解釈です。" },
      { kind: "quote", text: "Technical documentation referred to in Article 11(1) shall contain at least the following information." },
      { kind: "list", items: [{ title: "GPT-4o", text: "OpenAI・バージョン 2024-08-06" }] },
      { kind: "barChart", orientation: "horizontal", title: "対応状況", bars: [{ label: "実施済み", value: 12 }, { label: "未着手", value: 3 }], valueAxisLabel: "項目数", categoryAxisLabel: "状態" },
      { kind: "barChart", orientation: "vertical", title: "深刻度別のインシデント", bars: [{ label: "低", value: 2 }, { label: "高", value: 5 }], valueAxisLabel: "件数" },
      { kind: "heading", level: 2, text: "リスク一覧" },
      { kind: "table", columns: [{ header: "コード", width: 0.15 }, { header: "リスクの内容" }, { header: "状態", width: 0.2 }], rows: Array.from({ length: rows }, (_, i) => [`R-${i + 1}`, `個人情報の出力に関するリスク${i + 1}。回答に他の顧客の住所が含まれるおそれがある。`, i % 2 ? "対応中" : "Mitigated"]) },
    ],
  };
}

describe.skipIf(!POPPLER && !REQUIRE_POPPLER)("pdf.render", () => {
  it("has Poppler to read the PDFs back", () => {
    expect(POPPLER, "pdftotext, pdftoppm, pdffonts and pdfinfo are needed (apt-get install poppler-utils)").toBe(true);
  });

  it.runIf(POPPLER)("writes Japanese and English text that reads back, with Title and Lang set", async () => {
    const pdf = await renderPdf(sample(60), { lang: "ja", title: "AIシステムカード AIS-HR-01", author: "株式会社デモ" });
    const text = squash(pdfText(pdf));
    for (const phrase of ["AIシステムカード", PARAGRAPH_JA, PARAGRAPH_EN, "応募書類の一次選考を支援する", "Musubiによる解釈", "深刻度別のインシデント", "個人情報の出力に関するリスク60。"]) expect(text).toContain(squash(phrase));
    const info = pdfInfo(pdf);
    expect(info.Title).toBe("AIシステムカード AIS-HR-01");
    expect(info.Author).toBe("株式会社デモ");
    expect(pdf.toString("latin1")).toContain("/Lang (ja-JP)");
  });

  it.runIf(POPPLER)("runs a long table over several pages, repeating its header, and numbers them n / m", async () => {
    const pdf = await renderPdf(sample(90), { lang: "ja", title: "t" });
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let p = 1; p <= pages; p++) {
      const page = squash(pdfText(pdf, { first: p, last: p }));
      expect(page).toContain(squash(`${p} / ${pages}`));
      expect(page).toContain("AIシステムカード—AIS-HR-01");
      if (p > 2) expect(page).toContain("コードリスクの内容状態");
    }
    const rows = squash(pdfText(pdf)).match(/個人情報の出力に関するリスク\d+。/g) ?? [];
    expect(rows).toHaveLength(90);
  });

  it.runIf(POPPLER)("keeps a 50-page document whole", async () => {
    const pdf = await renderPdf(sample(1000), { lang: "en", title: "long" });
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThanOrEqual(50);
    expect(squash(pdfText(pdf, { first: pages, last: pages }))).toContain(squash(`${pages} / ${pages}`));
    expect(pdf.toString("latin1")).toContain("/Lang (en)");
  });

  it.runIf(POPPLER)("draws the title on page 1 and leaves the margin blank", async () => {
    const pdf = await renderPdf(sample(3), { lang: "ja", title: "t" });
    const raster = pdfRaster(pdf, 1, 50);
    expect(Math.abs(raster.width - (595.28 * 50) / 72)).toBeLessThan(1.5);
    expect(darkPixels(raster, 50, { x: 56, y: 56, w: 200, h: 26 })).toBeGreaterThan(150);
    expect(darkPixels(raster, 50, { x: 0, y: 0, w: 50, h: 841 })).toBe(0);
  });

  it.runIf(POPPLER)("embeds its own font and gives back exactly the characters it was given (no tofu)", async () => {
    const known = "結び：AIガバナンス（東京）・ｶﾀｶﾅ・①②・Ünïcödé — 2026年";
    const pdf = await renderPdf({ title: "結び", blocks: [{ kind: "paragraph", text: known }] }, { lang: "ja", title: known });
    const fonts = pdfFontList(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatchObject({ name: expect.stringMatching(/\+NotoSansJP-/), embedded: true, unicode: true });
    expect(pdfText(pdf).split("\n")).toContain(known);
  });
});
