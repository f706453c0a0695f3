/**
 * Generates the AI Guidelines for Business (AI事業者ガイドライン) framework files:
 * `library/frameworks/jp-ai-guidelines/1.2.json` and `…/1.1.json`.
 *
 * Why two files from one source: the sources hold the text of version 1.2 only (the upstream
 * project's record `jp-ai-guidelines-1-2-common-principles`: the official Japanese overview
 * extract of Part 2 C plus an editorial English reference translation). Version 1.1 exists
 * (its date is in the data README) but none of its text is stored, so its file carries the same
 * node ids with no text and a `textNote` saying so. Same ids are what lets
 * `musubi library diff jp-ai-guidelines 1.1 1.2` pair the nodes; the 1.1 file states that the
 * pairing is structural, not a comparison of text.
 *
 * Every paragraph is copied verbatim; the only parsing is splitting the heading word off
 * "N) 見出し—本文" (the em dash U+2014 the source uses) to make the node title.
 */
import { pathToFileURL } from "node:url";
import type { FrameworkFile, FrameworkNode } from "../../src/library/library.schema.ts";
import { readSource, readSourceJson, sourceFile, urnOf, writeFramework } from "./common.ts";

export const FRAMEWORK = "jp-ai-guidelines";
export const RECORDS = "sources/jp-ai-guidelines-business/etonmu-jp-guidelines-hiroshima-records.json";
export const PROVISION_ID = "jp-ai-guidelines-1-2-common-principles";
const INSTRUMENT_ID = "jp-ai-guidelines-business-1-2";
const DATA_README = "README.md";

/**
 * A source page's publisher as the record labels it, in English, with the Japanese name the library
 * already gives that body; throws when the record names someone else, so the pairing is never stale.
 */
export function publisherOf(source: { label?: string }, en: string, ja: string): { ja: string; en: string } {
  if (source.label !== en) throw new Error(`source record: expected the publisher "${en}", found "${source.label}"`);
  return { ja, en };
}

/** The parts of the upstream record this generator reads. */
export interface Provision {
  id: string;
  originalTitle?: string;
  actorTags: string[];
  paragraphs?: string[];
  translations?: { en?: { title: string; paragraphs: string[]; note: string } };
  /** `label`: who publishes the page, as the record names it. */
  source: { url: string; label?: string };
  textAvailability: { note: string };
}
interface Instrument {
  id: string;
  title: string;
  originalTitle?: string;
  issuingBodies: string[];
  statusAsOf: string;
  dates: { publishedOn: string | null; effectiveFrom: string | null };
  statusNote: string;
  /** `label`: who publishes the page, as the record names it. */
  source: { url: string; label?: string };
}
export interface Records {
  instruments: Instrument[];
  provisions: Provision[];
}

export function records(): Records {
  return readSourceJson<Records>(RECORDS);
}

/** Versions and dates as the data README states them ("versions 1.0 (2024-04-19), …"). */
export function readmeVersions(): Map<string, string> {
  const readme = readSource(DATA_README).replace(/\s+/g, " ");
  const line = /AI Guidelines for Business: versions (.*?\))\. /.exec(readme);
  if (!line) throw new Error(`${DATA_README}: the AI Guidelines for Business version list was not found`);
  return new Map([...line[1]!.matchAll(/(\d+(?:\.\d+)*) \((\d{4}-\d{2}-\d{2})\)/g)].map((m) => [m[1]!, m[2]!]));
}

/** The three actors as the data README names them ("AI developers (D), …"), keyed by letter. */
function readmeActors(): Map<string, string> {
  const readme = readSource(DATA_README).replace(/\s+/g, " ");
  const actors = /AI Guidelines for Business: .*? Actors: (.*?)\. /.exec(readme);
  if (!actors) throw new Error(`${DATA_README}: the AI Guidelines for Business actors were not found`);
  return new Map([...actors[1]!.matchAll(/([^,]+?) \(([A-Z])\)/g)].map((m) => [m[2]!, m[1]!.trim()]));
}

const ROLES = [
  { id: "ai-developer", ja: "AI開発者", letter: "D" },
  { id: "ai-provider", ja: "AI提供者", letter: "P" },
  { id: "ai-business-user", ja: "AI利用者", letter: "U" },
] as const;

