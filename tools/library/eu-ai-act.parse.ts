/**
 * Splits the EU AI Act source records (EtonMu/global-ai-data-regulation-map, consolidated with
 * Reg. (EU) 2026/1744) into library nodes. Kept apart from `eu-ai-act.ts` so the splitting rules —
 * the part a reviewer has to trust — can be read on their own and are covered by
 * `test/library-generated.test.ts`, which proves that the node texts put back together are the
 * source's paragraph arrays, character for character.
 *
 * Rules for articles (each entry of a record's `paragraphs` array is one "line"):
 *
 * - `1. `, `1a. ` start a numbered paragraph → `art-5.1`, `art-5.1a`.
 * - `(a) `, `(ba) `, `(1) `, `(14a) `, `(i) ` start a point. Points nest by marker kind (letters,
 *   numbers, roman numerals): a kind already open closes back to that level, a new kind opens a
 *   level below the last point → `art-5.1.h.i`, `art-3.61.a.i`. `(i)`, `(v)`, `(x)` are letters
 *   only when they follow `(h)`, `(u)`, `(w)` in an open letter list and the next marker is not
 *   `(ii)`, `(vi)`, `(xi)`; otherwise they are roman numerals.
 * - An article whose first line is not a numbered paragraph (Art. 3, 16, 113 …) keeps that text on
 *   the article node itself and its points hang from the article → `art-16.a`, `art-3.3`. No
 *   paragraph number is invented for it.
 * - An unnumbered line is a further subparagraph. Before the first point of its paragraph it is
 *   part of the paragraph's text (so every paragraph still reads in source order). After a point it
 *   cannot be, without putting text out of order, so it becomes its own node
 *   `<paragraph>.sub-<n>` (type `paragraph`), where n is its subparagraph number as EU drafting
 *   counts them (the paragraph's first line is the first subparagraph; points do not start one):
 *   e.g. Art. 6(3) "Notwithstanding the first subparagraph…" is `art-6.3.sub-3`.
 *   A point list that starts again at `(a)`/`(1)`/`(i)` after such a subparagraph belongs to it
 *   (`art-43.1.sub-2.a`); a list that continues (Art. 58(1)(d)) stays with its paragraph.
 * - A line opening with ‘ is text quoted by an amending provision (Arts. 102–110): it stays with the
 *   line before it and is never read as a paragraph or point.
 *
 * Node texts are the lines joined with a blank line ("\n\n"), exactly as the source's `fullText`.
 *
 * Rules for annexes: `Section A…` → `annex-i.a` (letter sections), `Section 1` →
 * `annex-xi.section-1` (numbered sections; a bare number would read as a point number);
 * `1.` → `annex-iii.1`, `3.1.` → `annex-vii.3.1`; `(a) ` line → point under the last numbered entry
 * (or the annex); `a. ` line → lettered heading under the last numbered entry (Annex XIV). A
 * numbered line that carries its points inline ("…: (a) …; (b) …") is split at the single space
 * before each next letter in sequence, so the parts joined with " " are the line again. Every
 * other line (dash lists, headings' explanatory lines, table rows) stays with the node before it.
 */

export interface SourceArticle {
  id: string;
  articleNumber: string;
  label: string;
  title: string;
  chapter: { id: string; label: string; title: string };
  section: { id: string; label: string; title: string } | null;
  paragraphs: string[];
  fullText: string;
  language: string;
  source: string;
  sourceFragment: string;
  retrievedOn: string;
  legalEffectStatus: string;
  appliesFrom: string;
  consolidatedAsOf?: string;
  amendingSource?: string;
  amendmentEffectiveFrom?: string;
  introducedBy?: string;
  applicability: {
    appliesFrom: string;
    currentLawStatus: string;
    applicationStatusAsOf: string;
    applicationSchedule: { appliesFrom: string; scope: string; source: string }[];
    basis: string;
    historyNote: string;
  };
}

export interface SourceAnnex {
  id: string;
  annexNumber: string;
  label: string;
  title: string;
  paragraphs: string[];
  fullText: string;
  source: string;
  sourceFragment: string;
  consolidatedAsOf: string;
  amendingSource?: string;
  amendmentEffectiveFrom?: string;
  amendmentOperations?: string[];
}

export type ParsedType = "article" | "paragraph" | "point" | "annex" | "annex-section" | "annex-point";

