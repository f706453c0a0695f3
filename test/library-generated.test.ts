/**
 * The generated framework files (EU AI Act, NIST AI RMF, ISO/IEC 42001 Annex A) are what their
 * generators make from the shared source data, and their text is the source's text. A reviewer can
 * then trust the shipped JSON without rereading 1,500 nodes: regeneration is deterministic, the
 * counts are the published ones, and the EU article and annex texts rebuild their source records
 * character for character.
 *
 * Needs `../shared/data` (or MUSUBI_SHARED_DATA); without it the suite is skipped with a message.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FrameworkFile, type FrameworkNode } from "../src/library/library.schema.ts";
import { build as buildEu } from "../tools/library/eu-ai-act.ts";
import type { SourceAnnex, SourceArticle } from "../tools/library/eu-ai-act.parse.ts";
import { build as buildIso } from "../tools/library/iso-42001.ts";
import { build as buildNist } from "../tools/library/nist-ai-rmf.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = process.env.MUSUBI_SHARED_DATA ?? resolve(repoRoot, "../shared/data");
const haveData = existsSync(join(dataDir, "sources"));
if (!haveData) console.warn(`library.generated: skipped — the shared source data is not at ${dataDir} (set MUSUBI_SHARED_DATA to run it)`);

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const committed = (framework: string, version: string) => readJson<Record<string, unknown>>(join(repoRoot, "library", "frameworks", framework, `${version}.json`));

const GENERATORS = [
  { framework: "eu-ai-act", version: "2026-07-27", build: buildEu },
  { framework: "nist-ai-rmf", version: "1.0", build: buildNist },
  { framework: "iso-42001", version: "2023", build: buildIso },
];

/** The nodes of one article or annex (the node itself and everything under it), in file order. */
const under = (nodes: FrameworkNode[], id: string) => nodes.filter((n) => n.id === id || n.id.startsWith(`${id}.`));

