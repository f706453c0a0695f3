import { describe, expect, it } from "vitest";
import { markCovering, marksInside, marksOf, partWords, pointerTokens } from "./confidential-parts.ts";

describe("confidential parts", () => {
  it("reads JSON Pointer tokens with their escapes", () => {
    expect(pointerTokens("/a~1b/c~0d/0")).toEqual(["a/b", "c~d", "0"]);
  });

  it("names known parts and AI systems by their position, never by the pointer", () => {
    expect(partWords("/rootCause")).toEqual({ key: "oversight.part.rootCause" });
    expect(partWords("/harm/affectedParties")).toEqual({ key: "oversight.part.affectedParties" });
    expect(partWords("/aiSystems/1")).toEqual({ key: "oversight.part.aiSystem", params: { n: 2 } });
    expect(partWords("/aiSystems/0/vendors")).toEqual({ key: "oversight.part.aiSystemVendors", params: { n: 1 } });
    expect(partWords("/aiSystems/0/purpose")).toEqual({ key: "oversight.part.aiSystemOther", params: { n: 1 } });
    expect(partWords("/ledger/headHash")).toEqual({ key: "oversight.part.other" });
  });

  it("names an answer to a request by its question's number, and a public report's contact", () => {
    expect(partWords("/answers/1/answer")).toEqual({ key: "oversight.part.answer", params: { n: 2 } });
    expect(partWords("/answers/0")).toEqual({ key: "oversight.part.answer", params: { n: 1 } });
    expect(partWords("/answers/0/question")).toEqual({ key: "oversight.part.other" });
    expect(partWords("/contact")).toEqual({ key: "oversight.part.contact" });
  });

  it("finds the mark on a part or on a part that holds it", () => {
    const marks = [{ pointer: "/aiSystems", reason: "trade-secret" as const }, { pointer: "/harm/affectedParties", reason: "personal-data" as const }];
    expect(markCovering("/aiSystems/0/vendors", marks)?.reason).toBe("trade-secret");
    expect(markCovering("/harm/affectedParties", marks)?.reason).toBe("personal-data");
    expect(markCovering("/harm", marks)).toBeUndefined();
    // A sibling whose name starts the same is not inside it.
    expect(markCovering("/aiSystemsExtra", marks)).toBeUndefined();
    expect(marksInside("/harm", marks).map((m) => m.pointer)).toEqual(["/harm/affectedParties"]);
  });

  it("sends the chosen parts with their reasons, in the dialog's order", () => {
    expect(marksOf({ "/aiSystems": "trade-secret", "/rootCause": "trade-secret", "/harm/affectedParties": "personal-data", "/incident/summary": "" })).toEqual([
      { pointer: "/rootCause", reason: "trade-secret" },
      { pointer: "/harm/affectedParties", reason: "personal-data" },
      { pointer: "/aiSystems", reason: "trade-secret" },
    ]);
  });
});
