import type { FrameworkNode, Text } from "../library/library.schema.ts";
import { fromMarkup, type Lang, LANGS, MUSUBI_NS, otherLang } from "./oscal.common.ts";
import type { OscalControl, OscalGroup, OscalParam, OscalPart } from "./oscal.types.ts";

type Prop = { name: string; value: string; ns?: string; class?: string };

/** C0 controls (but tab and line breaks), DEL and U+FFFD: the library loader refuses them, so they are dropped. */
export const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g, "");

const OSCAL_NS = "http://csrc.nist.gov/ns/oscal";
const isOscal = (p: { ns?: string }) => p.ns === undefined || p.ns === OSCAL_NS;
export const musubi = (props: Prop[] | undefined, name: string, cls?: string) => props?.find((p) => p.ns === MUSUBI_NS && p.name === name && (cls === undefined || p.class === cls))?.value;
const musubiAll = (props: Prop[] | undefined, name: string) => (props ?? []).filter((p) => p.ns === MUSUBI_NS && p.name === name).map((p) => p.value);

/** What the walk found that Musubi's model does not keep, for the framework's `silence`. */
export interface ImportTally {
  controls: number;
  withdrawn: number;
  groups: number;
  droppedParts: Map<string, number>;
  unresolvedParams: number;
}

const LOCAL_ID = /^[A-Za-z0-9][A-Za-z0-9._()-]*$/;

/**
 * Turns the groups and controls of a catalog into library nodes. Controls (with their enhancements)
 * become `control` nodes, groups `section` nodes; a Musubi export's own node ids, types, both
 * languages and provisions are restored from its props and parts. Params are rendered as SP 800-53
 * prints them ("[Assignment: organization-defined frequency]", "[Selection (one or more): …]").
 */