describe.skipIf(!haveData)("library.generated", () => {
  for (const g of GENERATORS) {
    it(`${g.framework}: the committed file is what the generator makes, and it validates`, () => {
      const built = g.build();
      expect(FrameworkFile.safeParse(built).success).toBe(true);
      const { $schema, ...file } = committed(g.framework, g.version);
      expect($schema).toBe("../../schema/framework.schema.json");
      // Through JSON, as the file was written, so undefined members compare like absent ones.
      expect(file).toEqual(JSON.parse(JSON.stringify(built)));
      expect(JSON.stringify(g.build())).toBe(JSON.stringify(built));
    });

    it(`${g.framework}: every node has its own URN, and parents and roles exist`, () => {
      const file = g.build();
      const ids = new Set(file.nodes.map((n) => n.id));
      expect(ids.size).toBe(file.nodes.length);
      const roles = new Set(file.actorRoles.map((r) => r.id));
      for (const n of file.nodes) {
        expect(n.urn).toBe(`urn:musubi:${g.framework}:${g.version}:${n.id}`);
        if (n.parent) expect(ids.has(n.parent), `${n.id} → ${n.parent}`).toBe(true);
        for (const a of n.actors ?? []) expect(roles.has(a), `${n.id}: actor ${a}`).toBe(true);
      }
      const urns = new Set(file.nodes.map((n) => n.urn));
      for (const r of file.actorRoles) if (r.definedAt) expect(urns.has(r.definedAt), r.definedAt).toBe(true);
    });
  }

  it("NIST AI RMF: 4 functions, 19 categories, 72 subcategories, with the source's ids", () => {
    const file = buildNist();
    const byType = (t: string) => file.nodes.filter((n) => n.type === t);
    expect(byType("function").map((n) => n.id)).toEqual(["GOVERN", "MAP", "MEASURE", "MANAGE"]);
    expect(byType("category")).toHaveLength(19);
    expect(byType("subcategory")).toHaveLength(72);
    expect(byType("subcategory").every((n) => n.requirement)).toBe(true);
    const index = readJson<{ items: { id: string }[] }>(join(dataDir, "sources/nist-ai-rmf/nist-ai-rmf-1.0-core-index.json"));
    expect(file.nodes.map((n) => n.ref.label.en)).toEqual(index.items.map((i) => i.id));
    const corpus = readJson<{ officialOutcomeIdentifier?: string; fullText: string }[]>(join(dataDir, "sources/nist-ai-rmf/us-nist-ai-rmf-1-0-corpus.json"));
    const text = new Map(corpus.filter((u) => u.officialOutcomeIdentifier).map((u) => [u.officialOutcomeIdentifier!, u.fullText]));
    for (const n of [...byType("category"), ...byType("subcategory")]) expect(n.text?.en, n.id).toBe(text.get(n.ref.label.en!));
  });

  it("ISO/IEC 42001: 9 objectives and 38 controls, ids and titles only", () => {
    const file = buildIso();
    expect(file.nodes.filter((n) => n.type === "objective")).toHaveLength(9);
    const controls = file.nodes.filter((n) => n.type === "control");
    expect(controls).toHaveLength(38);
    expect(controls.every((n) => n.requirement)).toBe(true);
    // Copyright: no node may carry text beyond its title.
    expect(file.nodes.filter((n) => n.text !== undefined)).toEqual([]);
    const index = readJson<{ items: { id: string; title: string }[] }>(join(dataDir, "sources/iso42001/iso42001-annex-a-index.json"));
    expect(file.nodes.map((n) => [n.id, n.title?.en])).toEqual(index.items.map((i) => [i.id, i.title]));
  });

  describe("EU AI Act", () => {
    const file = haveData ? buildEu() : null;
    const nodes = file?.nodes ?? [];
    const articles = haveData ? readJson<SourceArticle[]>(join(dataDir, "sources/eu-ai-act/eu-ai-act-articles.json")) : [];
    const annexes = haveData ? readJson<SourceAnnex[]>(join(dataDir, "sources/eu-ai-act/eu-ai-act-annexes.json")) : [];

    it("has all 119 articles (with the inserted 4a, 60a, 75a–75d) and 14 annexes, in source order", () => {
      const arts = nodes.filter((n) => n.type === "article").map((n) => n.id);
      expect(arts).toHaveLength(119);
      expect(arts).toEqual(articles.map((a) => `art-${a.articleNumber}`));
      for (const id of ["art-4a", "art-60a", "art-75a", "art-75b", "art-75c", "art-75d", "art-113"]) expect(arts).toContain(id);
      const anx = nodes.filter((n) => n.type === "annex").map((n) => n.id);
      expect(anx).toEqual(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv"].map((r) => `annex-${r}`));
    });

    it("every article's node texts, in file order, are the source's paragraphs verbatim", () => {
      for (const a of articles) {
        const texts = under(nodes, `art-${a.articleNumber}`).flatMap((n) => (n.text?.en === undefined ? [] : [n.text.en]));
        expect(texts.join("\n\n"), `Article ${a.articleNumber}`).toBe(a.paragraphs.join("\n\n"));
        expect(under(nodes, `art-${a.articleNumber}`).every((n) => n.textOrigin?.en === "official" || n.text === undefined)).toBe(true);
      }
    });

    it("every annex's node texts rebuild the source (inline points joined by a space)", () => {
      for (const x of annexes) {
        const lines: string[] = [];
        let lastLine = -1;
        for (const n of under(nodes, `annex-${x.annexNumber.toLowerCase()}`)) {
          if (n.text?.en === undefined) continue;
          const m = /\/paragraphs\[(\d+)(?:\.\.(\d+))?\]$/.exec(n.ref.sourcePath ?? "");
          expect(m, n.id).not.toBeNull();
          const from = Number(m![1]);
          if (from === lastLine) lines[lines.length - 1] += ` ${n.text.en}`;
          else lines.push(n.text.en);
          lastLine = Number(m![2] ?? m![1]);
        }
        expect(lines.join("\n\n"), `Annex ${x.annexNumber}`).toBe(x.paragraphs.join("\n\n"));
      }
    });

    it("has the ids the applicability rules cite", () => {
      const ids = new Set(nodes.map((n) => n.id));
      const expected = [
        ...["a", "b", "ba", "bb", "c", "d", "e", "f", "g", "h"].map((p) => `art-5.1.${p}`),
        "art-5.1a", "art-5.1b", "art-5.1.h.i",
        ...["a", "b", "c", "d"].map((p) => `art-6.3.${p}`), "art-6.3.sub-3", "art-6.1", "art-6.2", "art-6.4",
        ...[1, 2, 3, 4, 5, 6, 7, 8].map((k) => `annex-iii.${k}`), "annex-iii.1.a", "annex-iii.5.b", "annex-iii.8.b",
        "annex-i.a", "annex-i.b", "annex-i.a.2", "annex-i.b.21",
        ...[1, 2, 3, 4].map((k) => `art-50.${k}`), "art-26", "art-26.1", "art-27", "art-27.1",
        "art-53.1.a", "art-53.1.d", "art-55.1.a", "art-55.1.d", "art-4.1",
      ];
      for (const id of expected) expect(ids.has(id), id).toBe(true);
      expect(ids.has("annex-iii.2.a")).toBe(false); // area 2 has no points in the source
    });

    it("flags obligations with their actors and dates from the source", () => {
      const get = (id: string) => nodes.find((n) => n.id === id)!;
      expect(get("art-5.1.a")).toMatchObject({ requirement: true, tags: expect.arrayContaining(["prohibited"]) });
      expect(get("art-50.1").actors).toEqual(["provider"]);
      expect(get("art-50.3").actors).toEqual(["deployer"]);
      expect(get("art-26.1")).toMatchObject({ requirement: true, actors: ["deployer"] });
      expect(get("art-27.1").tags).toContain("fria");
      expect(get("art-53.1.c").actors).toEqual(["gpai-provider"]);
      expect(get("art-55.1.a").tags).toEqual(expect.arrayContaining(["gpai", "gpai-systemic"]));
      expect(get("art-6.3.a").tags).toEqual(expect.arrayContaining(["classification", "derogation"]));
      expect(get("annex-iii.4.a").tags).toContain("annex-iii-area");
      expect(get("art-5").dates?.appliesFrom).toBe("2025-02-02");
      expect(get("art-5.1.ba").dates?.appliesFrom).toBe("2026-12-02");
      expect(get("art-5.1a.a").dates?.appliesFrom).toBe("2026-12-02");
      expect(get("art-6.5").dates?.appliesFrom).toBe("2026-08-02");
      expect(get("art-26").dates?.schedule?.map((s) => s.appliesFrom)).toEqual(["2027-12-02", "2028-08-02"]);
      for (const a of articles) expect(get(`art-${a.articleNumber}`).dates?.appliesFrom).toBe(a.appliesFrom);
      expect(nodes.some((n) => n.dates?.originalAppliesFrom)).toBe(false);
      expect(get("art-4a").notes?.[0]?.en).toContain("Regulation (EU) 2026/1744");
      const roles = Object.fromEntries(file!.actorRoles.map((r) => [r.id, r.definedAt]));
      expect(roles.provider).toBe("urn:musubi:eu-ai-act:2026-07-27:art-3.3");
      expect(roles.deployer).toBe("urn:musubi:eu-ai-act:2026-07-27:art-3.4");
      expect(roles["product-manufacturer"]).toBeUndefined();
    });
  });
});
