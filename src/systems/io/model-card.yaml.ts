import { parseDocument, visit } from "yaml";
import { nestedDeeperThan } from "./json.depth.ts";
import { cardTooLarge, invalidCard, MAX_CARD_DEPTH, MAX_YAML_ALIASES, yamlProblem } from "./model-card.messages.ts";

/** A card split into its YAML metadata block (if any) and the markdown after it. */
export interface CardText {
  /** The YAML between the `---` lines; undefined when the file has no front matter. */
  yaml: string | undefined;
  /** The 1-based line of the file on which the YAML starts, to report errors where the person sees them. */
  yamlLine: number;
  markdown: string;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

/**
 * Splits a README.md into its front matter and body, as the Hugging Face Hub reads it: the file's
 * first line is `---`, and the block ends at the next `---` (or `...`) line. A block that never
 * closes is refused rather than read as markdown, since the person meant it as metadata.
 */
export function splitFrontMatter(text: string): CardText {
  const lines = text.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? "")) return { yaml: undefined, yamlLine: 1, markdown: text };
  const end = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (end < 0) {
    throw invalidCard("front_matter_unclosed", {
      en: "The card starts a metadata block with --- on line 1 but never closes it; add a line with --- after the YAML.",
      ja: "カードの1行目の---でメタデータブロックが始まっていますが、閉じる---の行がありません。YAMLの後に---の行を追加してください。",
    });
  }
  return { yaml: lines.slice(1, end).join("\n"), yamlLine: 2, markdown: lines.slice(end + 1).join("\n") };
}

/**
 * Reads YAML into plain values, bounded: alias expansion is capped (`maxAliasCount`), nesting is
 * capped, and a syntax error is refused with its line and column in the uploaded file. Numbers are
 * kept as the text the card wrote (`20.90`, `1.10`), because a card's figures are quoted, not
 * computed on; booleans and nulls keep their meaning. Uses the YAML 1.2 core schema, so dates and
 * `yes`/`no` stay text.
 */
export function readYaml(yaml: string, firstLine: number, where: "front_matter" | "file"): unknown {
  const doc = parseDocument(yaml, { uniqueKeys: true, prettyErrors: true, strict: true, logLevel: "error" });
  const error = doc.errors[0];
  if (error) {
    if (error.code === "RESOURCE_EXHAUSTION") throw cardTooLarge("depth", MAX_CARD_DEPTH);
    const at = error.linePos?.[0] ?? { line: 1, col: 1 };
    const line = at.line + firstLine - 1;
    throw invalidCard("yaml", yamlProblem(error.code, line, at.col, where), { line, column: at.col, yamlCode: error.code, yamlMessage: error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "") });
  }
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "number" && typeof node.source === "string" && node.source !== "") node.value = node.source;
    },
  });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    if (err instanceof ReferenceError && /alias count/i.test(err.message)) throw cardTooLarge("yaml_aliases", MAX_YAML_ALIASES);
    if (err instanceof ReferenceError) {
      throw invalidCard("yaml", yamlProblem("BAD_ALIAS", firstLine, 1, where), { yamlCode: "BAD_ALIAS", yamlMessage: err.message });
    }
    if (err instanceof RangeError) throw cardTooLarge("depth", MAX_CARD_DEPTH);
    throw err;
  }
  if (nestedDeeperThan(value, MAX_CARD_DEPTH)) throw cardTooLarge("depth", MAX_CARD_DEPTH);
  return value;
}
