/**
 * Recognising an inventory file's header row: the fields a file can fill and the words people use
 * for them. Kept apart from the mapping's schema so that the upload worker, which only has to find
 * the header row, does not load the validation library.
 */

/** The fields an inventory file can fill; owners and department are named by e-mail and code, not id. */
export const IMPORT_FIELDS = [
  "code",
  "nameJa",
  "nameEn",
  "purpose",
  "businessOwnerEmail",
  "businessOwnerName",
  "technicalOwnerEmail",
  "technicalOwnerName",
  "departmentCode",
  "departmentNameJa",
  "departmentNameEn",
  "lifecycle",
  "profile",
  "models",
  "datasets",
  "components",
  "vendors",
  "countries",
  "tags",
  "lastReviewedAt",
  "nextReviewAt",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Fields that describe the department or owner a row names rather than the system: used only
 * when the import creates them (`createMissing`), so that an export re-imported into a new
 * organisation brings its departments' and people's names along.
 */
export const COMPANION_FIELDS: ReadonlySet<ImportField> = new Set(["businessOwnerName", "technicalOwnerName", "departmentNameJa", "departmentNameEn"]);

/**
 * Fields that hold a list: several columns may feed one (a register with「開発元」and「委託先」columns
 * both naming vendors); their items are merged in column order and de-duplicated.
 */
export const LIST_FIELDS: ReadonlySet<ImportField> = new Set(["models", "datasets", "components", "vendors", "countries", "tags"]);

/**
 * Header words people use in Japanese and English registers, written in `normalizeHeader` form.
 * The exporter's own headers are the field ids, which normalise to themselves, so an exported file
 * maps back without help.
 */
const SYNONYMS: Record<ImportField, string[]> = {
  code: ["usecaseid", "usecasenumber", "usecasecode", "identifier", "algorithmid", "code", "systemcode", "systemid", "id", "ref", "reference", "コード", "システムコード", "システムid", "管理番号", "台帳番号", "システム番号", "識別子", "識別番号"],
  nameJa: ["nameja", "namejapanese", "japanesename", "名称", "名前", "システム名", "システム名称", "aiシステム名", "aiシステム名称", "名称日本語", "システム名日本語", "日本語名", "和名"],
  nameEn: ["usecasename", "usecase", "algorithmname", "algorithm", "toolname", "projectname", "systemtitle", "naam", "naamalgoritme", "nameen", "name", "systemname", "aisystemname", "title", "englishname", "nameenglish", "名称英語", "システム名英語", "英語名", "英名", "英文名"],
  purpose: ["summaryofusecase", "usecasesummary", "purposeandbenefits", "intendedpurpose", "briefdescription", "shortdescription", "descriptionshort", "whatthesystemdoes", "korteomschrijving", "omschrijving", "beschrijving", "doel", "goal", "goals", "purpose", "description", "summary", "overview", "目的", "利用目的", "概要", "説明", "用途", "概要説明", "目的概要", "利用目的概要"],
  businessOwnerEmail: ["businessowneremail", "businessowner", "owner", "owneremail", "事業責任者", "事業責任者メール", "事業責任者メールアドレス", "業務オーナー", "業務責任者", "ビジネスオーナー", "オーナー", "責任者", "所有者"],
  technicalOwnerEmail: ["technicalowneremail", "technicalowner", "techowner", "技術責任者", "技術責任者メール", "技術責任者メールアドレス", "技術担当者", "開発責任者", "システム責任者", "技術オーナー"],
  businessOwnerName: ["businessownername"],
  technicalOwnerName: ["technicalownername"],
  departmentNameJa: ["departmentnameja"],
  departmentNameEn: ["departmentnameen"],
  departmentCode: ["departmentcode", "department", "dept", "部署", "部門", "所管部署", "所管部門", "担当部署", "担当部門", "部署コード", "部門コード", "主管部署", "所属"],
  lifecycle: ["stageofdevelopment", "developmentstage", "lifecyclestage", "stageofsystem", "systemstage", "currentstage", "currentstatus", "fase", "lifecycle", "status", "stage", "phase", "ライフサイクル", "ステータス", "段階", "状態", "稼働状況", "運用状況", "フェーズ"],
  profile: ["profile", "applicabilityprofile", "プロファイル", "適用性プロファイル"],
  models: ["models", "model", "aimodels", "モデル", "aiモデル", "使用モデル", "利用モデル"],
  datasets: ["datasets", "dataset", "trainingdata", "データセット", "学習データ", "使用データ", "利用データ"],
  components: ["components", "component", "コンポーネント", "構成要素", "構成部品"],
  vendors: ["vendorname", "vendornames", "suppliername", "developername", "contractor", "contractors", "leverancier", "leveranciers", "vendors", "vendor", "developer", "developers", "supplier", "suppliers", "provider", "providers", "ベンダー", "ベンダ", "委託先", "提供者", "提供元", "開発元", "開発者", "開発ベンダー", "供給者"],
  countries: ["countries", "country", "region", "regions", "国", "国名", "展開国", "利用国", "提供国", "国地域", "対象国"],
  tags: ["topicarea", "topic", "keywords", "keyword", "thema", "onderwerp", "tags", "tag", "labels", "label", "タグ", "ラベル"],
  lastReviewedAt: ["lastreviewedat", "lastreviewed", "lastreviewdate", "lastreview", "最終レビュー日", "前回レビュー日", "最終見直し日", "前回見直し日", "最終確認日", "最終評価日"],
  nextReviewAt: ["nextreviewat", "nextreview", "nextreviewdate", "reviewdue", "次回レビュー日", "次回見直し日", "次回確認日", "次回レビュー予定日", "次回見直し予定日", "次回評価日"],
};

const FIELD_BY_WORD = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const word of SYNONYMS[field]) FIELD_BY_WORD.set(word, field);

