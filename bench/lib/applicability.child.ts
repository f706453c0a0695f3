// Runs in its own process so load time is a cold start and memory is this work's alone.
// argv: "load" → {ms}; "bulk <n>" → {ms, perSystemUs, rssMb, heapMb, requirements}
import { checkProfile } from "../../src/applicability/profile.ts";
import { evaluateFacts } from "../../src/applicability/evaluate.ts";
import { loadLibrary } from "../../src/library/library.load.ts";
import { randomProfiles } from "../../src/applicability/profile.random.ts";

const [mode, arg] = process.argv.slice(2);
if (mode === "load") {
  const t0 = performance.now();
  const { library, problems } = loadLibrary();
  const ms = performance.now() - t0;
  if (!library) throw new Error(`library invalid: ${problems.length} problems`);
  process.stdout.write(JSON.stringify({ ms, nodes: library.nodes.size }));
} else if (mode === "bulk") {
  const n = Number(arg);
  const { library } = loadLibrary();
  // Profiles are generated before timing; each system keeps its tier and requirement list, the way
  // a batch re-evaluation would before writing results out.
  const profiles = randomProfiles(library!, n, 7);
  const kept: { tier: string | null; requirements: string[] }[] = new Array(n);
  const t0 = performance.now();
  let requirements = 0;
  for (let i = 0; i < n; i++) {
    const checked = checkProfile(library!, profiles[i]!, "en");
    const e = evaluateFacts(library!, checked.facts, "2026-11-22");
    kept[i] = { tier: e.schemes[0]?.primary ?? null, requirements: e.requirements.map((r) => r.urn) };
    requirements += e.requirements.length;
  }
  const ms = performance.now() - t0;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, perSystemUs: (ms * 1000) / n, rssMb, heapMb: process.memoryUsage().heapUsed / 2 ** 20, requirements: requirements / n, kept: kept.length }));
}
