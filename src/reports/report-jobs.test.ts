import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, type SeededOrg } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { gunzipSync } from "node:zlib";
import { SystemCard } from "../disclosures/system-card.schema.ts";
import { reportsDir, sweepReportJobs } from "./report-jobs.ts";
import { download, openDemoWorld, readWorkbook, type DemoWorld } from "./reports.test-support.ts";

/** Polls a job until it leaves queued/running; returns every progress seen and the last view. */
async function waitForJob(world: DemoWorld, id: string, token: string) {
  const seen: { status: string; done: number; total: number; stage: string }[] = [];
  for (let i = 0; i < 1200; i++) {
    const res = await world.api.call("GET", `/api/reports/jobs/${id}`, { token });
    expect(res.status).toBe(200);
    seen.push({ status: res.body.status, ...res.body.progress });
    if (res.body.status === "done" || res.body.status === "failed") return { seen, job: res.body };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the job did not finish");
}

describe.each(testDatabases())("reports.jobs ($name)", (dialect) => {
  let world: DemoWorld;
  let other: SeededOrg;

  beforeAll(async () => {
    world = await openDemoWorld(dialect);
    other = await seedOrg(world.db, "other-org");
  }, 60_000);
  afterAll(() => world.cleanup());

  it("writes a board report in the background: 202, progress that moves to done, then the file", async () => {
    const start = await world.api.call("POST", "/api/reports/jobs", { token: world.tokens.viewer, body: { kind: "board", format: "pdf", lang: "ja" } });
    expect(start.status).toBe(202);
    expect(start.body).toMatchObject({ kind: "board", format: "pdf", lang: "ja", status: "queued", file: null, progress: { done: 0, total: 4, stage: "queued", label: { ja: "開始待ち", en: "Waiting to start" } } });
    const { seen, job } = await waitForJob(world, start.body.id, world.tokens.viewer!);
    expect(job).toMatchObject({ status: "done", progress: { done: 4, total: 4, stage: "done", label: { ja: "完了", en: "Done" } }, error: null, file: { name: expect.stringMatching(/^board-report-.*-ja\.pdf$/), href: `/api/reports/jobs/${start.body.id}/file` } });
    const dones = seen.map((s) => s.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    const { res, bytes } = await download(world.api, job.file.href, world.tokens.admin!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBe(job.file.size);
    // Stored under the organisation's own folder of the data directory.
    expect(fs.readdirSync(reportsDir(world.dataDir, world.orgId))).toContain(`${start.body.id}.pdf`);
  });

  it("exports every system card as gzip-compressed JSON Lines, with progress counting the cards", async () => {
    const systems = await world.db.kysely.selectFrom("ai_systems").select("code").where("org_id", "=", world.orgId).orderBy("code").execute();
    const refused = await world.api.call("POST", "/api/reports/jobs", { token: world.tokens.viewer, body: { kind: "board", format: "jsonl" } });
    expect(refused.status).toBe(400);
    const start = await world.api.call("POST", "/api/reports/jobs", { token: world.tokens.viewer, body: { kind: "system-cards" } });
    expect(start.status).toBe(202);
    expect(start.body).toMatchObject({ kind: "system-cards", format: "jsonl" });
    const { job } = await waitForJob(world, start.body.id, world.tokens.viewer!);
    expect(job).toMatchObject({ status: "done", progress: { done: systems.length + 1, total: systems.length + 1 }, file: { name: expect.stringMatching(/^system-cards-\d{4}-\d{2}-\d{2}\.jsonl\.gz$/) } });
    const { res, bytes } = await download(world.api, job.file.href, world.tokens.admin!);
    expect(res.headers.get("content-type")).toBe("application/gzip");
    const lines = gunzipSync(bytes).toString("utf8").trimEnd().split("\n").map((l) => SystemCard.parse(JSON.parse(l)));
    expect(lines.map((c) => c.system.code)).toEqual(systems.map((s) => s.code));
  });

  it("writes a compliance workbook as a job", async () => {
    const start = await world.api.call("POST", "/api/reports/jobs", { token: world.tokens.caio, body: { kind: "compliance", params: { framework: "jp-ai-guidelines" }, format: "xlsx", lang: "en" } });
    expect(start.status).toBe(202);
    const { job } = await waitForJob(world, start.body.id, world.tokens.caio!);
    expect(job.status).toBe("done");
    const book = await readWorkbook((await download(world.api, job.file.href, world.tokens.caio!)).bytes);
    expect([...book.keys()]).toEqual(["Summary", "Systems", "Gaps", "Evidence"]);
  });

  it("answers 404 for another organisation's job and its file, even to that organisation's admin", async () => {
    const start = await world.api.call("POST", "/api/reports/jobs", { token: world.tokens.admin, body: { kind: "compliance", params: { framework: "jp-ai-guidelines" }, format: "pdf" } });
    await waitForJob(world, start.body.id, world.tokens.admin!);
    const job = await world.api.call("GET", `/api/reports/jobs/${start.body.id}`, { token: other.tokens.admin });
    expect(job.status).toBe(404);
    expect(job.body.error.code).toBe("not_found");
    const file = await world.api.call("GET", `/api/reports/jobs/${start.body.id}/file`, { token: other.tokens.admin });
    expect(file.status).toBe(404);
  });

  it("refuses a second job while one is running in the organisation, and a file before it is written", async () => {
    const now = new Date().toISOString();
    await world.db.kysely.insertInto("report_jobs").values({ id: "rpt_running", org_id: world.orgId, kind: "board", params: "{}", format: "pdf", lang: "ja", status: "running", stage: "reading", done: 0, total: 4, file_name: null, file_size: null, error: null, created_by: null, created_at: now, updated_at: now, finished_at: null }).execute();
    const second = await world.api.call("POST", "/api/reports/jobs", { token: world.tokens.viewer, body: { kind: "board", format: "pdf" }, headers: { "accept-language": "ja" } });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: "report_in_progress", message: expect.stringContaining("作成中") });
    const early = await world.api.call("GET", "/api/reports/jobs/rpt_running/file", { token: world.tokens.viewer });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("report_not_ready");
    // Another organisation is not held up by this one's job.
    const elsewhere = await world.api.call("POST", "/api/reports/jobs", { token: other.tokens.viewer, body: { kind: "board", format: "xlsx" } });
    expect(elsewhere.status).toBe(202);
    await waitForJob(world, elsewhere.body.id, other.tokens.viewer);
    await world.db.kysely.deleteFrom("report_jobs").where("id", "=", "rpt_running").execute();
  });

  it("checks the request before opening a job: an unknown framework or a bad period is a 400", async () => {
    const framework = await world.api.call("POST", "/api/reports/jobs", { token: world.tokens.viewer, body: { kind: "compliance", params: { framework: "nope" }, format: "pdf" } });
    expect(framework.status).toBe(400);
    expect(framework.body.error.details[0]).toMatchObject({ field: "query.framework", code: "unknown_framework" });
    const period = await world.api.call("POST", "/api/reports/jobs", { token: world.tokens.viewer, body: { kind: "board", params: { from: "2026-05-01", to: "2026-01-01" }, format: "pdf" } });
    expect(period.status).toBe(400);
    const kind = await world.api.call("POST", "/api/reports/jobs", { token: world.tokens.viewer, body: { kind: "haip", format: "pdf" } });
    expect(kind.status).toBe(400);
    const missing = await world.api.call("POST", "/api/reports/jobs", { token: world.tokens.viewer, body: { kind: "compliance", format: "pdf" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0]).toMatchObject({ field: "body.params.framework", code: "required" });
  });

  it("marks a job its process abandoned as failed, and removes jobs and files after a day", async () => {
    const old = new Date(Date.now() - 25 * 3600 * 1000).toISOString();
    const stale = new Date(Date.now() - 20 * 60 * 1000).toISOString();
    const row = { org_id: world.orgId, kind: "board", params: "{}", format: "pdf", lang: "ja", done: 0, total: 4, file_size: null, error: null, created_by: null, finished_at: null };
    await world.db.kysely.insertInto("report_jobs").values([
      { ...row, id: "rpt_stale", status: "running", stage: "rendering", file_name: null, created_at: stale, updated_at: stale },
      { ...row, id: "rpt_old", status: "done", stage: "done", file_name: "old.pdf", created_at: old, updated_at: old },
    ]).execute();
    const dir = reportsDir(world.dataDir, world.orgId);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "rpt_old.pdf"), "%PDF-");
    expect(await sweepReportJobs({ db: world.db, dataDir: world.dataDir })).toBe(1);
    expect(fs.existsSync(path.join(dir, "rpt_old.pdf"))).toBe(false);
    expect((await world.api.call("GET", "/api/reports/jobs/rpt_old", { token: world.tokens.viewer })).status).toBe(404);
    const abandoned = await world.api.call("GET", "/api/reports/jobs/rpt_stale", { token: world.tokens.viewer });
    expect(abandoned.body).toMatchObject({ status: "failed", error: { code: "internal" } });
  });
});
