import { createHash } from "node:crypto";
import { audited, type ChangeContext } from "../../audit/audited.ts";
import type { Db } from "../../db/connect.ts";
import { oscalCatalogToFramework } from "../../oscal/oscal.import.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { nowIso } from "../../platform/time.ts";
import type { Locale } from "../../platform/i18n.ts";
import { reclassifyStale } from "../../systems/systems.reclassify.ts";
import type { Library, LibraryProblem } from "../library.model.ts";
import type { FrameworkFile } from "../library.schema.ts";
import { frameworkInvalid, ORG_PREFIX, orgRulesProblems } from "./org-frameworks.check.ts";
import { readOrgFrameworkFile, type SourceFormat } from "./org-frameworks.parse.ts";
import { extendLibrary, filesOfRow, type OrgFiles } from "./org-library.ts";

export interface OrgFrameworkView {
  framework: string;
  version: string;
  previousVersion: string | null;
  name: { ja: string | null; en: string | null };
  kind: string;
  nodes: number;
  requirements: number;
  rules: number;
  crosswalkEdges: number;
  sourceFormat: SourceFormat;
  sha256: string;
  createdAt: string;
}

/**
 * An OSCAL catalog as an organisation's framework: converted by the OSCAL importer, its id given
 * the organisation prefix (and every URN with it) when it lacks one.
 */
export function oscalAsOrgFramework(doc: unknown, sourceFile?: { path: string; sha256: string }, locale: Locale = "en"): FrameworkFile {
  let fw: FrameworkFile;
  try {
    fw = oscalCatalogToFramework(doc, sourceFile ? { sourceFile } : {});
  } catch (err) {
    // The OSCAL reader names each problem in both languages; here they are one list, in the caller's.
    const problems = err instanceof AppError ? (err.details as { problems?: { at: string; message: { ja: string; en: string } }[] } | undefined)?.problems : undefined;
    if (problems) throw frameworkInvalid(problems.map((p) => ({ at: p.at || "/", message: p.message[locale] })));
    throw err;
  }
  if (fw.framework.startsWith(ORG_PREFIX)) return fw;
  const id = `${ORG_PREFIX}${fw.framework}`;
  const from = `urn:musubi:${fw.framework}:`;
  const to = `urn:musubi:${id}:`;
  return JSON.parse(JSON.stringify({ ...fw, framework: id }).replaceAll(from, to)) as FrameworkFile;
}

/** What kind of problem the library's checks found, said in Japanese before their own (English) detail. */
const PROBLEM_JA: Record<LibraryProblem["code"], string> = {
  encoding: "文字コードを読めません",
  json: "ファイルを読めません",
  schema: "形式が正しくありません",
  duplicate: "重複しています",
  dangling: "参照先が見つかりません",
  mismatch: "他の記載と整合しません",
  expression: "条件式を解釈できません",
};

