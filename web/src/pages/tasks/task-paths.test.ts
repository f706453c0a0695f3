import { describe, expect, it } from "vitest";
import { subjectLabel, subjectPath, taskPath } from "./task-paths.ts";

describe("subjectPath", () => {
  it("links each kind of record to its page", () => {
    expect(subjectPath("task", "tsk_1")).toBe("/tasks/tsk_1");
    expect(subjectPath("system", "sys 1")).toBe("/systems/sys%201");
    expect(subjectPath("risk", "r")).toBe("/risks/r");
    expect(subjectPath("incident", "i")).toBe("/incidents/i");
    expect(subjectPath("vendor", "v")).toBe("/vendors/v");
    expect(subjectPath("control", "c")).toBe("/controls/c");
    expect(subjectPath("schedule", "s")).toBe("/schedules");
    expect(subjectPath("haip_report", "hrp_1")).toBe("/disclosures/haip/hrp_1");
  });

  it("links the control tower's records, a publication's approval among them, and an entry of the register of dealings", () => {
    expect(subjectPath("oversight_publication", "opb_1")).toBe("/oversight/publications/opb_1");
    expect(subjectPath("oversight_request", "orq_1")).toBe("/oversight/requests/orq_1");
    expect(subjectPath("oversight_advisory", "oad_1")).toBe("/oversight/advisories/oad_1");
    expect(subjectPath("oversight_case", "ocs 1")).toBe("/oversight/cases/ocs%201");
    expect(subjectPath("dealing", "dlg_1")).toBe("/dealings/dlg_1");
  });

  it("has no page for an unknown type (nor for inherited object keys)", () => {
    expect(subjectPath("approval", "a")).toBeUndefined();
    expect(subjectPath("toString", "a")).toBeUndefined();
  });

  it("builds a task's path", () => {
    expect(taskPath("tsk/1")).toBe("/tasks/tsk%2F1");
  });
});

describe("subjectLabel", () => {
  const subject = { id: "v1", code: "VND-1", titleJa: "ベンダー", titleEn: "Vendor" };
  it("shows the code and the title in the UI language", () => {
    expect(subjectLabel(subject, "ja")).toBe("VND-1 ベンダー");
    expect(subjectLabel(subject, "en")).toBe("VND-1 Vendor");
  });

  it("falls back to the other language, then to the code or the id", () => {
    expect(subjectLabel({ ...subject, titleEn: null }, "en")).toBe("VND-1 ベンダー");
    expect(subjectLabel({ ...subject, titleJa: null, titleEn: null }, "en")).toBe("VND-1");
    expect(subjectLabel({ id: "x", code: null, titleJa: null, titleEn: null }, "ja")).toBe("x");
  });
});