export class NodeWalker {
  readonly nodes: FrameworkNode[] = [];
  readonly tally: ImportTally = { controls: 0, withdrawn: 0, groups: 0, droppedParts: new Map(), unresolvedParams: 0 };
  private readonly ids = new Set<string>();
  private readonly params = new Map<string, OscalParam>();
  /** OSCAL id (of a control or a part) → the label of the control it belongs to, for withdrawal notes. */
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly urnPrefix: string,
    private readonly lang: Lang,
    roots: { groups?: OscalGroup[]; controls?: OscalControl[]; params?: OscalParam[] },
  ) {
    const index = (c: OscalControl) => {
      for (const p of c.params ?? []) this.params.set(p.id, p);
      const label = labelOf(c.props) ?? c.id;
      this.labels.set(c.id, label);
      const parts = (ps: OscalPart[] | undefined) => ps?.forEach((p) => (p.id && this.labels.set(p.id, `${label}${labelOf(p.props) ? ` ${labelOf(p.props)}` : ""}`), parts(p.parts)));
      parts(c.parts);
      c.controls?.forEach(index);
    };
    const indexGroup = (g: OscalGroup) => {
      for (const p of g.params ?? []) this.params.set(p.id, p);
      g.groups?.forEach(indexGroup);
      g.controls?.forEach(index);
    };
    for (const p of roots.params ?? []) this.params.set(p.id, p);
    roots.groups?.forEach(indexGroup);
    roots.controls?.forEach(index);
  }

  /** A library id for an OSCAL id: the Musubi URN's id when there is one, else the id made safe and unique. */
  private idFor(oscalId: string | undefined, props: Prop[] | undefined, fallback: string): string {
    const urn = musubi(props, "urn");
    let id = urn ? urn.split(":").slice(4).join(":") : (oscalId ?? fallback).normalize("NFKC").replace(/[^A-Za-z0-9._()-]/g, "-").replace(/^[^A-Za-z0-9]+/, "");
    if (!LOCAL_ID.test(id)) id = fallback;
    let unique = id;
    for (let n = 2; this.ids.has(unique); n++) unique = `${id}-${n}`;
    this.ids.add(unique);
    return unique;
  }

  private text(value: string | undefined): Text | undefined {
    const v = value === undefined ? "" : clean(value).trim();
    return v ? { [this.lang]: v } : undefined;
  }

  /** Label and title in both languages from a Musubi export's props, else the OSCAL fields in the document's language. */
  private naming(oscalTitle: string | undefined, props: Prop[] | undefined, fallbackLabel: string): { label: Text; title?: Text } {
    const both = (name: string): Text | undefined => {
      const t: Text = {};
      for (const l of LANGS) {
        const v = musubi(props, name, l);
        if (v) t[l] = clean(v);
      }
      return t.ja || t.en ? t : undefined;
    };
    const label = both("label") ?? this.text(labelOf(props)) ?? { [this.lang]: clean(fallbackLabel) };
    const title = musubi(props, "urn") ? both("title") : this.text(oscalTitle === undefined ? undefined : fromMarkup(oscalTitle));
    return title ? { label, title } : { label };
  }

  /** The statement (or overview) prose in the node's language, the alt-language part in the other, and their origins. */
  private bodyOf(parts: OscalPart[] | undefined, props: Prop[] | undefined, names: string[]): Pick<FrameworkNode, "text" | "textOrigin"> {
    const lang = (musubi(props, "lang") as Lang | undefined) ?? this.lang;
    const main = parts?.find((p) => names.includes(p.name) && isOscal(p));
    const alt = parts?.find((p) => p.name === "alt-language" && p.ns === MUSUBI_NS);
    const text: Text = {};
    const origin: Record<string, string> = {};
    const body = main ? this.render(main, 0) : undefined;
    if (body) text[lang] = body;
    if (main && musubi(main.props, "text-origin")) origin[lang] = musubi(main.props, "text-origin")!;
    if (alt?.prose) {
      const l = (alt.class as Lang | undefined) ?? otherLang(lang);
      text[l] = clean(fromMarkup(alt.prose)).trim();
      if (musubi(alt.props, "text-origin")) origin[l] = musubi(alt.props, "text-origin")!;
    }
    return {
      ...(text.ja || text.en ? { text } : {}),
      ...(Object.keys(origin).length ? { textOrigin: origin as FrameworkNode["textOrigin"] } : {}),
    };
  }

  /** A statement and its items as plain text, one item a line, labels kept, params resolved. */
  private render(part: OscalPart, depth: number): string {
    const lines: string[] = [];
    const own = [depth > 0 ? labelOf(part.props) : undefined, part.prose === undefined ? undefined : this.resolve(part.prose, 0).trim()].filter((s) => s).join(" ");
    if (own) lines.push(`${"  ".repeat(Math.max(0, depth - 1))}${own}`);
    for (const child of part.parts ?? []) if (child.name === "item" && isOscal(child)) lines.push(this.render(child, depth + 1));
    return clean(fromMarkup(lines.filter((l) => l).join("\n")));
  }

  private resolve(markup: string, depth: number): string {
    return markup.replace(/\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g, (whole, id: string) => {
      const p = this.params.get(id);
      if (!p || depth > 5) {
        this.tally.unresolvedParams++;
        return whole;
      }
      const values = (p as { values?: string[] }).values;
      if (values?.length) return values.join(", ");
      if (p.select?.choice?.length) {
        const how = p.select["how-many"] === "one-or-more" ? "Selection (one or more)" : "Selection";
        return `[${how}: ${p.select.choice.map((c) => this.resolve(c, depth + 1)).join("; ")}]`;
      }
      return p.label ? `[Assignment: ${this.resolve(p.label, depth + 1)}]` : whole;
    });
  }

  private drop(parts: OscalPart[] | undefined, kept: string[]): void {
    for (const p of parts ?? []) {
      if (kept.includes(p.name) && (isOscal(p) || p.name === "alt-language" || p.name === "provision")) continue;
      const key = p.ns && p.ns !== OSCAL_NS ? `${p.name} (${p.ns})` : p.name;
      this.tally.droppedParts.set(key, (this.tally.droppedParts.get(key) ?? 0) + 1);
    }
  }

  group(g: OscalGroup, parent: string | undefined, path: string): void {
    this.tally.groups++;
    const id = this.idFor(g.id, g.props, `group-${path}`);
    const { label, title } = this.naming(g.title, g.props, g.id ?? g.title);
    this.nodes.push({
      id,
      urn: `${this.urnPrefix}${id}`,
      ...(parent ? { parent } : {}),
      type: nodeType(g.props, "section"),
      ref: { label, sourcePath: g.id ? `group[@id='${g.id}']` : `group[${path}]` },
      ...(title ? { title } : {}),
      ...this.bodyOf(g.parts, g.props, ["overview", "statement"]),
      requirement: false,
      ...this.extras(g.props),
    });
    this.drop(g.parts, ["overview", "statement"]);
    this.provisions(g.parts, id);
    g.groups?.forEach((child, i) => this.group(child, id, `${path}.${i + 1}`));
    g.controls?.forEach((c) => this.control(c, id));
  }

  control(c: OscalControl, parent: string | undefined): void {
    this.tally.controls++;
    const withdrawn = c.props?.some((p) => p.name === "status" && isOscal(p) && p.value === "withdrawn") ?? false;
    if (withdrawn) this.tally.withdrawn++;
    const id = this.idFor(c.id, c.props, c.id);
    const { label, title } = this.naming(c.title, c.props, c.id);
    const guidance = c.parts?.filter((p) => p.name === "guidance" && isOscal(p) && p.prose).map((p) => this.text(fromMarkup(this.resolve(p.prose!, 0)))!) ?? [];
    const requirementProp = musubi(c.props, "requirement");
    const extras = this.extras(c.props);
    this.nodes.push({
      id,
      urn: `${this.urnPrefix}${id}`,
      ...(parent ? { parent } : {}),
      type: nodeType(c.props, "control"),
      ref: { label, sourcePath: `control[@id='${c.id}']` },
      ...(title ? { title } : {}),
      ...this.bodyOf(c.parts, c.props, ["statement"]),
      ...(withdrawn ? { textNote: withdrawalNote(c, this.labels) } : {}),
      // A withdrawn control is kept (so its id still resolves) but is no longer something to assess.
      requirement: requirementProp !== undefined ? requirementProp === "true" : !withdrawn,
      ...extras,
      ...(withdrawn ? { tags: [...new Set([...(extras.tags ?? []), "withdrawn"])] } : {}),
      ...(guidance.length ? { notes: guidance } : {}),
    });
    this.drop(c.parts, ["statement", "guidance"]);
    this.provisions(c.parts, id);
    c.controls?.forEach((child) => this.control(child, id));
  }

  /** A Musubi export's provision parts (nodes holding no requirement) become nodes again. */
  private provisions(parts: OscalPart[] | undefined, parent: string): void {
    for (const p of parts ?? []) {
      if (p.name !== "provision" || p.ns !== MUSUBI_NS) continue;
      const id = this.idFor(p.id, p.props, `${parent}.part`);
      const { label, title } = this.naming(p.title, p.props, p.id ?? id);
      const lang = (musubi(p.props, "lang") as Lang | undefined) ?? this.lang;
      const alt = p.parts?.find((x) => x.name === "alt-language" && x.ns === MUSUBI_NS);
      const text: Text = {};
      if (p.prose) text[lang] = clean(fromMarkup(p.prose)).trim();
      if (alt?.prose) text[(alt.class as Lang | undefined) ?? otherLang(lang)] = clean(fromMarkup(alt.prose)).trim();
      const origin: Record<string, string> = {};
      if (p.prose && musubi(p.props, "text-origin")) origin[lang] = musubi(p.props, "text-origin")!;
      if (alt?.prose && musubi(alt.props, "text-origin")) origin[(alt.class as Lang | undefined) ?? otherLang(lang)] = musubi(alt.props, "text-origin")!;
      this.nodes.push({
        id,
        urn: `${this.urnPrefix}${id}`,
        parent,
        type: nodeType(p.props, "section"),
        ref: { label, sourcePath: `part[@id='${p.id ?? id}']` },
        ...(title ? { title } : {}),
        ...(text.ja || text.en ? { text } : {}),
        ...(Object.keys(origin).length ? { textOrigin: origin as FrameworkNode["textOrigin"] } : {}),
        requirement: false,
        ...this.extras(p.props),
      });
      this.provisions(p.parts, id);
    }
  }

  /** Actors and tags from a Musubi export's props. */
  private extras(props: Prop[] | undefined): Pick<FrameworkNode, "actors" | "tags"> {
    const actors = musubiAll(props, "actor");
    const tags = musubiAll(props, "tag");
    return { ...(actors.length ? { actors } : {}), ...(tags.length ? { tags } : {}) };
  }
}

