import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can, effectiveRole, permissionsOf, type Permission, type Role } from "./authz.ts";

/**
 * The role × permission table written out by hand: changing who may do what must change this test
 * too, so a widened permission is a visible decision, never a side effect.
 */
const EXPECTED: Record<Permission, Role[]> = {
  "self": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "org.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "org.update": ["admin"],
  "users.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "users.manage": ["admin"],
  "tokens.read": ["admin", "auditor"],
  "tokens.manage": ["admin"],
  "departments.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "departments.manage": ["admin", "governance_lead"],
  "fields.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "fields.manage": ["admin", "governance_lead"],
  "audit.read": ["admin", "governance_lead", "auditor"],
  "library.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "library.manage": ["admin", "governance_lead"],
  "applicability.evaluate": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "systems.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "systems.edit": ["admin", "governance_lead", "system_owner"],
  "systems.manage": ["admin", "governance_lead"],
  "systems.import": ["admin", "governance_lead"],
  "assessments.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "assessments.answer": ["admin", "governance_lead", "system_owner"],
  "assessments.sign_off": ["admin", "governance_lead", "reviewer"],
  "controls.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "controls.manage": ["admin", "governance_lead"],
  "evidence.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "evidence.manage": ["admin", "governance_lead", "system_owner"],
  "evidence.manage_any": ["admin", "governance_lead"],
  "dashboard.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "risks.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "risks.edit": ["admin", "governance_lead", "system_owner"],
  "risks.manage": ["admin", "governance_lead"],
  "risks.accept": ["admin", "governance_lead"],
  "tasks.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "tasks.edit": ["admin", "governance_lead", "system_owner", "reviewer"],
  "tasks.manage": ["admin", "governance_lead"],
  "approvals.decide": ["admin", "governance_lead", "system_owner", "reviewer", "supervisor"],
  "schedules.manage": ["admin", "governance_lead"],
  "webhooks.manage": ["admin"],
  "incidents.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "incidents.report": ["admin", "governance_lead", "system_owner", "reviewer"],
  "incidents.manage": ["admin", "governance_lead"],
  "vendors.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "vendors.manage": ["admin", "governance_lead"],
  "disclosures.read": ["admin", "governance_lead", "system_owner", "reviewer", "auditor", "supervisor", "analyst", "publisher", "viewer"],
  "disclosures.edit": ["admin", "governance_lead", "system_owner"],
  "disclosures.publish": ["admin", "governance_lead"],
  "exchange.read": ["admin", "governance_lead", "auditor"],
  "exchange.submit": ["admin", "governance_lead"],
  "oversight.read": ["admin", "auditor", "supervisor", "analyst", "publisher"],
  "oversight.triage": ["admin", "supervisor", "analyst"],
  "oversight.approve": ["admin", "supervisor"],
  "oversight.publish": ["admin", "publisher"],
};

describe("authz.can", () => {
  it("covers exactly the permissions in the expected table", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [permission, allowed] of Object.entries(EXPECTED) as [Permission, Role[]][]) {
    for (const role of ROLES) {
      const expected = allowed.includes(role);
      it(`${expected ? "grants" : "refuses"} ${permission} to ${role}`, () => {
        expect(can(role, permission)).toBe(expected);
      });
    }
  }

  it("gives the auditor no write permission", () => {
    const writes = permissionsOf("auditor").filter((p) => /\.(manage|update|edit|import|answer|sign_off)$/.test(p));
    expect(writes).toEqual([]);
  });

  it("refuses a permission that is not in the table", () => {
    expect(can("admin", "systems.delete" as Permission)).toBe(false);
  });
});

describe("authz.effectiveRole", () => {
  it("lets a token issued as analyst for a user who is now a viewer act as a viewer", () => {
    expect(effectiveRole("analyst", "viewer")).toBe("viewer");
  });

  it("lets a token issued as supervisor for a supervisor act as a supervisor", () => {
    expect(effectiveRole("supervisor", "supervisor")).toBe("supervisor");
  });

  it("lets a supervisor's analyst token act as an analyst, and a publisher's supervisor token as a viewer", () => {
    expect(effectiveRole("analyst", "supervisor")).toBe("analyst");
    expect(effectiveRole("supervisor", "publisher")).toBe("viewer");
  });

  it("keeps every role its own effective role (no role's permissions hide behind an earlier one's)", () => {
    for (const role of ROLES) expect(effectiveRole(role, role)).toBe(role);
  });
});
