import { describe, expect, it } from "vitest";
import { changedFields, createBody, emptyDraft, patchBody, reapply, type SystemDraft } from "./form-model.ts";

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
});
