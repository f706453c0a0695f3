import { describe, expect, it } from "vitest";
import { groupByFramework } from "./control-paths.ts";

describe("groupByFramework", () => {
  it("groups requirements by framework in first-seen order", () => {
    const refs = [
      { framework: "jp-appi", urn: "a" },
      { framework: "eu-ai-act", urn: "b" },
      { framework: "jp-appi", urn: "c" },
    ];
    expect(groupByFramework(refs)).toEqual([
      { framework: "jp-appi", items: [refs[0], refs[2]] },
      { framework: "eu-ai-act", items: [refs[1]] },
    ]);
  });
});
