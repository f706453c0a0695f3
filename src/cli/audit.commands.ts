import type { Command } from "commander";
import type { CheckedReport } from "../audit/audit.checkpoint-verify.ts";
import { collect, givenKeys, registerAuditCheckpointCommands } from "./audit-checkpoint.commands.ts";
import { orgIdOf, out, withDatabase } from "./context.ts";

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("the audit ledger: verify, checkpoints, signing keys, exports for auditors");
  audit
    .command("verify")
    .description("walk every organisation's hash chain from genesis and hold it against every signed checkpoint; exit 1 at the first broken link")
    .option("--org <slug>", "verify one organisation only")
    .option("--checkpoint <file>", "also hold the chains against checkpoints kept elsewhere (JSON, JSON array or JSON lines; repeatable)", collect, [])
    .option("--public-key <key>", "a public key (PEM or base64 file, or base64) the --checkpoint files must be signed with (repeatable)", collect, [])
    .option("--json", "print the report as JSON")
    .action(async (o: { org?: string; checkpoint: string[]; publicKey: string[]; json?: boolean }) => {
      const publicKeys = givenKeys(o.publicKey);
      await withDatabase(async (db, config) => {
        // Loaded here: every other command starts without the verifier and its dependencies.
        const { verifyWithCheckpoints } = await import("../audit/audit.checkpoint-verify.ts");
        const orgId = o.org ? await orgIdOf(db, o.org) : undefined;
        const started = performance.now();
        const report = await verifyWithCheckpoints(db, orgId, { dataDir: config.dataDir, files: o.checkpoint, publicKeys });
        const ms = Math.round(performance.now() - started);
        if (o.json) out(JSON.stringify({ ...report, ms }, null, 2));
        else printReport(report, ms);
        if (!report.ok) process.exitCode = 1;
      });
    });
  registerAuditCheckpointCommands(audit);
}

function printReport(report: CheckedReport, ms: number): void {
  for (const c of report.chains) {
    if (c.ok) {
      const cp = c.checkpoint ? `; checkpoint #${c.checkpoint.seq} of ${c.checkpoint.time} holds` : "";
      out(`ok      ${c.orgId}  ${c.entries} entries, head #${c.headSeq} ${c.headHash}${cp}`);
      continue;
    }
    const b = c.firstBreak!;
    const where = b.reason.includes("checkpoint") ? `checkpoint #${b.seq}` : `first broken link at #${b.seq}`;
    out(`BROKEN  ${c.orgId}  ${where}: ${b.reason} (expected ${b.expected}, found ${b.found})`);
  }
  const SHOWN = 20;
  for (const p of report.checkpoints.problems.slice(0, SHOWN)) {
    out(`${p.orgId === undefined ? "BROKEN  " : "        "}checkpoint ${p.orgId ?? "(unreadable)"} #${p.seq} in ${p.source} ${p.at}: ${p.reason} (${p.found})`);
  }
  const more = report.checkpoints.problems.length - SHOWN;
  if (more > 0) out(`        … and ${more} more checkpoint problem(s) (--json lists them all)`);
  const { checked } = report.checkpoints;
  out(`${report.ok ? "ledger verified" : "LEDGER BROKEN"}: ${report.entries} entries in ${report.chains.length} chain(s), ${checked} checkpoint(s), ${ms} ms`);
}
