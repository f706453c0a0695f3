import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultLibraryDir, loadLibrary } from "./library.load.ts";
import { publishedSchemas } from "./library.schema.ts";

describe("library.shipped", () => {
  const { library, problems } = loadLibrary();

  it("validates with no problems", () => {
    expect(problems).toEqual([]);
    expect(library).not.toBeNull();
  });

  it("publishes JSON Schemas that match the zod formats", () => {
    for (const [name, schema] of Object.entries(publishedSchemas())) {
      const committed = JSON.parse(readFileSync(join(defaultLibraryDir(), "schema", name), "utf8"));
      expect(committed, `${name} is stale: run musubi library schema`).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it("carries the frameworks the issue asks for, each with source and licence", () => {
    const expected = ["jp-ai-promotion-act", "jp-appi", "jp-ai-guidelines", "hiroshima-code-of-conduct", "oecd-haip", "jaisi-evaluation", "eu-ai-act", "nist-ai-rmf", "iso-42001"];
    for (const id of expected) {
      const fw = library!.current.get(id);
      expect(fw, id).toBeDefined();
      expect(fw!.file.licence.length, id).toBeGreaterThan(0);
      expect(fw!.file.source.files.length, id).toBeGreaterThan(0);
    }
    expect([...library!.frameworks.get("jp-ai-guidelines")!.keys()].sort()).toEqual(["1.1", "1.2"]);
  });

  it("has the counted structures of NIST AI RMF, ISO/IEC 42001 Annex A and the Japanese soft law", () => {
    const count = (fw: string, type: string) => library!.current.get(fw)!.file.nodes.filter((n) => n.type === type).length;
    expect([count("nist-ai-rmf", "function"), count("nist-ai-rmf", "category"), count("nist-ai-rmf", "subcategory")]).toEqual([4, 19, 72]);
    expect([count("iso-42001", "objective"), count("iso-42001", "control")]).toEqual([9, 38]);
    expect(count("jp-ai-guidelines", "principle")).toBe(10);
    expect(count("hiroshima-code-of-conduct", "action")).toBe(11);
    expect(count("oecd-haip", "reporting-section")).toBe(7);
    expect(count("jaisi-evaluation", "perspective")).toBe(10);
  });

  it("keeps ISO/IEC 42001 to ids and titles: no control text is shipped", () => {
    for (const n of library!.current.get("iso-42001")!.file.nodes) expect(n.text, n.id).toBeUndefined();
  });

  it("marks the AI Promotion Act's business duties and the State powers that reach businesses", () => {
    const act = library!.current.get("jp-ai-promotion-act")!;
    expect(act.nodesById.get("art-6")!.tags).toContain("business-duty");
    expect(act.nodesById.get("art-7")!.tags).toContain("business-duty");
    expect(act.nodesById.get("art-16")!.tags).toContain("state-power");
    expect(act.nodesById.get("art-25")!.tags).toContain("state-power");
  });

  it("links every crosswalk framework pair the issue names, so multi-hop questions have answers", () => {
    const pairs = new Set(library!.crosswalks.map((c) => c.id));
    for (const id of ["jp-ai-guidelines--hiroshima", "hiroshima--oecd-haip", "oecd-haip--nist-ai-rmf", "nist-ai-rmf--eu-ai-act", "eu-ai-act--iso-42001"]) {
      expect(pairs.has(id), id).toBe(true);
    }
  });
});
