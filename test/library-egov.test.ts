/**
 * library.egov — proves that the Japanese text shipped in the Japanese-statute framework files
 * (jp-ai-promotion-act, jp-appi) is the e-Gov XML's text, node by node, and that the committed files
 * are exactly what the generators produce.
 *
 * The XML is read here with fast-xml-parser and a walker of its own, deliberately not with
 * tools/library/egov.ts, so a bug in the generator's extraction cannot hide itself.
 *
 * Normalisation — the only ones applied to the XML side (the library side is compared verbatim):
 *  1. Only the text inside <Sentence> elements is the provision's text. Numbering (ArticleTitle,
 *     ParagraphNum, ItemTitle) is not part of it (the library keeps it in `ref.label`), and the
 *     indentation between elements is not part of it either.
 *  2. Several <Sentence> elements in one ParagraphSentence / ItemSentence / Column are concatenated
 *     with nothing between them (e-Gov splits main clause and proviso; Japanese puts no space there).
 *  3. Several <Column> elements in one sentence block are joined with U+3000 (ideographic space), as
 *     e-Gov displays them (e.g. APPI Art. 2(5) items: 「第一項第一号に該当する個人情報　当該…」).
 *  4. Ruby: the reading (<Rt>) is dropped, the base text kept.
 * No trimming, no Unicode or width normalisation: any other difference fails the test.
 * Captions are compared as the library title wrapped in full-width brackets （…）.
 *
 * The shared data folder (MUSUBI_SHARED_DATA, or ../shared/data beside the repository) is external;
 * without it the suite is skipped with a warning.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { FrameworkFile, type FrameworkNode } from "../src/library/library.schema.ts";
import { REPO_ROOT, dataDir } from "../tools/library/common.ts";
import { build as buildAct } from "../tools/library/jp-ai-promotion-act.ts";
import { build as buildAppi } from "../tools/library/jp-appi.ts";

const DATA = dataDir();
const LAWS = [
  {
    name: "jp-ai-promotion-act",
    library: "library/frameworks/jp-ai-promotion-act/2025.json",
    xml: "sources/jp-ai-promotion-act/jp-ai-promotion-act-507AC0000000053-current-2026-07-20.xml",
    build: buildAct,
    articles: 28, // all of them
    suppl: 2,
  },
  {
    name: "jp-appi",
    library: "library/frameworks/jp-appi/2026-07-17.json",
    xml: "sources/jp-appi/jp-appi-415AC0000000057-current-2026-07-20.xml",
    build: buildAppi,
    articles: 20, // the AI-relevant selection; each must exist in the XML
    suppl: 0,
  },
];
const missing = LAWS.map((l) => join(DATA, l.xml)).filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.warn(`library.egov skipped: shared data not found (${missing.join(", ")}). Set MUSUBI_SHARED_DATA or place it at ../shared/data.`);
}

interface X { tag: string; attrs: Record<string, string>; kids: X[]; text: string }
type Raw = Record<string, unknown> & { ":@"?: Record<string, string> };
const toX = (r: Raw): X => {
  const tag = Object.keys(r).find((k) => k !== ":@")!;
  if (tag === "#text") return { tag, attrs: {}, kids: [], text: String(r[tag]) };
  return { tag, attrs: r[":@"] ?? {}, kids: (r[tag] as Raw[]).map(toX), text: "" };
};
function loadLaw(path: string): X {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", parseTagValue: false, parseAttributeValue: false, trimValues: false });
  return (parser.parse(readFileSync(path, "utf8")) as Raw[]).map(toX).find((n) => n.tag === "Law")!;
}
const all = (n: X, tag: string): X[] => n.kids.filter((k) => k.tag === tag);
const one = (n: X, tag: string): X | undefined => n.kids.find((k) => k.tag === tag);
/** Rule 4: text content without Ruby readings. */
const plain = (n: X): string => (n.tag === "#text" ? n.text : n.tag === "Rt" ? "" : n.kids.map(plain).join(""));
/** Rules 1–3. */
const sentences = (n: X): string => all(n, "Sentence").map(plain).join("");
const block = (n: X): string => (all(n, "Column").length > 0 ? all(n, "Column").map(sentences).join("\u3000") : sentences(n));
const id = (num: string) => num.replace(/_/g, "-");