function viewOf(row: { document: string; rules: string | null; crosswalk: string | null; source_format: string; sha256: string; created_at: string }): OrgFrameworkView {
  const f = filesOfRow(row);
  return {
    framework: f.framework.framework,
    version: f.framework.version,
    previousVersion: f.framework.previousVersion ?? null,
    name: { ja: f.framework.name.ja ?? null, en: f.framework.name.en ?? null },
    kind: f.framework.kind,
    nodes: f.framework.nodes.length,
    requirements: f.framework.nodes.filter((n) => n.requirement).length,
    rules: f.rules?.rules.length ?? 0,
    crosswalkEdges: f.crosswalk?.edges.length ?? 0,
    sourceFormat: row.source_format as SourceFormat,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

/** The organisation's own frameworks, every version, oldest first. */
export async function listOrgFrameworks(db: Db["kysely"], orgId: string): Promise<OrgFrameworkView[]> {
  const rows = await db.selectFrom("org_frameworks").selectAll().where("org_id", "=", orgId).orderBy("framework").orderBy("created_at").execute();
  return rows.map(viewOf);
}

/**
 * Adds a framework the organisation wrote: the file is read (JSON, YAML, the Excel template or
 * OSCAL), checked like the shipped library together with the organisation's other frameworks, and
 * kept; the organisation's stamp moves, so its next request is answered with the extended library,
 * and its systems are classified again under it (the rules may bring the framework into scope).
 */
export async function addOrgFramework(db: Db, base: Library, who: ChangeContext, userId: string | null, bytes: Uint8Array, fileName: string, locale: Locale = "en"): Promise<OrgFrameworkView> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { files, format } = await readOrgFrameworkFile(bytes, fileName, (doc) => oscalAsOrgFramework(doc, { path: fileName, sha256 }, locale), locale);
  const own = orgRulesProblems(files, locale);
  if (own.length) throw frameworkInvalid(own);
  const view = await audited(db, who, async (trx, record) => {
    const rows = await trx.selectFrom("org_frameworks").select(["framework", "version", "document", "rules", "crosswalk"]).where("org_id", "=", who.orgId).execute();
    if (rows.some((r) => r.framework === files.framework.framework && r.version === files.framework.version)) {
      throw new AppError(409, "conflict", { reason: "framework_version_exists", framework: files.framework.framework, version: files.framework.version });
    }
    const existing: OrgFiles[] = rows.map(filesOfRow);
    const { problems } = extendLibrary(base, [...existing, files]);
    if (problems.length) throw frameworkInvalid(problems.map((p) => ({ at: `${p.file.replace(/^organisation\//, "")}${p.at ? ` ${p.at}` : ""}`, message: locale === "ja" ? `${PROBLEM_JA[p.code]}（${p.message}）` : p.message })));
    const row = {
      id: newId("ofw"),
      org_id: who.orgId,
      framework: files.framework.framework,
      version: files.framework.version,
      document: JSON.stringify(files.framework),
      rules: files.rules ? JSON.stringify(files.rules) : null,
      crosswalk: files.crosswalk ? JSON.stringify(files.crosswalk) : null,
      source_format: format,
      sha256,
      created_by: userId,
      created_at: nowIso(),
    };
    await trx.insertInto("org_frameworks").values(row).execute();
    await trx.updateTable("organizations").set({ frameworks_stamp: newId("fws") }).where("id", "=", who.orgId).execute();
    record({ action: "org_framework.added", entityType: "org_framework", entityId: `${row.framework}@${row.version}`, after: { framework: row.framework, version: row.version, sourceFormat: format, sha256, requirements: files.framework.nodes.filter((n) => n.requirement).length, rules: files.rules?.rules.length ?? 0 } });
    return viewOf(row);
  });
  await reclassifyStale(db, base, { orgId: who.orgId });
  return view;
}

/**
 * Removes a version the organisation added by mistake. A version an assessment was made against,
 * a control is mapped to, or another of its files refers to, stays: the record of what was assessed
 * must keep resolving.
 */
export async function removeOrgFramework(db: Db, base: Library, who: ChangeContext, framework: string, version: string): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const row = await trx.selectFrom("org_frameworks").select(["id", "sha256"]).where("org_id", "=", who.orgId).where("framework", "=", framework).where("version", "=", version).executeTakeFirst();
    if (!row) throw new AppError(404, "not_found");
    const assessed = await trx.selectFrom("assessments").select("id").where("org_id", "=", who.orgId).where("framework_id", "=", framework).where("framework_version", "=", version).limit(1).executeTakeFirst();
    const mapped = await trx.selectFrom("control_requirements").select("control_id").where("org_id", "=", who.orgId).where("requirement_urn", "like", `urn:musubi:${framework}:${version}:%`).limit(1).executeTakeFirst();
    if (assessed || mapped) throw new AppError(409, "in_use", { reason: assessed ? "assessed" : "mapped_to_controls" });
    // What stays must still hold together (a later version naming this one as its previous, a crosswalk to it).
    const rest = await trx.selectFrom("org_frameworks").select(["document", "rules", "crosswalk"]).where("org_id", "=", who.orgId).where("id", "<>", row.id).execute();
    const { problems } = extendLibrary(base, rest.map(filesOfRow));
    if (problems.length) throw new AppError(409, "in_use", { reason: "referenced", problems: problems.slice(0, 10).map((p) => p.message) });
    await trx.deleteFrom("org_frameworks").where("org_id", "=", who.orgId).where("id", "=", row.id).execute();
    const left = await trx.selectFrom("org_frameworks").select("id").where("org_id", "=", who.orgId).limit(1).executeTakeFirst();
    await trx.updateTable("organizations").set({ frameworks_stamp: left ? newId("fws") : null }).where("id", "=", who.orgId).execute();
    record({ action: "org_framework.removed", entityType: "org_framework", entityId: `${framework}@${version}`, before: { framework, version, sha256: row.sha256 } });
  });
  await reclassifyStale(db, base, { orgId: who.orgId });
}
