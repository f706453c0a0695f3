import type { LoadedFramework } from "../library/library.model.ts";
import type { FrameworkNode, Text } from "../library/library.schema.ts";
import { catalogMetadata, defaultLangOf, sourceResources } from "./oscal.catalog.meta.ts";
import {
  bilingualProps,
  compact,
  contentDigest,
  type Lang,
  LANGS,
  MUSUBI_NS,
  musubiProp,
  oneLine,
  oscalProp,
  otherLang,
  pick,
  stableUuid,
  toMarkup,
  toToken,
} from "./oscal.common.ts";
import type { CatalogDocument, OscalControl, OscalGroup, OscalLink, OscalPart } from "./oscal.types.ts";

/**
 * One framework version as an OSCAL 1.2 catalog.
 *
 * - Requirement nodes are controls (nested where the library nests them); the structure above them
 *   (chapters, sections, functions) is groups. A node holding no requirement at all (a definitions
 *   article, a measure of the State) is kept as a `provision` part of its parent, so no text is lost
 *   and no group ever holds both groups and controls, which OSCAL forbids. Where a structural node
 *   sits beside requirements under the same parent, it becomes a control marked
 *   `requirement=false` for the same reason.
 * - Each node's text is a `statement` part (an `overview` for groups) in the node's primary language
 *   — the one whose text has the most authority, Japanese breaking ties for Japan's instruments —
 *   and an `alt-language` part (Musubi namespace) for the other. Labels and titles are in both
 *   languages as Musubi props; `text-origin` props keep whose words each text is.
 * - UUIDs are version 5, derived from the framework, version and content, so exporting unchanged
 *   data twice gives the same document, byte for byte.
 */
export function frameworkToCatalog(fw: LoadedFramework): CatalogDocument {
  const file = fw.file;
  const lang = defaultLangOf(file);
  const tree = new CatalogTree(fw, lang);
  // The catalog itself may hold groups and controls side by side; only groups may not.
  const roots = file.nodes.filter((n) => !n.parent);
  const controls = roots.filter((n) => n.requirement).map((n) => tree.control(n));
  const groups = roots.filter((n) => !n.requirement).map((n) => tree.group(n));
  const { source, all } = sourceResources(file, lang);
  return {
    catalog: compact({
      uuid: stableUuid("catalog", file.framework, file.version, contentDigest(file)),
      metadata: catalogMetadata(fw, lang, source.uuid),
      groups,
      controls,
      "back-matter": { resources: all },
    }),
  };
}

/** The requirement-bearing shape of one framework's tree, and the OSCAL objects built from it. */
class CatalogTree {
  private readonly holds = new Map<string, boolean>();

  constructor(
    private readonly fw: LoadedFramework,
    private readonly defaultLang: Lang,
  ) {}

  /** Whether the node or anything below it is a requirement. */
  holdsRequirement(id: string): boolean {
    const known = this.holds.get(id);
    if (known !== undefined) return known;
    const node = this.fw.nodesById.get(id)!;
    const result = node.requirement || this.children(id).some((c) => this.holdsRequirement(c.id));
    this.holds.set(id, result);
    return result;
  }

  private children(id: string): FrameworkNode[] {
    return (this.fw.children.get(id) ?? []).map((c) => this.fw.nodesById.get(c)!);
  }

  /** The language of the node's OSCAL-native title and prose: its text's most authoritative language. */
  private langOf(node: FrameworkNode): Lang {
    const present = (t: Text | undefined) => LANGS.filter((l) => t?.[l] !== undefined);
    const candidates = [node.text, node.title, node.ref.label].map(present).find((l) => l.length > 0) ?? [this.defaultLang];
    if (candidates.length === 1) return candidates[0]!;
    const rank = (l: Lang) => ORIGIN_RANK[node.textOrigin?.[l] ?? ""] ?? 0;
    const [ja, en] = [rank("ja"), rank("en")];
    return ja === en ? this.defaultLang : ja > en ? "ja" : "en";
  }

  group(node: FrameworkNode): OscalGroup {
    const lang = this.langOf(node);
    const kids = this.children(node.id);
    const asControls = kids.some((k) => k.requirement);
    const holding = kids.filter((k) => this.holdsRequirement(k.id));
    return compact({
      id: toToken(node.id),
      class: node.type,
      title: titleOf(node, lang),
      props: this.props(node, lang),
      links: linksOf(node),
      parts: [...this.ownParts(node, lang, "overview"), ...kids.filter((k) => !this.holdsRequirement(k.id)).map((k) => this.provision(k))],
      ...(asControls ? { controls: holding.map((k) => this.control(k)) } : { groups: holding.map((k) => this.group(k)) }),
    });
  }

  control(node: FrameworkNode): OscalControl {
    const lang = this.langOf(node);
    const kids = this.children(node.id);
    return compact({
      id: toToken(node.id),
      class: node.type,
      title: titleOf(node, lang),
      props: this.props(node, lang),
      links: linksOf(node),
      parts: [...this.ownParts(node, lang, "statement"), ...kids.filter((k) => !this.holdsRequirement(k.id)).map((k) => this.provision(k))],
      controls: kids.filter((k) => this.holdsRequirement(k.id)).map((k) => this.control(k)),
    });
  }

