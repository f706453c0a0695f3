import { describe, expect, it } from "vitest";
import { ITEM_STATUSES } from "../../../api/systems.ts";
import { en } from "../../../i18n/en.ts";
import { ja } from "../../../i18n/ja.ts";
import { reasonText } from "./item-reason.ts";

describe("assessment row reason label", () => {
  it("calls a partially met row's text what is missing, never the reason it does not apply", () => {
    const r = reasonText("partially_met");
    expect(ja[r.label]).not.toContain("対象外");
    expect(ja[r.line]).not.toContain("対象外");
    expect(en[r.label].toLowerCase()).not.toContain("not apply");
    expect(r.required).toBe(false);
  });

  it("labels each status by what the text means, in both languages", () => {
    const labels = (s: (typeof ITEM_STATUSES)[number]) => [en[reasonText(s).label], ja[reasonText(s).label]];
    expect(labels("not_applicable")).toEqual(["Reason it does not apply", "対象外の理由"]);
    expect(labels("partially_met")).toEqual(labels("not_met"));
    expect(labels("partially_met")).toEqual(["What is missing", "不足している点"]);
    expect(labels("met")).toEqual(["Note", "補足"]);
  });

  it("requires the text only for not applicable", () => {
    expect(ITEM_STATUSES.filter((s) => reasonText(s).required)).toEqual(["not_applicable"]);
  });

  it("shows the text on the row with the same words as the label", () => {
    for (const s of ITEM_STATUSES) {
      const r = reasonText(s);
      expect(en[r.line]).toBe(`${en[r.label]}: {text}`);
      expect(ja[r.line]).toBe(`${ja[r.label]}：{text}`);
    }
  });
});