/** A node as the splitter sees it: where its text came from, before metadata is attached. */
export interface ParsedNode {
  id: string;
  parent?: string;
  type: ParsedType;
  label: string;
  /** The pieces of the node's own text, in source order. */
  parts: string[];
  /** "\n\n" when each part is a whole source line; " " for inline points split out of one line. */
  joiner: "\n\n" | " ";
  /** Indices into the source record's `paragraphs` array that the text comes from. */
  from: number;
  to: number;
  /** Structured reference parts. */
  paragraph?: string;
  point?: string;
  /** Subparagraph number for `.sub-<n>` nodes. */
  sub?: number;
  title?: string;
}

export function nodeText(n: ParsedNode): string | undefined {
  return n.parts.length ? n.parts.join(n.joiner) : undefined;
}

const ORDINALS = [
  "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
  "nineteenth", "twentieth",
];
function ordinal(n: number): string {
  const word = ORDINALS[n];
  if (!word) throw new Error(`no ordinal word for subparagraph ${n}`);
  return word;
}

type Kind = "alpha" | "num" | "roman";
const ROMAN_ONLY = new Set(["ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xiii", "xiv", "xv"]);
const AMBIGUOUS: Record<string, { alphaAfter: string; romanNext: string }> = {
  i: { alphaAfter: "h", romanNext: "ii" },
  v: { alphaAfter: "u", romanNext: "vi" },
  x: { alphaAfter: "w", romanNext: "xi" },
};

const PARAGRAPH = /^(\d+[a-z]*)\. /;
const POINT = /^\((\d+[a-z]*|[a-z]{1,4})\) /;
const QUOTED = "\u2018";

interface StackEntry {
  kind: Kind;
  marker: string;
  node: ParsedNode;
}

function markerKind(marker: string, stack: StackEntry[], nextMarker: string | undefined): Kind {
  if (/^\d/.test(marker)) return "num";
  if (ROMAN_ONLY.has(marker)) return "roman";
  const amb = AMBIGUOUS[marker];
  if (!amb) return "alpha";
  const lastAlpha = [...stack].reverse().find((e) => e.kind === "alpha");
  const alphaPossible = lastAlpha?.marker === amb.alphaAfter;
  if (!alphaPossible) return "roman";
  return nextMarker === amb.romanNext ? "roman" : "alpha";
}

function articleLabel(num: string, paragraph: string | undefined, sub: number | undefined, chain: string[]): string {
  let label = `Article ${num}${paragraph ? `(${paragraph})` : ""}`;
  if (sub) label += `, ${ordinal(sub)} subparagraph`;
  if (chain.length) label += paragraph && !sub ? chain.map((m) => `(${m})`).join("") : `, point ${chain.map((m) => `(${m})`).join("")}`;
  return label;
}

