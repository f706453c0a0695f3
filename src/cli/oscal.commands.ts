import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { orgIdOf, out, withDatabase } from "./context.ts";

/** The largest OSCAL file `oscal import` reads into memory (SP 800-53 rev5 with everything is about 10 MB). */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const write = (file: string, doc: unknown) => fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);

/**
 * `musubi oscal export|import`: the library's frameworks and crosswalks and an organisation's
 * assessments as OSCAL 1.2 documents, and an OSCAL catalog (or resolved profile catalog) converted
 * to a framework file in the library's format. Modules load on use, so `--help` stays fast.
 */
export function registerOscalCommands(program: Command): void {
  const oscal = program.command("oscal").description("OSCAL 1.2 interoperability: export catalogs, the crosswalk mapping and assessment results; import a catalog");

  oscal
    .command("export")
    .description("write one OSCAL document: a framework's catalog, the crosswalks' mapping collection, or an assessment's results")
    .option("--framework <id>", "a framework of the library: its catalog")
    .option("--version <version>", "with --framework: a version other than the current one")
    .option("--crosswalks", "every crosswalk as one mapping collection")
    .option("--assessment <id>", "an assessment: its assessment-results (needs --org)")
    .option("--org <slug>", "organisation slug (with --assessment)")
    .requiredOption("--out <file>", "where to write the JSON")
    .action(async (o: { framework?: string; version?: string; crosswalks?: boolean; assessment?: string; org?: string; out: string }) => {
      const chosen = [o.framework !== undefined, o.crosswalks === true, o.assessment !== undefined].filter(Boolean).length;
      if (chosen !== 1) throw new Error("choose exactly one of --framework, --crosswalks and --assessment / --framework、--crosswalks、--assessment のいずれか1つを指定してください");
      const { getLibrary } = await import("../library/library.runtime.ts");
      const library = getLibrary();
      if (o.framework !== undefined) {
        const fw = o.version ? library.frameworks.get(o.framework)?.get(o.version) : library.current.get(o.framework);
        if (!fw) throw new Error(`no framework "${o.framework}"${o.version ? ` version "${o.version}"` : ""} in the library / ライブラリにこのフレームワーク（版）はありません`);
        const { frameworkToCatalog } = await import("../oscal/oscal.catalog.ts");
        write(o.out, frameworkToCatalog(fw));
        const requirements = fw.file.nodes.filter((n) => n.requirement).length;
        out(`${fw.file.framework} ${fw.file.version}: OSCAL catalog (${requirements} requirements as controls) written to ${o.out}`);
        out(`${fw.file.framework} ${fw.file.version}：OSCAL カタログ（要求事項 ${requirements} 件をコントロールとして）を ${o.out} に書き出しました`);
        return;
      }
      if (o.crosswalks) {
        const { crosswalksToMapping } = await import("../oscal/oscal.mapping.ts");
        const doc = crosswalksToMapping(library);
        write(o.out, doc);
        const maps = doc["mapping-collection"].mappings.reduce((n, m) => n + m.maps.length, 0);
        out(`crosswalks: OSCAL mapping collection (${doc["mapping-collection"].mappings.length} mappings, ${maps} maps) written to ${o.out}`);
        out(`クロスウォーク：OSCAL マッピング（${maps} 件の対応）を ${o.out} に書き出しました`);
        return;
      }
      if (!o.org) throw new Error("--assessment needs --org <slug> / --assessment には --org の指定が必要です");
      const { readAssessmentForExport } = await import("../oscal/oscal.store.ts");
      const { assessmentToResults } = await import("../oscal/oscal.assessment.ts");
      const { AppError } = await import("../platform/errors.ts");
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org!);
        const data = await readAssessmentForExport(db.kysely, orgId, o.assessment!).catch((err: unknown) => {
          if (err instanceof AppError && err.code === "not_found") throw new Error(`no assessment "${o.assessment}" in organisation "${o.org}" / この組織にこの評価はありません`);
          throw err;
        });
        write(o.out, assessmentToResults(library, data));
        out(`assessment ${o.assessment}: OSCAL assessment-results (${data.items.length} findings) written to ${o.out}`);
        out(`評価 ${o.assessment}：OSCAL 評価結果（所見 ${data.items.length} 件）を ${o.out} に書き出しました`);
      });
    });

  oscal
    .command("import <file>")
    .description("convert an OSCAL catalog or resolved profile catalog (JSON) to a framework in the library's format: written to a file, or added as an organisation's own framework")
    .option("--out <file>", "where to write the framework JSON (musubi-framework/1)")
    .option("--org <slug>", "add it as this organisation's own framework (its id gets the org- prefix when it lacks one)")
    .option("--framework <id>", "framework id (lower-case letters, digits, hyphens); default from the catalog's title")
    .option("--version <version>", "framework version; default the catalog's metadata.version")
    .option("--kind <kind>", "law, soft-law, code-of-conduct, reporting-framework, voluntary-framework, standard or evaluation-guide (default standard)")
    .option("--jurisdiction <slug>", "jurisdiction slug such as us, jp, eu, intl (default intl)")
    .option("--lang <lang>", "ja or en: the language of the catalog's text (default: detected from its title)")
    .action(async (file: string, o: { out?: string; org?: string; framework?: string; version?: string; kind?: string; jurisdiction?: string; lang?: string }) => {
      if (!o.out && !o.org) throw new Error("give --out FILE or --org <slug> / --out 又は --org を指定してください");
      const { FRAMEWORK_KINDS } = await import("../library/library.schema.ts");
      if (o.kind !== undefined && !(FRAMEWORK_KINDS as readonly string[]).includes(o.kind)) throw new Error(`--kind must be one of ${FRAMEWORK_KINDS.join(", ")} / --kind は次のいずれかです：${FRAMEWORK_KINDS.join(", ")}`);
      if (o.lang !== undefined && o.lang !== "ja" && o.lang !== "en") throw new Error("--lang must be ja or en / --lang は ja 又は en です");
      if (o.jurisdiction !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(o.jurisdiction)) throw new Error("--jurisdiction must be lower-case letters, digits and hyphens / --jurisdiction は半角英小文字・数字・ハイフンで指定してください");
      const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
      if (size === undefined) throw new Error(`cannot read ${file} / ${file} を読み込めません`);
      if (size > MAX_IMPORT_BYTES) throw new Error(`${file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB / ${file} は ${MAX_IMPORT_BYTES / 1024 / 1024}MB を超えています`);
      const bytes = fs.readFileSync(file);
      let doc: unknown;
      try {
        doc = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      } catch {
        throw new Error(`${file} is not UTF-8 JSON (an OSCAL catalog in XML or YAML must be converted to JSON first) / ${file} は UTF-8 の JSON ではありません（XML・YAML の OSCAL は JSON に変換してから取り込んでください）`);
      }
      const { oscalCatalogToFramework } = await import("../oscal/oscal.import.ts");
      const { AppError } = await import("../platform/errors.ts");
      let framework;
      try {
        framework = oscalCatalogToFramework(doc, {
          ...(o.framework ? { framework: o.framework } : {}),
          ...(o.version ? { version: o.version } : {}),
          ...(o.kind ? { kind: o.kind as never } : {}),
          ...(o.jurisdiction ? { jurisdiction: o.jurisdiction } : {}),
          ...(o.lang ? { lang: o.lang as "ja" | "en" } : {}),
          sourceFile: { path: path.basename(file), sha256: createHash("sha256").update(bytes).digest("hex") },
        });
      } catch (err) {
        if (err instanceof AppError && err.code === "validation_failed") {
          const problems = (err.details as { problems: { at: string; message: { ja: string; en: string } }[] }).problems;
          const lines = problems.map((p) => `  ${p.at || "/"}: ${p.message.en}\n  ${" ".repeat((p.at || "/").length)}  ${p.message.ja}`);
          throw new Error(`${file} is not a valid OSCAL catalog / 有効な OSCAL カタログではありません:\n${lines.join("\n")}`);
        }
        throw err;
      }
      if (o.org) {
        const org = o.org;
        const { ORG_PREFIX } = await import("../library/org/org-frameworks.check.ts");
        const id = framework.framework.startsWith(ORG_PREFIX) ? framework.framework : `${ORG_PREFIX}${framework.framework}`;
        const own = JSON.parse(JSON.stringify({ ...framework, framework: id }).replaceAll(`urn:musubi:${framework.framework}:`, `urn:musubi:${id}:`));
        const { SYSTEM_ACTOR } = await import("../audit/audited.ts");
        const { getLibrary } = await import("../library/library.runtime.ts");
        const { addOrgFramework } = await import("../library/org/org-frameworks.service.ts");
        const { orgIdOf, withDatabase } = await import("./context.ts");
        await withDatabase(async (db) => {
          const orgId = await orgIdOf(db, org);
          const v = await addOrgFramework(db, getLibrary(), { actor: SYSTEM_ACTOR, orgId }, null, new TextEncoder().encode(JSON.stringify(own)), path.basename(file));
          out(`${v.framework} ${v.version} added for ${org}: ${v.requirements} requirements in ${v.nodes} items / ${org} に追加しました（要求事項 ${v.requirements} 件）`);
        });
      }
      if (!o.out) return;
      write(o.out, framework);
      const controls = framework.nodes.filter((n) => n.type === "control");
      const withdrawn = controls.filter((n) => n.tags?.includes("withdrawn")).length;
      out(`${framework.framework} ${framework.version}: ${controls.length} controls (${withdrawn} withdrawn, kept as non-requirements), ${framework.nodes.length} nodes written to ${o.out}`);
      out(`${framework.framework} ${framework.version}：コントロール ${controls.length} 件（うち取り下げ ${withdrawn} 件は要求事項としない）、ノード ${framework.nodes.length} 件を ${o.out} に書き出しました`);
    });
}
