import { describe, expect, it } from "vitest";
import { approvalTitle, haipApprovalYear, haipReportPath, publicUrl, sourceRecordHref } from "./disclosure-paths.ts";

describe("disclosures.paths", () => {
  it("links a report's page by its id", () => {
    expect(haipReportPath("hrp_01")).toBe("/disclosures/haip/hrp_01");
  });

  it("makes a full public address whatever the origin ends with", () => {
    expect(publicUrl("https://musubi.example/", "/public/demo/haip/2026")).toBe("https://musubi.example/public/demo/haip/2026");
    expect(publicUrl("http://127.0.0.1:8080", "/public/demo")).toBe("http://127.0.0.1:8080/public/demo");
  });

  it("links risks, systems and incidents inside the app and a published card on the trust page", () => {
    expect(sourceRecordHref({ type: "risk", id: "rsk_1", code: "RSK-0001" }, "demo")).toEqual({ href: "/risks/rsk_1", external: false });
    expect(sourceRecordHref({ type: "system", id: "sys_1", code: "AIS-HR-01" }, "demo")).toEqual({ href: "/systems/sys_1", external: false });
    expect(sourceRecordHref({ type: "incident", id: "inc_1", code: null }, "demo")).toEqual({ href: "/incidents/inc_1", external: false });
    expect(sourceRecordHref({ type: "publication", id: "pub_1", code: "AIS-HR-01" }, "demo")).toEqual({ href: "/public/demo/systems/AIS-HR-01", external: true });
  });

  it("gives no link to a publication without a code", () => {
    expect(sourceRecordHref({ type: "publication", id: "pub_1", code: null }, "demo")).toBeUndefined();
  });

  it("reads the year of a HAIP report's approval and nothing from other approvals", () => {
    expect(haipApprovalYear({ subjectType: "haip_report", title: "HAIP 2026" })).toBe(2026);
    expect(haipApprovalYear({ subjectType: "task", title: "Review 2026" })).toBeUndefined();
    expect(haipApprovalYear({ subjectType: "haip_report", title: "HAIP" })).toBeUndefined();
  });

  it("names a HAIP report's approval in the reader's words and leaves other titles as asked", () => {
    const t = (key: string, params?: Record<string, string | number>) => `${key}:${params?.year}`;
    expect(approvalTitle({ subjectType: "haip_report", title: "HAIP 2026" }, t)).toBe("disclosures.report.name:2026");
    expect(approvalTitle({ subjectType: "task", title: "是正措置" }, t)).toBe("是正措置");
  });
});
