import { describe, expect, it } from "vitest";
import { CONTROL_STATUSES } from "../compliance/statuses.ts";
import { RISK_STATUSES, RISK_TREATMENTS } from "../risks/risks.schema.ts";
import { LIFECYCLE } from "../systems/systems.schema.ts";
import { APPROVAL_STATUSES } from "../workflow/approvals.schema.ts";
import { TASK_KINDS, TASK_STATUSES } from "../workflow/tasks.schema.ts";
import { renderIncidentReportHtml } from "./report.html.ts";
import {
  ACTION_KIND_WORDS,
  ACTION_STATUS_WORDS,
  APPROVAL_STATUS_WORDS,
  channelWords,
  CONTROL_STATUS_WORDS,
  INCIDENT_STATUS_WORDS,
  LIFECYCLE_WORDS,
  RISK_STATUS_WORDS,
  RISK_TREATMENT_WORDS,
  SEVERITY_WORDS,
  TRISTATE_WORDS,
  UNKNOWN_WORDS,
  wordsFor,
} from "./report.labels.ts";
import { timelineOf } from "./report.ts";
import { INCIDENT_STATUSES, SEVERITIES, TRISTATE } from "./vocabulary.ts";

describe("incident report words", () => {
  const tables: [string, readonly string[], Record<string, { ja: string; en: string }>][] = [
    ["incident status", INCIDENT_STATUSES, INCIDENT_STATUS_WORDS],
    ["severity", SEVERITIES, SEVERITY_WORDS],
    ["yes/no/unknown", TRISTATE, TRISTATE_WORDS],
    ["action kind", TASK_KINDS, ACTION_KIND_WORDS],
    ["action status", TASK_STATUSES, ACTION_STATUS_WORDS],
    ["approval status", APPROVAL_STATUSES, APPROVAL_STATUS_WORDS],
    ["lifecycle", LIFECYCLE, LIFECYCLE_WORDS],
    ["risk status", RISK_STATUSES, RISK_STATUS_WORDS],
    ["risk treatment", RISK_TREATMENTS, RISK_TREATMENT_WORDS],
    ["control status", CONTROL_STATUSES, CONTROL_STATUS_WORDS],
  ];

  it.each(tables)("has Japanese and English words for every %s value, none of them the value itself", (_, values, table) => {
    expect(Object.keys(table).sort()).toEqual([...values].sort());
    for (const v of values) {
      expect(table[v]!.ja).toMatch(/[^\x00-\x7f]/);
      expect(table[v]!.en).not.toBe(v);
    }
  });

  it("names the channel: web form, API, or the monitoring tool by its own name", () => {
    expect(channelWords("web")).toEqual({ ja: "Webフォーム", en: "Web form" });
    expect(channelWords("api")).toEqual({ ja: "API", en: "API" });
    expect(channelWords("webhook:alertmanager")).toEqual({ ja: "監視ツール（alertmanager）", en: "Monitoring tool (alertmanager)" });
    expect(channelWords("carrier-pigeon")).toBe(UNKNOWN_WORDS);
  });

  it("says a value is unrecognised rather than showing it", () => {
    expect(wordsFor(SEVERITY_WORDS, "catastrophic")).toBe(UNKNOWN_WORDS);
    expect(wordsFor(SEVERITY_WORDS, "toString")).toBe(UNKNOWN_WORDS);
  });

  it("dates the filed entry at its recording and keeps the timeline in order", () => {
    const timeline = [
      { id: "a", at: "2026-11-20T00:30:00.000Z", kind: "filed", body: "t", author: null, createdAt: "2026-11-22T01:00:00.000Z" },
      { id: "b", at: "2026-11-21T00:00:00.000Z", kind: "note", body: "n", author: null, createdAt: "2026-11-22T02:00:00.000Z" },
    ];
    expect(timelineOf({ createdAt: "2026-11-22T01:00:00.000Z", timeline })).toEqual([
      { at: "2026-11-21T00:00:00.000Z", kind: "note", body: "n" },
      { at: "2026-11-22T01:00:00.000Z", kind: "filed", body: "t" },
    ]);
  });

  it("renders a monitoring-tool incident's channel and escapes the tool's name", () => {
    const html = renderIncidentReportHtml(minimalReport({ source: "webhook:<b>x</b>" }));
    expect(html).toContain("監視ツール（&lt;b&gt;x&lt;/b&gt;）");
    expect(html).not.toContain("webhook:");
  });
});

/** The smallest report the renderer accepts; fields a test cares about are overridden. */
function minimalReport(incident: Partial<Parameters<typeof renderIncidentReportHtml>[0]["incident"]>): Parameters<typeof renderIncidentReportHtml>[0] {
  return {
    format: "musubi-incident-report/1",
    generatedAt: "2026-11-20T00:30:00.000Z",
    generatedBy: { name: "n", email: "e@x.test" },
    timeZone: "Asia/Tokyo",
    reporter: { organisation: { nameJa: "組織", nameEn: "Org" }, contact: null },
    purposes: ["jp-ai-promotion-act"],
    legalBasis: [],
    incident: { id: "inc_1", code: "INC-000001", title: "t", summary: "", status: "open", severity: "low", occurredAt: null, detectedAt: "2026-11-20T00:30:00.000Z", recordedAt: "2026-11-20T00:30:00.000Z", closedAt: null, source: "web", ...incident },
    aiSystems: [],
    harm: { level: { id: "none", ja: "なし", en: "None" }, types: [], distributionBasis: [], livesLost: null, injuries: null, peopleAffected: null, affectedParties: "", rightsAffected: [] },
    classification: { mitAiRiskRepository: [] },
    personalData: { leaked: "no", dataSubjects: null, sensitive: "no", appiArticle26Check: false, note: { ja: "", en: "" } },
    timeline: [],
    rootCause: "",
    actions: [],
    linkedRisks: [],
    failedControls: [],
    similarPublicCases: [],
    ledger: { headSeq: 0, headHash: "", incidentEntries: [] },
    licences: [],
  };
}
