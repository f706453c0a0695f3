/**
 * Generates the two Hiroshima AI Process framework files:
 * `library/frameworks/hiroshima-code-of-conduct/2023-10-30.json` (the International Code of
 * Conduct for Organizations Developing Advanced AI Systems, 11 actions) and
 * `library/frameworks/oecd-haip/1.json` (the OECD HAIP Reporting Framework, 7 sections).
 *
 * Why these files are mostly structure: the sources hold no text of either instrument. The
 * upstream records give an editorial title and summary for Action 1 only; the data README gives
 * the date and the number of actions, and the HAIP version 1 date and its seven section titles.
 * Everything is parsed mechanically from those two files (so a changed README fails the build
 * instead of silently diverging); every missing piece is named in `silence` or `textNote`.
 * No section → action links are made here: the sources state none (crosswalks live elsewhere).
 */
import { pathToFileURL } from "node:url";
import type { FrameworkFile, FrameworkNode } from "../../src/library/library.schema.ts";
import { readSource, sourceFile, urnOf, writeFramework } from "./common.ts";
import { publisherOf, RECORDS, records, type Provision } from "./jp-ai-guidelines.ts";
import { musubiJaShortName } from "./names.ja.ts";

const DATA_README = "README.md";
const CODE = "hiroshima-code-of-conduct";
const HAIP = "oecd-haip";
const ACTION_1 = "g7-hiroshima-code-action-1";
const PROCESS = "g7-hiroshima-ai-process";
const CC_BY = { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" };
const UPSTREAM = "Compliance Compass contributors (EtonMu/global-ai-data-regulation-map)";

interface ActionRecord extends Provision {
  instrumentId: string;
  title: string;
  summary: string;
  editorial: { reviewStatus: string; reviewedOn: string; note: string };
}
interface ProcessRecord {
  id: string;
  issuingBodies: string[];
  statusAsOf: string;
  statusNote: string;
}

/** The README's one-line facts, whitespace collapsed (the file wraps lines at ~100 columns). */
function readme(): string {
  return readSource(DATA_README).replace(/\s+/g, " ");
}

/** "Hiroshima Process International Code of Conduct … (2023-10-30): 11 actions." */
export function codeFacts(): { title: string; date: string; actions: number } {
  const m = /- (Hiroshima Process International Code of Conduct[^(]*?) \((\d{4}-\d{2}-\d{2})\): (\d+) actions\./.exec(readme());
  if (!m) throw new Error(`${DATA_README}: the Code of Conduct facts were not found`);
  return { title: m[1]!, date: m[2]!, actions: Number(m[3]) };
}

/** "OECD HAIP Reporting Framework (v1 2025-02-07, v2.0 later): 7 sections — 1 …; 2 …; … 7 …." */
export function haipFacts(): { title: string; date: string; later: string; sections: { n: number; title: string }[] } {
  const m = /(OECD HAIP Reporting Framework) \(v1 (\d{4}-\d{2}-\d{2}), ([^)]*)\): (\d+) sections — (.+?)\. - /.exec(readme());
  if (!m) throw new Error(`${DATA_README}: the HAIP Reporting Framework facts were not found`);
  const sections = m[5]!.split(/; /).map((s) => {
    const t = /^(\d+) (.+)$/.exec(s);
    if (!t) throw new Error(`${DATA_README}: unexpected HAIP section "${s}"`);
    return { n: Number(t[1]), title: t[2]! };
  });
  if (sections.length !== Number(m[4]) || sections.some((s, i) => s.n !== i + 1)) {
    throw new Error(`${DATA_README}: the HAIP sections are not numbered 1…${m[4]}`);
  }
  return { title: m[1]!, date: m[2]!, later: m[3]!, sections };
}

/** The upstream project's review status of an editorial summary, in words. */
function reviewStatusWords(status: string): string {
  const words: Record<string, string> = { "candidate-summary": "a candidate summary" };
  const w = words[status];
  if (!w) throw new Error(`${ACTION_1}: unknown editorial review status "${status}"; give it words in reviewStatusWords`);
  return w;
}

function sourceRecords(): { action1: ActionRecord; process: ProcessRecord } {
  const recs = records();
  const action1 = recs.provisions.find((p) => p.id === ACTION_1) as ActionRecord | undefined;
  const process = recs.instruments.find((i) => i.id === PROCESS) as unknown as ProcessRecord | undefined;
  if (!action1 || !process) throw new Error(`${RECORDS}: ${ACTION_1} or ${PROCESS} is missing`);
  return { action1, process };
}

/** The Code of Conduct: action-1 … action-11; only Action 1 has (editorial) words in the sources. */
export function buildCode(): FrameworkFile {
  const { title, date, actions } = codeFacts();
  const { action1, process } = sourceRecords();
  const version = date;
  const officialPage = action1.source.url;
  if (action1.actorTags.join() !== "advanced-ai-system-developer") {
    throw new Error(`${ACTION_1}: unexpected actorTags ${action1.actorTags.join(", ")}`);
  }
  const nodes: FrameworkNode[] = Array.from({ length: actions }, (_, i): FrameworkNode => {
    const n = i + 1;
    const id = `action-${n}`;
    const ref = { label: { ja: `行動${n}`, en: `Action ${n}` }, url: officialPage };
    const addressed = { requirement: true, actors: ["advanced-ai-developer"] };
    if (n !== 1) {
      return {
        id,
        urn: urnOf(CODE, version, id),
        type: "action",
        ref,
        textNote: {
          ja: `行動${n}の見出し・本文は参照データにない（参照データにあるのは行動の数のみ）。公式文書は ${officialPage} からリンクされている。`,
          en: `The title and text of Action ${n} are not in the sources (they give only the number of actions). The official document is linked from ${officialPage}.`,
        },
        ...addressed,
      };
    }
    return {
      id,
      urn: urnOf(CODE, version, id),
      type: "action",
      ref: { ...ref, sourcePath: `provisions[id=${ACTION_1}]` },
      title: { en: action1.title },
      text: { en: action1.summary },
      textOrigin: { en: "source-editorial" },
      textNote: {
        ja: "見出しと本文は上流データによる英語の要約であり、公式の文言ではない。日本語は参照データにない。公式文書は外務省のページからリンクされている。",
        en: `The title and text are the upstream project's English summary, not the official wording; no Japanese is in the sources. The official document is linked from ${officialPage}.`,
      },
      ...addressed,
      notes: [
        {
          en: `The upstream project rates this summary as ${reviewStatusWords(action1.editorial.reviewStatus)} (reviewed ${action1.editorial.reviewedOn}), with the note: "${action1.editorial.note}"`,
        },
      ],
    };
  });
  return {
    format: "musubi-framework/1",
    framework: CODE,
    version,
    name: { en: title },
    ...musubiJaShortName(CODE, "Hiroshima Code of Conduct"),
    kind: "code-of-conduct",
    jurisdiction: "g7",
    issuer: [{ ja: "G7", en: process.issuingBodies[0]! }],
    legalEffect: {
      ja: "法的拘束力のない任意の国際的ソフトロー。",
      en: `Voluntary international soft law, non-binding (the upstream record of the G7 Hiroshima AI Process: "${process.statusNote}")`,
    },
    dates: { publishedOn: date, effectiveFrom: null, statusAsOf: process.statusAsOf },
    source: {
      title: { en: title },
      publisher: [publisherOf(action1.source, "Ministry of Foreign Affairs of Japan", "外務省")],
      url: officialPage,
      files: [
        sourceFile(RECORDS, "the upstream records of Action 1 (its editorial title and summary) and of the G7 Hiroshima AI Process"),
        sourceFile(DATA_README, "the date and the number of actions"),
      ],
    },
    licence: [
      { appliesTo: "en-text", ...CC_BY, attribution: `Editorial title and summary of Action 1 by the ${UPSTREAM}` },
      { appliesTo: "metadata", ...CC_BY, attribution: UPSTREAM },
    ],
    actorRoles: [
      {
        id: "advanced-ai-developer",
        name: { ja: "高度なAIシステムを開発する組織", en: "Organizations developing advanced AI systems" },
        note: {
          ja: "上流データの記録が対象として挙げる主体（高度なAIシステムの開発者）に対応する。英語名は行動規範の名称から取り、日本語名は Musubi による訳。",
          en: "The actor the upstream record names (advanced AI system developers). The English name is taken from the Code's title; the Japanese name is Musubi's translation.",
        },
      },
    ],
    silence: [
      {
        ja: "行動規範の本文（前文、各行動の本文と下位の行動）は参照データに含まれていない。",
        en: "The text of the Code (preamble, the actions and their sub-actions) is not in the sources.",
      },
      {
        ja: "行動2〜11の見出しは参照データに含まれていない。行動1の見出しと本文も上流データによる英語の要約である。",
        en: "The titles of Actions 2–11 are not in the sources; Action 1's title and text are the upstream project's English summary.",
      },
      {
        ja: "日本語の本文・仮訳は参照データに含まれていない。",
        en: "No Japanese text or translation is in the sources.",
      },
      {
        ja: "広島プロセス国際指針（行動規範の上位の記録）は本文のない別の記録であり、Musubi のライブラリには含めていない。",
        en: "The Hiroshima Process International Guiding Principles (the record Action 1 hangs from) have no text in the sources and are not in the library.",
      },
    ],
    nodes,
  };
}

/** The OECD HAIP Reporting Framework v1: section-1 … section-7 with their titles from the README. */
export function buildHaip(): FrameworkFile {
  const { title, date, later, sections } = haipFacts();
  const { process } = sourceRecords();
  const version = "1";
  const nodes: FrameworkNode[] = sections.map((s) => ({
    id: `section-${s.n}`,
    urn: urnOf(HAIP, version, `section-${s.n}`),
    type: "reporting-section",
    ref: { label: { ja: `セクション${s.n}`, en: `Section ${s.n}` }, sourcePath: `${DATA_README}: "Facts that are known but not in any machine-readable source"` },
    title: { en: s.title },
    textOrigin: { en: "source-editorial" },
    textNote: {
      ja: "このセクションの質問・本文は参照データにない。日本語の見出しもない。",
      en: "The questions and text of this section are not in the sources, nor is a Japanese title.",
    },
    requirement: true,
    notes: [
      {
        ja: "見出しは、参照データの管理者がその説明（Musubi のデータ注記）に記録した公式のセクション名（英語）。機械可読な原典からの複製ではないため、「出典の編集訳」として扱う。",
        en: "The title is the official section title as recorded by the reference-data maintainers in their description of the data (Musubi's data notes); it is not copied from a machine-readable original, hence it is marked “Editorial text from the source”.",
      },
    ],
  }));
  return {
    format: "musubi-framework/1",
    framework: HAIP,
    version,
    name: { en: title },
    ...musubiJaShortName(HAIP, "HAIP Reporting Framework"),
    kind: "reporting-framework",
    jurisdiction: "oecd",
    issuer: [{ ja: "OECD", en: "OECD" }],
    legalEffect: {
      ja: "任意の報告枠組み。法的効力を変えるものではない。",
      en: `Voluntary reporting framework (the upstream record of the G7 Hiroshima AI Process: "${process.statusNote}")`,
    },
    dates: { publishedOn: date, effectiveFrom: null },
    status: { en: `Version 1. The reference data's description (Musubi's data notes) records a later version 2.0 ("${later}"); its date is not in the sources.` },
    source: {
      title: { en: title },
      publisher: [{ ja: "OECD", en: "OECD" }],
      files: [
        sourceFile(DATA_README, "the version 1 date and the seven section titles"),
        sourceFile(RECORDS, "the upstream record of the G7 Hiroshima AI Process (its status note: the OECD reporting framework is voluntary)"),
      ],
    },
    licence: [
      { appliesTo: "en-text", name: "Section titles only (OECD)", attribution: "OECD, HAIP Reporting Framework: section titles as recorded in the Musubi reference data README" },
      { appliesTo: "metadata", ...CC_BY, attribution: UPSTREAM },
    ],
    actorRoles: [],
    silence: [
      {
        ja: "報告を行う参加者の役割は参照データに記載がないため、対象となる主体は定めていない。",
        en: "The framework's participant roles are not in the sources, so no actor roles are listed.",
      },
      {
        ja: "各セクションの質問と本文、日本語の見出しは参照データに含まれていない。",
        en: "The questions and text of the sections, and Japanese titles, are not in the sources.",
      },
      {
        ja: "セクションと広島行動規範の行動との対応は参照データに記載がない（対応表は別途クロスウォークで扱う）。",
        en: "The sources state no links between the sections and the Code of Conduct actions (crosswalks are kept separately).",
      },
      {
        ja: "第2.0版は日付・内容とも参照データにない。公式の URL も参照データにない。",
        en: "Version 2.0's date and contents are not in the sources, nor is an official URL for the framework.",
      },
    ],
    nodes,
  };
}

export function build(): FrameworkFile[] {
  return [buildCode(), buildHaip()];
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  for (const file of build()) console.log(writeFramework(file));
}
