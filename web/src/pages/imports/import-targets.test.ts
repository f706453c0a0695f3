import { afterEach, describe, expect, it, vi } from "vitest";
import { INCIDENT_FIELDS } from "../../../../src/incidents/incidents.import.ts";
import { incidentCommitBody, incidentImportOptions, incidentValuesBody } from "../../../../src/incidents/incidents.import.service.ts";
import { REFERENCE_FIELDS } from "../../../../src/incidents/reference.import.ts";
import { referenceCommitBody, referenceImportBody } from "../../../../src/incidents/reference.import.service.ts";
import { commitBody, importOptions } from "../../../../src/systems/imports.schema.ts";
import { INCIDENT_STATUSES, referenceIncidentsApi, SEVERITIES } from "../../api/incidents.ts";
import { IMPORT_FIELDS } from "../../api/systems.ts";
import { en } from "../../i18n/en.ts";
import { ja } from "../../i18n/ja.ts";
import { duplicateFields, missingFields } from "./import-model.ts";
import { fieldKey, INCIDENT_IMPORT, incidentSettings, occurredText, REFERENCE_IMPORT, referenceSettings, rowsToWrite, SYSTEM_IMPORT, type ImportTarget, type SampleWords, type WizardSettings } from "./import-targets.ts";

const TARGETS: readonly ImportTarget[] = [SYSTEM_IMPORT, INCIDENT_IMPORT, REFERENCE_IMPORT];
const words: SampleWords = { label: (prefix, value) => `${prefix}${value}`, dateTime: (iso) => `at ${iso}`, day: (d) => `on ${d}` };

describe.each(TARGETS)("the $kind import target", (target) => {
  it("names every field it offers, and every value of its closed sets, in both languages", () => {
    const keys = [
      ...target.fields.map((f) => fieldKey(target, f)),
      ...Object.values(target.choices).flatMap((c) => c!.values.map((v) => `${c!.prefix}${v}`)),
      ...Object.values(target.words),
      ...target.sample.flatMap((c) => [c.header, ...(c.empty ? [c.empty] : [])]),
      target.back.label,
      target.finish.label,
    ];
    expect(keys.filter((k) => !(k in en) || !(k in ja))).toEqual([]);
  });

  it("requires, lists values of and merges only fields it has", () => {
    expect(target.required.every((f) => target.fields.includes(f))).toBe(true);
    expect([...target.listFields].every((f) => target.fields.includes(f))).toBe(true);
    expect([...target.mergedFields].every((f) => target.listFields.has(f))).toBe(true);
    expect(Object.keys(target.choices).every((f) => target.fields.includes(f) && target.hasValues(f))).toBe(true);
  });
});

describe("the inventory's import target", () => {
  it("is the wizard as it always was: both names required, upsert, creation, presets and custom fields offered", () => {
    expect(SYSTEM_IMPORT.fields).toEqual(IMPORT_FIELDS);
    expect(SYSTEM_IMPORT.required).toEqual(["nameJa", "nameEn"]);
    expect(SYSTEM_IMPORT.requiredToPreview).toBe(false);
    expect(SYSTEM_IMPORT.offers).toEqual({ upsert: true, createMissing: true, presets: true, customFields: true, source: false });
    expect(SYSTEM_IMPORT.mergedFields).toEqual(SYSTEM_IMPORT.listFields);
    expect(SYSTEM_IMPORT.leavesOutInvalid).toBe(false);
    expect(SYSTEM_IMPORT.hasValues("lifecycle")).toBe(true);
    expect(SYSTEM_IMPORT.hasValues("custom.legal_basis")).toBe(true);
    expect(SYSTEM_IMPORT.hasValues("profile")).toBe(false);
    expect(fieldKey(SYSTEM_IMPORT, "nameJa")).toBe("imports.field.nameJa");
    expect(SYSTEM_IMPORT.back.to).toBe("/systems");
    expect(SYSTEM_IMPORT.finish.to).toBe("/systems");
    expect(SYSTEM_IMPORT.pageTestId).toBe("page-import");
  });

  it("shows a system's code (or that it will be numbered), names, lifecycle and tags in the sample", () => {
    const row = { line: 2, code: "", nameJa: "与信審査", nameEn: "Credit scoring", lifecycle: "deployed", tags: ["hr", "scoring"] };
    expect(SYSTEM_IMPORT.sample.map((c) => c.cell(row, words))).toEqual(["", "与信審査", "Credit scoring", "systems.lifecycle.deployed", "hr, scoring"]);
    expect(SYSTEM_IMPORT.sample[0]!.empty).toBe("imports.autoCode");
  });
});

