/**
 * The soft-law and international-code framework files (AI Guidelines for Business 1.1/1.2, the
 * Hiroshima Code of Conduct, the OECD HAIP Reporting Framework, the J-AISI evaluation
 * perspectives) are generated from `../shared/data/sources/`. These tests prove that the committed
 * files are exactly what the generators produce today, and that the copied text is the source's.
 * They need the shared data folder; without it they are skipped with a message.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FrameworkFile } from "../src/library/library.schema.ts";
import { REPO_ROOT, dataDir } from "../tools/library/common.ts";
import * as hiroshima from "../tools/library/hiroshima.ts";
import * as jaisi from "../tools/library/jaisi.ts";
import * as jp from "../tools/library/jp-ai-guidelines.ts";

const hasData = existsSync(join(dataDir(), "sources"));
if (!hasData) console.warn(`library.softlaw: skipped — shared data not found at ${dataDir()} (set MUSUBI_SHARED_DATA)`);

/** The committed file without its `$schema` pointer, which writeFramework adds. */
function committed(framework: string, version: string): unknown {
  const { $schema: _, ...rest } = JSON.parse(readFileSync(join(REPO_ROOT, "library", "frameworks", framework, `${version}.json`), "utf8"));
  return rest;
}
const plain = (f: FrameworkFile): unknown => JSON.parse(JSON.stringify(f));
const src = (rel: string) => readFileSync(join(dataDir(), rel), "utf8");

