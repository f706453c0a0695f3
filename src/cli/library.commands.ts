import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { type Lang, pick, printReport } from "./applicability.print.ts";
import { out } from "./context.ts";
import { currencyFails, currencyLines, registerCurrencyCommand } from "./library-currency.command.ts";

/** `musubi library …` and `musubi applicability`: everything runs on the library files alone, no database. */
export function registerLibraryCommands(program: Command): void {
  const library = program.command("library").description("the framework library (frameworks, crosswalks, profile questions, rules)");
  library
    .command("validate")
    .description("check every library file: schema, unique URNs, dangling references, encoding, rule expressions")
    .option("--dir <path>", "library folder (default: the one shipped with Musubi)")
    .option("--no-currency", "skip the currency check (amendments in force that a stored text lacks)")
    .action(async (o: { dir?: string; currency: boolean }) => {
      const { loadLibrary, defaultLibraryDir } = await import("../library/library.load.ts");
      const started = performance.now();
      const { library: lib, problems, files } = loadLibrary(o.dir ?? defaultLibraryDir());
      const ms = Math.round(performance.now() - started);
      for (const p of problems) out(`${p.file}${p.at ? ` ${p.at}` : ""}: [${p.code}] ${p.message}`);
      if (!lib) {
        out(`library INVALID: ${problems.length} problem(s) in ${files} file(s)`);
        process.exitCode = 1;
        return;
      }
      const versions = [...lib.frameworks.values()].reduce((n, v) => n + v.size, 0);
      const edges = lib.crosswalks.reduce((n, c) => n + c.edges.length, 0);
      out(
        `library valid (${lib.digest}): ${lib.frameworks.size} frameworks in ${versions} versions, ${lib.nodes.size} nodes, ` +
          `${lib.crosswalks.length} crosswalks with ${edges} edges, ${lib.profile.questions.length} profile questions, ` +
          `${lib.compiled.definitions.length + lib.compiled.rules.length} rules; ${ms} ms`,
      );
      if (!o.currency) return;
      // Currency depends on today's date, unlike the checks above: a newly effective amendment that
      // the stored text lacks fails CI until the text is updated or the case is acknowledged.
      const { libraryCurrency, todayInJapan } = await import("../library/library.currency.ts");
      const report = libraryCurrency(lib, todayInJapan());
      for (const line of currencyLines(report, "en").filter((l) => !l.startsWith("upcoming"))) out(line);
      if (currencyFails(report)) {
        out("library currency FAILED: an amendment in force is missing from a stored text and is not acknowledged in currency-acknowledged.json (see: musubi library currency)");
        process.exitCode = 1;
      }
    });
  library
    .command("list")
    .description("list frameworks and their versions")
    .option("--lang <lang>", "ja or en", "en")
    .action(async (o: { lang: Lang }) => {
      const lib = await load();
      for (const [id, versions] of lib.frameworks) {
        const current = lib.current.get(id)!.file.version;
        for (const fw of versions.values()) {
          const reqs = fw.file.nodes.filter((n) => n.requirement).length;
          out(`${id.padEnd(28)} ${fw.file.version.padEnd(16)} ${fw.file.version === current ? "current " : "        "}${String(reqs).padStart(4)} requirements  ${pick(fw.file.name, o.lang)}`);
        }
      }
    });
  library
    .command("diff <framework> <from> <to>")
    .description("requirements added, removed and changed between two versions of a framework")
    .option("--all", "include structural nodes, not only requirements")
    .option("--json", "print JSON")
    .option("--lang <lang>", "ja or en", "en")
    .action(async (framework: string, from: string, to: string, o: { all?: boolean; json?: boolean; lang: Lang }) => {
      const lib = await load();
      const { diffFrameworks } = await import("../library/library.diff.ts");
      const versions = lib.frameworks.get(framework);
      if (!versions) throw new Error(`no framework "${framework}"; try: musubi library list`);
      const a = versions.get(from);
      const b = versions.get(to);
      if (!a || !b) throw new Error(`${framework} has versions ${[...versions.keys()].join(", ")}`);
      const d = diffFrameworks(a, b, o.all);
      if (o.json) return out(JSON.stringify(d, null, 2));
      const label = (n: { id: string; ref: { label: { ja?: string; en?: string } } }) => `${n.id}  ${pick(n.ref.label, o.lang)}`;
      for (const n of d.added) out(`+ ${label(n)}`);
      for (const n of d.removed) out(`- ${label(n)}`);
      for (const c of d.changed) out(`~ ${label(c.after)}  (${c.fields.join(", ")})`);
      out(`${framework} ${from} → ${to}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`);
    });
  library
    .command("covers <urn>")
    .description("what else satisfying a requirement covers, through the crosswalks")
    .option("--hops <n>", "how many crosswalk hops to follow", "3")
    .option("--lang <lang>", "ja or en", "en")
    .action(async (urn: string, o: { hops: string; lang: Lang }) => {
      const lib = await load();
      if (!lib.nodes.has(urn)) throw new Error(`no node ${urn}`);
      const { coverageFrom } = await import("../library/crosswalk.graph.ts");
      for (const c of coverageFrom(lib, urn, Number(o.hops))) {
        const n = lib.nodes.get(c.urn)!.node;
        out(`${c.full ? "full   " : "partial"} ${c.relationship.padEnd(9)} ${c.path.length} hop(s)  ${c.urn}  ${pick(n.title ?? n.ref.label, o.lang)}`);
      }
    });
  registerCurrencyCommand(library, async (dir) => {
    const { requireLibrary } = await import("../library/library.load.ts");
    return requireLibrary(dir);
  });
  library
    .command("schema")
    .description("write the JSON Schemas generated from the library formats to library/schema/")
    .option("--dir <path>", "library folder")
    .action(async (o: { dir?: string }) => {
      const { publishedSchemas } = await import("../library/library.schema.ts");
      const { defaultLibraryDir } = await import("../library/library.load.ts");
      const dir = join(o.dir ?? defaultLibraryDir(), "schema");
      mkdirSync(dir, { recursive: true });
      for (const [name, schema] of Object.entries(publishedSchemas())) {
        writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
        out(`wrote ${join(dir, name)}`);
      }
    });

  program
    .command("applicability")
    .description("which frameworks and requirements apply to a system profile, and why")
    .requiredOption("--profile <file>", "JSON file with the profile's facts ({\"facts\": {...}} or the facts object)")
    .option("--as-of <date>", "evaluate as of this date (YYYY-MM-DD); default today in Japan")
    .option("--lang <lang>", "ja or en", "en")
    .option("--json", "print the full report as JSON")
    .action(async (o: { profile: string; asOf?: string; lang: Lang; json?: boolean }) => {
      const lib = await load();
      const { assessProfile } = await import("../applicability/applicability.service.ts");
      const { todayInTokyo } = await import("../platform/time.ts");
      const raw = JSON.parse(readFileSync(o.profile, "utf8")) as Record<string, unknown>;
      const facts = (raw.facts && typeof raw.facts === "object" ? raw.facts : raw) as Record<string, unknown>;
      // A profile in a file belongs to no organisation, so there is no organisation's day: Japan's.
      const asOf = o.asOf ?? todayInTokyo();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error("--as-of must be YYYY-MM-DD");
      try {
        const report = assessProfile(lib, facts, asOf, o.lang);
        if (o.json) out(JSON.stringify(report, null, 2));
        else printReport(report, o.lang);
        if (report.errors.length) process.exitCode = 1;
      } catch (err) {
        const details = (err as { details?: { field: string; message: string }[] }).details;
        if (!details) throw err;
        for (const d of details) out(`${d.field}: ${d.message}`);
        throw new Error("the profile was refused");
      }
    });
}

async function load() {
  const { requireLibrary } = await import("../library/library.load.ts");
  return requireLibrary();
}