function actorRoles(): FrameworkFile["actorRoles"] {
  const names = readmeActors();
  return ROLES.map((r) => {
    const en = names.get(r.letter);
    if (!en) throw new Error(`${DATA_README}: no actor with the abbreviation ${r.letter}`);
    return {
      id: r.id,
      name: { ja: r.ja, en },
      note: {
        ja: `ガイドライン中の略号 ${r.letter}（参照データの説明による）。各主体の定義（第1部）は参照データにない。`,
        en: `Abbreviated ${r.letter} in the guidelines (per the reference data's description). The definition of the actors (Part 1) is not in the sources.`,
      },
    };
  });
}

/** "1) 人間中心—各主体は…" → { n: 1, heading: "人間中心" }; throws if the paragraph has another shape. */
export function splitHeading(paragraph: string): { n: number; heading: string } {
  const m = /^(\d+)\) (.+?)—/.exec(paragraph);
  if (!m) throw new Error(`not a numbered principle paragraph: ${paragraph.slice(0, 40)}`);
  return { n: Number(m[1]), heading: m[2]! };
}

function provision(recs: Records): { p: Provision; instrument: Instrument } {
  const p = recs.provisions.find((x) => x.id === PROVISION_ID);
  const instrument = recs.instruments.find((x) => x.id === INSTRUMENT_ID);
  if (!p?.paragraphs || !p.translations?.en || !instrument) throw new Error(`${RECORDS}: ${PROVISION_ID} or ${INSTRUMENT_ID} is missing`);
  return { p, instrument };
}

const PREAMBLE = 2; // the two unnumbered paragraphs before "1) 人間中心"
const ROLE_IDS = ROLES.map((r) => r.id);

const commonSilence = [
  {
    ja: "各共通の指針の下位項目（具体的な取組事項）は参照データに含まれていない。",
    en: "The sub-items under each common guiding principle are not in the sources.",
  },
  {
    ja: "主体別の記載（第3部〜第5部）は参照データに含まれていない。",
    en: "The role-specific parts (Parts 3–5) are not in the sources.",
  },
  {
    ja: "別添のチェックリスト等は参照データに含まれていない。",
    en: "The appendix checklists are not in the sources.",
  },
];