describe("the incident register's import target", () => {
  it("offers exactly the server's incident fields, requires a title and offers nothing the inventory adds", () => {
    expect(INCIDENT_IMPORT.fields).toEqual(INCIDENT_FIELDS);
    expect(INCIDENT_IMPORT.required).toEqual(["title"]);
    expect(INCIDENT_IMPORT.requiredToPreview).toBe(true);
    expect(INCIDENT_IMPORT.offers).toEqual({ upsert: false, createMissing: false, presets: false, customFields: false, source: false });
    expect(INCIDENT_IMPORT.leavesOutInvalid).toBe(false);
    expect(INCIDENT_IMPORT.fields.filter((f) => INCIDENT_IMPORT.hasValues(f))).toEqual(["severity", "status"]);
    expect(INCIDENT_IMPORT.choices.severity?.values).toEqual(SEVERITIES);
    expect(INCIDENT_IMPORT.choices.status?.values).toEqual(INCIDENT_STATUSES);
    expect(INCIDENT_IMPORT.back).toEqual({ to: "/incidents", label: "nav.incidents" });
    expect(INCIDENT_IMPORT.finish.to).toBe("/incidents");
  });

  it("misses the title until a column feeds it, and lets no field take two columns", () => {
    expect(missingFields([{ column: "重大度", field: "severity" }], INCIDENT_IMPORT.required)).toEqual(["title"]);
    expect(missingFields([{ column: "件名", field: "title" }], INCIDENT_IMPORT.required)).toEqual([]);
    const mapping = [
      { column: "件名", field: "title" },
      { column: "見出し", field: "title" },
      { column: "概要", field: "summary" },
    ];
    expect(duplicateFields(mapping, INCIDENT_IMPORT.listFields)).toEqual(["title"]);
  });

  it("sends the server only what it takes: reading options and the mapping with its translations", () => {
    const settings: WizardSettings = {
      mapping: [{ column: "重大度", field: "severity", values: { P9: "high" }, split: ";" }, { column: "件名", field: "title" }],
      encoding: "shift_jis",
      headerRow: 2,
      skipRows: "3-4",
      upsertBy: "code",
      createMissing: ["owners"],
    };
    const body = incidentSettings(settings);
    expect(body).toEqual({ encoding: "shift_jis", headerRow: 2, skipRows: "3-4", mapping: [{ column: "重大度", field: "severity", values: { P9: "high" } }, { column: "件名", field: "title" }] });
    expect(incidentImportOptions.safeParse(body).success).toBe(true);
    // The same settings are what the inventory's import takes, upsert and creation included.
    expect(importOptions.safeParse({ ...settings, mapping: [{ column: "名称", field: "nameJa" }] }).success).toBe(true);
  });

  it("shows the id (or that there is none), title, severity, status and the date as precisely as the register gives it", () => {
    const row = { line: 3, externalId: null, title: "採用スコアの偏り", severity: "high", status: "investigating", occurredOn: "2022-03", occurredAt: null };
    expect(INCIDENT_IMPORT.sample.map((c) => c.cell(row, words))).toEqual(["", "採用スコアの偏り", "incidents.severity.high", "incidents.status.investigating", "on 2022-03"]);
    expect(occurredText({ line: 4, occurredOn: null, occurredAt: "2024-07-14T00:30:00.000Z" }, words)).toBe("at 2024-07-14T00:30:00.000Z");
    expect(occurredText({ line: 5, occurredOn: null, occurredAt: null }, words)).toBe("");
  });
});

