import { parse, type ASTNode } from "@marcbachmann/cel-js";
import type { Text } from "../library/library.schema.ts";

/** What the wording needs to know of the names an expression reads. */
export interface Vocabulary {
  /** A fact's question label or a definition's title; undefined for a name it does not know. */
  name(id: string): Text | undefined;
  /** The label of one of a fact's options. */
  option(fact: string, value: string): Text | undefined;
}

type Lang = "ja" | "en";
interface Words {
  ja: string;
  en: string;
  /** An `||` or `&&` at the top, so it is bracketed inside another. */
  compound?: "and" | "or";
}

const both = (ja: string, en: string, compound?: Words["compound"]): Words => ({ ja, en, ...(compound && { compound }) });

/**
 * A rule's CEL condition as a sentence in Japanese and English, built from the labels of the
 * questions and definitions it reads: `euAnnexIIIHighRisk && "deployer" in euRoles` reads
 * 「附属書IIIの高リスク」かつ「EU AI法上の役割」に「導入者」を含む. People read the rule in words; the
 * expression itself stays available to those who check it. A construct it has no wording for is
 * quoted as written, so the sentence never says less than the rule.
 */
export function expressionInWords(expression: string, vocabulary: Vocabulary): Text {
  let ast: ASTNode;
  try {
    ast = parse(expression).ast;
  } catch {
    return { ja: expression, en: expression };
  }
  const w = new Wording(vocabulary);
  const out = w.node(ast);
  return { ja: out.ja, en: out.en };
}

class Wording {
  constructor(private readonly vocabulary: Vocabulary) {}

  node(n: ASTNode, bound?: { variable: string; fact: string }): Words {
    switch (n.op) {
      case "&&":
        return this.join(n.args, "かつ", "and", "and", bound);
      case "||":
        return this.join(n.args, "または", "or", "or", bound);
      case "!_": {
        const inner = this.node(n.args, bound);
        if (!inner.compound) return both(`${inner.ja}ではない`, `not ${inner.en}`);
        return both(`（${inner.ja}）ではない`, `not (${inner.en})`);
      }
      case "id":
        return this.name(n.args, bound);
      case "value":
        return this.literal(n.args);
      case "in":
        return this.membership(n.args[0], n.args[1], bound);
      case "==":
      case "!=":
      case "<":
      case "<=":
      case ">":
      case ">=":
        return this.comparison(n.op, n.args[0], n.args[1], bound);
      case "rcall":
        return this.macro(n) ?? this.verbatim(n);
      default:
        return this.verbatim(n);
    }
  }

  private join(args: [ASTNode, ASTNode], ja: string, en: string, kind: "and" | "or", bound?: { variable: string; fact: string }): Words {
    const parts = args.map((a) => {
      const p = this.node(a, bound);
      return p.compound && p.compound !== kind ? both(`（${p.ja}）`, `(${p.en})`) : p;
    });
    return both(`${parts[0]!.ja} ${ja} ${parts[1]!.ja}`, `${parts[0]!.en} ${en} ${parts[1]!.en}`, kind);
  }

  private name(id: string, bound?: { variable: string; fact: string }): Words {
    if (bound && id === bound.variable) return both("その項目", "the item");
    if (id === "asOf") return both("評価日", "the evaluation date");
    const label = this.vocabulary.name(id);
    if (!label) return both(id, id);
    return both(`「${pick(label, "ja")}」`, `“${pick(label, "en")}”`);
  }

  private literal(v: unknown, fact?: string): Words {
    if (typeof v === "boolean") return both(v ? "はい" : "いいえ", v ? "yes" : "no");
    if (typeof v === "string") {
      const label = fact ? this.vocabulary.option(fact, v) : undefined;
      if (label) return both(`「${pick(label, "ja")}」`, `“${pick(label, "en")}”`);
      return /^\d{4}-\d{2}-\d{2}$/.test(v) ? both(v, v) : both(`「${v}」`, `“${v}”`);
    }
    return both(String(v), String(v));
  }

  /** The fact a side of a comparison names, so that the other side's value reads as its option. */
  private factOf(n: ASTNode, bound?: { variable: string; fact: string }): string | undefined {
    if (n.op !== "id") return undefined;
    return bound && n.args === bound.variable ? bound.fact : n.args;
  }

  private membership(item: ASTNode, list: ASTNode, bound?: { variable: string; fact: string }): Words {
    const fact = this.factOf(list, bound);
    const l = this.node(list, bound);
    const v = item.op === "value" ? this.literal(item.args, fact) : this.node(item, bound);
    return both(`${l.ja}に${v.ja}を含む`, `${l.en} includes ${v.en}`);
  }

  private comparison(op: "==" | "!=" | "<" | "<=" | ">" | ">=", left: ASTNode, right: ASTNode, bound?: { variable: string; fact: string }): Words {
    const fact = this.factOf(left, bound) ?? this.factOf(right, bound);
    const side = (n: ASTNode) => (n.op === "value" ? this.literal(n.args, fact) : this.node(n, bound));
    const l = side(left);
    const r = side(right);
    const isDate = (n: ASTNode) => (n.op === "value" && typeof n.args === "string" && /^\d{4}-\d{2}-\d{2}$/.test(n.args)) || (n.op === "id" && n.args === "asOf");
    const dates = isDate(left) || isDate(right);
    switch (op) {
      case "==":
        return both(`${l.ja}が${r.ja}`, `${l.en} is ${r.en}`);
      case "!=":
        return both(`${l.ja}が${r.ja}以外`, `${l.en} is not ${r.en}`);
      case "<":
        return dates ? both(`${l.ja}が${r.ja}より前`, `${l.en} is before ${r.en}`) : both(`${l.ja}が${r.ja}未満`, `${l.en} is less than ${r.en}`);
      case "<=":
        return dates ? both(`${l.ja}が${r.ja}以前`, `${l.en} is on or before ${r.en}`) : both(`${l.ja}が${r.ja}以下`, `${l.en} is at most ${r.en}`);
      case ">":
        return dates ? both(`${l.ja}が${r.ja}より後`, `${l.en} is after ${r.en}`) : both(`${l.ja}が${r.ja}を超える`, `${l.en} is more than ${r.en}`);
      case ">=":
        return dates ? both(`${l.ja}が${r.ja}以降`, `${l.en} is on or after ${r.en}`) : both(`${l.ja}が${r.ja}以上`, `${l.en} is at least ${r.en}`);
    }
  }

  /** `list.exists(x, …)` and `list.all(x, …)` over a fact's answers. */
  private macro(n: Extract<ASTNode, { op: "rcall" }>): Words | undefined {
    const [fn, target, args] = n.args;
    if ((fn !== "exists" && fn !== "all") || target.op !== "id" || args.length !== 2 || args[0]!.op !== "id") return undefined;
    const list = this.name(target.args);
    const predicate = this.node(args[1]!, { variable: args[0]!.args as string, fact: target.args });
    return fn === "exists"
      ? both(`${list.ja}のいずれかについて、${predicate.ja}`, `for some answer to ${list.en}, ${predicate.en}`)
      : both(`${list.ja}のすべてについて、${predicate.ja}`, `for every answer to ${list.en}, ${predicate.en}`);
  }

  private verbatim(n: ASTNode): Words {
    const text = n.input.slice(n.range.start, n.range.end);
    return both(`［${text}］`, `[${text}]`);
  }
}

function pick(text: Text, lang: Lang): string {
  return text[lang] ?? text[lang === "ja" ? "en" : "ja"] ?? "";
}
