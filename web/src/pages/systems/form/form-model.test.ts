import { describe, expect, it } from "vitest";
import type { FieldView } from "../../../api/fields.ts";
import type { SystemView } from "../../../api/systems.ts";
import { changedCustom, changedFields, createBody, describeField, draftOf, emptyDraft, fieldLabelKey, patchBody, reapply, type SystemDraft } from "./form-model.ts";

const base: SystemDraft = { ...emptyDraft(), nameJa: "採用支援", nameEn: "Hiring assistant", tags: ["hr"] };

describe("system form model", () => {
  it("leaves a blank code out of a create so the server numbers the system", () => {
    const body = createBody({ ...base, code: "  ", businessOwnerId: "", models: [{ name: "gpt", provider: " " }] });
    expect(body).not.toHaveProperty("code");
    expect(body.businessOwnerId).toBeNull();
    expect(body.models).toEqual([{ name: "gpt" }]);
    expect(body.profile).toEqual({});
  });

  it("patches only the fields the user changed", () => {
    const mine = { ...base, nameEn: "Hiring assistant v2", purpose: " screening " };
    expect(changedFields(base, mine)).toEqual(["nameEn", "purpose"]);
    expect(patchBody(base, mine, 3)).toEqual({ version: 3, nameEn: "Hiring assistant v2", purpose: "screening" });
  });

  it("re-applies the user's changes on top of someone else's version", () => {
    const mine = { ...base, nameEn: "Mine" };
    const theirs = { ...base, nameJa: "他の人", tags: ["hr", "eu"] };
    expect(reapply(base, mine, theirs)).toEqual({ ...theirs, nameEn: "Mine" });
  });

  it("sends the linked vendors as ids, and only when the set changed", () => {
    const linked = { ...base, vendorIds: ["vnd_b", "vnd_a"] };
    expect(createBody(linked)).toMatchObject({ vendorIds: ["vnd_a", "vnd_b"], vendors: [] });
    expect(patchBody(linked, { ...linked, vendorIds: ["vnd_a", "vnd_b"] }, 2)).toEqual({ version: 2 });
    expect(patchBody(linked, { ...linked, vendorIds: ["vnd_a"], vendors: [] }, 2)).toEqual({ version: 2, vendorIds: ["vnd_a"] });
    expect(patchBody(linked, { ...linked, vendorIds: [] }, 2)).toEqual({ version: 2, vendorIds: [] });
  });

  it("reads the linked vendors from the system and names them, never by id, in the conflict view", () => {
    const view = { ...base, id: "sys_1", code: "AIS-1", vendorLinks: [{ id: "vnd_a", code: "VND-1", name: "Acme", status: "active", rating: "low" }] } as unknown as SystemView;
    expect(draftOf(view).vendorIds).toEqual(["vnd_a"]);
    expect(describeField({ ...base, vendorIds: ["vnd_a"] }, "vendorIds", (_f, id) => (id === "vnd_a" ? "Acme" : "?"))).toBe("Acme");
    expect(fieldLabelKey("vendorIds")).toBe("systems.field.vendors");
    expect(fieldLabelKey("vendors")).toBe("vendors.systemField.unlinked");
    expect(fieldLabelKey("nameJa")).toBe("systems.field.nameJa");
  });

  it("keeps only the custom values the user changed when re-applying over someone else's version", () => {
    const field = (key: string, type: FieldView["type"]) => ({ key, type, archived: false, options: [] }) as unknown as FieldView;
    const fields = [field("legal_basis", "text"), field("cost", "number"), field("regions", "multi_choice")];
    const loaded = { legal_basis: "consent", cost: 10, regions: ["jp"] };
    // The form's draft holds every value once anything is typed: only the edited and the emptied survive.
    const mine = { legal_basis: "consent", cost: "12", regions: [] };
    expect(changedCustom(fields, mine, loaded)).toEqual({ cost: "12", regions: [] });
    expect(changedCustom(fields, { legal_basis: "consent", cost: "10", regions: ["jp"] }, loaded)).toEqual({});
  });
});
