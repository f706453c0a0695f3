/**
 * Generates `library/frameworks/iso-42001/2023.json`: the ids and titles of ISO/IEC 42001:2023
 * Annex A — 9 objectives (A.2 … A.10) and 38 controls — from the derived index in
 * `../shared/data/sources/iso42001/`.
 *
 * The standard's text is ISO copyright: this generator must never ship more than ids and titles, so
 * nodes have `title` and no `text` (the test checks it). The index also lists A.6.1 and A.6.2, which
 * it counts neither as objectives nor as controls; they group A.6's controls and become `section`
 * nodes, so the counts stay the index's own 9 and 38.
 *
 * Run: `npx tsx tools/library/iso-42001.ts`.
 */
import { pathToFileURL } from "node:url";
import type { FrameworkFile, FrameworkNode } from "../../src/library/library.schema.ts";
import { readSourceJson, sourceFile, urnOf, writeFramework } from "./common.ts";
import { musubiJaShortName } from "./names.ja.ts";

const FRAMEWORK = "iso-42001";
const VERSION = "2023";
const INDEX = "sources/iso42001/iso42001-annex-a-index.json";
const EXPECTED = { objectives: 9, controls: 38 } as const;
/** The upstream instrument record, read for the standard's publication date only. */
const RECORDS_FILE = "sources/jp-ai-guidelines-business/etonmu-jp-guidelines-hiroshima-records.json";

interface IndexFile {
  source: string;
  objectives: number;
  controls: number;
  items: { id: string; title: string; is_control: boolean }[];
}

/** Builds the framework file; throws when the index does not have 9 objectives and 38 controls. */
export function build(): FrameworkFile {
  const index = readSourceJson<IndexFile>(INDEX);
  const record = readSourceJson<{ instruments: { id: string; version: string; issuingBodies: string[]; dates: { publishedOn: string | null } }[] }>(RECORDS_FILE).instruments.find((i) => i.id === "iso-iec-42001-2023");
  const published = record?.dates.publishedOn;
  if (!published || record.version !== "Edition 1, 2023") throw new Error("iso-42001: the instrument record for ISO/IEC 42001:2023 (edition 1) is missing its publication date");
  const ids = new Set(index.items.map((i) => i.id));
  if (ids.size !== index.items.length) throw new Error("ISO/IEC 42001 index: duplicate ids");

  const nodes: FrameworkNode[] = index.items.map((item) => {
    if (!/^A\.\d+(\.\d+){0,2}$/.test(item.id)) throw new Error(`ISO/IEC 42001 index: unexpected id ${item.id}`);
    const parts = item.id.split(".");
    // The parent is the longest proper prefix that the index lists (A.6.1.2 → A.6.1 → A.6).
    let parent: string | undefined;
    for (let k = parts.length - 1; k >= 2 && !parent; k--) {
      const candidate = parts.slice(0, k).join(".");
      if (ids.has(candidate)) parent = candidate;
    }
    const type = item.is_control ? "control" : parts.length === 2 ? "objective" : "section";
    if (type !== "objective" && !parent) throw new Error(`ISO/IEC 42001 index: ${item.id} has no parent in the index`);
    return {
      id: item.id,
      urn: urnOf(FRAMEWORK, VERSION, item.id),
      ...(parent ? { parent } : {}),
      type,
      ref: { label: { en: item.id }, annex: "A" },
      title: { en: item.title },
      requirement: item.is_control,
    };
  });

  const objectives = nodes.filter((n) => n.type === "objective").length;
  const controls = nodes.filter((n) => n.type === "control").length;
  if (objectives !== EXPECTED.objectives || index.objectives !== EXPECTED.objectives) {
    throw new Error(`ISO/IEC 42001 index: expected ${EXPECTED.objectives} objectives, found ${objectives} (declared ${index.objectives})`);
  }
  if (controls !== EXPECTED.controls || index.controls !== EXPECTED.controls) {
    throw new Error(`ISO/IEC 42001 index: expected ${EXPECTED.controls} controls, found ${controls} (declared ${index.controls})`);
  }

  return {
    format: "musubi-framework/1",
    framework: FRAMEWORK,
    version: VERSION,
    name: { en: "ISO/IEC 42001:2023, Annex A" },
    ...musubiJaShortName(FRAMEWORK, "ISO/IEC 42001"),
    kind: "standard",
    jurisdiction: "intl",
    issuer: [{ en: "ISO/IEC" }],
    legalEffect: { en: "Voluntary standard, not law." },
    dates: { publishedOn: published, effectiveFrom: null },
    source: {
      title: { en: "ISO/IEC 42001:2023 Annex A: control ids and titles (derived index)" },
      publisher: record.issuingBodies.map((en) => ({ en })),
      reference: { ja: "ISO/IEC 42001:2023", en: "ISO/IEC 42001:2023" },
      files: [
        { ...sourceFile(INDEX, "ids and titles only"), upstream: index.source },
        { ...sourceFile(RECORDS_FILE, "the upstream record of the standard: its publication date only"), upstream: "EtonMu/global-ai-data-regulation-map data/v2/instruments.json (filtered)" },
      ],
    },
    licence: [
      {
        appliesTo: "all",
        name: "ISO/IEC copyright: ids and titles only",
        attribution: "ISO/IEC 42001:2023, Annex A: identifiers and titles of the control objectives and controls. © ISO/IEC. The text of the standard is not reproduced.",
      },
      { appliesTo: "metadata", name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/", attribution: "Publication date from EtonMu/global-ai-data-regulation-map (data/v2 instrument record), CC BY 4.0." },
    ],
    actorRoles: [],
    silence: [
      { en: "The text of the objectives and controls is ISO copyright and is not shipped: Musubi stores only their ids and titles. Consult the standard for the text." },
      { en: "No Japanese titles: the source has English titles only." },
      { en: "The standard names no actor roles in the stored index, so none are defined here." },
      { en: "A.6.1 and A.6.2 are listed by the source neither as objectives nor as controls; here they are sections grouping A.6's controls." },
    ],
    nodes,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(writeFramework(build()));
}
