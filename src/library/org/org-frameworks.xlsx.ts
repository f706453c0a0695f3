import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { readXlsxGrid } from "../../systems/io/table.xlsx.ts";
import type { GridRow } from "../../systems/io/table.grid.ts";
import type { OrgFiles } from "./org-library.ts";
import { checkFiles, frameworkInvalid, say, type Problem } from "./org-frameworks.check.ts";
import type { Locale } from "../../platform/i18n.ts";

/** The template's sheets, named in both languages so nobody has to guess which is which. */
export const SHEETS = {
  about: "記入方法 (How to fill in)",
  framework: "枠組み (Framework)",
  requirements: "要求事項 (Requirements)",
  applicability: "適用条件 (Applicability)",
  crosswalk: "対応関係 (Crosswalk)",
} as const;

/** The framework sheet's rows: key, whether required, and what it is, in both languages. */
const FRAMEWORK_FIELDS = [
  ["id", true, "識別子。org- で始まる半角英小文字・数字・ハイフン（例: org-ai-policy）", "Identifier starting with org- (lower-case letters, digits, hyphens), e.g. org-ai-policy"],
  ["version", true, "版（例: 2026.1）", "Version, e.g. 2026.1"],
  ["previousVersion", false, "この版が改訂する前の版（差分を表示します）", "The version this one revises (its changes are shown)"],
  ["name.ja", true, "名称（日本語）", "Name in Japanese"],
  ["name.en", true, "名称（英語）", "Name in English"],
  ["kind", true, "種類: soft-law, code-of-conduct, voluntary-framework, standard, evaluation-guide, reporting-framework, law", "Kind: soft-law, code-of-conduct, voluntary-framework, standard, evaluation-guide, reporting-framework, law"],
  ["issuer.ja", true, "発行者（日本語）", "Issuer in Japanese"],
  ["issuer.en", true, "発行者（英語）", "Issuer in English"],
  ["publishedOn", false, "発行日（YYYY-MM-DD）", "Published on (YYYY-MM-DD)"],
  ["effectiveFrom", false, "適用開始日（YYYY-MM-DD）", "Effective from (YYYY-MM-DD)"],
  ["legalEffect.ja", true, "位置付け（例: 社内規程。違反は就業規則により処分）", "Standing, e.g. internal policy binding on staff"],
  ["legalEffect.en", true, "位置付け（英語）", "Standing in English"],
  ["source.ja", true, "出典の文書名（日本語）", "Title of the source document in Japanese"],
  ["source.en", true, "出典の文書名（英語）", "Title of the source document in English"],
  ["licence", true, "利用条件（例: 社内限り）", "Licence or terms, e.g. internal use only"],
] as const;

const REQUIREMENT_COLUMNS = ["id", "parent", "type", "label", "title.ja", "title.en", "text.ja", "text.en", "requirement"] as const;
const APPLICABILITY_COLUMNS = ["id", "title.ja", "title.en", "when", "nodes", "from"] as const;
const CROSSWALK_COLUMNS = ["from", "to", "relationship", "rationale.ja", "rationale.en"] as const;

/**
 * The Excel template an organisation fills in to add its own framework: a sheet that says how, the
 * framework's facts, its requirements as a tree, optional applicability conditions in the same rule
 * language as the shipped rules, and optional mappings to the shipped frameworks.
 */
