/**
 * Shared e-Gov statute helpers for the Japanese-law generators (jp-ai-promotion-act, jp-appi).
 *
 * Why the Japanese text is taken from the e-Gov XML and not from the upstream articles JSON: the XML
 * is the official consolidation as e-Gov publishes it and keeps the 条/項/号 structure that the node
 * ids need, whereas the JSON flattens paragraphs and items into one list with their numbers glued
 * on. The JSON is still read — for the English government reference, titles, dates and source
 * paths — and `buildStatuteNodes` cross-checks every JSON entry against the XML text, so a drift
 * between the two upstream files stops the build instead of shipping silently.
 *
 * Text rules (the same ones `test/library-egov.test.ts` documents and re-implements independently):
 * Sentence elements are joined with no separator, Column elements with an ideographic space
 * (U+3000, as e-Gov renders them), Ruby readings (Rt) are dropped; numbers (ArticleTitle,
 * ParagraphNum, ItemTitle) are not part of the text but go into `ref.label`.
 */
import { XMLParser } from "fast-xml-parser";
import type { FrameworkNode } from "../../src/library/library.schema.ts";
import { urnOf } from "./common.ts";

/** One element of a parsed XML document (text nodes have tag `#text`). */
export interface XNode {
  tag: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

type Ordered = Record<string, unknown> & { ":@"?: Record<string, string> };

function convert(raw: Ordered): XNode {
  const tag = Object.keys(raw).find((k) => k !== ":@")!;
  if (tag === "#text") return { tag, attrs: {}, children: [], text: String(raw[tag]) };
  const kids = (raw[tag] as Ordered[]).map(convert);
  return { tag, attrs: raw[":@"] ?? {}, children: kids, text: "" };
}

/** Parses an XML document (order-preserving, no value coercion) and returns its root element. */
export function parseXml(xml: string): XNode {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
  });
  const doc = (parser.parse(xml.replace(/^\uFEFF/, "")) as Ordered[]).map(convert);
  const root = doc.find((n) => n.tag !== "?xml" && n.tag !== "#text" && !n.tag.startsWith("!"));
  if (!root) throw new Error("XML has no root element");
  return root;
}

export const kids = (n: XNode, tag: string): XNode[] => n.children.filter((c) => c.tag === tag);
export const kid = (n: XNode, tag: string): XNode | undefined => n.children.find((c) => c.tag === tag);

/** Text content of an element, dropping Ruby readings (Rt). */
export function textOf(n: XNode): string {
  if (n.tag === "#text") return n.text;
  if (n.tag === "Rt") return "";
  return n.children.map(textOf).join("");
}

/** The law number an e-Gov or Japanese Law Translation XML states (令和七年法律第五十三号 / Act No. 53 of June 4, 2025). */
export function lawNumberOf(law: XNode): string {
  const n = kid(law, "LawNum");
  if (!n) throw new Error(`${law.tag}: no LawNum`);
  return textOf(n);
}

/**
 * Who publishes a Japanese statute's texts that the generators read: e-Gov for the Japanese, the
 * Japanese Law Translation Database for the English reference (English names as the licence
 * attributions give them; Japanese as the sources' titles do).
 */
export const EGOV_PUBLISHERS = [
  { ja: "e-Gov法令検索", en: "e-Gov Law Search, Digital Agency, Government of Japan" },
  { ja: "日本法令外国語訳データベース", en: "Japanese Law Translation Database System, Ministry of Justice, Japan" },
];

/** Text of a ParagraphSentence / ItemSentence: Sentences joined with "", Columns with U+3000. */
export function sentenceText(n: XNode, columnSep = "\u3000"): string {
  const cols = kids(n, "Column");
  if (cols.length > 0) return cols.map((c) => kids(c, "Sentence").map(textOf).join("")).join(columnSep);
  return kids(n, "Sentence").map(textOf).join("");
}