  /** A node without requirements under it, kept whole as a part: its text, notes and sub-provisions. */
  private provision(node: FrameworkNode): OscalPart {
    const lang = this.langOf(node);
    const id = toToken(node.id);
    const text = node.text?.[lang];
    const other = otherLang(lang);
    return compact({
      id,
      name: "provision",
      ns: MUSUBI_NS,
      class: node.type,
      title: titleOf(node, lang),
      props: [...this.props(node, lang), ...musubiProp("text-origin", text === undefined ? undefined : node.textOrigin?.[lang])],
      prose: text === undefined ? undefined : toMarkup(text),
      links: linksOf(node),
      parts: [
        ...altLanguage(`${id}_alt`, node.text?.[other], other, node.textOrigin?.[other]),
        ...this.extraParts(node, lang),
        ...this.children(node.id).map((k) => this.provision(k)),
      ],
    });
  }

  /** The node's own text (primary and other language) and its notes, obligation wording and schedule. */
  private ownParts(node: FrameworkNode, lang: Lang, name: "statement" | "overview"): OscalPart[] {
    const id = toToken(node.id);
    const other = otherLang(lang);
    const text = node.text?.[lang];
    const primary: OscalPart[] =
      text === undefined
        ? []
        : [compact({ id: `${id}_smt`, name, props: [...musubiProp("lang", lang), ...musubiProp("text-origin", node.textOrigin?.[lang])], prose: toMarkup(text) })];
    return [...primary, ...altLanguage(`${id}_alt`, node.text?.[other], other, node.textOrigin?.[other]), ...this.extraParts(node, lang)];
  }

  private extraParts(node: FrameworkNode, lang: Lang): OscalPart[] {
    const id = toToken(node.id);
    const out: OscalPart[] = [];
    if (node.textNote) out.push(bilingualPart(`${id}_text-note`, "text-note", node.textNote, lang, musubiProp("origin", "musubi-editorial")));
    node.notes?.forEach((note, i) => out.push(bilingualPart(`${id}_note-${i + 1}`, "note", note, lang, [])));
    if (node.obligation) {
      // The kinds are Musubi's reading (props on the node); the wording is the source's, quoted.
      out.push(bilingualPart(`${id}_obligation`, "obligation-wording", node.obligation.wording, lang, musubiProp("origin", "source-quotation")));
    }
    node.dates?.schedule?.forEach((s, i) =>
      out.push(bilingualPart(`${id}_schedule-${i + 1}`, "schedule", s.scope, lang, [...musubiProp("applies-from", s.appliesFrom), ...musubiProp("basis", s.basis)])),
    );
    if (node.dates?.note) out.push(bilingualPart(`${id}_date-note`, "date-note", node.dates.note, lang, []));
    return out;
  }

  private props(node: FrameworkNode, lang: Lang) {
    return [
      ...oscalProp("label", pick(node.ref.label, lang)),
      ...musubiProp("lang", lang),
      ...musubiProp("urn", node.urn),
      ...musubiProp("node-type", node.type),
      ...musubiProp("requirement", String(node.requirement)),
      ...bilingualProps("label", node.ref.label),
      ...bilingualProps("title", node.title),
      ...(node.actors ?? []).flatMap((a) => musubiProp("actor", a)),
      ...(node.tags ?? []).flatMap((t) => musubiProp("tag", t)),
      ...musubiProp("applies-from", node.dates?.appliesFrom),
      ...musubiProp("original-applies-from", node.dates?.originalAppliesFrom),
      ...musubiProp("in-force-status", node.dates?.status),
      ...(node.obligation?.kinds ?? []).flatMap((k) => musubiProp("obligation", k, "musubi-editorial")),
      ...musubiProp("source-path", node.ref.sourcePath),
      ...musubiProp("page", node.ref.page),
    ];
  }
}

/** The node's source link and its cross-references within the library (by URN). */
function linksOf(node: FrameworkNode): OscalLink[] {
  return [
    ...(node.ref.url ? [{ href: node.ref.url, rel: "reference", text: "source" }] : []),
    ...(node.refersTo ?? []).map((urn) => ({ href: urn, rel: "related" })),
  ];
}

/** Higher is more authoritative; a text without a recorded origin ranks with editorial text. */
const ORIGIN_RANK: Record<string, number> = { official: 4, "government-reference": 3, "source-editorial": 2, "": 2, "musubi-editorial": 1 };

/** The title in the node's language: its title, else its label (OSCAL requires one). */
function titleOf(node: FrameworkNode, lang: Lang): string {
  return toMarkup(oneLine(pick(node.title, lang) ?? pick(node.ref.label, lang)!));
}

/** The other language's text, marked with its language and whose words it is. */
function altLanguage(id: string, text: string | undefined, lang: Lang, origin: string | undefined): OscalPart[] {
  if (text === undefined) return [];
  return [compact({ id, name: "alt-language", ns: MUSUBI_NS, class: lang, props: [...musubiProp("lang", lang), ...musubiProp("text-origin", origin)], prose: toMarkup(text) })];
}

/** A Musubi part whose prose is in `lang` (or the other language when only that exists), with the other as `alt-language`. */
function bilingualPart(id: string, name: string, text: Text, lang: Lang, props: ReturnType<typeof musubiProp>): OscalPart {
  const primary = text[lang] !== undefined ? lang : otherLang(lang);
  const other = otherLang(primary);
  return compact({
    id,
    name,
    ns: MUSUBI_NS,
    props: [...musubiProp("lang", primary), ...props],
    prose: toMarkup(text[primary]!),
    parts: altLanguage(`${id}_alt`, text[other], other, undefined),
  });
}