const NODE_TYPES = new Set<string>(["part", "chapter", "section", "article", "paragraph", "point", "supplementary-provision", "annex", "annex-section", "annex-point", "principle", "action", "reporting-section", "function", "category", "subcategory", "objective", "control", "perspective", "evaluation-item"]);

function nodeType(props: Prop[] | undefined, fallback: FrameworkNode["type"]): FrameworkNode["type"] {
  const t = musubi(props, "node-type");
  return t && NODE_TYPES.has(t) ? (t as FrameworkNode["type"]) : fallback;
}

/** The OSCAL `label` prop (the plain one where a zero-padded variant sits beside it). */
function labelOf(props: Prop[] | undefined): string | undefined {
  const labels = (props ?? []).filter((p) => p.name === "label" && isOscal(p));
  return (labels.find((p) => p.class === undefined) ?? labels[0])?.value;
}

/** Musubi's note on a withdrawn control, naming where the source says it went. */
function withdrawalNote(c: OscalControl, labels: Map<string, string>): Text {
  const targets = (rel: string) => (c.links ?? []).filter((l) => l.rel === rel && l.href.startsWith("#")).map((l) => labels.get(l.href.slice(1)) ?? l.href.slice(1));
  const into = targets("incorporated-into");
  const moved = targets("moved-to");
  const stop = (s: string, mark: string) => (/[.。]$/.test(s) ? s : `${s}${mark}`);
  const ja = ["出典のカタログで取り下げられている（status: withdrawn）。評価の対象としない。", into.length ? stop(`統合先：${into.join("、")}`, "。") : "", moved.length ? stop(`移動先：${moved.join("、")}`, "。") : ""];
  const en = ["Withdrawn in the source catalog (status: withdrawn); not assessed.", into.length ? stop(`Incorporated into: ${into.join(", ")}`, ".") : "", moved.length ? stop(`Moved to: ${moved.join(", ")}`, ".") : ""];
  return { ja: ja.filter((s) => s).join(""), en: en.filter((s) => s).join(" ") };
}
