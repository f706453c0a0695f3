import type { Command } from "commander";
import { type Lang, pick } from "./applicability.print.ts";
import { out } from "./context.ts";
import type { Library } from "../library/library.model.ts";
import type { CurrencyReport } from "../library/library.currency.ts";

/** The lines `library currency` (and `library validate`) print for a report. */
export function currencyLines(report: CurrencyReport, lang: Lang): string[] {
  const lines: string[] = [];
  for (const c of report.inForceNotInText) {
    const a = c.amendment;
    const ack = c.acknowledged ? `acknowledged ${c.acknowledged.acknowledgedOn}` : "NOT ACKNOWLEDGED";
    lines.push(`in force, not in text  ${c.framework} ${c.version} (text as of ${c.textAsOf ?? "?"})  ${a.effectiveOn}  ${pick(a.lawNumber, lang)} ${pick(a.title, lang)}  [${a.id}] ${ack}`);
  }
  for (const c of report.upcoming) {
    const a = c.amendment;
    const touches = a.touches ? `  changes ${a.touches.nodes.join(", ")} (Musubi's reading)` : "";
    const certainty = a.dateCertainty && a.dateCertainty !== "fixed-date" ? ` (${a.dateCertainty})` : "";
    lines.push(`upcoming               ${c.framework} ${c.version}  ${a.effectiveOn}${certainty}  ${pick(a.lawNumber, lang)} ${pick(a.title, lang)}  [${a.id}]${touches}`);
  }
  for (const s of report.staleAcknowledgements) lines.push(`stale acknowledgement  ${s.framework} ${s.version} [${s.amendment}]: ${s.why}`);
  return lines;
}

/** True when CI must fail: an unacknowledged amendment in force that the text lacks, or a stale acknowledgement. */
export function currencyFails(report: CurrencyReport, strict = false): boolean {
  const open = report.inForceNotInText.filter((c) => strict || c.acknowledged === null);
  return open.length > 0 || report.staleAcknowledgements.length > 0;
}

export function registerCurrencyCommand(library: Command, load: (dir?: string) => Promise<Library>): void {
  library
    .command("currency")
    .description("amendments in force that a framework's stored text lacks, and amendments to come; exit 1 on an unacknowledged one")
    .option("--as-of <date>", "as of this date (YYYY-MM-DD); default today in Japan")
    .option("--strict", "fail on acknowledged cases too")
    .option("--json", "print JSON")
    .option("--lang <lang>", "ja or en", "en")
    .option("--dir <path>", "library folder (default: the one shipped with Musubi)")
    .action(async (o: { asOf?: string; strict?: boolean; json?: boolean; lang: Lang; dir?: string }) => {
      const { libraryCurrency, todayInJapan } = await import("../library/library.currency.ts");
      const asOf = o.asOf ?? todayInJapan();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error("--as-of must be YYYY-MM-DD");
      const report = libraryCurrency(await load(o.dir), asOf);
      const fails = currencyFails(report, o.strict);
      if (o.json) out(JSON.stringify(report, null, 2));
      else {
        for (const line of currencyLines(report, o.lang)) out(line);
        const open = report.inForceNotInText.filter((c) => c.acknowledged === null).length;
        out(
          `as of ${asOf}: ${report.inForceNotInText.length} amendment(s) in force but not in the stored text (${open} unacknowledged), ` +
            `${report.upcoming.length} upcoming, ${report.staleAcknowledgements.length} stale acknowledgement(s)`,
        );
      }
      if (fails) process.exitCode = 1;
    });
}
