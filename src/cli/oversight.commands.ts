import type { Command } from "commander";
import { orgIdOf, out, withDatabase } from "./context.ts";

export function registerOversightCommands(program: Command): void {
  const oversight = program.command("oversight").description("an authority's control tower: registrations and the intake queue");
  oversight
    .command("queue")
    .description("the intake queue: what organisations sent, newest first")
    .requiredOption("--org <slug>", "the authority")
    .option("--status <status>", "new, triaged, duplicate, superseded or closed")
    .option("--kind <kind>", "incident-report, haip-report or system-card")
    .option("--limit <n>", "rows", "50")
    .option("--json", "print JSON")
    .action(async (o: { org: string; status?: string; kind?: string; limit: string; json?: boolean }) => {
      const { listIntake, intakeQuery } = await import("../oversight/intake.store.ts");
      await withDatabase(async (db) => {
        const q = intakeQuery.safeParse({ limit: o.limit, ...(o.status && { status: o.status }), ...(o.kind && { kind: o.kind }) });
        if (!q.success) throw new Error(q.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("; "));
        const page = await listIntake(db.kysely, await orgIdOf(db, o.org), q.data);
        if (o.json) return out(JSON.stringify(page, null, 2));
        for (const i of page.items) {
          const flags = [i.supersedes ? "resubmitted" : "", i.similarTo ? `like ${i.similarTo.id} (${Math.round(i.similarTo.similarity * 100)}%)` : "", i.referenceMatch ? `cf. ${i.referenceMatch.source} #${i.referenceMatch.number}` : ""].filter(Boolean).join("; ");
          out([i.receivedAt.slice(0, 19), i.status.padEnd(10), (i.severity ?? "-").padEnd(8), (i.sender?.name.en ?? "public").padEnd(24), i.headline, flags && `[${flags}]`].join(" "));
        }
        out(`${page.items.length} of ${page.total}${page.totalCapped ? "+" : ""}`);
      });
    });
  oversight
    .command("registrations")
    .description("organisations registered with this authority, or asking to be")
    .requiredOption("--org <slug>", "the authority")
    .option("--json", "print JSON")
    .action(async (o: { org: string; json?: boolean }) => {
      const { listConnections, connectionViewOf } = await import("../exchange/connections.store.ts");
      await withDatabase(async (db) => {
        const rows = (await listConnections(db.kysely, await orgIdOf(db, o.org), "member")).map(connectionViewOf);
        if (o.json) return out(JSON.stringify(rows, null, 2));
        for (const r of rows) out(`${r.status.padEnd(9)} ${r.counterpart.name.en} (${r.counterpart.party}) sector ${r.sector ?? "-"}; key ids ${r.counterpartKeys.map((k) => k.kid).join(", ")}`);
      });
    });
}