describe("the public register's import target", () => {
  it("offers exactly the server's reference fields, requires a title, and asks for the source instead of what the inventory adds", () => {
    expect(REFERENCE_IMPORT.fields).toEqual(REFERENCE_FIELDS);
    expect(REFERENCE_IMPORT.required).toEqual(["title"]);
    expect(REFERENCE_IMPORT.requiredToPreview).toBe(true);
    expect(REFERENCE_IMPORT.offers).toEqual({ upsert: false, createMissing: false, presets: false, customFields: false, source: true });
    expect(REFERENCE_IMPORT.leavesOutInvalid).toBe(true);
    expect(REFERENCE_IMPORT.fields.filter((f) => REFERENCE_IMPORT.hasValues(f))).toEqual([]);
    expect(REFERENCE_IMPORT.back).toEqual({ to: "/incidents/reference", label: "incidents.reference.title" });
    expect(REFERENCE_IMPORT.finish.to).toBe("/incidents/reference");
    expect(fieldKey(REFERENCE_IMPORT, "harmed")).toBe("referenceImports.field.harmed");
  });

  it("cuts the parties' cells by a split rule but lets no field take two columns (the server reads one column per field)", () => {
    expect([...REFERENCE_IMPORT.listFields]).toEqual(["deployers", "developers", "harmed"]);
    expect(missingFields([{ column: "Deployer", field: "deployers" }], REFERENCE_IMPORT.required)).toEqual(["title"]);
    const mapping = [
      { column: "Title", field: "title" },
      { column: "Deployer", field: "deployers" },
      { column: "Operator", field: "deployers" },
    ];
    expect(duplicateFields(mapping, REFERENCE_IMPORT.mergedFields)).toEqual(["deployers"]);
  });

  it("sends the reading options, the mapping with its split rules and the source trimmed, nothing else", () => {
    const settings: WizardSettings = {
      mapping: [
        { column: "Title", field: "title", values: { a: "b" } },
        { column: "Deployer", field: "deployers", split: "|" },
        { column: "Harmed", field: "harmed", split: null },
        { column: "Developer", field: "developers" },
      ],
      headerRow: 2,
      recordsPath: "data.items",
      upsertBy: "code",
      createMissing: ["owners"],
      source: { name: "  OECD AI Incidents Monitor ", licence: " CC BY 4.0", url: "  " },
    };
    const body = referenceSettings(settings);
    expect(body).toEqual({
      headerRow: 2,
      recordsPath: "data.items",
      mapping: [
        { column: "Title", field: "title" },
        { column: "Deployer", field: "deployers", split: "|" },
        { column: "Harmed", field: "harmed", split: null },
        { column: "Developer", field: "developers" },
      ],
      source: { name: "OECD AI Incidents Monitor", licence: "CC BY 4.0" },
    });
    expect(referenceImportBody.safeParse(body).success).toBe(true);
    expect(referenceSettings({ ...settings, source: { name: "AIM", licence: "CC BY 4.0", url: " https://oecd.ai/en/incidents " } }).source).toEqual({ name: "AIM", licence: "CC BY 4.0", url: "https://oecd.ai/en/incidents" });
  });

  it("shows the source's id (or that there is none), title, the date as precisely as the register gives it, and the link", () => {
    const row = { line: 2, externalId: null, title: "Chatbot gives unsafe advice", date: "2023-05", url: "https://oecd.ai/en/incidents/1" };
    expect(REFERENCE_IMPORT.sample.map((c) => c.cell(row, words))).toEqual(["", "Chatbot gives unsafe advice", "on 2023-05", "https://oecd.ai/en/incidents/1"]);
    expect(REFERENCE_IMPORT.sample[2]!.cell({ line: 3, date: null }, words)).toBe("");
    expect(REFERENCE_IMPORT.sample[0]!.empty).toBe("referenceImports.noId");
  });
});

describe("rows an import would write", () => {
  it("counts new and changed rows with an upsert key, and leaves out rows an earlier incident import brought in", () => {
    expect(rowsToWrite({ valid: 10 })).toBe(10);
    expect(rowsToWrite({ valid: 10, upsert: { new: 2, changed: 3, unchanged: 5 } })).toBe(5);
    expect(rowsToWrite({ valid: 10, unchanged: 4 })).toBe(6);
  });
});

