import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENTS } from "../../api/workflow.ts";
import { translate } from "../../i18n/translate.ts";
import { eventLabel, parseEvents } from "./webhook-help.ts";

describe("parseEvents", () => {
  it("splits on commas and spaces, dropping blanks and repeats", () => {
    expect(parseEvents(" task.assigned, incident.* task.assigned ,")).toEqual(["task.assigned", "incident.*"]);
    expect(parseEvents("")).toEqual([]);
  });
});

describe("eventLabel", () => {
  it("names every event the picker offers, in both languages", () => {
    for (const lang of ["ja", "en"] as const) {
      for (const event of WEBHOOK_EVENTS) {
        const label = eventLabel((key) => translate(lang, key), event);
        expect(label, `${lang} ${event}`).toBeTruthy();
        expect(label).not.toContain(event === "*" ? "webhooks." : event);
      }
    }
    expect(eventLabel((key) => translate("ja", key), "task.assigned")).toBe("タスクが割り当てられた");
  });

  it("has no label for a pattern typed by hand, so the pattern itself is shown", () => {
    expect(eventLabel((key) => translate("en", key), "vendor.reviewed")).toBeUndefined();
  });
});