/** Splits one article record into the article node and its paragraphs, subparagraphs and points. */
export function parseArticle(a: SourceArticle): ParsedNode[] {
  const num = a.articleNumber;
  const artId = `art-${num}`;
  const article: ParsedNode = { id: artId, type: "article", label: `Article ${num}`, parts: [], joiner: "\n\n", from: -1, to: -1, title: a.title };
  const out: ParsedNode[] = [article];
  const ids = new Set([artId]);
  const add = (n: ParsedNode) => {
    if (ids.has(n.id)) throw new Error(`${artId}: duplicate node id ${n.id} (line ${n.from})`);
    ids.add(n.id);
    out.push(n);
  };
  const append = (n: ParsedNode, line: string, i: number) => {
    n.parts.push(line);
    if (n.from < 0) n.from = i;
    n.to = i;
  };

  let container: ParsedNode = article; // the paragraph, or the article itself when it is unnumbered
  let subCount = 1;
  let pointSeen = false;
  let mainStack: StackEntry[] = [];
  let stack: StackEntry[] = mainStack;
  let listRoot: ParsedNode = container;
  let currentSub: ParsedNode | null = null;
  let last: ParsedNode = article;

  const markers = a.paragraphs.map((line) => (line.startsWith(QUOTED) ? undefined : POINT.exec(line)?.[1]));
  const nextMarkerAfter = (i: number): string | undefined => {
    for (let j = i + 1; j < a.paragraphs.length; j++) {
      const line = a.paragraphs[j]!;
      if (PARAGRAPH.test(line) && !line.startsWith(QUOTED)) return undefined;
      if (markers[j]) return markers[j];
    }
    return undefined;
  };

  a.paragraphs.forEach((line, i) => {
    if (line.startsWith(QUOTED)) {
      append(last, line, i);
      return;
    }
    const para = PARAGRAPH.exec(line);
    if (para) {
      const p: ParsedNode = {
        id: `${artId}.${para[1]}`, parent: artId, type: "paragraph", label: articleLabel(num, para[1], undefined, []),
        parts: [], joiner: "\n\n", from: -1, to: -1, paragraph: para[1],
      };
      append(p, line, i);
      add(p);
      container = p;
      subCount = 1;
      pointSeen = false;
      mainStack = [];
      stack = mainStack;
      listRoot = p;
      currentSub = null;
      last = p;
      return;
    }
    const marker = markers[i];
    if (marker) {
      if (currentSub && stack === mainStack) {
        // First marker after a subparagraph node: a list that starts afresh belongs to that
        // subparagraph; a list that carries on (e.g. Art. 58(1)(d)) stays with the paragraph.
        const restarts = marker === "a" || marker === "1" || (marker === "i" && !mainStack.some((e) => e.kind === "alpha" && e.marker === "h"));
        if (restarts) {
          stack = [];
          listRoot = currentSub;
        }
      }
      const kind = markerKind(marker, stack, nextMarkerAfter(i));
      const j = stack.map((e) => e.kind).lastIndexOf(kind);
      if (j >= 0) stack.splice(j);
      const parent = stack.at(-1)?.node ?? listRoot;
      const chain = [...stack.map((e) => e.marker), marker];
      const sub = listRoot.sub;
      const pt: ParsedNode = {
        id: `${parent.id}.${marker}`, parent: parent.id, type: "point",
        label: articleLabel(num, container === article ? undefined : container.paragraph, sub, chain),
        parts: [], joiner: "\n\n", from: -1, to: -1, point: chain.map((m) => `(${m})`).join(""),
        ...(container !== article ? { paragraph: container.paragraph } : {}),
        ...(sub ? { sub } : {}),
      };
      append(pt, line, i);
      add(pt);
      stack.push({ kind, marker, node: pt });
      pointSeen = true;
      last = pt;
      return;
    }
    // An unnumbered line: a further subparagraph.
    subCount++;
    if (!pointSeen) {
      append(container, line, i);
      last = container;
      return;
    }
    const s: ParsedNode = {
      id: `${container.id}.sub-${subCount}`, parent: container.id, type: "paragraph",
      label: articleLabel(num, container === article ? undefined : container.paragraph, subCount, []),
      parts: [], joiner: "\n\n", from: -1, to: -1, sub: subCount,
      ...(container !== article ? { paragraph: container.paragraph } : {}),
    };
    append(s, line, i);
    add(s);
    currentSub = s;
    stack = mainStack;
    listRoot = container;
    last = s;
  });
  return out;
}

const SECTION_LETTER = /^Section ([A-Z])\b/;
const SECTION_NUMBER = /^Section (\d+)$/;
const SUB_NUMBERED = /^(\d+)\.(\d+)\. /;
const NUMBERED = /^(\d+)\.(?: |$)/;
const LETTER_POINT = /^\(([a-z])\) /;
const LETTER_HEADING = /^([a-z])\. /;

/**
 * Splits "…: (a) …; (b) …" at the single space before each next letter in sequence. Returns the
 * head and the points, or null when the line has no inline list. Throws when the parts do not join
 * back into the line.
 */
export function splitInlinePoints(line: string): { head: string; points: { letter: string; text: string }[] } | null {
  const start = line.indexOf(": (a) ");
  if (start < 0) return null;
  const cuts: { letter: string; at: number }[] = [{ letter: "a", at: start + 1 }];
  let letter = "a";
  for (;;) {
    const next = String.fromCharCode(letter.charCodeAt(0) + 1);
    const re = new RegExp(`(?:[;.]|; and|; or) \\(${next}\\) `, "g");
    re.lastIndex = cuts.at(-1)!.at + 4;
    const m = re.exec(line);
    if (!m) break;
    cuts.push({ letter: next, at: m.index + m[0].length - `(${next}) `.length - 1 });
    letter = next;
  }
  const head = line.slice(0, cuts[0]!.at);
  const points = cuts.map((c, k) => ({ letter: c.letter, text: line.slice(c.at + 1, k + 1 < cuts.length ? cuts[k + 1]!.at : undefined) }));
  const rebuilt = [head, ...points.map((p) => p.text)].join(" ");
  if (rebuilt !== line) throw new Error(`inline split does not rebuild the line: ${line.slice(0, 80)}…`);
  return { head, points };
}