describe("the calls each target makes", () => {
  const sent: { url: string; method: string; body: unknown }[] = [];
  const answer = (body: unknown) =>
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      sent.push({ url, method: init.method ?? "GET", body: init.body ? JSON.parse(String(init.body)) : undefined });
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    });
  afterEach(() => {
    vi.unstubAllGlobals();
    sent.length = 0;
  });

  it("checks, files and lists an incident register's values under /api/incidents/imports with bodies its schemas accept", async () => {
    answer({});
    const settings: WizardSettings = { mapping: [{ column: "件名", field: "title" }, { column: "状態", field: "status", values: { 受付済: "open" } }], headerRows: 2 };
    await INCIDENT_IMPORT.calls.preview("job 1", settings);
    await INCIDENT_IMPORT.calls.commit("job 1", settings, true);
    await INCIDENT_IMPORT.calls.values("job 1", { headerRows: 2 }, { column: "状態", field: "status", values: { 受付済: "open" } });
    await INCIDENT_IMPORT.calls.get("job 1");
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      "POST /api/incidents/imports/job%201/preview",
      "POST /api/incidents/imports/job%201/commit",
      "POST /api/incidents/imports/job%201/values",
      "GET /api/incidents/imports/job%201",
    ]);
    expect(incidentImportOptions.safeParse(sent[0]!.body).success).toBe(true);
    expect(incidentCommitBody.parse(sent[1]!.body).skipInvalid).toBe(true);
    expect(incidentValuesBody.parse(sent[2]!.body)).toEqual({ headerRows: 2, column: "状態", field: "status" });
    expect(INCIDENT_IMPORT.calls.problemsUrl("job 1", "xlsx", "ja")).toBe("/api/incidents/imports/job%201/problems?format=xlsx&lang=ja");
    await expect(INCIDENT_IMPORT.calls.values("job 1", {}, { column: "件名", field: "title" })).rejects.toThrow();
    expect(sent).toHaveLength(4);
  });

  it("checks and imports a public register under /api/reference-incidents/imports with the source, always leaving out rows with problems", async () => {
    answer({});
    const settings: WizardSettings = {
      mapping: [{ column: "Title", field: "title" }, { column: "Deployer", field: "deployers", split: "," }],
      encoding: "shift_jis",
      source: { name: "OECD AI Incidents Monitor", licence: "CC BY 4.0", url: "https://oecd.ai/en/incidents" },
    };
    await REFERENCE_IMPORT.calls.preview("job 1", settings);
    await REFERENCE_IMPORT.calls.commit("job 1", settings, false);
    await REFERENCE_IMPORT.calls.read("job 1", { headerRow: 3 });
    await REFERENCE_IMPORT.calls.get("job 1");
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      "POST /api/reference-incidents/imports/job%201/preview",
      "POST /api/reference-incidents/imports/job%201/commit",
      "POST /api/reference-incidents/imports/job%201/read",
      "GET /api/reference-incidents/imports/job%201",
    ]);
    const source = { name: "OECD AI Incidents Monitor", licence: "CC BY 4.0", url: "https://oecd.ai/en/incidents" };
    expect(sent[0]!.body).toEqual({ encoding: "shift_jis", mapping: [{ column: "Title", field: "title" }, { column: "Deployer", field: "deployers", split: "," }], source });
    expect(referenceImportBody.parse(sent[0]!.body).source).toEqual(source);
    expect(sent[1]!.body).toEqual({ ...(sent[0]!.body as object), skipInvalid: true });
    expect(referenceCommitBody.safeParse(sent[1]!.body).success).toBe(true);
    expect(sent[2]!.body).toEqual({ headerRow: 3 });
    expect(REFERENCE_IMPORT.calls.problemsUrl("job 1", "csv", "en")).toBe("/api/reference-incidents/imports/job%201/problems?format=csv&lang=en");
    await expect(REFERENCE_IMPORT.calls.values("job 1", {}, { column: "Title", field: "title" })).rejects.toThrow();
    expect(sent).toHaveLength(4);
  });

  it("removes one of the organisation's own reference sources by its id", async () => {
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      sent.push({ url, method: init.method ?? "GET", body: undefined });
      return new Response(null, { status: 204 });
    });
    await expect(referenceIncidentsApi.deleteSource("oecd-aim.1a2b3c4d")).resolves.toBeUndefined();
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(["DELETE /api/reference-incidents/sources/oecd-aim.1a2b3c4d"]);
  });

  it("keeps the inventory's calls under /api/imports, settings sent as they are", async () => {
    answer({});
    const settings: WizardSettings = { mapping: [{ column: "名称", field: "nameJa" }], upsertBy: "code", createMissing: ["departments"] };
    await SYSTEM_IMPORT.calls.preview("j", settings);
    await SYSTEM_IMPORT.calls.commit("j", settings, false);
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(["POST /api/imports/j/preview", "POST /api/imports/j/commit"]);
    expect(sent[0]!.body).toEqual(settings);
    expect(commitBody.safeParse(sent[1]!.body).success).toBe(true);
    expect(SYSTEM_IMPORT.calls.problemsUrl("j", "csv", "en")).toBe("/api/imports/j/problems?format=csv&lang=en");
  });
});
