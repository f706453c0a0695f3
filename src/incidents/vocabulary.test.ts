import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir } from "../../tools/library/common.ts";
import { HARM_BASES, HARM_LEVELS, HARM_TYPES, RIGHTS } from "./vocabulary.ts";

const file = join(dataDir(), "test-corpora", "aiid-schema", "taxa_CSETv1.json");
if (!existsSync(file)) console.warn(`incident vocabulary: CSETv1 check skipped — ${file} is missing (CI has ../shared)`);

describe("incident vocabularies", () => {
  it.skipIf(!existsSync(file))("use CSETv1's own field names and values, word for word", () => {
    const taxa = JSON.parse(readFileSync(file, "utf8")) as { field_list: { short_name: string; permitted_values?: string[] }[] };
    const field = (name: string) => taxa.field_list.find((f) => f.short_name === name);
    expect(Object.values(HARM_LEVELS).map((v) => v.cset)).toEqual(field("AI Harm Level")!.permitted_values);
    expect(Object.values(HARM_BASES).map((v) => v.cset)).toEqual(field("Harm Distribution Basis")!.permitted_values);
    for (const t of Object.values(HARM_TYPES)) expect(field(t.cset), t.cset).toBeDefined();
  });

  it("names every value in Japanese and English", () => {
    for (const v of [...Object.values(HARM_LEVELS), ...Object.values(HARM_TYPES), ...Object.values(HARM_BASES), ...Object.values(RIGHTS)]) {
      expect(v.ja.length).toBeGreaterThan(0);
      expect(v.en.length).toBeGreaterThan(0);
    }
  });
});
