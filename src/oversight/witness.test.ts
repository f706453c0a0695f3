import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { connectMember, deliverNow } from "../../test/support/exchange.ts";
import { signCheckpoint } from "../audit/audit.checkpoint.ts";
import { createCheckpoints } from "../audit/audit.checkpoint.service.ts";
import { ensureSigningKey } from "../audit/audit.keys.ts";
import type { Db } from "../db/connect.ts";
import { queueOutgoing } from "../exchange/exchange.outgoing.ts";
import { WITNESS_SCHEMA } from "./witness.ts";

/** The authority as a witness of a registered organisation's ledger: every checkpoint reaches it, and a rewritten history is caught. */
describe.each(testDatabases())("the authority witnesses members' ledgers ($name)", (database) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let fsa: SeededOrg;
  let bank: SeededOrg;
  let member: string;

  beforeAll(async () => {
    ctx = await database.open();
    api = testApp(ctx.db, ctx.dataDir);
    fsa = await seedOrg(ctx.db, "fsa", { kind: "authority" });
    bank = await seedOrg(ctx.db, "bank");
    await connectMember(api, bank, fsa, "finance");
    member = (await api.call("GET", "/api/oversight/registrations", { token: fsa.tokens.analyst })).body[0].id;
  });
  afterAll(() => ctx.cleanup());

  it("receives each signed checkpoint of the organisation's ledger, and flags one that rewrites a sequence number", async () => {
    const run = await createCheckpoints(ctx.db, ctx.dataDir, { orgId: bank.orgId });
    const [checkpoint] = run.signed;
    expect(checkpoint).toBeDefined();
    const sent = await deliverNow(api);
    const rows = await ctx.db.kysely.selectFrom("exchange_outgoing").select(["kind", "status", "last_error"]).where("kind", "=", "ledger-checkpoint").execute();
    expect(rows, JSON.stringify({ sent, rows })).toMatchObject([{ status: "delivered" }]);
    const witnessed = (await api.call("GET", `/api/oversight/registrations/${member}/checkpoints`, { token: fsa.tokens.auditor })).body;
    expect(witnessed).toMatchObject([{ seq: checkpoint!.seq, hash: checkpoint!.hash, conflict: null }]);

    // The same sequence number signed again over another history: the authority notices.
    const key = ensureSigningKey(ctx.dataDir);
    const forged = signCheckpoint(key, { org: bank.orgId, seq: checkpoint!.seq, hash: "0".repeat(64) }, new Date().toISOString());
    const conn = await ctx.db.kysely.selectFrom("exchange_connections").selectAll().where("org_id", "=", bank.orgId).executeTakeFirstOrThrow();
    await ctx.db.kysely.transaction().execute((trx) => queueOutgoing(trx, { orgId: bank.orgId, connection: conn, kind: "ledger-checkpoint", schema: WITNESS_SCHEMA, payload: { format: WITNESS_SCHEMA, checkpoint: forged, publicKey: key.info.publicKey }, createdBy: null }));
    await deliverNow(api);
    const after = (await api.call("GET", `/api/oversight/registrations/${member}/checkpoints`, { token: fsa.tokens.auditor })).body;
    expect(after.map((c: { conflict: string | null }) => c.conflict).sort()).toEqual(["rewritten", null].sort());
    expect(JSON.stringify((await api.call("GET", "/api/notifications", { token: fsa.tokens.supervisor })).body)).toContain("bank Inc.");
  });
});
