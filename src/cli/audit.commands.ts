import type { Command } from "commander";
import { verifyLedger } from "../audit/audit.verify.ts";
import { out, withDatabase } from "./context.ts";

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("the audit ledger");
  audit
    .command("verify")
    .description("walk every organisation's hash chain from genesis; exit 1 at the first broken link")
    .option("--org <slug>", "verify one organisation only")
    .option("--json", "print the report as JSON")
    .action(async (o: { org?: string; json?: boolean }) => {
      await withDatabase(async (db) => {
        let orgId: string | undefined;
        if (o.org) {
          const org = await db.kysely.selectFrom("organizations").select("id").where("slug", "=", o.org).executeTakeFirst();
          if (!org) throw new Error(`no organisation "${o.org}"`);
          orgId = org.id;
        }
        const started = performance.now();
        const report = await verifyLedger(db, orgId);
        const ms = Math.round(performance.now() - started);
        if (o.json) out(JSON.stringify({ ...report, ms }, null, 2));
        else {
          for (const c of report.chains) {
            if (c.ok) out(`ok      ${c.orgId}  ${c.entries} entries, head #${c.headSeq} ${c.headHash}`);
            else {
              const b = c.firstBreak!;
              out(`BROKEN  ${c.orgId}  first broken link at #${b.seq}: ${b.reason} (expected ${b.expected}, found ${b.found})`);
            }
          }
          out(`${report.ok ? "ledger verified" : "LEDGER BROKEN"}: ${report.entries} entries in ${report.chains.length} chain(s), ${ms} ms`);
        }
        if (!report.ok) process.exitCode = 1;
      });
    });
}