export interface EgovItem { num: string; title: string; text: string; flatText: string; hasSubitems: boolean }
export interface EgovParagraph { num: string; numLabel: string; text: string; flatText: string; items: EgovItem[] }
export interface EgovHeading { type: "chapter" | "section" | "subsection" | "division"; id: string; num: string; title: string; path: string }
export interface EgovArticle {
  num: string;
  title: string; // 第六条
  caption?: string; // （研究開発機関の責務等）
  paragraphs: EgovParagraph[];
  headings: EgovHeading[]; // enclosing chapter / section, outermost first
}

function readArticle(a: XNode, headings: EgovHeading[]): EgovArticle {
  const caption = kid(a, "ArticleCaption");
  return {
    num: a.attrs.Num!,
    title: textOf(kid(a, "ArticleTitle")!),
    ...(caption ? { caption: textOf(caption) } : {}),
    headings,
    paragraphs: kids(a, "Paragraph").map((p) => {
      const ps = kid(p, "ParagraphSentence")!;
      return {
        num: p.attrs.Num!,
        numLabel: textOf(kid(p, "ParagraphNum")!),
        text: sentenceText(ps),
        flatText: sentenceText(ps, ""),
        items: kids(p, "Item").map((it) => {
          const is = kid(it, "ItemSentence")!;
          const hasSubitems = it.children.some((c) => c.tag.startsWith("Subitem"));
          return { num: it.attrs.Num!, title: textOf(kid(it, "ItemTitle")!), text: sentenceText(is), flatText: sentenceText(is, ""), hasSubitems };
        }),
      };
    }),
  };
}

/** The main-provision articles in document order, each with its enclosing chapter/section. */
export function mainArticles(law: XNode): EgovArticle[] {
  const main = kid(kid(law, "LawBody")!, "MainProvision")!;
  const out: EgovArticle[] = [];
  const walk = (n: XNode, headings: EgovHeading[], path: string): void => {
    for (const c of n.children) {
      if (c.tag === "Article") out.push(readArticle(c, headings));
      else if (c.tag === "Chapter" || c.tag === "Section" || c.tag === "Subsection" || c.tag === "Division") {
        const type = c.tag.toLowerCase() as EgovHeading["type"];
        const p = `${path}/${c.tag}[@Num='${c.attrs.Num}']`;
        const parentId = headings.at(-1)?.id;
        const id = `${parentId ? `${parentId}.` : ""}${type}-${c.attrs.Num!.replace(/_/g, "-")}`;
        const title = textOf(kid(c, `${c.tag}Title`)!);
        walk(c, [...headings, { type, id, num: c.attrs.Num!, title, path: p }], p);
      }
    }
  };
  walk(main, [], "MainProvision");
  return out;
}

/** Articles of the first supplementary provision (the original enactment's 附則). */
export function supplArticles(law: XNode): EgovArticle[] {
  const sp = kids(kid(law, "LawBody")!, "SupplProvision").find((s) => s.attrs.AmendLawNum === undefined);
  return sp ? kids(sp, "Article").map((a) => readArticle(a, [])) : [];
}

const KANJI = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
/** 1–999 as a Japanese statute numeral (十二, 二十, 百三): used only to build labels like 第二項. */
export function kanjiNumber(n: number): string {
  const h = Math.floor(n / 100), t = Math.floor((n % 100) / 10), u = n % 10;
  return `${h ? (h > 1 ? KANJI[h] : "") + "百" : ""}${t ? (t > 1 ? KANJI[t] : "") + "十" : ""}${KANJI[u]}`;
}

