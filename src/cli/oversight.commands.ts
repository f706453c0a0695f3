import type { Command } from "commander";
import { explain, orgIdOf, out, withDatabase } from "./context.ts";

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
  oversight
    .command("cases")
    .description("cases of rights infringement under analysis, most recently changed first")
    .requiredOption("--org <slug>", "the authority")
    .option("--status <status>", "open, analysing, countermeasures or closed")
    .option("--json", "print JSON")
    .action(async (o: { org: string; status?: string; json?: boolean }) => {
      const { listCases, casesQuery } = await import("../oversight/cases.service.ts");
      await withDatabase(async (db) => {
        const q = casesQuery.safeParse({ limit: 200, ...(o.status && { status: o.status }) });
        if (!q.success) throw new Error("--status must be open, analysing, countermeasures or closed");
        const cases = await listCases(db.kysely, await orgIdOf(db, o.org), q.data);
        if (o.json) return out(JSON.stringify(cases, null, 2));
        for (const c of cases) out(`${c.code.padEnd(12)} ${c.status.padEnd(15)} ${String(c.submissions).padStart(4)} submissions from ${c.organisations} organisations  ${c.title.en}`);
      });
    });
  oversight
    .command("trends")
    .description("counts of the reports of harm received, by a dimension, for a period of months")
    .requiredOption("--org <slug>", "the authority")
    .option("--by <dimension>", "sector, harmType, right, generative, modelProvider, actorRole, severity or kind", "sector")
    .option("--from <month>", "first month, YYYY-MM (default: twelve months ago)")
    .option("--to <month>", "last month, YYYY-MM (default: this month)")
    .option("--json", "print JSON")
    .action(async (o: { org: string; by: string; from?: string; to?: string; json?: boolean }) => {
      const { trends, trendsQuery } = await import("../oversight/trends.ts");
      const { valueLabel } = await import("../oversight/open-data.ts");
      const { getLibrary } = await import("../library/library.runtime.ts");
      await withDatabase(async (db) => {
        const q = trendsQuery.safeParse({ dimension: o.by, ...(o.from && { from: o.from }), ...(o.to && { to: o.to }) });
        if (!q.success) throw new Error(q.error.issues.map((i) => `--${String(i.path[0]) === "dimension" ? "by" : String(i.path[0])}: ${i.message}`).join("; "));
        const library = getLibrary();
        const view = await trends(db.kysely, await orgIdOf(db, o.org), q.data, (d, v) => valueLabel(library, d, v));
        if (o.json) return out(JSON.stringify(view, null, 2));
        out(`${view.from} – ${view.to}: ${view.total} reports counted (${view.withoutMonth} more without a month)`);
        for (const b of view.buckets) out(`${String(b.count).padStart(7)}  ${(Math.round(b.share * 1000) / 10).toFixed(1).padStart(5)}%  ${b.label.en}${b.perOrganisation === null ? "" : `  (${b.perOrganisation.toFixed(2)} per registered organisation)`}`);
      });
    });
  oversight
    .command("request")
    .description("send a request for information (one question per --question) to all registered organisations or a sector")
    .requiredOption("--org <slug>", "the authority")
    .requiredOption("--title <ja|en>", "the title, Japanese and English separated by |")
    .requiredOption("--question <ja|en...>", "a question, Japanese and English separated by |")
    .requiredOption("--deadline <date>", "YYYY-MM-DD")
    .option("--sector <value>", "only the organisations of this sector")
    .action(async (o: { org: string; title: string; question: string[]; deadline: string; sector?: string }) => {
      const { sendRequest } = await import("../oversight/requests.service.ts");
      const { createRequestBody } = await import("../oversight/requests.schema.ts");
      const { SYSTEM_ACTOR } = await import("../audit/audited.ts");
      const both = (s: string) => {
        const [ja = "", en = ja] = s.split("|");
        return { ja: ja.trim(), en: en.trim() };
      };
      await withDatabase(async (db) => {
        const title = both(o.title);
        const body = createRequestBody.safeParse({ titleJa: title.ja, titleEn: title.en, questions: o.question.map(both), deadline: o.deadline, audience: o.sector ? "sector" : "all", ...(o.sector && { sector: o.sector }) });
        if (!body.success) throw new Error(body.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
        const view = await explain(sendRequest(db, { actor: { ...SYSTEM_ACTOR, label: "musubi cli" }, orgId: await orgIdOf(db, o.org) }, body.data));
        out(`${view.code} sent to ${view.counts.sent} organisations; answers due ${view.deadline} (the outbox delivers it)`);
      });
    });
}
