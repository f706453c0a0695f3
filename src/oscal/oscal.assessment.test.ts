import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { itemsOf, JP_BUSINESS_PROFILE, registerSystem, startAssessment } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { getLibrary } from "../library/library.runtime.ts";
import { MUSUBI_NS } from "./oscal.common.ts";
import { assessmentToResults } from "./oscal.assessment.ts";
import { haveOscalCorpus, schemaErrors } from "./oscal.schemas.test-support.ts";
import { readAssessmentForExport } from "./oscal.store.ts";

const library = getLibrary();
const status = (props: { name: string; ns?: string; value: string }[] | undefined) => props?.find((p) => p.ns === MUSUBI_NS && p.name === "status")?.value;

describe.each(testDatabases())("oscal.assessment ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let assessmentId: string;
  let evidenceIds: string[];
  const admin = () => org.tokens.admin;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "oscal");
    other = await seedOrg(ctx.db, "oscal-other");
    const system = await registerSystem(api, admin(), { nameJa: "与信審査AI", nameEn: "Credit scoring AI", profile: JP_BUSINESS_PROFILE, lifecycle: "deployed" });
    assessmentId = (await startAssessment(api, admin(), system.id, "jp-ai-guidelines")).id;
    const [first, second, third, fourth] = await itemsOf(api, admin(), assessmentId);
    const answer = async (row: { id: string; version: number }, body: Record<string, unknown>) => {
      const res = await api.call("PATCH", `/api/assessment-items/${row.id}`, { token: admin(), body: { version: row.version, ...body } });
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    };
    await answer(first!, { status: "met", comment: "社内規程で対応済み" });
    await answer(second!, { status: "not_applicable", justification: "Not used with people's data" });
    await answer(third!, { status: "not_met" });
    const control = await api.call("POST", "/api/controls", { token: admin(), body: { code: "CTL-01", titleJa: "AI利用規程", titleEn: "AI use policy", status: "met", requirements: [fourth!.requirement.urn] } });
    const onItem = await api.call("POST", "/api/evidence", { token: admin(), body: { kind: "link", title: "研修記録", url: "https://intranet.example/training", validUntil: "2030-03-31", links: [{ type: "item", id: first!.id }] } });
    const onControl = await api.call("POST", "/api/evidence", { token: admin(), body: { kind: "note", title: "Policy approved by the board", note: "Minutes of 2026-04-01", links: [{ type: "control", id: control.body.id }] } });
    evidenceIds = [onItem.body.id, onControl.body.id];
  });
  afterAll(() => ctx.cleanup());

  const exportIt = async (orgId = org.orgId) => assessmentToResults(library, await readAssessmentForExport(ctx.db.kysely, orgId, assessmentId));

  it.skipIf(!haveOscalCorpus())("exports assessment-results the official OSCAL 1.2.1 schema accepts", async () => {
    expect(schemaErrors("assessment-results", await exportIt())).toEqual([]);
  });

  it("gives one result with a finding and an observation per applicable requirement, statuses as recorded", async () => {
    const doc = (await exportIt())["assessment-results"];
    const rows = await itemsOf(api, admin(), assessmentId);
    expect(doc.results.length).toBe(1);
    const [result] = doc.results;
    expect(result!.findings.length).toBe(rows.length);
    expect(result!.observations.length).toBe(rows.length);
    expect(result!["reviewed-controls"]["control-selections"][0]!["include-controls"]!.map((c) => c["control-id"])).toEqual(rows.map((r) => library.nodes.get(r.requirement.urn)!.node.id));
    const byStatus = (s: string) => result!.findings.find((f) => status(f.props) === s)!;
    expect(byStatus("met").target).toMatchObject({ type: "objective-id", status: { state: "satisfied", reason: "pass" }, "implementation-status": { state: "implemented" } });
    expect(byStatus("not_met").target).toMatchObject({ status: { state: "not-satisfied", reason: "fail" } });
    expect(byStatus("not_applicable").target).toMatchObject({ status: { state: "satisfied", reason: "other" }, "implementation-status": { state: "not-applicable" } });
    expect(result!.findings.filter((f) => status(f.props) === "not_started").every((f) => f.target.status.state === "not-satisfied")).toBe(true);
    const na = result!.observations.find((o) => status(o.props) === "not_applicable")!;
    expect(na.remarks).toContain("Not used with people's data");
    for (const f of result!.findings) expect(result!.observations.map((o) => o.uuid)).toContain(f["related-observations"]![0]!["observation-uuid"]);
  });

  it("names the assessed AI system as the subject of every observation", async () => {
    const [result] = (await exportIt())["assessment-results"].results;
    const [component] = result!["local-definitions"].components;
    expect(component).toMatchObject({ type: "this-system", title: "与信審査AI / Credit scoring AI", status: { state: "operational" } });
    for (const o of result!.observations) expect(o.subjects).toEqual([{ "subject-uuid": component!.uuid, type: "component", title: "与信審査AI / Credit scoring AI" }]);
  });

  it("links the evidence of a row and of the controls mapped to it to back-matter resources", async () => {
    const doc = (await exportIt())["assessment-results"];
    const resources = doc["back-matter"].resources;
    const evidence = resources.filter((r) => r.props?.some((p) => p.name === "type" && p.value === "evidence"));
    expect(evidence.map((r) => r.title).sort()).toEqual(["Policy approved by the board", "研修記録"]);
    expect(evidence.find((r) => r.title === "研修記録")!.rlinks).toEqual([{ href: "https://intranet.example/training" }]);
    const links = doc.results[0]!.observations.flatMap((o) => (o["relevant-evidence"] ?? []).map((e) => ({ href: e.href, via: e.props?.find((p) => p.name === "linked-via")?.value })));
    expect(links.map((l) => l.via).sort()).toEqual(["control", "item"]);
    for (const l of links) expect(resources.map((r) => `#${r.uuid}`)).toContain(l.href);
    expect(evidenceIds.length).toBe(2);
  });

  it("exports the same data to the same document", async () => {
    expect(JSON.stringify(await exportIt())).toBe(JSON.stringify(await exportIt()));
  });

  it("does not find the assessment for another organisation", async () => {
    await expect(exportIt(other.orgId)).rejects.toMatchObject({ status: 404, code: "not_found" });
  });
});