const ROMAN: [number, string][] = [[100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
/** Lower-case roman numeral, the Japanese Law Translation convention for items: (iii). */
export function roman(n: number): string {
  let s = "";
  for (const [v, r] of ROMAN) while (n >= v) (s += r), (n -= v);
  return s;
}
export function upperRoman(n: number): string {
  return roman(n).toUpperCase();
}

/** "27_2" → "27-2" (e-Gov branch numbers) for ids; "(i)-2" style for English item labels. */
const idNum = (num: string): string => num.replace(/_/g, "-");
const enItem = (num: string): string => num.split("_").map((p, i) => (i === 0 ? `(${roman(Number(p))})` : p)).join("-");

/** One article record of the upstream articles JSON (only the fields the generators read). */
export interface ArticleRecord {
  id: string;
  unitType: string;
  articleNumber?: string;
  originalTitle: string;
  paragraphs: string[];
  appliesFrom?: string | null;
  sourceXmlPath: string;
  sourceFragment: string;
  translations: { en: { title: string; paragraphs: string[]; authorityNote: string; status: string } };
}

export interface ArticleInput {
  egov: EgovArticle;
  record: ArticleRecord;
  /** `art` (main provision) or `suppl-art`. */
  prefix: "art" | "suppl-art";
  /** English entries in the JSON's flattened order; for supplementary provisions the caller has cut the caption off. */
  en: string[];
  /** JSON's Japanese entries in the same flattened order, to cross-check with the XML. */
  jaFlat: string[];
  titleEn?: string;
  sourcePath: string;
  dates?: FrameworkNode["dates"];
}

/** Strips the English number prefix the upstream JSON glues on ("Article 6 (1)", "(2)", "(iii) "). */
export function stripEnPrefix(s: string, expect: { article?: string; para?: string; item?: string }, where: string): string {
  let rest = s;
  if (expect.article !== undefined) {
    const head = `Article ${expect.article.replace(/_/g, "-")} `;
    if (!rest.startsWith(head)) throw new Error(`${where}: English entry does not start with "${head}": ${s.slice(0, 60)}`);
    rest = rest.slice(head.length);
    if (rest.startsWith("(1)")) rest = rest.slice(3);
  } else if (expect.para !== undefined) {
    const head = `(${expect.para})`;
    if (!rest.startsWith(head)) throw new Error(`${where}: English entry does not start with "${head}": ${s.slice(0, 60)}`);
    rest = rest.slice(head.length);
  } else if (expect.item !== undefined) {
    const head = `${enItem(expect.item)} `;
    if (!rest.startsWith(head)) throw new Error(`${where}: English entry does not start with "${head}": ${s.slice(0, 60)}`);
    rest = rest.slice(head.length);
  }
  return rest.trim();
}

/** The JSON's Japanese entries for an article, as the XML predicts them (numbers glued on, columns unspaced). */
export function expectedJaFlat(a: EgovArticle): string[] {
  const out: string[] = [];
  a.paragraphs.forEach((p, i) => {
    out.push(i === 0 && p.numLabel === "" ? `${a.title}\u3000${p.flatText}` : `${p.numLabel}${p.flatText}`);
    for (const it of p.items) out.push(`${it.title}${it.flatText}`);
  });
  return out;
}

/** Article → paragraph → item nodes for one article; text JA from the XML, EN from the JSON. */
export function articleNodes(framework: string, version: string, parent: string | undefined, input: ArticleInput): FrameworkNode[] {
  const { egov: a, prefix } = input;
  const where = `${framework} ${prefix} ${a.num}`;
  if (a.paragraphs.some((p) => p.items.some((i) => i.hasSubitems))) throw new Error(`${where}: sub-items (イ, ロ…) are not supported yet`);
  const expected = expectedJaFlat(a);
  if (JSON.stringify(expected) !== JSON.stringify(input.jaFlat)) {
    const i = expected.findIndex((e, k) => e !== input.jaFlat[k]);
    throw new Error(`${where}: articles JSON differs from e-Gov XML at entry ${i}: ${JSON.stringify(input.jaFlat[i])} vs ${JSON.stringify(expected[i])}`);
  }
  if (input.en.length !== expected.length) throw new Error(`${where}: ${input.en.length} English entries for ${expected.length} Japanese`);
  const urn = (id: string) => urnOf(framework, version, id);
  const artId = `${prefix}-${idNum(a.num)}`;
  const artNum = a.num.replace(/_/g, "-");
  const labelJa = prefix === "art" ? a.title : `附則${a.title}`;
  const labelEn = prefix === "art" ? `Article ${artNum}` : `Supplementary Provisions, Article ${artNum}`;
  const origin = { ja: "official", en: "government-reference" } as const;
  const dates = input.dates ? { dates: input.dates } : {};
  const caption = a.caption?.replace(/^（(.*)）$/, "$1");
  const nodes: FrameworkNode[] = [
    {
      id: artId,
      urn: urn(artId),
      ...(parent ? { parent } : {}),
      type: prefix === "art" ? "article" : "supplementary-provision",
      ref: { label: { ja: labelJa, en: labelEn }, article: artNum, sourcePath: input.sourcePath, url: input.record.sourceFragment },
      ...(caption ? { title: { ja: caption, ...(input.titleEn ? { en: input.titleEn } : {}) }, textOrigin: origin } : {}),
      ...(caption ? {} : { textNote: { ja: "この条には見出しがない（e-Gov の法令データに見出しの記載なし）。", en: "The article has no caption in the source (e-Gov's law data has no caption for this article)." } }),
      requirement: false,
      ...dates,
    },
  ];
  let k = 0;
  a.paragraphs.forEach((p, pi) => {
    const pid = `${artId}.${idNum(p.num)}`;
    const pNum = Number(p.num);
    const en = stripEnPrefix(input.en[k++]!, pi === 0 ? { article: a.num } : { para: p.num }, where);
    nodes.push({
      id: pid,
      urn: urn(pid),
      parent: artId,
      type: "paragraph",
      ref: {
        label: { ja: `${labelJa}第${kanjiNumber(pNum)}項`, en: `${labelEn}, paragraph (${p.num})` },
        article: artNum,
        paragraph: p.num,
        sourcePath: `${input.sourcePath}/Paragraph[@Num='${p.num}']`,
      },
      text: { ja: p.text, en },
      textOrigin: origin,
      requirement: false,
      ...dates,
    });
    for (const it of p.items) {
      const iid = `${pid}.${idNum(it.num)}`;
      nodes.push({
        id: iid,
        urn: urn(iid),
        parent: pid,
        type: "point",
        ref: {
          label: { ja: `${labelJa}第${kanjiNumber(pNum)}項第${it.title}号`, en: `${labelEn}, paragraph (${p.num}), item ${enItem(it.num)}` },
          article: artNum,
          paragraph: p.num,
          item: it.num.replace(/_/g, "-"),
          sourcePath: `${input.sourcePath}/Paragraph[@Num='${p.num}']/Item[@Num='${it.num}']`,
        },
        text: { ja: it.text, en: stripEnPrefix(input.en[k++]!, { item: it.num }, where) },
        textOrigin: origin,
        requirement: false,
        ...dates,
      });
    }
  });
  return nodes;
}

/** Chapter / section nodes for the headings that enclose the given articles, keyed by heading id. */
export function headingNode(framework: string, version: string, h: EgovHeading, parent: string | undefined, titleEn?: string): FrameworkNode {
  if (h.type !== "chapter" && h.type !== "section") throw new Error(`${h.path}: ${h.type} headings are not supported yet`);
  const [labelJa, ...rest] = h.title.split("\u3000");
  const n = Number(h.num);
  return {
    id: h.id,
    urn: urnOf(framework, version, h.id),
    ...(parent ? { parent } : {}),
    type: h.type,
    ref: { label: { ja: labelJa!, en: `${h.type === "chapter" ? "Chapter" : "Section"} ${h.type === "chapter" ? upperRoman(n) : n}` }, sourcePath: h.path },
    title: { ja: rest.join("\u3000"), ...(titleEn ? { en: titleEn } : {}) },
    textOrigin: { ja: "official", ...(titleEn ? { en: "government-reference" as const } : {}) },
    ...(titleEn ? {} : { textNote: { en: "The sources give no English title for this heading." } }),
    requirement: false,
  };
}

/** Asserts that a quotation really is in a text, so notes can only quote what the source says. */
export function quote(text: string | undefined, q: string, where: string): string {
  if (!text?.includes(q)) throw new Error(`${where}: quotation not found in the text: ${q}`);
  return q;
}
