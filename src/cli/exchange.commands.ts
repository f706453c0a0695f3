import type { Command } from "commander";
import type { Db } from "../db/connect.ts";
import type { Config } from "../platform/config.ts";
import { explain, orgIdOf, out, withDatabase } from "./context.ts";

/** The command line's names for what it sends, and the kinds they are in the exchange. */
const KINDS = { incident: "incident-report", haip: "haip-report", card: "system-card" } as const;

async function envFor(db: Db, config: Config) {
  const { exchangeEnvOf } = await import("../exchange/exchange.party.ts");
  const { parseOutboundAllow } = await import("../platform/outbound.ts");
  return exchangeEnvOf(db, config, parseOutboundAllow(config.outboundAllow));
}

/** Tries every due delivery once now (as the server's job would within seconds), and says what happened. */
async function sendNow(db: Db, config: Config): Promise<void> {
  const { deliverDue } = await import("../notify/outbox.worker.ts");
  const { deliveryChannels } = await import("../jobs.ts");
  const { parseOutboundAllow } = await import("../platform/outbound.ts");
  const outbound = parseOutboundAllow(config.outboundAllow);
  const r = await deliverDue(db, { limit: 1000, outbound, channels: deliveryChannels(db, config, outbound) });
  out(`deliveries: ${r.delivered} delivered, ${r.retried} to retry (the server's outbox keeps trying), ${r.failed} failed`);
}

async function cliWho(db: Db, slug: string) {
  const { SYSTEM_ACTOR } = await import("../audit/audited.ts");
  return { actor: { ...SYSTEM_ACTOR, label: "musubi cli" }, orgId: await orgIdOf(db, slug) };
}

