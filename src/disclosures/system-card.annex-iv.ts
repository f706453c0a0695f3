import type { Library } from "../library/library.model.ts";
import { frameworkLabel } from "../library/library.present.ts";
import type { FrameworkNode, Text } from "../library/library.schema.ts";
import { HEADERS } from "../systems/io/export.labels.ts";
import type { Words } from "../incidents/report.labels.ts";
import { CARD_NOTES } from "./system-card.labels.ts";
import type { SystemCard } from "./system-card.schema.ts";

/** Where Annex IV lives in the library: the EU AI Act's current version, node `annex-iv`. */
export const ANNEX_IV = { framework: "eu-ai-act", node: "annex-iv" } as const;

type CardBody = Omit<SystemCard, "annexIV">;

/**
 * The card fields an Annex IV point can be pointed at: a JSON Pointer into the card, its name in
 * both languages, and whether this system's card has something there.
 */
export const CARD_FIELDS = {
  "/organisation/name": { label: { ja: "組織の名称", en: "Organisation's name" }, has: () => true },
  "/system/purpose": { label: HEADERS.purpose, has: (c: CardBody) => c.system.purpose.trim() !== "" },
  "/system/lifecycle": { label: HEADERS.lifecycle, has: () => true },
  "/system/affectedPersons": { label: { ja: "影響を受ける人", en: "People affected" }, has: (c: CardBody) => (c.system.affectedPersons?.length ?? 0) > 0 },
  "/system/nextReviewOn": { label: HEADERS.nextReviewAt, has: (c: CardBody) => c.system.nextReviewOn !== null },
  "/classification/euAiAct/roles": { label: { ja: "EU AI法上の役割", en: "Roles under the EU AI Act" }, has: (c: CardBody) => (c.classification.euAiAct.roles?.length ?? 0) > 0 },
  "/frameworks": { label: { ja: "枠組みと対応状況", en: "Frameworks and posture" }, has: (c: CardBody) => c.frameworks.length > 0 },
  "/models": { label: HEADERS.models, has: (c: CardBody) => c.models.length > 0 },
  "/datasets": { label: HEADERS.datasets, has: (c: CardBody) => c.datasets.length > 0 },
  "/components": { label: HEADERS.components, has: (c: CardBody) => c.components.length > 0 },
  "/vendors": { label: HEADERS.vendors, has: (c: CardBody) => c.vendors.linked.length + c.vendors.named.length > 0 },
  "/risks": { label: { ja: "リスクと対応", en: "Risks and their treatment" }, has: (c: CardBody) => c.risks.length > 0 },
  "/evaluations": { label: { ja: "評価", en: "Evaluation" }, has: (c: CardBody) => c.evaluations.perspectives.length > 0 },
  "/incidents": { label: { ja: "インシデント", en: "Incidents" }, has: (c: CardBody) => c.incidents.length > 0 },
  "/humanOversight": { label: { ja: "人による監視", en: "Human oversight" }, has: (c: CardBody) => c.humanOversight.facts.some((f) => f.answer !== null) },
  "/history": { label: { ja: "変更履歴", en: "Change history" }, has: (c: CardBody) => c.history.entries.length > 0 },
} as const satisfies Record<string, { label: Words; has: (c: CardBody) => boolean }>;

export type CardPointer = keyof typeof CARD_FIELDS;

/**
 * Musubi's reading of which card fields bear on each Annex IV point, by the point's node id.
 * Editorial, not the Regulation's: the card carries `mappedBy: "musubi-editorial"` with it. A
 * point missing here — including one a later version of the library adds — is "not covered by
 * Musubi's data". Deliberately absent: 1(d) forms of placing on the market, 1(f) product
 * pictures, 1(g) user interface, 1(h) instructions for use, 2(b) beyond the persons concerned,
 * 2(f) pre-determined changes, 2(h) cybersecurity, 4 performance metrics, 8 the declaration of
 * conformity — Musubi has no field for any of them.
 */
