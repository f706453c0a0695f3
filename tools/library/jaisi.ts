/**
 * Generates `library/frameworks/jaisi-evaluation/aisev-e0604d1e.json`: the Japan AI Safety
 * Institute's ten evaluation perspectives (評価観点) and their GSN goal trees, from the
 * Apache-2.0 data of its evaluation tool (Japan-AISI/aisev at commit e0604d1e).
 *
 * Why the version is `aisev-e0604d1e`: neither the perspective texts nor the GSN files state a
 * version or date (the preset datasets are "v0.1", but they are not modelled here), so the file is
 * named after the upstream commit the data README records.
 *
 * What is copied and how:
 * - `perspective_details/N.md` → `perspective-N`: the first line is the title, the rest (leading
 *   and trailing newlines trimmed) is the text, otherwise verbatim. The files are text extracted
 *   from a PDF, not real markdown: they contain no heading markers (`#`), so nothing is stripped;
 *   the PDF's bullet glyphs (◼ ➢ and the private-use U+F0B2) and stray page-number lines are kept
 *   and the page numbers are pointed out in a note.
 * - The English titles are the ten `"perspective"` names listed, in order, in `appendix-en.md`
 *   (the tool's own English manual); a trailing space in one of them is trimmed.
 * - `gsn/NN_*.yaml` → one `perspective-N.<goal id>` evaluation item per Goal (G…) node. Vertical
 *   tabs (U+000B, in files 01 and 02, inside URLs and one sentence) are removed before parsing, as
 *   the data README says. A goal's parent is the goal above it, whether linked directly or through
 *   a strategy (S) node; the top goal hangs from its perspective. `definition` ("Goal: …"/"SG: …")
 *   becomes the title without that prefix; `question`, strategies, contexts (C), justifications (J)
 *   and the sub-goal weights (`scoreRate`) are kept as notes, labelled in words (問い, 戦略, 前提,
 *   根拠, 重み). Leaf goals are the requirements.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import type { FrameworkFile, FrameworkNode, Text } from "../../src/library/library.schema.ts";
import { dataDir, readSource, sourceFile, urnOf, writeFramework } from "./common.ts";

export const FRAMEWORK = "jaisi-evaluation";
export const VERSION = "aisev-e0604d1e";
export const DIR = "sources/jaisi-aisev";
export const PERSPECTIVES = 10;
const UPSTREAM = "https://github.com/Japan-AISI/aisev";

/** A GSN element as the yaml files write it. */
export interface GsnElement {
  definition?: string;
  goalType?: "TopGoal" | "SecondGoal";
  text: string;
  question?: string;
  supportedBy?: string[];
  inContextOf?: string[];
  scoreRate?: number[];
  undeveloped?: boolean;
}

/** Perspective number → GSN file name (`01_Control_of_Toxic_Output_GSN.yaml` → 1). */
export function gsnFiles(): Map<number, string> {
  const files = readdirSync(join(dataDir(), DIR, "gsn")).filter((f) => /^\d+_.*\.yaml$/.test(f));
  return new Map(files.sort().map((f) => [Number(f.slice(0, f.indexOf("_"))), f]));
}

/** Parses a GSN file after removing the vertical tabs that break YAML parsing. */
export function readGsn(file: string): Record<string, GsnElement> {
  return parse(readSource(`${DIR}/gsn/${file}`).replace(/\v/g, "")) as Record<string, GsnElement>;
}

/** Splits a perspective file into its title (first line) and text (the rest, newlines trimmed). */
export function splitPerspective(raw: string): { title: string; text: string } {
  const nl = raw.indexOf("\n");
  return { title: raw.slice(0, nl).trim(), text: raw.slice(nl + 1).replace(/^\n+|\n+$/g, "") };
}

/** The ten English perspective names of appendix-en.md, in the order the tool lists them. */
export function englishTitles(): string[] {
  return [...readSource(`${DIR}/appendix-en.md`).matchAll(/"perspective": "([^"]+)"/g)].map((m) => m[1]!.trim());
}

const kindOf = (id: string) => id.charAt(0);

/** The GSN's name as its file names it, in words: `01_Control_of_Toxic_Output_GSN.yaml` → "Control of Toxic Output". */
export function gsnTitle(file: string): string {
  const m = /^\d+_(.+)_GSN\.yaml$/.exec(file);
  if (!m) throw new Error(`${file}: not an NN_<name>_GSN.yaml file name`);
  return m[1]!.replace(/_/g, " ");
}

/** The copyright line the LICENSE file's appendix fills in ("Copyright 2025 Japan AI Safety Institute"). */
export function copyright(): string {
  const m = /^\s*(Copyright \d{4}.*?)\s*$/m.exec(readSource(`${DIR}/LICENSE`));
  if (!m) throw new Error(`${DIR}/LICENSE: no copyright line`);
  return m[1]!;
}