export function registerExchangeCommands(program: Command): void {
  const exchange = program.command("exchange").description("the signed exchange between organisations and authorities (docs/exchange.md)");
  exchange
    .command("connect")
    .description("register an organisation with an authority (on this instance, or another Musubi at --authority <url>); the authority approves")
    .requiredOption("--org <slug>", "the organisation")
    .option("--authority <url>", "the authority's Musubi (base URL); omit for an authority on this instance")
    .requiredOption("--authority-org <slug>", "the authority's organisation slug there")
    .option("--sector <value>", "the organisation's sector (as in the profile question `sector`, e.g. finance)")
    .option("--note <text>", "a note for the authority")
    .option("--json", "print JSON")
    .action(async (o: { org: string; authority?: string; authorityOrg: string; sector?: string; note?: string; json?: boolean }) => {
      const { connectToAuthority } = await import("../exchange/connections.service.ts");
      const { getLibrary } = await import("../library/library.runtime.ts");
      await withDatabase(async (db, config) => {
        const view = await explain(connectToAuthority(await envFor(db, config), await cliWho(db, o.org), getLibrary(), { url: o.authority ?? null, authoritySlug: o.authorityOrg, sector: o.sector ?? null, note: o.note ?? null }));
        if (o.json) out(JSON.stringify(view, null, 2));
        else out(`${o.org} → ${view.counterpart.name.en} (${view.counterpart.party}): registration ${view.status}; the authority's key ids: ${view.counterpartKeys.map((k) => k.kid).join(", ")}`);
        await sendNow(db, config);
      });
    });
  for (const decision of ["approve", "refuse"] as const) {
    exchange
      .command(decision)
      .description(`${decision} an organisation's pending registration with this authority; the organisation is told, signed`)
      .requiredOption("--org <slug>", "the authority")
      .requiredOption("--organisation <slug-or-party>", "the organisation, by its slug or party id")
      .option("--note <text>", "a note for the organisation")
      .action(async (o: { org: string; organisation: string; note?: string }) => {
        const { decideRegistration } = await import("../exchange/connections.service.ts");
        await withDatabase(async (db, config) => {
          const who = await cliWho(db, o.org);
          const pending = await db.kysely
            .selectFrom("exchange_connections")
            .select(["id", "counterpart_party", "counterpart_name_en"])
            .where("org_id", "=", who.orgId)
            .where("direction", "=", "member")
            .where("status", "=", "pending")
            .where((eb) => eb.or([eb("counterpart_slug", "=", o.organisation), eb("counterpart_party", "=", o.organisation)]))
            .execute();
          if (pending.length !== 1) throw new Error(pending.length ? `"${o.organisation}" names ${pending.length} pending registrations; give the party id` : `no pending registration from "${o.organisation}"`);
          const view = await explain(decideRegistration(await envFor(db, config), who, pending[0]!.id, decision === "approve" ? "approved" : "refused", o.note ?? null));
          out(`${view.counterpart.name.en} (${view.counterpart.party}): ${view.status}`);
          await sendNow(db, config);
        });
      });
  }
  exchange
    .command("submit <kind> <subject>")
    .description("send an authority an incident report (incident INC-…), an approved HAIP report (haip <year>) or a system card (card <code>)")
    .requiredOption("--org <slug>", "the organisation")
    .option("--authority <party-or-slug>", "which authority, when the organisation is registered with several")
    .option("--confidential <pointer:reason...>", "parts to keep confidential, e.g. /rootCause:trade-secret /harm/affectedParties:personal-data")
    .option("--json", "print JSON")
    .action(async (kind: string, subject: string, o: { org: string; authority?: string; confidential?: string[]; json?: boolean }) => {
      if (!(kind in KINDS)) throw new Error("<kind> must be incident, haip or card");
      const { submitToAuthority, submitBody } = await import("../exchange/submit.service.ts");
      const { getLibrary } = await import("../library/library.runtime.ts");
      await withDatabase(async (db, config) => {
        const who = await cliWho(db, o.org);
        let q = db.kysely.selectFrom("exchange_connections").select(["id", "counterpart_party"]).where("org_id", "=", who.orgId).where("direction", "=", "authority").where("status", "=", "approved");
        if (o.authority) q = q.where((eb) => eb.or([eb("counterpart_slug", "=", o.authority!), eb("counterpart_party", "=", o.authority!)]));
        const conns = await q.execute();
        if (conns.length !== 1) throw new Error(conns.length ? `registered with ${conns.length} authorities: choose one with --authority (${conns.map((c) => c.counterpart_party).join(", ")})` : "not registered with an approved authority (musubi exchange connect; the authority approves)");
        const confidential = (o.confidential ?? []).map((c) => {
          const at = c.lastIndexOf(":");
          return { pointer: c.slice(0, at), reason: c.slice(at + 1) };
        });
        const body = submitBody.safeParse({ connectionId: conns[0]!.id, kind: KINDS[kind as keyof typeof KINDS], subject, confidential });
        if (!body.success) throw new Error(`--confidential: ${body.error.issues.map((i) => i.message).join("; ")} (reasons: trade-secret, personal-data)`);
        const view = await explain(submitToAuthority(await envFor(db, config), who, getLibrary(), { name: "musubi cli", email: "" }, body.data));
        if (o.json) out(JSON.stringify(view, null, 2));
        else out(`${view.kind} ${view.subject.label} → ${view.authority.name.en}: ${view.status} (idempotency key ${view.idempotencyKey})`);
        await sendNow(db, config);
      });
    });
  exchange
    .command("status")
    .description("the organisation's registrations and what it sent, with each delivery's state and signed receipt")
    .requiredOption("--org <slug>", "the organisation")
    .option("--json", "print JSON")
    .action(async (o: { org: string; json?: boolean }) => {
      const { listConnections, connectionViewOf } = await import("../exchange/connections.store.ts");
      const { outgoingRows, outgoingViewOf } = await import("../exchange/outgoing.view.ts");
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const connections = (await listConnections(db.kysely, orgId)).map(connectionViewOf);
        const rows = await outgoingRows(db.kysely, orgId).orderBy("o.created_at", "desc").limit(1000).execute();
        const submissions = rows.map((r) => outgoingViewOf(r, r));
        if (o.json) return out(JSON.stringify({ connections, submissions }, null, 2));
        for (const c of connections) out(`${c.direction === "authority" ? "registered with" : "registration from"} ${c.counterpart.name.en} (${c.counterpart.party}): ${c.status}`);
        for (const s of submissions) out([s.createdAt.slice(0, 19), s.kind.padEnd(16), (s.subject.label ?? "").padEnd(12), s.status.padEnd(9), s.receivedAt ? `received ${s.receivedAt}` : (s.lastError ?? "")].join(" "));
      });
    });
  const dealings = program.command("dealings").description("the register of dealings with government (行政対応台帳): what authorities sent the organisation");
  dealings
    .command("list")
    .description("requests for information, advisories and notices received, with deadlines, newest first")
    .requiredOption("--org <slug>", "the organisation")
    .option("--json", "print JSON")
    .action(async (o: { org: string; json?: boolean }) => {
      const { listDealings } = await import("../dealings/dealings.service.ts");
      await withDatabase(async (db) => {
        const rows = await listDealings(db.kysely, await orgIdOf(db, o.org), { limit: 200, offset: 0 });
        if (o.json) return out(JSON.stringify(rows, null, 2));
        for (const d of rows) out([d.receivedAt.slice(0, 10), d.kind.padEnd(18), d.reference.padEnd(11), d.status.padEnd(9), d.deadline ? `due ${d.deadline}` : "          ", d.authority.name.en, "—", d.title.en].join(" "));
      });
    });
}