/** Version 1.2: the ten common guiding principles with their Japanese text and the editorial English. */
export function buildV12(): FrameworkFile {
  const version = "1.2";
  const { p, instrument } = provision(records());
  const ja = p.paragraphs!;
  const en = p.translations!.en!;
  if (ja.length !== en.paragraphs.length) throw new Error(`${PROVISION_ID}: ${ja.length} Japanese vs ${en.paragraphs.length} English paragraphs`);
  const dates = readmeVersions();
  if (dates.get(version) !== instrument.dates.publishedOn) {
    throw new Error(`version ${version}: README says ${dates.get(version)}, the instrument record ${instrument.dates.publishedOn}`);
  }
  const missing = ROLE_IDS.filter((id) => !p.actorTags.includes(id));
  if (missing.length) throw new Error(`${PROVISION_ID}: actorTags lack ${missing.join(", ")}`);
  const named = p.actorTags.map((tag) => {
    const role = ROLES.find((r) => r.id === tag);
    if (!role) throw new Error(`${PROVISION_ID}: actor tag ${tag} has no role here`);
    return { ja: role.ja, en: readmeActors().get(role.letter)! };
  });
  const url = p.source.url;
  const origin = { ja: "official", en: "source-editorial" } as const;

  const nodes: FrameworkNode[] = [
    {
      id: "common-principles",
      urn: urnOf(FRAMEWORK, version, "common-principles"),
      type: "section",
      ref: { label: { ja: p.originalTitle!, en: en.title }, page: "14–23", url, sourcePath: `provisions[id=${PROVISION_ID}].paragraphs[0..1]` },
      title: { ja: p.originalTitle!, en: en.title },
      text: { ja: ja.slice(0, PREAMBLE).join("\n\n"), en: en.paragraphs.slice(0, PREAMBLE).join("\n\n") },
      textOrigin: origin,
      requirement: false,
      actors: [...ROLE_IDS],
      notes: [
        {
          ja: `対象主体は上流データの記録が挙げる主体（${named.map((r) => r.ja).join("・")}）による。頁は上流データの注記（第2部 C、14–23頁）による。`,
          en: `Actors as the upstream record names them (${named.map((r) => r.en).join(", ")}). Pages per the record's note (Part 2 C, pp. 14–23).`,
        },
      ],
    },
  ];
  ja.slice(PREAMBLE).forEach((paragraph, i) => {
    const j = splitHeading(paragraph);
    const e = splitHeading(en.paragraphs[PREAMBLE + i]!);
    if (j.n !== i + 1 || e.n !== i + 1) throw new Error(`${PROVISION_ID}: paragraph ${PREAMBLE + i} is numbered ${j.n}/${e.n}`);
    const id = `principle-${j.n}`;
    nodes.push({
      id,
      urn: urnOf(FRAMEWORK, version, id),
      parent: "common-principles",
      type: "principle",
      ref: {
        label: { ja: `共通の指針 ${j.n}) ${j.heading}`, en: `Common guiding principles ${e.n}) ${e.heading}` },
        url,
        sourcePath: `provisions[id=${PROVISION_ID}].paragraphs[${PREAMBLE + i}]`,
      },
      title: { ja: j.heading, en: e.heading },
      text: { ja: paragraph, en: en.paragraphs[PREAMBLE + i]! },
      textOrigin: origin,
      requirement: true,
      actors: [...ROLE_IDS],
    });
  });

  return {
    format: "musubi-framework/1",
    framework: FRAMEWORK,
    version,
    name: { ja: instrument.originalTitle!, en: instrument.title },
    shortName: { ja: "AI事業者ガイドライン", en: "AI Guidelines for Business" },
    kind: "soft-law",
    jurisdiction: "jp",
    issuer: [
      { ja: "総務省", en: instrument.issuingBodies[0]! },
      { ja: "経済産業省", en: instrument.issuingBodies[1]! },
    ],
    legalEffect: {
      ja: "法的拘束力のない指針。各主体が自主的に取り組むことを求めるもの。",
      en: "Non-binding guidance jointly issued by MIC and METI (the status note of the upstream record); actors pursue it voluntarily.",
    },
    dates: { publishedOn: instrument.dates.publishedOn, effectiveFrom: instrument.dates.effectiveFrom, statusAsOf: instrument.statusAsOf },
    status: { ja: "現行版（任意の指針）", en: "Current version (active, voluntary guidance)" },
    previousVersion: "1.1",
    source: {
      title: { ja: instrument.originalTitle!, en: instrument.title },
      publisher: [publisherOf(instrument.source, "Ministry of Economy, Trade and Industry", "経済産業省")],
      url: instrument.source.url,
      files: [
        sourceFile(RECORDS, "the upstream records of the common guiding principles (Japanese paragraphs and English translation) and of the guidelines, version 1.2"),
        sourceFile(DATA_README, "version dates and the actor names D/P/U"),
      ],
    },
    licence: [
      {
        appliesTo: "ja-text",
        name: "Government work (MIC/METI)",
        url,
        attribution: "総務省・経済産業省「AI事業者ガイドライン（第1.2版）」第2部 C 共通の指針（上流データによる表記正規化済みの抜粋）",
      },
      {
        appliesTo: "en-text",
        name: "CC BY 4.0",
        url: "https://creativecommons.org/licenses/by/4.0/",
        attribution: "Editorial English reference translation by the Compliance Compass contributors (EtonMu/global-ai-data-regulation-map); not the government's tentative translation",
      },
      {
        appliesTo: "metadata",
        name: "CC BY 4.0",
        url: "https://creativecommons.org/licenses/by/4.0/",
        attribution: "Compliance Compass contributors (EtonMu/global-ai-data-regulation-map)",
      },
    ],
    actorRoles: actorRoles(),
    silence: [
      ...commonSilence,
      {
        ja: "日本語本文は上流データが表記を正規化した公式本文の抜粋（第2部 C、14–23頁）であり、脚注は含まれない。",
        en: "The Japanese text is the upstream project's typographically normalised extract of the official text (Part 2 C, pp. 14–23); footnotes are not included.",
      },
      {
        ja: "英語は上流データによる編集上の参考訳であり、政府の仮訳は参照データに含まれていない。",
        en: `The English is the upstream project's editorial reference translation ("${en.note}"); the government's tentative English translation is not in the sources.`,
      },
      {
        ja: "効力発生日の定めはない（任意の指針）。",
        en: "The guidance states no effective date (voluntary guidance).",
      },
    ],
    nodes,
  };
}

