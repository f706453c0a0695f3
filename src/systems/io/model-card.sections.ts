/** The card sections Musubi keeps, by the entry field they fill. */
export type SectionField = "intendedUse" | "outOfScopeUse" | "limitations" | "biasRisks" | "personalData";

/** What the markdown of a card says, read from its headings and its "- **Label:** value" lines. */
export interface CardBody {
  /** The first `#` heading, without "Model Card for" / "Dataset Card for"; absent when it is a template placeholder. */
  title?: string;
  sections: Partial<Record<SectionField, string>>;
  /** Values of the Hugging Face template's bold-label lines, by lower-case label ("developed by", "license"). */
  facts: Map<string, string>;
}

/**
 * Which fields a heading fills, by its words (English as the Hugging Face and Model Card Toolkit
 * templates write them, and Japanese). A heading may name two topics ("Bias, Risks, and
 * Limitations", "Intended uses & limitations") and then fills both. Musubi's own reading of the
 * templates, not part of either specification.
 */
const RULES: [SectionField, RegExp][] = [
  ["outOfScopeUse", /out[- ]of[- ]scope|misuse|malicious use|範囲外|想定外の(用途|利用)|禁止/i],
  ["intendedUse", /intended|^uses?\b|direct use|downstream use|use[- ]cases?|用途|利用目的|使用目的/i],
  ["limitations", /limitation|制限|制約|限界/i],
  ["biasRisks", /bias|ethic|fairness|\brisks?\b|バイアス|倫理|公平|リスク/i],
  ["personalData", /personal|sensitive information|個人情報|要配慮/i],
];
const NOT_A_USE = /how to|get(ting)? started|使い方/i;

/** Text a template leaves in place until someone fills it in; such text states nothing. */
export const PLACEHOLDER = /\[More Information Needed\]|\{\{.*?\}\}/i;

function fieldsOf(title: string): SectionField[] {
  const words = title.replace(/\[optional\]/gi, "").trim();
  const fields = RULES.filter(([, re]) => re.test(words)).map(([f]) => f);
  return fields.filter((f) => !(f === "intendedUse" && (fields.includes("outOfScopeUse") || NOT_A_USE.test(words))));
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FACT = /^\s*[-*+]\s+\*\*([^*]+?):?\*\*:?\s*(.*)$/;

/** Markdown text without HTML comments and template placeholders; empty when nothing is left. */
export function cleanText(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, "")
    .split("\n")
    .filter((l) => !PLACEHOLDER.test(l))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Reads a card's markdown: its title, the text under the headings Musubi keeps (ATX `#` headings;
 * headings inside code fences are not headings), and the template's bold-label lines. A sub-heading
 * with no topic of its own ("Recommendations" under "Bias, Risks, and Limitations") belongs to its
 * parent's topics; one with its own ("Out-of-Scope Use" under "Uses") to its own only.
 */
export function readCardBody(markdown: string): CardBody {
  const facts = new Map<string, string>();
  const parts: Partial<Record<SectionField, string[]>> = {};
  const stack: { level: number; fields: SectionField[] }[] = [];
  let title: string | undefined;
  let fields: SectionField[] = [];
  let fence: string | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const f = FENCE.exec(line);
    if (f) fence = fence === undefined ? f[1]![0] : line.trimStart().startsWith(fence) ? undefined : fence;
    const heading = fence === undefined && !f ? HEADING.exec(line) : null;
    if (heading) {
      const level = heading[1]!.length;
      const text = heading[2]!.trim();
      if (level === 1 && title === undefined) title = titleOf(text);
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      const own = fieldsOf(text);
      fields = own.length > 0 ? own : (stack[stack.length - 1]?.fields ?? []);
      stack.push({ level, fields });
      // Headings stay in the text, so "Direct Use" and "Downstream Use" read as the card wrote them.
      for (const field of fields) (parts[field] ??= []).push(line);
      continue;
    }
    const fact = fence === undefined ? FACT.exec(line) : null;
    if (fact && !PLACEHOLDER.test(fact[2]!) && fact[2]!.trim() !== "") facts.set(fact[1]!.trim().toLowerCase(), fact[2]!.trim());
    for (const field of fields) (parts[field] ??= []).push(line);
  }
  const sections: CardBody["sections"] = {};
  for (const [field, lines] of Object.entries(parts) as [SectionField, string[]][]) {
    // The first heading is the section's own title, which the field already names.
    const text = dropEmptyHeadings(cleanText(lines.join("\n")).replace(/^#{1,6}[ \t].*\n?/, ""));
    if (text !== "") sections[field] = text;
  }
  return { ...(title !== undefined && { title }), sections, facts };
}

/** Removes sub-headings with nothing under them (a template's unfilled "### Recommendations"). */
function dropEmptyHeadings(text: string): string {
  const lines = text.split("\n");
  const kept = lines.filter((line, i) => {
    if (!HEADING.test(line)) return true;
    const next = lines.slice(i + 1).find((l) => l.trim() !== "");
    return next !== undefined && !HEADING.test(next);
  });
  return kept.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

function titleOf(text: string): string | undefined {
  if (PLACEHOLDER.test(text)) return undefined;
  const name = text.replace(/^(model|dataset) card (for|of)\s+/i, "").trim();
  return name === "" ? undefined : name;
}
