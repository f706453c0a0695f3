import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { tokenize } from "../incidents/similar/tokenize.ts";
import { newId } from "../platform/ids.ts";
import { mostSimilar } from "./intake.receive.ts";
import { bands, minhash, toHex } from "./minhash.ts";

const ORG = "org_authority";
const now = "2026-12-07T00:00:00.000Z";

/** Stores a submission's row and bands as the intake does (only what de-duplication reads matters here). */
async function store(db: Db, sender: string, text: string, extraBands: string[] = []): Promise<string> {
  const sig = minhash(tokenize(text))!;
  const id = newId("itk");
  await db.kysely
    .insertInto("oversight_intake")
    .values({ id, org_id: ORG, connection_id: null, source: "exchange", sender_party: sender, kind: "incident-report", schema: "musubi-submission/1", idempotency_key: id, payload: "{}", payload_sha256: "0", message: null, received_at: now, subject_ref: null, headline: text.slice(0, 40), status: "new", severity: null, sector: null, generative: null, model_provider: null, actor_role: null, occurred_month: null, assignee_id: null, case_id: null, supersedes: null, similar_to: null, similarity: null, duplicate_of: null, reference_match: null, minhash: toHex(sig), updated_at: now })
    .execute();
  const keys = [...new Set([...bands(sig), ...extraBands])];
  await db.kysely.insertInto("oversight_intake_bands").values(keys.map((band) => ({ org_id: ORG, band, intake_id: id }))).execute();
  return id;
}

const ORIGINAL = "A hiring screening model rejected applicants from one prefecture; the vendor trained it on ten years of past decisions that favoured city graduates, and nobody reviewed the rejections.";
const ACCOUNT = "A hiring screening model rejected applicants from one prefecture; the vendor trained it on ten years of past decisions that favoured city graduates, and no one reviewed the rejections.";

/**
 * De-duplication ranks the band candidates by shared bands before reading any report: a band that
 * hundreds of later reports share (common wording) must not hide a report about the same incident,
 * which shares several other bands with it.
 */
describe.each(testDatabases())("finding another organisation's account of the same incident ($name)", (database) => {
  let ctx: { db: Db; cleanup(): Promise<void> };
  let original: string;
  let query: Uint32Array;

  beforeAll(async () => {
    ctx = await database.open();
    await ctx.db.kysely.insertInto("organizations").values({ id: ORG, slug: "ppc", name_ja: "個人情報保護委員会", name_en: "PPC", settings: "{}", created_at: now, updated_at: now, version: 1 }).execute();
    original = await store(ctx.db, "https://a.example/orgs/bank", ORIGINAL);
    query = minhash(tokenize(ACCOUNT))!;
    // 120 later, unrelated reports that all share the account's first band, as common wording would.
    const common = bands(query)[0]!;
    for (let i = 0; i < 120; i++) await store(ctx.db, `https://a.example/orgs/o${i}`, `Unrelated report number ${i} about a chatbot answering with another customer's address ${i * 7919}`, [common]);
  });
  afterAll(() => ctx.cleanup());

  it("still finds the report about the same incident behind a band that many later reports share", async () => {
    const found = await mostSimilar(ctx.db.kysely, ORG, "https://a.example/orgs/insurer", query);
    expect(found?.id).toBe(original);
    expect(found!.similarity).toBeGreaterThanOrEqual(0.5);
  });

  it("names nothing when the only shared band is the common one", async () => {
    const unrelated = minhash(tokenize("Facial recognition at a station gate misidentified commuters wearing masks during the rainy season"))!;
    expect(await mostSimilar(ctx.db.kysely, ORG, "https://a.example/orgs/insurer", unrelated)).toBeUndefined();
  });

  it("never names the sender's own earlier report", async () => {
    expect(await mostSimilar(ctx.db.kysely, ORG, "https://a.example/orgs/bank", query)).toBeUndefined();
  });
});