/** Version 1.1: the date only. Same node ids as 1.2, no titles or text (not in the sources). */
export function buildV11(): FrameworkFile {
  const version = "1.1";
  const versions = readmeVersions();
  const publishedOn = versions.get(version);
  const earlier = [...versions].filter(([, d]) => publishedOn !== undefined && d < publishedOn);
  if (!publishedOn) throw new Error(`${DATA_README}: no date for version ${version}`);
  const v12 = buildV12();
  const textNote = {
    ja: "第1.1版の見出し・本文・対象主体は参照データに含まれていない。この項目は第1.2版と対応付けるため、第1.2版と同じ識別子で置いている。",
    en: "The heading, text and addressees of version 1.1 are not in the sources; this entry carries the version 1.2 identifier so that the versions can be paired.",
  };
  const nodes: FrameworkNode[] = v12.nodes.map((n) => {
    const num = /^principle-(\d+)$/.exec(n.id)?.[1];
    return {
      id: n.id,
      urn: urnOf(FRAMEWORK, version, n.id),
      ...(n.parent ? { parent: n.parent } : {}),
      type: n.type,
      ref: { label: num ? { ja: `共通の指針 ${num})`, en: `Common guiding principles ${num})` } : { ja: "共通の指針", en: "Common guiding principles" } },
      textNote,
      requirement: n.requirement,
    };
  });
  return {
    format: "musubi-framework/1",
    framework: FRAMEWORK,
    version,
    name: { ja: "AI事業者ガイドライン（第1.1版）", en: "AI Guidelines for Business, Version 1.1" },
    shortName: v12.shortName!,
    kind: "soft-law",
    jurisdiction: "jp",
    issuer: v12.issuer,
    legalEffect: v12.legalEffect,
    dates: { publishedOn, effectiveFrom: null },
    status: { ja: "第1.2版により更新済み", en: "Superseded by version 1.2" },
    source: {
      title: { ja: "AI事業者ガイドライン（第1.1版）", en: "AI Guidelines for Business, Version 1.1" },
      files: [sourceFile(DATA_README, "the version 1.1 date and the actor names D/P/U; nothing else about version 1.1 is in the sources")],
    },
    licence: [
      {
        appliesTo: "structure",
        name: "CC BY 4.0",
        url: "https://creativecommons.org/licenses/by/4.0/",
        attribution: "Node structure mirrored from the version 1.2 record of the Compliance Compass contributors (EtonMu/global-ai-data-regulation-map)",
      },
    ],
    actorRoles: actorRoles(),
    silence: [
      {
        ja: "第1.1版の本文・見出しは参照データに含まれていない（参照データの説明にあるのは日付のみ。名称は第1.2版の名称の版番号を替えたもの）。各項目は第1.2版と同じ構成・識別子で置いたもので、第1.1版が同じ10の共通の指針を持つことは参照データでは確認できない。",
        en: "The text and headings of version 1.1 are not in the sources (the reference data's description gives only its date; its name is version 1.2's with the version number changed). The entries mirror version 1.2's structure and identifiers; the sources do not confirm that version 1.1 had the same ten common guiding principles.",
      },
      ...commonSilence,
      {
        ja: `${earlier.map(([v, d]) => `第${v}版（${d}）`).join("と")}はライブラリに含めていない（本文が参照データにない）。このため第1.1版には前の版を示していない。`,
        en: `Versions ${earlier.map(([v, d]) => `${v} (${d})`).join(" and ")} are not in the library (no text in the sources), so no earlier version is linked to version 1.1.`,
      },
    ],
    nodes,
  };
}

export function build(): FrameworkFile[] {
  return [buildV12(), buildV11()];
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  for (const file of build()) console.log(writeFramework(file));
}
