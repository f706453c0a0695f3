import { describe, expect, it } from "vitest";
import { timeSlicer } from "./time-slice.ts";

describe("timeSlicer", () => {
  it("lets a timer run during a long loop once the budget is spent", async () => {
    const slicer = timeSlicer(5);
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const until = performance.now() + 50;
    let sawTimerInsideLoop = false;
    while (performance.now() < until) {
      await slicer.pause();
      if (timerRan) sawTimerInsideLoop = true;
    }
    expect(sawTimerInsideLoop).toBe(true);
  });

  it("does not yield before the budget is spent", async () => {
    const slicer = timeSlicer(60_000);
    let immediateRan = false;
    setImmediate(() => (immediateRan = true));
    for (let i = 0; i < 1000; i++) await slicer.pause();
    expect(immediateRan).toBe(false);
  });
});
