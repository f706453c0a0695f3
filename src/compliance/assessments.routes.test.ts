import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { itemsOf, JP_BUSINESS_PROFILE, registerSystem, startAssessment } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { readAllCounters } from "./counters.ts";
import { expectedCounters } from "./counters.recount.ts";

describe.each(testDatabases())("assessments, controls and evidence ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let systemId: string;
  const admin = () => org.tokens.admin;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "assess");
    const s = await registerSystem(api, admin(), { nameJa: "与信審査AI", nameEn: "Credit scoring AI", profile: JP_BUSINESS_PROFILE, lifecycle: "deployed" });
    systemId = s.id;
  });
  afterAll(() => ctx.cleanup());

  it("classifies the system's frameworks in scope from its profile", async () => {
    const res = await api.call("GET", `/api/systems/${systemId}`, { token: org.tokens.viewer });
    expect(res.body.frameworks).toEqual(expect.arrayContaining(["jp-ai-promotion-act", "jp-ai-guidelines", "jp-appi"]));
  });

  it("starts an assessment with one row per applicable requirement, and refuses a second or one out of scope", async () => {
    const a = await startAssessment(api, admin(), systemId, "jp-ai-guidelines");
    const report = await api.call("GET", `/api/systems/${systemId}/applicability`, { token: admin() });
    const expected = report.body.requirements.filter((r: { framework: string }) => r.framework === "jp-ai-guidelines").map((r: { urn: string }) => r.urn);
    const rows = await itemsOf(api, admin(), a.id);
    expect(rows.map((r) => r.requirement.urn).sort()).toEqual([...expected].sort());
    expect(a.total).toBe(expected.length);
    expect(a.counts.not_started).toBe(expected.length);
    const again = await api.call("POST", `/api/systems/${systemId}/assessments`, { token: admin(), body: { framework: "jp-ai-guidelines" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("assessment_exists");
    const out = await api.call("POST", `/api/systems/${systemId}/assessments`, { token: admin(), body: { framework: "eu-ai-act" } });
    expect(out.status).toBe(422);
    expect(out.body.error.code).toBe("not_in_scope");
  });

  it("answers a row, requires a justification for not applicable, and refuses a stale version", async () => {
    const [a] = (await api.call("GET", `/api/systems/${systemId}/assessments`, { token: admin() })).body.items;
    const [first, second] = await itemsOf(api, admin(), a.id);
    const ok = await api.call("PATCH", `/api/assessment-items/${first!.id}`, { token: admin(), body: { version: first!.version, status: "met", comment: "社内規程で対応済み" } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ answer: "met", effective: "met", answerSource: "person", comment: "社内規程で対応済み" });
    const stale = await api.call("PATCH", `/api/assessment-items/${first!.id}`, { token: admin(), body: { version: first!.version, status: "not_met" } });
    expect(stale.status).toBe(409);
    const noWhy = await api.call("PATCH", `/api/assessment-items/${second!.id}`, { token: admin(), body: { version: second!.version, status: "not_applicable" } });
    expect(noWhy.status).toBe(400);
    expect(noWhy.body.error.details[0].field).toBe("body.justification");
    const after = (await api.call("GET", `/api/assessments/${a.id}`, { token: admin() })).body;
    expect(after.counts.met).toBe(1);
  });

  it("lets a mapped control speak for every unanswered row, and a person's answer still wins", async () => {
    const [a] = (await api.call("GET", `/api/systems/${systemId}/assessments`, { token: admin() })).body.items;
    const rows = await itemsOf(api, admin(), a.id);
    const answered = rows.find((r) => r.answer === "met")!;
    const open = rows.find((r) => r.answer === null)!;
    const ctl = await api.call("POST", "/api/controls", {
      token: admin(),
      body: { code: "CTL-1", titleJa: "AI利用規程", titleEn: "AI use policy", requirements: [open.requirement.urn, answered.requirement.urn], status: "in_progress" },
    });
    expect(ctl.status).toBe(201);
    let now = await itemsOf(api, admin(), a.id);
    expect(now.find((r) => r.id === open.id)!.effective).toBe("in_progress");
    const met = await api.call("PATCH", `/api/controls/${ctl.body.id}`, { token: admin(), body: { version: ctl.body.version, status: "not_met" } });
    expect(met.status).toBe(200);
    now = await itemsOf(api, admin(), a.id);
    expect(now.find((r) => r.id === open.id)!.effective).toBe("not_met");
    expect(now.find((r) => r.id === answered.id)!.effective).toBe("met");
    expect(now.find((r) => r.id === open.id)!.controls).toHaveLength(1);
  });

  it("stores an evidence file content-addressed, records its SHA-256 and serves it back", async () => {
    const bytes = new TextEncoder().encode("規程 v1.0\n");
    const up = await api.app.request("/api/files", { method: "POST", headers: { authorization: `Bearer ${admin()}`, "x-file-name": encodeURIComponent("AI利用規程.txt"), "content-type": "text/plain" }, body: bytes });
    expect(up.status).toBe(201);
    const file = await up.json();
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const ctl = (await api.call("GET", "/api/controls?q=CTL-1", { token: admin() })).body.items[0];
    const ev = await api.call("POST", "/api/evidence", { token: admin(), body: { kind: "file", title: "AI利用規程", file: { sha256: file.sha256, name: file.name, mediaType: "text/plain" }, validUntil: "2026-12-01", links: [{ type: "control", id: ctl.id }] } });
    expect(ev.status).toBe(201);
    expect(ev.body.file).toMatchObject({ sha256: file.sha256, size: bytes.byteLength });
    const entry = await ctx.db.kysely.selectFrom("audit_log").selectAll().where("action", "=", "evidence.created").executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json!).sha256).toBe(file.sha256);
    const down = await api.app.request(`/api/evidence/${ev.body.id}/file`, { headers: { authorization: `Bearer ${org.tokens.viewer}` } });
    expect(down.status).toBe(200);
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(bytes);
    expect(down.headers.get("content-disposition")).toContain("filename*=UTF-8''AI%E5%88%A9%E7%94%A8%E8%A6%8F%E7%A8%8B.txt");
    const missing = await api.call("POST", "/api/evidence", { token: admin(), body: { kind: "file", title: "x", file: { sha256: "0".repeat(64), name: "x" } } });
    expect(missing.status).toBe(400);
  });

  it("refuses an upload over the limit with 413 and stores nothing", async () => {
    const small = testApp(ctx.db, ctx.dataDir, { uploadLimitBytes: 16 });
    const res = await small.app.request("/api/files", { method: "POST", headers: { authorization: `Bearer ${admin()}`, "x-file-name": "big.bin" }, body: new Uint8Array(64) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });

  it("proposes statuses for another framework through the crosswalks and never overwrites a person's answer", async () => {
    const target = await startAssessment(api, admin(), systemId, "nist-ai-rmf");
    const [source] = (await api.call("GET", `/api/systems/${systemId}/assessments`, { token: admin() })).body.items.filter((x: { framework: string }) => x.framework === "jp-ai-guidelines");
    for (const row of await itemsOf(api, admin(), source.id)) {
      if (row.answerSource === "person") continue;
      const r = await api.call("PATCH", `/api/assessment-items/${row.id}`, { token: admin(), body: { version: row.version, status: "met" } });
      expect(r.status).toBe(200);
    }
    const preview = await api.call("GET", `/api/assessments/${target.id}/inference?from=${source.id}`, { token: admin() });
    expect(preview.status).toBe(200);
    expect(preview.body.proposals.length).toBeGreaterThan(0);
    const p = preview.body.proposals[0];
    expect(p.chain.length).toBeGreaterThan(0);
    expect(p.chain[0].from).toBe(p.source.requirement.urn);
    expect(p.chain.at(-1).to).toBe(p.requirement.urn);
    expect(["met", "partially_met"]).toContain(p.proposed);
    // A person answers one proposed row before the proposals are accepted.
    const rows = await itemsOf(api, admin(), target.id);
    const personal = rows.find((r) => r.id === p.itemId)!;
    await api.call("PATCH", `/api/assessment-items/${personal.id}`, { token: admin(), body: { version: personal.version, status: "not_met" } });
    const accept = await api.call("POST", `/api/assessments/${target.id}/inference`, { token: admin(), body: { from: source.id, itemIds: preview.body.proposals.map((x: { itemId: string }) => x.itemId) } });
    expect(accept.status).toBe(200);
    expect(accept.body.accepted).toBe(preview.body.proposals.length - 1);
    const after = await itemsOf(api, admin(), target.id);
    expect(after.find((r) => r.id === personal.id)).toMatchObject({ answer: "not_met", answerSource: "person" });
    expect(after.filter((r) => r.answerSource === "inferred")).toHaveLength(accept.body.accepted);
  });

  it("marks rows new or no longer applicable when the profile changes, keeping the answers", async () => {
    const sys = (await api.call("GET", `/api/systems/${systemId}`, { token: admin() })).body;
    const [appi] = [await startAssessment(api, admin(), systemId, "jp-appi")];
    const before = await itemsOf(api, admin(), appi.id);
    const row = before[0]!;
    await api.call("PATCH", `/api/assessment-items/${row.id}`, { token: admin(), body: { version: row.version, status: "partially_met", comment: "keep me" } });
    const off = await api.call("PATCH", `/api/systems/${systemId}`, { token: admin(), body: { version: sys.version, profile: { ...JP_BUSINESS_PROFILE, personalData: false } } });
    expect(off.status).toBe(200);
    const gone = await itemsOf(api, admin(), appi.id, "&includeRemoved=true");
    const kept = gone.find((r) => r.id === row.id)!;
    expect(kept).toMatchObject({ applicable: false, change: "removed", answer: "partially_met" });
    const summary = (await api.call("GET", `/api/assessments/${appi.id}`, { token: admin() })).body;
    expect(summary.changes.removed).toBeGreaterThan(0);
    const on = await api.call("PATCH", `/api/systems/${systemId}`, { token: admin(), body: { version: off.body.version, profile: JP_BUSINESS_PROFILE } });
    expect(on.status).toBe(200);
    const back = (await itemsOf(api, admin(), appi.id)).find((r) => r.id === row.id)!;
    expect(back).toMatchObject({ applicable: true, change: "new", answer: "partially_met" });
  });

  it("signs off only when every row is answered, and a change withdraws the sign-off", async () => {
    const [a] = (await api.call("GET", `/api/systems/${systemId}/assessments`, { token: admin() })).body.items.filter((x: { framework: string }) => x.framework === "jp-ai-guidelines");
    const byOwner = await api.call("POST", `/api/assessments/${a.id}/sign-off`, { token: org.tokens.system_owner, body: { version: a.version } });
    expect(byOwner.status).toBe(403);
    const rows = await itemsOf(api, admin(), a.id);
    const open = rows.find((r) => r.effective === "not_started" || r.effective === "in_progress");
    expect(open).toBeUndefined(); // every row was answered in the inference case above
    const signed = await api.call("POST", `/api/assessments/${a.id}/sign-off`, { token: org.tokens.reviewer, body: { version: a.version, note: "確認済み" } });
    expect(signed.status).toBe(200);
    expect(signed.body.signedOff).toMatchObject({ by: { id: org.users.reviewer.id }, note: "確認済み" });
    const row = rows[0]!;
    await api.call("PATCH", `/api/assessment-items/${row.id}`, { token: admin(), body: { version: row.version, status: "in_progress" } });
    const withdrawn = (await api.call("GET", `/api/assessments/${a.id}`, { token: admin() })).body;
    expect(withdrawn.signedOff).toBeNull();
    const refused = await api.call("POST", `/api/assessments/${a.id}/sign-off`, { token: org.tokens.reviewer, body: { version: withdrawn.version } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "assessment_incomplete", details: { open: 1 } });
  });

  it("shows the organisation's posture on the dashboard from the counters", async () => {
    const res = await api.call("GET", "/api/dashboard", { token: org.tokens.viewer });
    expect(res.status).toBe(200);
    const g = res.body.frameworks.find((f: { framework: string }) => f.framework === "jp-ai-guidelines");
    const [a] = (await api.call("GET", `/api/systems/${systemId}/assessments`, { token: admin() })).body.items.filter((x: { framework: string }) => x.framework === "jp-ai-guidelines");
    expect(g.counts).toEqual(a.counts);
    expect(g.inScope).toBe(1);
    expect(g.assessed).toBe(1);
    expect(res.body.lifecycle.find((l: { value: string }) => l.value === "deployed").n).toBe(1);
    expect(res.body.expiringEvidence.count).toBe(1);
  });

  it("keeps every running counter equal to a recount from the rows after all of the above", async () => {
    const running = await readAllCounters(ctx.db.kysely, org.orgId);
    running.delete("sequence");
    expect(running).toEqual(await expectedCounters(ctx.db.kysely, org.orgId));
    expect(running.size).toBeGreaterThan(4);
  });
});