function perspectiveNode(n: number, en: string, gsnFile: string): FrameworkNode {
  const { title, text } = splitPerspective(readSource(`${DIR}/perspective_details/${n}.md`));
  const pages = text.split("\n").filter((l) => /^\d+$/.test(l));
  const gsnName = gsnTitle(gsnFile);
  const notes: Text[] = [
    {
      ja: `英語の見出しは、aisev の利用者マニュアル付録（英語版）にある評価結果 JSON の例の一覧による。評価項目は aisev のこの観点の GSN（“${gsnName}”）による。`,
      en: `English title from the list in the English appendix to aisev's user manual (its example of an evaluation result in JSON); the evaluation items are from aisev's GSN for this perspective (“${gsnName}”).`,
    },
  ];
  if (pages.length) {
    notes.push({
      ja: `本文中の数字だけの行（${pages.join("、")}）は PDF から抽出された際のページ番号で、原文どおり残している。`,
      en: `The lines holding only a number (${pages.join(", ")}) are page numbers left by the PDF extraction; kept as in the source.`,
    });
  }
  return {
    id: `perspective-${n}`,
    urn: urnOf(FRAMEWORK, VERSION, `perspective-${n}`),
    type: "perspective",
    ref: { label: { ja: `評価観点 ${n}`, en: `Evaluation perspective ${n}` }, sourcePath: `perspective_details/${n}.md`, url: UPSTREAM },
    title: { ja: title, en },
    text: { ja: text },
    textOrigin: { ja: "official", en: "official" },
    textNote: { ja: "英語の本文は参照データにない（英語は見出しのみ）。", en: "No English text is in the sources (only the English title)." },
    requirement: true,
    notes,
  };
}

/** The goals of one GSN file, depth first from the top goal, each under its nearest goal above. */
export function goalNodes(n: number, file: string): FrameworkNode[] {
  const gsn = readGsn(file);
  const top = Object.keys(gsn).filter((k) => gsn[k]!.goalType === "TopGoal");
  if (top.length !== 1) throw new Error(`${file}: expected one TopGoal, found ${top.length}`);
  const localId = (g: string) => `perspective-${n}.${g}`;
  const out: FrameworkNode[] = [];
  const seen = new Set<string>();
  const contextNotes = (el: GsnElement, via?: string): Text[] =>
    (el.inContextOf ?? []).map((c) => {
      const label = kindOf(c) === "J" ? "根拠" : "前提";
      return { ja: `${label} ${c}${via ? `（${via}）` : ""}：${gsn[c]!.text}` };
    });

  const visit = (gid: string, parent: string, weight: { of: string; rate: number } | undefined) => {
    const g = gsn[gid];
    if (!g || kindOf(gid) !== "G") throw new Error(`${file}: ${gid} is not a goal`);
    if (seen.has(gid)) throw new Error(`${file}: ${gid} is reached twice`);
    seen.add(gid);
    const notes: Text[] = [];
    if (g.question) notes.push({ ja: `問い：${g.question}` });
    notes.push(...contextNotes(g));
    if (weight) notes.push({ ja: `${weight.of} の下での重み：${weight.rate}`, en: `Weight under ${weight.of}: ${weight.rate}` });
    // A goal is decomposed either through one strategy node or directly into sub-goals.
    const children: { id: string; weight?: { of: string; rate: number } }[] = [];
    for (const [i, s] of (g.supportedBy ?? []).entries()) {
      if (kindOf(s) === "S") {
        const st = gsn[s]!;
        notes.push({ ja: `戦略 ${s}：${st.text}` }, ...contextNotes(st, s));
        for (const [j, c] of (st.supportedBy ?? []).entries()) {
          children.push({ id: c, ...(st.scoreRate ? { weight: { of: s, rate: st.scoreRate[j]! } } : {}) });
        }
      } else {
        children.push({ id: s, ...(g.scoreRate ? { weight: { of: gid, rate: g.scoreRate[i]! } } : {}) });
      }
    }
    let title: string | undefined;
    if (g.definition) {
      const m = /^(?:Goal|SG): (.+)$/.exec(g.definition);
      if (!m) throw new Error(`${file}: ${gid} definition "${g.definition}" has no Goal:/SG: prefix`);
      title = m[1]!;
      if (title.endsWith("]") && !title.includes("[")) {
        notes.push({ ja: "見出し末尾の「]」は原文どおり。", en: "The unmatched ']' at the end of the title is in the source." });
      }
    }
    const tags = [
      ...(g.goalType === "TopGoal" ? ["gsn-top-goal"] : g.goalType === "SecondGoal" ? ["gsn-second-goal"] : []),
      ...(g.undeveloped ? ["gsn-undeveloped"] : []),
    ];
    out.push({
      id: localId(gid),
      urn: urnOf(FRAMEWORK, VERSION, localId(gid)),
      parent,
      type: "evaluation-item",
      ref: { label: { ja: `評価観点${n} ${gid}`, en: `Perspective ${n}, GSN ${gid}` }, sourcePath: `gsn/${file}#${gid}`, url: UPSTREAM },
      ...(title ? { title: { ja: title } } : {}),
      text: { ja: g.text },
      textOrigin: { ja: "official" },
      requirement: children.length === 0,
      ...(tags.length ? { tags } : {}),
      notes,
    });
    for (const c of children) visit(c.id, localId(gid), c.weight);
  };
  visit(top[0]!, `perspective-${n}`, undefined);

  const goals = Object.keys(gsn).filter((k) => kindOf(k) === "G");
  const unreached = goals.filter((g) => !seen.has(g));
  if (unreached.length) throw new Error(`${file}: goals not reachable from ${top[0]}: ${unreached.join(", ")}`);
  return out;
}