/** Splits one annex record into the annex node, its sections, numbered entries and points. */
export function parseAnnex(x: SourceAnnex): ParsedNode[] {
  const roman = x.annexNumber.toLowerCase();
  const annexId = `annex-${roman}`;
  const annex: ParsedNode = { id: annexId, type: "annex", label: `Annex ${x.annexNumber}`, parts: [], joiner: "\n\n", from: -1, to: -1, title: x.title };
  const out: ParsedNode[] = [annex];
  const byId = new Map([[annexId, annex]]);
  const add = (n: ParsedNode) => {
    if (byId.has(n.id)) throw new Error(`${annexId}: duplicate node id ${n.id} (line ${n.from})`);
    byId.set(n.id, n);
    out.push(n);
  };
  const make = (id: string, parent: string, type: ParsedType, label: string, i: number, parts: string[], joiner: "\n\n" | " " = "\n\n"): ParsedNode => ({
    id, parent, type, label, parts, joiner, from: i, to: i,
  });

  let base: ParsedNode = annex; // the annex or the current section
  let numbered: ParsedNode | null = null; // last `N.` entry in the current base
  let last: ParsedNode = annex;
  let lastWasInline = false;

  const numberedEntry = (id: string, parent: ParsedNode, label: string, line: string, i: number) => {
    const inline = splitInlinePoints(line);
    if (!inline) {
      const n = make(id, parent.id, "annex-point", label, i, [line]);
      add(n);
      return n;
    }
    const n = make(id, parent.id, "annex-point", label, i, [inline.head], " ");
    add(n);
    for (const p of inline.points) add(make(`${id}.${p.letter}`, id, "annex-point", `${label}(${p.letter})`, i, [p.text], " "));
    lastWasInline = true;
    return n;
  };
  const sectionLabel = (b: ParsedNode) => (b === annex ? `Annex ${x.annexNumber}` : b.label);

  x.paragraphs.forEach((line, i) => {
    const afterInline = lastWasInline;
    lastWasInline = false;
    let m: RegExpExecArray | null;
    if ((m = SECTION_LETTER.exec(line)) || (m = SECTION_NUMBER.exec(line))) {
      const isLetter = /[A-Z]/.test(m[1]!);
      const id = isLetter ? `${annexId}.${m[1]!.toLowerCase()}` : `${annexId}.section-${m[1]}`;
      const s = make(id, annexId, "annex-section", `Annex ${x.annexNumber}, Section ${m[1]}`, i, [line]);
      const title = /^Section [A-Z0-9]+(?:\.| —) (.+)$/.exec(line)?.[1];
      if (title) s.title = title;
      add(s);
      base = s;
      numbered = null;
      last = s;
      return;
    }
    if ((m = SUB_NUMBERED.exec(line))) {
      const parent = byId.get(`${base.id}.${m[1]}`);
      if (!parent) throw new Error(`${annexId}: ${m[1]}.${m[2]}. has no entry ${m[1]}.`);
      last = numberedEntry(`${parent.id}.${m[2]}`, parent, `${sectionLabel(base)}, point ${m[1]}.${m[2]}`, line, i);
      return;
    }
    if ((m = NUMBERED.exec(line))) {
      numbered = numberedEntry(`${base.id}.${m[1]}`, base, `${sectionLabel(base)}, point ${m[1]}`, line, i);
      last = numbered;
      return;
    }
    if ((m = LETTER_POINT.exec(line)) || (m = LETTER_HEADING.exec(line))) {
      const parent = numbered ?? base;
      const n = make(`${parent.id}.${m[1]}`, parent.id, "annex-point", `${parent === annex ? `Annex ${x.annexNumber}, point ` : parent.label}(${m[1]})`, i, [line]);
      add(n);
      last = n;
      return;
    }
    // The text after an inline point list would have to go after its last point, joined by a blank
    // line rather than a space; the source has no such line, so refuse rather than guess.
    if (afterInline) throw new Error(`${annexId}: unnumbered line ${i} follows an inline point list`);
    last.parts.push(line);
    if (last.from < 0) last.from = i;
    last.to = i;
  });
  return out;
}
