import { describe, expect, it } from "vitest";
import { parseEvents } from "./webhook-help.ts";

describe("parseEvents", () => {
  it("splits on commas and spaces, dropping blanks and repeats", () => {
    expect(parseEvents(" task.assigned, incident.* task.assigned ,")).toEqual(["task.assigned", "incident.*"]);
    expect(parseEvents("")).toEqual([]);
  });
});
