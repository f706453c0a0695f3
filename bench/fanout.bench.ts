// A request for information to every registered organisation (issue 16: "to all 10,000
// organisations … fanned out in < 60 s"). One instance holds the authority and its 10,000 members,
// so the whole path runs for real: the request queued (one signed message per member), then the
// outbox delivers every message — signed, received, verified, stored as an entry of the member's
// register of dealings with a task, receipted, the receipt verified and kept in the authority's
// ledger — with a few delivery workers, as several servers' jobs would.
import { profiled } from "./lib/profile.ts";
import { SYSTEM_ACTOR } from "../src/audit/audited.ts";
import { ensureExchangeKey, exchangeJwks } from "../src/exchange/exchange.keys.ts";
import { deliverOutgoing } from "../src/exchange/exchange.outgoing.ts";
import { partyIdOf, wrapKeyOf, type ExchangeEnv } from "../src/exchange/exchange.party.ts";
import { deliverDue } from "../src/notify/outbox.worker.ts";
import { sendRequest } from "../src/oversight/requests.service.ts";
import { newId } from "../src/platform/ids.ts";
import { nowIso } from "../src/platform/time.ts";
import { DEFAULT_ORG_SETTINGS } from "../src/orgs/orgs.schema.ts";
import { dialects, openBenchDb } from "./lib/db.ts";
import { figure, progress, type BenchResult, type Figure } from "./lib/report.ts";

const MEMBERS = Number(process.env.MUSUBI_BENCH_FANOUT_ORGS ?? 10_000);
const WORKERS = Number(process.env.MUSUBI_BENCH_FANOUT_WORKERS ?? 4);
const BASE = "https://authority.bench.example";

export async function fanoutBench(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  for (const dialect of dialects()) {
    const b = await openBenchDb(dialect);
    try {
      const db = b.db;
      const env: ExchangeEnv = { db, dataDir: b.dataDir, base: BASE, outbound: { allow: undefined } };
      const now = nowIso();
      const settings = JSON.stringify(DEFAULT_ORG_SETTINGS);
      const authority = "org_bench_authority";
      await db.kysely.insertInto("organizations").values({ id: authority, slug: "authority", name_ja: "ベンチ当局", name_en: "Bench authority", settings, created_at: now, updated_at: now, version: 1, frameworks_stamp: null, kind: "authority" }).execute();
      await ensureExchangeKey(db.kysely, wrapKeyOf(env), authority);
      const authorityKeys = JSON.stringify(await exchangeJwks(db.kysely, authority));
      progress(`fanout ${dialect}: registering ${MEMBERS} organisations`);
      const ids = Array.from({ length: MEMBERS }, (_, i) => `org_bench_${String(i).padStart(6, "0")}`);
      for (let i = 0; i < ids.length; i += 500) {
        await db.kysely.insertInto("organizations").values(ids.slice(i, i + 500).map((id, j) => ({ id, slug: `member-${i + j}`, name_ja: `会員${i + j}`, name_en: `Member ${i + j}`, settings, created_at: now, updated_at: now, version: 1, frameworks_stamp: null, kind: "organization" }))).execute();
      }
      const rows: Record<string, unknown>[] = [];
      for (const [i, id] of ids.entries()) {
        await ensureExchangeKey(db.kysely, wrapKeyOf(env), id);
        const memberKeys = JSON.stringify(await exchangeJwks(db.kysely, id));
        const party = partyIdOf(BASE, `member-${i}`);
        const common = { status: "approved", requested_at: now, decided_at: now, note: null, version: 1, sector: i % 2 ? "finance" : "retail" };
        rows.push({ id: newId("xcn"), org_id: authority, direction: "member", self_party: partyIdOf(BASE, "authority"), counterpart_party: party, counterpart_url: null, counterpart_slug: `member-${i}`, counterpart_name_ja: `会員${i}`, counterpart_name_en: `Member ${i}`, counterpart_keys: memberKeys, ...common });
        rows.push({ id: newId("xcn"), org_id: id, direction: "authority", self_party: party, counterpart_party: partyIdOf(BASE, "authority"), counterpart_url: null, counterpart_slug: "authority", counterpart_name_ja: "ベンチ当局", counterpart_name_en: "Bench authority", counterpart_keys: authorityKeys, ...common });
      }
      for (let i = 0; i < rows.length; i += 300) await db.kysely.insertInto("exchange_connections").values(rows.slice(i, i + 300) as never).execute();

      progress(`fanout ${dialect}: sending the request`);
      const t0 = performance.now();
      const request = await sendRequest(db, { actor: { ...SYSTEM_ACTOR, label: "bench" }, orgId: authority }, { titleJa: "AI利用状況の照会", titleEn: "AI use survey", bodyJa: "", bodyEn: "", questions: [{ ja: "利用しているAIシステムの数", en: "How many AI systems do you use?" }], deadline: "2999-12-31", audience: "all" });
      const queuedMs = performance.now() - t0;
      let delivered = 0;
      const worker = async () => {
        for (;;) {
          const r = await deliverDue(db, { limit: 100, channels: { exchange: (row) => deliverOutgoing(env, row) } });
          delivered += r.delivered;
          if (r.delivered + r.retried + r.failed === 0) return;
        }
      };
      await profiled(`fanout-${dialect}`, () => Promise.all(Array.from({ length: WORKERS }, worker)));
      const totalMs = performance.now() - t0;
      const dealings = await db.kysely.selectFrom("dealings").select((eb) => eb.fn.countAll<number>().as("n")).where("kind", "=", "rfi").executeTakeFirstOrThrow();
      const receipts = await db.kysely.selectFrom("exchange_outgoing").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", authority).where("status", "=", "delivered").executeTakeFirstOrThrow();
      figures.push(figure({ bench: "fanout", name: `request for information to ${MEMBERS} organisations, queued`, db: dialect, value: queuedMs / 1000, unit: "s", detail: { recipients: request.counts.sent } }));
      figures.push(
        figure({
          bench: "fanout",
          name: `request for information to ${MEMBERS} organisations, queued and delivered (${WORKERS} workers)`,
          db: dialect,
          value: totalMs / 1000,
          unit: "s",
          target: { op: "<", value: 60 },
          detail: { delivered, "dealings stored": Number(dealings.n), "receipts kept": Number(receipts.n), "per s": Math.round(MEMBERS / (totalMs / 1000)) },
        }),
      );
      figures.push(figure({ bench: "fanout", name: "requests lost (recipients without a dealing)", db: dialect, value: MEMBERS - Number(dealings.n), unit: "", target: { op: "==", value: 0 } }));
    } finally {
      await b.cleanup();
    }
  }
  notes.push(`all ${MEMBERS} members on one instance, delivered in-process (no network); over HTTPS to other instances the network adds its latency per message`);
  return { bench: "fanout", figures, notes };
}
