// OSCAL interoperability: exporting the whole library (every framework version as a catalog, plus
// the crosswalks' mapping collection, serialised to JSON) and importing NIST SP 800-53 rev5 from
// the shared test corpus (read, parsed, validated against the official schema, converted).
import fs from "node:fs";
import path from "node:path";
import { getLibrary } from "../src/library/library.runtime.ts";
import { frameworkToCatalog } from "../src/oscal/oscal.catalog.ts";
import { oscalCatalogToFramework } from "../src/oscal/oscal.import.ts";
import { crosswalksToMapping } from "../src/oscal/oscal.mapping.ts";
import { figure, progress, type BenchResult, type Figure } from "./lib/report.ts";
import { max, median, min } from "./lib/stats.ts";

const RUNS = Number(process.env.MUSUBI_BENCH_OSCAL_RUNS ?? 7);
const CORPORA = process.env.MUSUBI_TEST_CORPORA ?? path.resolve(import.meta.dirname, "../../shared/data/test-corpora");
const SP800_53 = path.join(CORPORA, "oscal-content-nist", "sp800-53-rev5-2021-oscal-1.0.0", "NIST_SP-800-53_rev5_catalog.json");

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function oscalBench(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const library = getLibrary();
  const versions = [...library.frameworks.values()].flatMap((v) => [...v.values()]);
  let bytes = 0;
  const exportAll = () => {
    bytes = 0;
    for (const fw of versions) bytes += JSON.stringify(frameworkToCatalog(fw)).length;
    bytes += JSON.stringify(crosswalksToMapping(library)).length;
  };
  const exports = Array.from({ length: RUNS }, (_, i) => {
    const ms = time(exportAll);
    progress(`export run ${i + 1} of ${RUNS}: ${Math.round(ms)} ms`);
    return ms;
  });
  const notes = [
    `export: ${versions.length} framework versions (${versions.reduce((n, fw) => n + fw.file.nodes.length, 0).toLocaleString("en")} nodes) as catalogs plus ${library.crosswalks.reduce((n, c) => n + c.edges.length, 0)} crosswalk edges as one mapping collection, JSON-serialised (${(bytes / 1e6).toFixed(1)} MB), in-process, no cache; median of ${RUNS} runs`,
  ];
  figures.push(figure({ bench: "oscal", name: "whole library as OSCAL (all catalogs + mapping)", value: median(exports) / 1000, unit: "s", target: { op: "<", value: 3 }, detail: { runs: RUNS, minMs: min(exports), maxMs: max(exports) } }));

  if (!fs.existsSync(SP800_53)) {
    notes.push(`skipped the import: ${SP800_53} not found (set MUSUBI_TEST_CORPORA)`);
    return { bench: "oscal", figures, notes };
  }
  let controls = 0;
  const imports = Array.from({ length: RUNS }, (_, i) => {
    const ms = time(() => {
      const doc = JSON.parse(fs.readFileSync(SP800_53, "utf8")) as unknown;
      controls = oscalCatalogToFramework(doc).nodes.filter((n) => n.type === "control").length;
    });
    progress(`import run ${i + 1} of ${RUNS}: ${Math.round(ms)} ms`);
    return ms;
  });
  notes.push(`import: NIST SP 800-53 rev5 (${(fs.statSync(SP800_53).size / 1e6).toFixed(1)} MB, ${controls} controls and enhancements) read, parsed, validated against the official OSCAL 1.2.1 catalog schema and converted; the first run also compiles the schema (${Math.round(imports[0]!)} ms)`);
  figures.push(figure({ bench: "oscal", name: "NIST SP 800-53 rev5 import (validate + convert)", value: median(imports) / 1000, unit: "s", target: { op: "<", value: 5 }, detail: { runs: RUNS, firstMs: imports[0]!, minMs: min(imports), maxMs: max(imports) } }));
  return { bench: "oscal", figures, notes };
}