export async function orgFrameworkTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Musubi";
  const about = wb.addWorksheet(SHEETS.about);
  about.columns = [{ width: 110 }];
  for (const line of [
    "自社のフレームワーク（社内のAI方針、業界ガイドライン、取引先の質問票など）を Musubi に追加するためのひな形です。",
    "This template adds a framework of your own (an internal AI policy, a sector guideline, a customer's questionnaire) to Musubi.",
    "",
    "1. 「枠組み」シート: B列に値を記入します（必須の行は * 付き）。 / Framework sheet: fill in column B (* = required).",
    "2. 「要求事項」シート: 1行に1項目。parent に親の id を書くと階層になります。requirement が yes の行が評価の対象です。",
    "   Requirements sheet: one item per row; parent makes the tree; rows with requirement = yes are assessed.",
    "   type: part, chapter, section, article, paragraph, point, principle, control, objective, category, subcategory など。",
    "3. 「適用条件」シート（任意）: when に Musubi の適用判定と同じ条件式（例: generative == true && 'customers' in affectedPersons）を書き、",
    "   nodes に適用する要求事項の id をカンマ区切りで書きます。空のときは、手動で評価を開始した場合のみ使われます。",
    "   Applicability sheet (optional): a condition in Musubi's rule language over the profile facts, and the ids it makes apply.",
    "4. 「対応関係」シート（任意）: from に自社の要求事項 id、to に Musubi の要求事項の URN（ライブラリ画面に表示）を書きます。",
    "   relationship は equal, subset, superset, intersect のいずれかです。",
    "   Crosswalk sheet (optional): your requirement id, a Musubi requirement URN, the relationship and why.",
    "",
    "取り込み: ライブラリ画面の「自社のフレームワークを追加」又は npx musubi library add FILE --org <slug>",
    "To add it: Library → Add your own framework, or npx musubi library add FILE --org <slug>",
  ]) about.addRow([line]);

  const fw = wb.addWorksheet(SHEETS.framework);
  fw.columns = [{ header: "key", width: 20 }, { header: "value", width: 50 }, { header: "説明 (description)", width: 90 }];
  for (const [key, required, ja, en] of FRAMEWORK_FIELDS) fw.addRow([key, "", `${required ? "* " : ""}${ja} / ${en}`]);
  const req = wb.addWorksheet(SHEETS.requirements);
  req.columns = REQUIREMENT_COLUMNS.map((c) => ({ header: c, width: c.startsWith("text") ? 60 : 18 }));
  req.addRow(["1", "", "chapter", "第1章", "AIの利用", "Use of AI", "", "", "no"]);
  req.addRow(["1.1", "1", "article", "1.1", "利用の届出", "Registering a use", "AIシステムを利用する前に、所管部署に届け出ること。", "Register an AI system with its department before using it.", "yes"]);
  const app = wb.addWorksheet(SHEETS.applicability);
  app.columns = APPLICABILITY_COLUMNS.map((c) => ({ header: c, width: c === "when" ? 60 : 22 }));
  const cw = wb.addWorksheet(SHEETS.crosswalk);
  cw.columns = CROSSWALK_COLUMNS.map((c) => ({ header: c, width: c.startsWith("rationale") ? 50 : 40 }));
  for (const ws of [fw, req, app, cw]) {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rows of a sheet as records keyed by its header row; blank rows skipped. */
function records(grid: GridRow[]): { line: number; get: (key: string) => string }[] {
  const [head, ...rows] = grid;
  if (!head) return [];
  const index = new Map(head.cells.map((h, i) => [h.trim(), i]));
  return rows.filter((r) => r.cells.some((c) => c.trim() !== "")).map((r) => ({ line: r.line, get: (key: string) => (r.cells[index.get(key) ?? -1] ?? "").trim() }));
}

/**
 * Reads a filled-in template into library files. Every value the organisation typed stays its
 * own words (`official` from its point of view: it is the issuer); each problem is named by sheet,
 * row and column.
 */
export async function readOrgFrameworkWorkbook(bytes: Uint8Array, fileName: string, locale: Locale): Promise<OrgFiles> {
  const sheet = async (name: string) => (await readXlsxGrid(bytes, fileName, name)).grid;
  const problems: Problem[] = [];
  const facts = new Map<string, string>();
  for (const r of await sheet(SHEETS.framework)) if (r.cells[0]?.trim()) facts.set(r.cells[0].trim(), (r.cells[1] ?? "").trim());
  const fact = (k: string) => facts.get(k) ?? "";
  for (const [key, required] of FRAMEWORK_FIELDS) if (required && !fact(key)) problems.push({ at: `${SHEETS.framework}!B (${key})`, message: say(locale, `${key} を記入してください。`, `Fill in ${key}.`) });
  const id = fact("id");
  const version = fact("version");
  const urn = (nodeId: string) => `urn:musubi:${id}:${version}:${nodeId}`;
  const text = (ja: string, en: string) => (ja || en ? { ...(ja && { ja }), ...(en && { en }) } : undefined);
  const nodes = records(await sheet(SHEETS.requirements)).map((r) => {
    const nodeId = r.get("id");
    if (!nodeId) problems.push({ at: `${SHEETS.requirements}!A${r.line}`, message: say(locale, "各行に id を記入してください。", "Every row needs an id.") });
    const flag = r.get("requirement").toLowerCase();
    if (!["yes", "no", "y", "n", "はい", "いいえ", "true", "false", ""].includes(flag)) problems.push({ at: `${SHEETS.requirements}!I${r.line}`, message: say(locale, "requirement には yes 又は no を記入してください。", "requirement must be yes or no.") });
    return {
      id: nodeId,
      urn: urn(nodeId),
      ...(r.get("parent") && { parent: r.get("parent") }),
      type: r.get("type") || "article",
      ref: { label: { ja: r.get("label") || nodeId, en: r.get("label") || nodeId } },
      ...(text(r.get("title.ja"), r.get("title.en")) && { title: text(r.get("title.ja"), r.get("title.en")) }),
      ...(text(r.get("text.ja"), r.get("text.en")) && { text: text(r.get("text.ja"), r.get("text.en")) }),
      requirement: ["yes", "y", "はい", "true"].includes(flag),
    };
  });
  const rules = records(await sheet(SHEETS.applicability)).map((r) => ({
    // Rule ids are one namespace across the library: the framework's id keeps them apart.
    id: `${id}.${r.get("id") || `applies-${r.line}`}`,
    title: text(r.get("title.ja"), r.get("title.en")) ?? { en: `Rule on row ${r.line}` },
    when: r.get("when"),
    effect: { kind: "applies", framework: id, nodes: r.get("nodes").split(/[,、\s]+/).filter(Boolean) },
    ...(r.get("from") && { from: r.get("from") }),
    cites: r.get("nodes").split(/[,、\s]+/).filter(Boolean).map(urn),
  }));
  const edges = records(await sheet(SHEETS.crosswalk)).map((r) => ({
    from: urn(r.get("from")),
    to: r.get("to"),
    relationship: r.get("relationship"),
    rationale: text(r.get("rationale.ja"), r.get("rationale.en")) ?? { en: "" },
    provenance: "editorial",
  }));
  if (problems.length) throw frameworkInvalid(problems);
  const name = { ja: fact("name.ja"), en: fact("name.en") };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return checkFiles(
    {
    framework: {
      format: "musubi-framework/1",
      framework: id,
      version,
      name,
      kind: fact("kind"),
      jurisdiction: "organisation",
      issuer: [{ ja: fact("issuer.ja"), en: fact("issuer.en") }],
      legalEffect: { ja: fact("legalEffect.ja"), en: fact("legalEffect.en") },
      dates: { publishedOn: fact("publishedOn") || null, effectiveFrom: fact("effectiveFrom") || null },
      ...(fact("previousVersion") && { previousVersion: fact("previousVersion") }),
      source: { title: { ja: fact("source.ja"), en: fact("source.en") }, files: [{ path: fileName, sha256 }] },
      licence: [{ appliesTo: "all", name: fact("licence"), attribution: `${fact("issuer.ja")} / ${fact("issuer.en")}` }],
      actorRoles: [],
      silence: [],
      nodes,
    },
    rules: rules.length ? { format: "musubi-rules/1", id: `${id}-rules`, name, description: { ja: `${name.ja}の適用条件`, en: `When ${name.en} applies` }, schemes: [], definitions: [], rules } : null,
    crosswalk: edges.length ? { format: "musubi-crosswalk/1", id: `${id}--crosswalk`, name: { ja: `${name.ja}との対応`, en: `${name.en} crosswalk` }, description: { ja: `${name.ja}と他のフレームワークの対応（組織の判断）`, en: `How ${name.en} maps to other frameworks (the organisation's judgement)` }, licence: [{ appliesTo: "all", name: fact("licence"), attribution: fact("issuer.en") || fact("issuer.ja") }], edges } : null,
    },
    locale,
  );
}