export const ANNEX_IV_MAPPING: Readonly<Record<string, readonly CardPointer[]>> = {
  // 1(a) intended purpose, name of the provider, version of the system
  "annex-iv.1.a": ["/system/purpose", "/organisation/name", "/classification/euAiAct/roles"],
  // 1(b) interaction with hardware or software, other AI systems included
  "annex-iv.1.b": ["/components", "/vendors"],
  // 1(c) versions of relevant software or firmware
  "annex-iv.1.c": ["/models", "/components"],
  // 1(e) hardware it is intended to run on: only where the models run (hosting)
  "annex-iv.1.e": ["/models"],
  // 2(a) development methods, pre-trained systems and third-party tools
  "annex-iv.2.a": ["/models", "/components", "/vendors"],
  // 2(b) design specifications: only the persons on whom it is intended to be used
  "annex-iv.2.b": ["/system/affectedPersons"],
  // 2(c) system architecture: the components it is built from
  "annex-iv.2.c": ["/components"],
  // 2(d) data requirements and training data sets, their provenance
  "annex-iv.2.d": ["/datasets"],
  // 2(e) assessment of the human oversight measures (Art. 14)
  "annex-iv.2.e": ["/humanOversight"],
  // 2(g) validation and testing procedures: the evaluation perspectives named; results are not recorded
  "annex-iv.2.g": ["/evaluations"],
  // 3 monitoring, functioning and control: foreseeable outcomes and risks, human oversight, what happened
  "annex-iv.3": ["/risks", "/humanOversight", "/incidents"],
  // 5 the risk management system (Art. 9)
  "annex-iv.5": ["/risks"],
  // 6 relevant changes through the lifecycle
  "annex-iv.6": ["/history", "/system/lifecycle"],
  // 7 standards and specifications applied
  "annex-iv.7": ["/frameworks"],
  // 9 post-market performance evaluation and monitoring
  "annex-iv.9": ["/incidents", "/system/nextReviewOn"],
};

const libraryText = (t: Text | undefined) => ({ ja: t?.ja ?? null, en: t?.en ?? null });

function nodeOf(node: FrameworkNode) {
  return { urn: node.urn, ref: libraryText(node.ref.label), title: node.title ? libraryText(node.title) : null, text: libraryText(node.text) };
}

function mappingOf(id: string, card: CardBody): SystemCard["annexIV"]["points"][number]["points"][number]["mapping"] {
  const pointers = ANNEX_IV_MAPPING[id] ?? [];
  return {
    mappedBy: "musubi-editorial",
    covered: pointers.length > 0,
    fields: pointers.map((pointer) => ({ pointer, label: CARD_FIELDS[pointer].label, recorded: CARD_FIELDS[pointer].has(card) })),
  };
}

/**
 * Annex IV as the library holds it — the annex, its points and their sub-points, in the file's
 * order, with their URNs and text untouched — and beside each point with no sub-points the card
 * fields Musubi maps to it. Throws when the library has no Annex IV: a library without the Act
 * is a broken installation, not a card without a section.
 */
export function annexIVOf(library: Library, card: CardBody): SystemCard["annexIV"] {
  const fw = library.current.get(ANNEX_IV.framework);
  const annex = fw?.nodesById.get(ANNEX_IV.node);
  if (!fw || !annex) throw new Error(`the library has no ${ANNEX_IV.framework} ${ANNEX_IV.node}`);
  const children = (id: string) => (fw.children.get(id) ?? []).map((c) => fw.nodesById.get(c)!);
  const name = frameworkLabel(fw.file);
  return {
    source: {
      framework: fw.file.framework,
      version: fw.file.version,
      name: { ja: name.ja ?? null, en: name.en ?? null },
      licence: fw.file.licence.map((l) => l.attribution ?? l.name),
    },
    annex: nodeOf(annex),
    mappedBy: "musubi-editorial",
    note: CARD_NOTES.annexMapping,
    points: children(annex.id).map((point) => {
      const subs = children(point.id);
      return {
        ...nodeOf(point),
        points: subs.map((sub) => ({ ...nodeOf(sub), mapping: mappingOf(sub.id, card) })),
        mapping: subs.length ? null : mappingOf(point.id, card),
      };
    }),
  };
}