export function build(): FrameworkFile {
  const files = gsnFiles();
  const en = englishTitles();
  if (files.size !== PERSPECTIVES || en.length !== PERSPECTIVES) {
    throw new Error(`expected ${PERSPECTIVES} GSN files and English titles, found ${files.size} and ${en.length}`);
  }
  const nodes: FrameworkNode[] = [];
  for (let n = 1; n <= PERSPECTIVES; n++) {
    const file = files.get(n);
    if (!file) throw new Error(`no GSN file for perspective ${n}`);
    nodes.push(perspectiveNode(n, en[n - 1]!, file), ...goalNodes(n, file));
  }
  const vt = (f: string) => (readSource(`${DIR}/gsn/${f}`).match(/\v/g) ?? []).length;
  return {
    format: "musubi-framework/1",
    framework: FRAMEWORK,
    version: VERSION,
    name: {
      ja: "AIセーフティ評価環境（aisev）の10の評価観点と評価項目",
      en: "AI Safety Evaluation Environment (aisev): ten evaluation perspectives and evaluation items",
    },
    shortName: { ja: "J-AISI 評価観点", en: "J-AISI evaluation perspectives" },
    kind: "evaluation-guide",
    jurisdiction: "jp",
    issuer: [{ ja: "AIセーフティ・インスティテュート", en: "Japan AI Safety Institute" }],
    legalEffect: {
      ja: "法的効力はない。AIセーフティ評価のための観点と評価項目（評価ツールのデータ）。",
      en: "No legal effect: perspectives and evaluation items for AI safety evaluation, published as evaluation-tool data.",
    },
    dates: { publishedOn: null, effectiveFrom: null },
    source: {
      title: { en: "Japan-AISI/aisev (commit e0604d1e)" },
      publisher: [{ ja: "AIセーフティ・インスティテュート", en: "Japan AI Safety Institute" }],
      url: UPSTREAM,
      files: [
        ...Array.from({ length: PERSPECTIVES }, (_, i) => sourceFile(`${DIR}/perspective_details/${i + 1}.md`)),
        ...[...files.values()].map((f) =>
          sourceFile(`${DIR}/gsn/${f}`, vt(f) ? `${vt(f)} vertical-tab character${vt(f) === 1 ? "" : "s"} (U+000B) removed before parsing` : undefined),
        ),
        sourceFile(`${DIR}/appendix-en.md`, "the English perspective titles"),
        sourceFile(`${DIR}/LICENSE`),
      ],
    },
    licence: [
      {
        appliesTo: "all",
        name: "Apache-2.0",
        url: "https://www.apache.org/licenses/LICENSE-2.0",
        attribution: `${copyright()} (Japan-AISI/aisev, LICENSE)`,
      },
    ],
    actorRoles: [],
    silence: [
      {
        ja: "評価観点・評価項目の対象となる主体（役割）は参照データに定められていないため、対象となる主体は定めていない。",
        en: "The sources assign the perspectives and evaluation items to no actor roles, so none are listed.",
      },
      {
        ja: "評価観点の本文と GSN の評価項目には英語版がない（英語は評価観点の見出しのみ）。",
        en: "There is no English text of the perspectives or of the GSN evaluation items (only English perspective titles).",
      },
      {
        ja: "評価観点の本文は PDF の文書から抽出されたものだが、その文書の名称・版・日付は参照データにない。公表日・版も記載がない。",
        en: "The perspective texts were extracted from a PDF document whose title, edition and date are not in the sources; no publication date or version is stated.",
      },
      {
        ja: "aisev の6つのプリセット評価データセット（CSV 形式）はライブラリに含めていない。",
        en: "aisev's six preset evaluation datasets (CSV files) are not in the library.",
      },
    ],
    nodes,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(writeFramework(build()));
}