/**
 * Folds a header to the form `SYNONYMS` is written in: NFKC (full-width to half-width), lower case,
 * no spaces, brackets or punctuation, and no trailing「必須」/ "required" marker — so
 * 「ＡＩシステム名（必須）」, "AI System Name *" and "ai_system_name" compare equal.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-‐‑–—−・･.:,、。/\\()[\]{}【】「」『』<>〈〉《》*※"'`#?!]/g, "")
    .replace(/(必須|任意|required|optional)$/, "");
}

/** The field a header names, if it is one people commonly use for it. */
export function fieldForHeader(header: string): ImportField | undefined {
  return FIELD_BY_WORD.get(normalizeHeader(header));
}

/** How many cells of a row read as known headers; the reader takes the best-scoring row as the header. */
export function headerScore(cells: readonly string[]): number {
  let score = 0;
  for (const cell of cells) if (cell !== "" && fieldForHeader(cell) !== undefined) score++;
  return score;
}

/**
 * A first mapping from headers to the fields a table of synonyms names (words folded as
 * {@link normalizeHeader} folds them): each field to the first column whose header — or, under a
 * group heading ("Incident / Title"), its last part — is one of its words. For registers other
 * than the inventory (incidents, reference cases), whose fields are their own.
 */
export function suggestByWords<F extends string>(headers: readonly string[], synonyms: Record<F, readonly string[]>): { column: string; field: F }[] {
  const byWord = new Map<string, F>();
  for (const field of Object.keys(synonyms) as F[]) for (const word of synonyms[field]) byWord.set(word, field);
  const taken = new Set<F>();
  const mapping: { column: string; field: F }[] = [];
  for (const column of headers) {
    const field = byWord.get(normalizeHeader(column)) ?? byWord.get(normalizeHeader(column.split(" / ").at(-1) ?? ""));
    if (field === undefined || taken.has(field)) continue;
    taken.add(field);
    mapping.push({ column, field });
  }
  return mapping;
}
