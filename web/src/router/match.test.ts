import { describe, expect, it } from "vitest";
import { matchPath } from "./router.tsx";

describe("matchPath", () => {
  it("reads :name segments, decoded", () => {
    expect(matchPath("/library/:framework/:version", "/library/eu-ai-act/2026-07-27")).toEqual({ framework: "eu-ai-act", version: "2026-07-27" });
    expect(matchPath("/library/node/:urn", `/library/node/${encodeURIComponent("urn:musubi:jp-appi:2026-07-17:art-6(1)")}`)).toEqual({
      urn: "urn:musubi:jp-appi:2026-07-17:art-6(1)",
    });
  });

  it("needs every literal segment and the same length", () => {
    expect(matchPath("/library", "/library")).toEqual({});
    expect(matchPath("/library/:framework/diff", "/library/eu-ai-act/2024")).toBeUndefined();
    expect(matchPath("/library/:framework/:version", "/library/eu-ai-act")).toBeUndefined();
    expect(matchPath("/library/:framework/:version", "/library//x")).toBeUndefined();
    expect(matchPath("/library/node/:urn", "/library/node/%E0%A4%A")).toBeUndefined();
  });
});
