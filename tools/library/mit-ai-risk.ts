/**
 * The MIT AI Risk Repository's two taxonomies (v3, 26 March 2025), from the CSV exports in
 * `../shared/data/test-corpora/mit-ai-risk-repository/`, as `library/taxonomies/mit-ai-risk-repository-v3.json`.
 * English names and descriptions are the source's cells with whitespace tidied (line-break
 * artefacts such as "Human- Computer" are joined); Japanese names are Musubi's translations.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "csv-parse/sync";
import { RiskTaxonomy } from "../../src/risks/taxonomy.schema.ts";
import { readSource, REPO_ROOT, sourceFile } from "./common.ts";

const DIR = "test-corpora/mit-ai-risk-repository";
const DOMAINS = `${DIR}/domain_taxonomy_v3.csv`;
const CAUSAL = `${DIR}/causal_taxonomy_v3.csv`;

/** Musubi's Japanese names, by the source's id. */
const JA: Record<string, string> = {
  "1": "差別・有害性",
  "1.1": "不当な差別と誤った表象",
  "1.2": "有害なコンテンツへの曝露",
  "1.3": "集団間の性能の不均衡",
  "2": "プライバシーとセキュリティ",
  "2.1": "機微な情報の取得・漏えい・推測によるプライバシーの侵害",
  "2.2": "AIシステムのセキュリティ上の脆弱性と攻撃",
  "3": "誤情報",
  "3.1": "虚偽または誤解を招く情報",
  "3.2": "情報環境の汚染と共通の現実認識の喪失",
  "4": "悪意ある主体",
  "4.1": "大規模な偽情報・監視・世論工作",
  "4.2": "サイバー攻撃、兵器の開発・使用、大規模な危害",
  "4.3": "詐欺と標的型の操作",
  "5": "人間とコンピュータの相互作用",
  "5.1": "過度の依存と安全でない利用",
  "5.2": "人間の主体性と自律の喪失",
  "6": "社会経済・環境",
  "6.1": "権力の集中と便益の不公正な分配",
  "6.2": "格差の拡大と雇用の質の低下",
  "6.3": "人間の労力の経済的・文化的な価値の低下",
  "6.4": "競争の力学",
  "6.5": "ガバナンスの失敗",
  "6.6": "環境への害",
  "7": "AIシステムの安全性・故障・限界",
  "7.1": "人間の目標や価値と対立する目標をAIが追求すること",
  "7.2": "AIが危険な能力を持つこと",
  "7.3": "能力または頑健性の不足",
  "7.4": "透明性または解釈可能性の欠如",
  "7.5": "AIの福祉と権利",
  "7.6": "マルチエージェントのリスク",
  entity: "主体",
  "entity.ai": "AI",
  "entity.human": "人間",
  "entity.other": "その他・不明確",
  intent: "意図",
  "intent.intentional": "意図的",
  "intent.unintentional": "意図的でない",
  "intent.other": "その他・不明確",
  timing: "時期",
  "timing.pre-deployment": "導入前",
  "timing.post-deployment": "導入後",
  "timing.other": "その他・不明確",
};

/** The cell's text with line breaks and doubled spaces folded, and "Pre- deployment" joined. */
function tidy(cell: string): string {
  return cell.replace(/\s+/g, " ").replace(/(\w)- (\w)/g, "$1-$2").trim();
}

const named = (id: string, en: string, description?: string) => ({
  id,
  name: { en: tidy(en), ...(JA[id] ? { ja: JA[id] } : {}) },
  ...(description && tidy(description) ? { description: { en: tidy(description) } } : {}),
});

function rows(relPath: string): string[][] {
  return parse(readSource(relPath), { relax_column_count: true }) as string[][];
}

export function build(): RiskTaxonomy {
  const domains: RiskTaxonomy["domains"] = [];
  for (const r of rows(DOMAINS)) {
    const [, domainId = "", domain = "", subId = "", sub = "", description = ""] = r;
    if (/^\d+\.0$/.test(domainId.trim())) domains.push({ ...named(domainId.trim().replace(/\.0$/, ""), domain), subdomains: [] });
    if (/^\d+\.\d+$/.test(subId.trim()) && domains.length > 0) domains[domains.length - 1]!.subdomains.push(named(subId.trim(), sub, description));
  }
  const causal: RiskTaxonomy["causal"] = [];
  let inTable = false;
  for (const r of rows(CAUSAL)) {
    const [, category = "", level = "", description = ""] = r;
    if (category.trim() === "Category" && level.trim() === "Level") {
      inTable = true;
      continue;
    }
    if (!inTable || !level.trim()) {
      if (inTable && category.trim() && !level.trim()) inTable = false;
      continue;
    }
    if (category.trim()) causal.push({ ...named(category.trim().toLowerCase(), category), values: [] });
    const parent = causal[causal.length - 1]!;
    parent.values.push(named(`${parent.id}.${tidy(level).toLowerCase()}`, level, description));
  }
  return RiskTaxonomy.parse({
    $schema: "../schema/risk-taxonomy.schema.json",
    id: "mit-ai-risk-repository",
    version: "3",
    title: { en: "MIT AI Risk Repository: Domain and Causal Taxonomies of AI Risks (v3, 26 March 2025)", ja: "MIT AIリスクリポジトリ：AIリスクの領域分類と因果分類（第3版、2025年3月26日）" },
    publisher: "MIT FutureTech",
    url: "https://airisk.mit.edu/",
    citation:
      "Slattery, P., Saeri, A. K., Grundy, E. A. C., Graham, J., Noetel, M., Uuk, R., Dao, J., Pour, S., Casper, S., & Thompson, N. (2024). A systematic evidence review and common frame of reference for the risks from artificial intelligence. https://doi.org/10.48550/arXiv.2408.12622",
    licence: "CC BY 4.0",
    standing: { en: "source", ja: "musubi-editorial" },
    source: { files: [sourceFile(DOMAINS), sourceFile(CAUSAL)].map(({ path, sha256 }) => ({ path, sha256 })) },
    notes: [
      "English text is the source's, with whitespace tidied: line breaks folded, and words split by a line break after a hyphen joined (\"Human- Computer\" → \"Human-Computer\").",
      "Japanese names are Musubi's translations; the source has no Japanese. Descriptions are in English only.",
      "The 1,612 risk categories of the source's database are not shipped; only the two taxonomies are.",
    ],
    domains,
    causal,
  });
}

/** Writes the taxonomy file and returns its path. */
export function writeTaxonomy(t: RiskTaxonomy): string {
  const out = join(REPO_ROOT, "library", "taxonomies", `${t.id}-v${t.version}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(t, null, 2)}\n`);
  return out;
}
