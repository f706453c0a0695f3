import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";

const DETECTED = "2026-11-20T00:30:00.000Z";
const OCCURRED = "2026-11-19T22:00:00.000Z";

/** Files the same incident (same instants) in an organisation set to `timezone`, with one corrective action. */
async function fileIn(api: TestApp, org: SeededOrg, timezone: string) {
  const admin = { token: org.tokens.admin };
  const current = (await api.call("GET", "/api/org", admin)).body;
  const patched = await api.call("PATCH", "/api/org", { ...admin, body: { version: current.version, settings: { timezone } } });
  expect(patched.status).toBe(200);
  const lead = { token: org.tokens.governance_lead };
  const inc = (await api.call("POST", "/api/incidents", { ...lead, body: { title: "チャットボットが誤った金利を案内", severity: "high", occurredAt: OCCURRED, detectedAt: DETECTED, personalData: "no" } })).body;
  await api.call("POST", `/api/incidents/${inc.id}/actions`, { ...lead, body: { kind: "corrective", title: "回答テンプレートの修正", assigneeId: org.users.governance_lead.id, dueOn: "2026-12-01" } });
  const { version } = (await api.call("GET", `/api/incidents/${inc.id}`, lead)).body;
  const updated = await api.call("PATCH", `/api/incidents/${inc.id}`, { ...lead, body: { version, status: "investigating" } });
  expect(updated.status).toBe(200);
  return inc as { id: string; createdAt: string };
}

async function html(api: TestApp, org: SeededOrg, id: string): Promise<string> {
  const res = await api.app.request(`/api/incidents/${id}/report?format=html`, { headers: { authorization: `Bearer ${org.tokens.viewer}` } });
  expect(res.status).toBe(200);
  return res.text();
}

describe.each(testDatabases())("incident report in the organisation's words and time ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let tokyo: SeededOrg;
  let berlin: SeededOrg;
  let inTokyo: { id: string; createdAt: string };
  let inBerlin: { id: string; createdAt: string };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    tokyo = await seedOrg(ctx.db, "report-tokyo");
    berlin = await seedOrg(ctx.db, "report-berlin");
    inTokyo = await fileIn(api, tokyo, "Asia/Tokyo");
    inBerlin = await fileIn(api, berlin, "Europe/Berlin");
  });
  afterAll(() => ctx.cleanup());

  it("shows the same detection instant in each organisation's zone, named, in Japanese and English", async () => {
    const t = await html(api, tokyo, inTokyo.id);
    expect(t).toContain("2026年11月20日 9:30 JST");
    expect(t).toContain("20 Nov 2026, 09:30 JST");
    expect(t).toContain("2026年11月20日 7:00 JST"); // occurred
    expect(t).toContain("組織のタイムゾーン（Asia/Tokyo）");
    const b = await html(api, berlin, inBerlin.id);
    expect(b).toContain("2026年11月20日 1:30 CET");
    expect(b).toContain("20 Nov 2026, 01:30 CET");
    expect(b).toContain("2026年11月19日 23:00 CET"); // occurred: the previous day in Berlin
    expect(b).toContain("Europe/Berlin");
    for (const doc of [t, b]) expect(doc).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it("names status, severity, channel, action kind and status in words, never the stored values", async () => {
    const doc = await html(api, tokyo, inTokyo.id);
    for (const words of ["調査中", "Investigating", "高", "High", "是正措置", "Corrective action", "未着手", "2026年12月1日", "due 1 Dec 2026"]) expect(doc).toContain(words);
    expect(doc).toContain("未対応 → 調査中");
    expect(doc).toContain("Open → Investigating");
    expect(doc).not.toContain("investigating · high");
    expect(doc).not.toContain("[corrective]");
    expect(doc).not.toContain("open → investigating");
    expect(doc).toContain("<th>登録経路<span class=\"en\">Reported through</span></th><td>API <span class=\"en\">API</span></td>");
  });

  it("keeps ISO instants in the JSON and adds the organisation's zone", async () => {
    const tokyoJson = (await api.call("GET", `/api/incidents/${inTokyo.id}/report`, { token: tokyo.tokens.viewer })).body;
    const berlinJson = (await api.call("GET", `/api/incidents/${inBerlin.id}/report`, { token: berlin.tokens.viewer })).body;
    expect(tokyoJson.timeZone).toBe("Asia/Tokyo");
    expect(berlinJson.timeZone).toBe("Europe/Berlin");
    expect(tokyoJson.incident).toMatchObject({ detectedAt: DETECTED, occurredAt: OCCURRED, status: "investigating", severity: "high", source: "api" });
    expect(berlinJson.incident.detectedAt).toBe(DETECTED);
  });

  it("dates the filing when the incident was recorded in Musubi, not when it was detected", async () => {
    const report = (await api.call("GET", `/api/incidents/${inTokyo.id}/report`, { token: tokyo.tokens.viewer })).body;
    expect(report.incident.recordedAt).toBe(inTokyo.createdAt);
    expect(report.incident.recordedAt).not.toBe(report.incident.detectedAt);
    const filed = report.timeline.find((e: { kind: string }) => e.kind === "filed");
    expect(filed.at).toBe(inTokyo.createdAt);
    const ats = report.timeline.map((e: { at: string }) => e.at);
    expect(ats).toEqual([...ats].sort());
    const doc = await html(api, tokyo, inTokyo.id);
    expect(doc).toContain("登録日時（Musubiへの記録）");
    expect(doc).toContain("Filed (recorded in Musubi)");
    expect(doc).toContain("検知日時");
  });
});
