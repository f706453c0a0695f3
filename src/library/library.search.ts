import type { Library, NodeEntry } from "./library.model.ts";

export interface SearchHit {
  entry: NodeEntry;
  score: number;
  /** A short piece of the matched text, in the language that matched. */
  snippet: string;
}

const indexes = new WeakMap<Library, { entry: NodeEntry; title: string; body: string; ja: string; en: string }[]>();

/** NFKC folds full-width Latin and half-width katakana, so ＡＩ and AI, ｶﾀｶﾅ and カタカナ match. */
export function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

function index(library: Library) {
  let idx = indexes.get(library);
  if (idx) return idx;
  idx = [];
  // Only current versions are searched; older versions are reached through the diff.
  for (const fw of library.current.values()) {
    for (const node of fw.file.nodes) {
      const entry = library.nodes.get(node.urn)!;
      const ja = [node.title?.ja, node.text?.ja].filter(Boolean).join("\n");
      const en = [node.title?.en, node.text?.en].filter(Boolean).join("\n");
      const title = normalise([node.ref.label.ja, node.ref.label.en, node.title?.ja, node.title?.en, node.id].filter(Boolean).join(" "));
      idx.push({ entry, title, body: normalise(`${ja}\n${en}`), ja, en });
    }
  }
  indexes.set(library, idx);
  return idx;
}

function snippetOf(text: string, term: string): string {
  const at = normalise(text).indexOf(term);
  if (at < 0) return text.slice(0, 120);
  const start = Math.max(0, at - 40);
  return `${start > 0 ? "…" : ""}${text.slice(start, at + term.length + 80).replace(/\s+/g, " ")}${at + term.length + 80 < text.length ? "…" : ""}`;
}

/**
 * Substring search over requirement text in Japanese and English. Japanese has no word breaks, so
 * every whitespace-separated term must appear as a substring; titles and labels rank above body text.
 */
export function searchLibrary(library: Library, q: string, framework?: string): SearchHit[] {
  const terms = normalise(q).split(/\s+/).filter(Boolean);
  if (!terms.length) return [];
  const hits: SearchHit[] = [];
  for (const item of index(library)) {
    if (framework && item.entry.framework.file.framework !== framework) continue;
    let score = 0;
    let ok = true;
    for (const t of terms) {
      if (item.title.includes(t)) score += 3;
      else if (item.body.includes(t)) score += 1;
      else {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (item.entry.node.requirement) score += 0.5;
    const first = terms[0]!;
    const source = normalise(item.ja).includes(first) ? item.ja : item.en;
    hits.push({ entry: item.entry, score, snippet: snippetOf(source || item.title, first) });
  }
  return hits.sort((a, b) => b.score - a.score);
}
