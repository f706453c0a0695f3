import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../../test/support/app.ts";
import { registerSystem } from "../../../test/support/compliance.ts";
import { testDatabases } from "../../../test/support/databases.ts";
import type { Db } from "../../db/connect.ts";
import { hasCorpus } from "./io.test-support.ts";
import { CARDS, fillFromExamples } from "./model-card.test-support.ts";

const haveCards = hasCorpus("the model-card API tests");
const SPEC_CARD = haveCards ? fillFromExamples(readFileSync(`${CARDS}/hf/modelcard.md`, "utf8")) : "";
const GOOGLE_CARD = haveCards ? readFileSync(`${CARDS}/google-mct/utils_testdata_cats_vs_dogs_v0_0_2.json`, "utf8") : "";

describe.skipIf(!haveCards).each(testDatabases())("systems.modelCard: POST /api/systems/:id/model-card ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;

  const upload = (systemId: string, card: string, opts: { token?: string; query?: string; file?: string } = {}) =>
    api.call("POST", `/api/systems/${systemId}/model-card${opts.query ? `?${opts.query}` : ""}`, {
      token: opts.token ?? org.tokens.governance_lead,
      rawBody: card,
      headers: { "content-type": "text/markdown", "x-file-name": opts.file ?? "README.md" },
    });
  const ledger = async () => ctx.db.kysely.selectFrom("audit_log").select(["seq", "action", "entity_id", "after_json"]).where("org_id", "=", org.orgId).orderBy("seq", "desc").execute();
  const system = async (id: string) => (await api.call("GET", `/api/systems/${id}`, { token: org.tokens.viewer })).body;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "cards");
    other = await seedOrg(ctx.db, "elsewhere");
  }, 120_000);
  afterAll(() => ctx.cleanup());

  it("previews by default: says what it would add, and writes nothing", async () => {
    const s = await registerSystem(api, org.tokens.admin, { nameJa: "音声認識", nameEn: "Speech recognition", models: [{ name: "existing", hosting: "cloud" }] });
    const before = (await ledger()).length;
    const res = await upload(s.id, SPEC_CARD, { query: "name=my-asr-model" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ format: "hf-model-card", applied: false, system: { id: s.id, code: s.code, version: s.version } });
    expect(res.body.changes).toEqual([
      { kind: "model", name: "my-asr-model", action: "add", fields: ["licence", "baseModel", "library", "languages", "tags", "evaluations"], replaced: {} },
      { kind: "dataset", name: "common_voice", action: "add", fields: [], replaced: {} },
    ]);
    expect(res.body.warnings.length).toBeGreaterThan(0);
    expect((await ledger()).length).toBe(before);
    expect((await system(s.id)).models).toEqual([{ name: "existing", hosting: "cloud" }]);
  });

  it("writes with apply=true through the system service: the ledger records the edit, every entry marked with the card it came from", async () => {
    const s = await registerSystem(api, org.tokens.admin, { nameJa: "音声認識2", nameEn: "Speech recognition 2" });
    const res = await upload(s.id, SPEC_CARD, { query: "apply=true&name=my-asr-model" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ applied: true, system: { version: s.version + 1 } });
    const stored = await system(s.id);
    const source = { format: "hf-model-card", name: "my-asr-model", file: "README.md" };
    expect(stored.models).toEqual([expect.objectContaining({ name: "my-asr-model", licence: "apache-2.0", evaluations: [expect.objectContaining({ metric: "wer", value: "20.90" })], importedFrom: [source] })]);
    expect(stored.models[0]).not.toHaveProperty("provider");
    expect(stored.datasets).toEqual([{ name: "common_voice", personalData: false, sensitiveData: false, importedFrom: [source] }]);
    const [last] = await ledger();
    expect(last).toMatchObject({ action: "system.updated", entity_id: s.id });
    expect(JSON.parse(last!.after_json!).models).toEqual(stored.models);
  });

  it("changes nothing, and records nothing, when the same card is applied again", async () => {
    const s = await registerSystem(api, org.tokens.admin, { nameJa: "再取込み", nameEn: "Re-import" });
    expect((await upload(s.id, SPEC_CARD, { query: "apply=true&name=my-asr-model" })).body.applied).toBe(true);
    const before = (await ledger()).length;
    const again = await upload(s.id, SPEC_CARD, { query: "apply=true&name=my-asr-model" });
    expect(again.body.applied).toBe(false);
    expect(again.body.changes.map((c: { action: string }) => c.action)).toEqual(["unchanged", "unchanged"]);
    expect((await ledger()).length).toBe(before);
  });

  it("accepts a Model Card Toolkit JSON card", async () => {
    const s = await registerSystem(api, org.tokens.admin, { nameJa: "画像分類", nameEn: "Image classifier" });
    const res = await upload(s.id, GOOGLE_CARD, { query: "apply=true", file: "model_card.json" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await system(s.id)).models[0]).toMatchObject({ name: "Fine-tuned MobileNetV2 Model for Cat vs. Dogs", version: "v1.0", provider: "Model Cards Team", importedFrom: [{ format: "google-model-card", file: "model_card.json" }] });
  });

  it("refuses a viewer, and a system owner on a system they do not own, but lets the owner import into their own", async () => {
    const theirs = await registerSystem(api, org.tokens.admin, { nameJa: "他人の", nameEn: "Someone else's" });
    const mine = await registerSystem(api, org.tokens.admin, { nameJa: "自分の", nameEn: "Mine", businessOwnerId: org.users.system_owner.id });
    expect((await upload(theirs.id, SPEC_CARD, { token: org.tokens.viewer, query: "name=m" })).status).toBe(403);
    expect((await upload(theirs.id, SPEC_CARD, { token: org.tokens.system_owner, query: "name=m" })).status).toBe(403);
    expect((await upload(mine.id, SPEC_CARD, { token: org.tokens.system_owner, query: "apply=true&name=m" })).body.applied).toBe(true);
  });

  it("answers 404 for another organisation's system", async () => {
    const theirs = await registerSystem(api, other.tokens.admin, { nameJa: "他社", nameEn: "Theirs" });
    const res = await upload(theirs.id, SPEC_CARD, { query: "apply=true&name=m" });
    expect(res.status).toBe(404);
    expect((await api.call("GET", `/api/systems/${theirs.id}`, { token: other.tokens.viewer })).body.models).toEqual([]);
  });

  it("refuses a stale version with 409, so what is applied is what was previewed", async () => {
    const s = await registerSystem(api, org.tokens.admin, { nameJa: "版", nameEn: "Versioned" });
    await api.call("PATCH", `/api/systems/${s.id}`, { token: org.tokens.admin, body: { version: s.version, purpose: "changed meanwhile" } });
    const res = await upload(s.id, SPEC_CARD, { query: `apply=true&name=m&version=${s.version}` });
    expect(res.status).toBe(409);
    expect((await system(s.id)).models).toEqual([]);
  });

  it("refuses malformed YAML with 422, an oversize card and an alias bomb with 413, each with words for the person", async () => {
    const s = await registerSystem(api, org.tokens.admin, { nameJa: "不正", nameEn: "Bad input" });
    const malformed = await upload(s.id, "---\nlicense: mit\nlicense: mit\n---\n", { query: "name=m" });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error).toMatchObject({ code: "import_invalid_card", details: { reason: "yaml", line: 3, message: { ja: expect.stringContaining("3行1列目") } } });
    const big = await upload(s.id, `---\nlicense: mit\n---\n${"x".repeat(1024 * 1024)}`, { query: "name=m" });
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: "import_too_large", details: { limit: "bytes" } });
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]"];
    const aliases = await upload(s.id, `---\n${bomb.join("\n")}\n---\n`, { query: "name=m" });
    expect(aliases.status).toBe(413);
    expect(aliases.body.error.details).toMatchObject({ limit: "yaml_aliases" });
    expect((await system(s.id)).models).toEqual([]);
  });

  it("round-trips what it imported through the system's own CycloneDX BOM into another system", async () => {
    const a = await registerSystem(api, org.tokens.admin, { nameJa: "元", nameEn: "Origin" });
    await upload(a.id, SPEC_CARD, { query: "apply=true&name=my-asr-model" });
    await upload(a.id, GOOGLE_CARD, { query: "apply=true", file: "model_card.json" });
    const origin = await system(a.id);
    const bom = (await api.call("GET", `/api/systems/${a.id}/bom`, { token: org.tokens.viewer })).body;
    const b = await registerSystem(api, org.tokens.admin, { nameJa: "先", nameEn: "Copy" });
    const res = await api.call("POST", `/api/systems/${b.id}/cyclonedx`, { token: org.tokens.admin, body: { bom, commit: true, version: b.version } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The BOM import keys models by bom-ref, which it records; everything else comes back as it was.
    expect(res.body.system.models.map(({ bomRef: _ref, ...m }: { bomRef?: string }) => m)).toEqual(origin.models);
    expect(res.body.system.datasets).toEqual(origin.datasets);
  });
});
