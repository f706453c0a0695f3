import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { haveOscalCorpus, OSCAL_SCHEMAS } from "./oscal.schemas.test-support.ts";
import { catalogProblems } from "./oscal.validate.ts";

const shipped = new URL("../../schemas/oscal/oscal_catalog_schema.json", import.meta.url);

describe("oscal.validate", () => {
  it.skipIf(!haveOscalCorpus())("ships the official OSCAL 1.2.1 catalog schema unmodified", () => {
    const sums = JSON.parse(fs.readFileSync(path.join(OSCAL_SCHEMAS, "SHA256SUMS.upstream.json"), "utf8")) as { file_hashes: Record<string, string> };
    const digest = createHash("sha256").update(fs.readFileSync(shipped)).digest("hex");
    expect(digest).toBe(sums.file_hashes["oscal_catalog_schema.json"]);
  });

  it("accepts a minimal valid catalog and names what is wrong with a broken one", () => {
    const ok = { catalog: { uuid: "c0d6ba0c-9c2f-4c5b-8a6f-0b1b9b0f9e01", metadata: { title: "Example", "last-modified": "2026-01-01T00:00:00Z", version: "1", "oscal-version": "1.2.1" }, controls: [{ id: "ex-1", title: "統制 1" }] } };
    expect(catalogProblems(ok)).toEqual([]);
    const bad = structuredClone(ok) as { catalog: { controls: { id: string; title: string }[] } };
    bad.catalog.controls[0]!.id = "1 space";
    expect(catalogProblems(bad)).toEqual([{ at: "/catalog/controls/0/id", message: { ja: "値の形式が OSCAL の定め（識別子・UUID・日時・URI など）に合いません。", en: "The value does not have the form OSCAL requires (an identifier, UUID, date-time, URI…)." } }]);
  });

  it("tells a profile, a mapping or a non-catalog apart from a catalog", () => {
    expect(catalogProblems({ profile: {} })[0]!.message.en).toMatch(/profile, not a catalog/);
    expect(catalogProblems({ "mapping-collection": {} })[0]!.message.ja).toMatch(/マッピング/);
    expect(catalogProblems({ foo: 1 })[0]!.message.en).toMatch(/no top-level "catalog"/);
    expect(catalogProblems("text")[0]!.message.en).toMatch(/not a JSON object/);
  });
});