/** Every paragraph / item text keyed by library node id, plus each article's caption. */
function xmlIndex(law: X): { texts: Map<string, string>; captions: Map<string, string | undefined>; mainCount: number } {
  const texts = new Map<string, string>();
  const captions = new Map<string, string | undefined>();
  let mainCount = 0;
  const article = (a: X, prefix: string) => {
    const aid = `${prefix}-${id(a.attrs.Num!)}`;
    const cap = one(a, "ArticleCaption");
    captions.set(aid, cap ? plain(cap) : undefined);
    for (const p of all(a, "Paragraph")) {
      const pid = `${aid}.${id(p.attrs.Num!)}`;
      texts.set(pid, block(one(p, "ParagraphSentence")!));
      for (const it of all(p, "Item")) texts.set(`${pid}.${id(it.attrs.Num!)}`, block(one(it, "ItemSentence")!));
    }
  };
  const walk = (n: X) => {
    for (const k of n.kids) {
      if (k.tag === "Article") {
        mainCount++;
        article(k, "art");
      } else walk(k);
    }
  };
  const body = one(law, "LawBody")!;
  walk(one(body, "MainProvision")!);
  const suppl = all(body, "SupplProvision").find((s) => s.attrs.AmendLawNum === undefined);
  for (const a of suppl ? all(suppl, "Article") : []) article(a, "suppl-art");
  return { texts, captions, mainCount };
}

describe.skipIf(missing.length > 0)("library.egov", () => {
  for (const law of LAWS) {
    const file = (): FrameworkFile => JSON.parse(readFileSync(join(REPO_ROOT, law.library), "utf8")) as FrameworkFile;

    it(`${law.name}: every shipped paragraph and item equals the e-Gov XML text`, () => {
      const lib = file();
      const xml = xmlIndex(loadLaw(join(DATA, law.xml)));
      const articles = lib.nodes.filter((n) => n.type === "article");
      const suppl = lib.nodes.filter((n) => n.type === "supplementary-provision");
      expect(articles.length).toBe(law.articles);
      expect(suppl.length).toBe(law.suppl);
      if (law.name === "jp-ai-promotion-act") expect(xml.mainCount).toBe(law.articles);

      const mismatches: { id: string; library: string | undefined; xml: string | undefined }[] = [];
      const checked = new Set<string>();
      for (const a of [...articles, ...suppl]) {
        expect(xml.captions.has(a.id), `${a.id} is not in the XML`).toBe(true);
        const caption = a.title?.ja === undefined ? undefined : `（${a.title.ja}）`;
        if (caption !== xml.captions.get(a.id)) mismatches.push({ id: `${a.id} (caption)`, library: caption, xml: xml.captions.get(a.id) });
        const under = (k: string) => k.startsWith(`${a.id}.`);
        const libParts = lib.nodes.filter((n: FrameworkNode) => under(n.id) && (n.type === "paragraph" || n.type === "point"));
        // Same set of paragraphs and items: nothing dropped, nothing added.
        expect(libParts.map((n) => n.id).sort(), `${a.id}: paragraphs/items`).toEqual([...xml.texts.keys()].filter(under).sort());
        for (const n of libParts) {
          checked.add(n.id);
          if (n.text?.ja !== xml.texts.get(n.id)) mismatches.push({ id: n.id, library: n.text?.ja, xml: xml.texts.get(n.id) });
        }
      }
      expect(mismatches).toEqual([]);
      // No text node escapes the comparison.
      expect(lib.nodes.filter((n) => n.text?.ja !== undefined && !checked.has(n.id)).map((n) => n.id)).toEqual([]);
    });

    it(`${law.name}: regenerating gives the committed file`, () => {
      const built = law.build();
      expect(FrameworkFile.safeParse(built).success).toBe(true);
      const expected = { $schema: "../../schema/framework.schema.json", ...built };
      const committed = readFileSync(join(REPO_ROOT, law.library), "utf8");
      expect(JSON.parse(committed)).toEqual(expected);
      expect(committed, `re-run npx tsx tools/library/${law.name}.ts`).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    });
  }
});
