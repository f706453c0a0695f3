import { parseSync, Visitor, type ESTree } from "vite";

/** Attributes whose string value a person reads: they must come from the dictionaries too. */
const READ_ATTRIBUTES = new Set(["placeholder", "title", "aria-label", "alt"]);
const HAS_LETTER = /\p{L}/u;

export interface HardCodedText {
  line: number;
  text: string;
}

type Expr = ESTree.Expression | ESTree.JSXEmptyExpression;

/** String literals (also inside `a ? "x" : "y"` and `a && "x"`) that contain a letter, kana or kanji. */
function literalsWithLetters(expr: Expr): { start: number; text: string }[] {
  switch (expr.type) {
    case "Literal":
      return typeof expr.value === "string" && HAS_LETTER.test(expr.value) ? [{ start: expr.start, text: expr.value }] : [];
    case "TemplateLiteral": {
      const text = expr.quasis.map((q) => q.value.cooked ?? q.value.raw).join("…");
      return HAS_LETTER.test(text) ? [{ start: expr.start, text }] : [];
    }
    case "ConditionalExpression":
      return [...literalsWithLetters(expr.consequent), ...literalsWithLetters(expr.alternate)];
    case "LogicalExpression":
      return literalsWithLetters(expr.right);
    default:
      return [];
  }
}

/**
 * Finds UI text written straight into JSX: text between tags and string literals in read-aloud
 * attributes (placeholder, title, aria-label, alt) that contain letters. Returns them with lines.
 */
export function findHardCodedText(fileName: string, source: string): HardCodedText[] {
  const result = parseSync(fileName, source);
  if (result.errors.length > 0) throw new Error(`${fileName}: ${result.errors[0]?.message}`);
  const lineOf = (offset: number) => source.slice(0, offset).split("\n").length;
  const found: HardCodedText[] = [];
  const report = (start: number, text: string) => found.push({ line: lineOf(start), text: text.trim() });

  const checkChildren = (children: ESTree.JSXChild[]) => {
    for (const child of children) {
      if (child.type === "JSXText") {
        const text = child.value.trim();
        if (HAS_LETTER.test(text)) report(child.start + child.value.indexOf(text), text);
      } else if (child.type === "JSXExpressionContainer") {
        for (const lit of literalsWithLetters(child.expression)) report(lit.start, lit.text);
      }
    }
  };

  new Visitor({
    JSXElement: (node) => checkChildren(node.children),
    JSXFragment: (node) => checkChildren(node.children),
    JSXAttribute: (node) => {
      const name = node.name.type === "JSXIdentifier" ? node.name.name : "";
      if (!READ_ATTRIBUTES.has(name) || !node.value) return;
      if (node.value.type === "Literal") {
        if (typeof node.value.value === "string" && HAS_LETTER.test(node.value.value)) report(node.value.start, node.value.value);
      } else if (node.value.type === "JSXExpressionContainer") {
        for (const lit of literalsWithLetters(node.value.expression)) report(lit.start, lit.text);
      }
    },
  }).visit(result.program);
  return found.sort((a, b) => a.line - b.line);
}