describe.skipIf(!hasData)("library.softlaw", () => {
  const all = () => [...jp.build(), ...hiroshima.build(), jaisi.build()];

  it("every generator reproduces its committed file and the schema accepts it", () => {
    for (const file of all()) {
      expect(FrameworkFile.safeParse(file).success, `${file.framework}/${file.version}`).toBe(true);
      expect(plain(file), `${file.framework}/${file.version}`).toEqual(committed(file.framework, file.version));
    }
  });

  describe("AI Guidelines for Business", () => {
    const provision = () => jp.records().provisions.find((p) => p.id === jp.PROVISION_ID)!;

    it("1.2 has the common principles and exactly 10 principles whose Japanese text is the source paragraph", () => {
      const v12 = jp.buildV12();
      const paragraphs = provision().paragraphs!;
      const principles = v12.nodes.filter((n) => n.type === "principle");
      expect(principles.map((n) => n.id)).toEqual(Array.from({ length: 10 }, (_, i) => `principle-${i + 1}`));
      principles.forEach((n, i) => {
        expect(n.text?.ja).toBe(paragraphs[i + 2]);
        expect(n.text?.en).toBe(provision().translations!.en!.paragraphs[i + 2]);
        expect(n.text!.ja!.startsWith(`${i + 1}) ${n.title!.ja}—`)).toBe(true);
        expect(n.requirement).toBe(true);
        expect(n.actors).toEqual(["ai-developer", "ai-provider", "ai-business-user"]);
      });
      expect(principles[0]!.title).toEqual({ ja: "人間中心", en: "Human-centricity" });
      expect(principles[0]!.ref.label).toEqual({ ja: "共通の指針 1) 人間中心", en: "Common guiding principles 1) Human-centricity" });
      expect(v12.nodes[0]!.text?.ja).toBe(paragraphs.slice(0, 2).join("\n\n"));
      expect(v12.previousVersion).toBe("1.1");
      expect(v12.dates.publishedOn).toBe("2026-03-31");
    });

    it("1.1 pairs with 1.2 by id but carries no title or text, only a note saying so", () => {
      const [v12, v11] = [jp.buildV12(), jp.buildV11()];
      expect(v11.nodes.map((n) => n.id)).toEqual(v12.nodes.map((n) => n.id));
      for (const n of v11.nodes) {
        expect(n.text).toBeUndefined();
        expect(n.title).toBeUndefined();
        expect(n.textNote?.ja && n.textNote.en).toBeTruthy();
      }
      expect(v11.nodes[1]!.ref.label).toEqual({ ja: "共通の指針 1)", en: "Common guiding principles 1)" });
      expect(v11.previousVersion).toBeUndefined();
      expect(v11.dates.publishedOn).toBe("2025-03-28");
    });

    it("says what the sources do not hold", () => {
      const silence = JSON.stringify(jp.buildV12().silence);
      for (const gap of ["sub-items", "Parts 3–5", "appendix checklists"]) expect(silence).toContain(gap);
    });
  });

  describe("Hiroshima Code of Conduct and HAIP", () => {
    it("the Code has 11 actions; only Action 1 has (editorial) words, the others a note", () => {
      const code = hiroshima.buildCode();
      expect(code.nodes.map((n) => n.id)).toEqual(Array.from({ length: 11 }, (_, i) => `action-${i + 1}`));
      expect(code.nodes[0]!.textOrigin).toEqual({ en: "source-editorial" });
      for (const n of code.nodes.slice(1)) {
        expect(n.title ?? n.text).toBeUndefined();
        expect(n.textNote?.en).toMatch(/not in the sources/);
      }
      expect(code.nodes.every((n) => n.requirement && n.actors?.join() === "advanced-ai-developer")).toBe(true);
    });

    it("HAIP has 7 sections titled as the data README records them, no roles and no links", () => {
      const haip = hiroshima.buildHaip();
      expect(haip.nodes.map((n) => n.id)).toEqual(Array.from({ length: 7 }, (_, i) => `section-${i + 1}`));
      const readme = src("README.md").replace(/\s+/g, " ");
      haip.nodes.forEach((n, i) => expect(readme).toContain(`${i + 1} ${n.title!.en}`));
      expect(haip.nodes[0]!.title?.en).toBe("Risk identification and evaluation");
      expect(haip.actorRoles).toEqual([]);
      expect(haip.nodes.every((n) => n.refersTo === undefined && n.requirement)).toBe(true);
    });
  });

  describe("J-AISI evaluation perspectives", () => {
    const file = () => jaisi.build();

    it("has 10 perspectives whose Japanese title and text are the source file's", () => {
      const perspectives = file().nodes.filter((n) => n.type === "perspective");
      expect(perspectives.map((n) => n.id)).toEqual(Array.from({ length: 10 }, (_, i) => `perspective-${i + 1}`));
      perspectives.forEach((n, i) => {
        const raw = src(`${jaisi.DIR}/perspective_details/${i + 1}.md`);
        expect(raw).not.toMatch(/^#/m); // nothing was stripped: there are no heading markers
        const [first, ...rest] = raw.split("\n");
        expect(n.title?.ja).toBe(first);
        expect(n.text?.ja).toBe(rest.join("\n").replace(/^\n+|\n+$/g, "")); // only surrounding newlines trimmed
      });
      expect(perspectives[0]!.title?.en).toBe("Output control of harmful information");
    });

    it("has every GSN goal of every yaml file, under the right perspective, with its text and question", () => {
      const byId = new Map(file().nodes.map((n) => [n.id, n]));
      let goals = 0;
      for (const [n, name] of jaisi.gsnFiles()) {
        const raw = src(`${jaisi.DIR}/gsn/${name}`);
        if (n <= 2) expect(raw).toContain("\v"); // the quirk the generator strips
        for (const [id, el] of Object.entries(jaisi.readGsn(name))) {
          if (!id.startsWith("G")) continue;
          goals++;
          const node = byId.get(`perspective-${n}.${id}`);
          expect(node, `${name} ${id}`).toBeDefined();
          expect(node!.text?.ja).toBe(el.text);
          expect(node!.notes?.some((x) => x.ja === `問い：${el.question}`)).toBe(true);
          expect(node!.requirement).toBe(!el.supportedBy);
          expect(node!.parent === `perspective-${n}` || node!.parent!.startsWith(`perspective-${n}.G`)).toBe(true);
        }
      }
      expect(file().nodes.filter((x) => x.type === "evaluation-item")).toHaveLength(goals);
      for (const node of file().nodes) if (node.parent) expect(byId.has(node.parent), node.id).toBe(true);
    });
  });
});
