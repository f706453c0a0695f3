import { checkProfile } from "./profile.ts";
import type { Library } from "../library/library.model.ts";

/** A small deterministic PRNG (mulberry32) so every run evaluates the same profiles. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random but valid profiles: every question answered at random (booleans, options, subsets, dates
 * between 2024 and 2028), regenerated until no constraint is violated. A share of answers is left
 * out so the "undetermined" paths are exercised too.
 */
export function randomProfiles(library: Library, count: number, seed = 42): Record<string, unknown>[] {
  const rnd = prng(seed);
  const out: Record<string, unknown>[] = [];
  const questions = library.profile.questions;
  while (out.length < count) {
    const facts: Record<string, unknown> = {};
    for (const q of questions) {
      if (rnd() < 0.05) continue;
      const options = q.options?.map((o) => o.value) ?? [];
      if (q.type === "boolean") facts[q.id] = rnd() < 0.35;
      else if (q.type === "enum") facts[q.id] = options[Math.floor(rnd() * options.length)];
      else if (q.type === "multi") facts[q.id] = options.filter(() => rnd() < 0.25);
      else if (q.type === "date") facts[q.id] = `${2024 + Math.floor(rnd() * 5)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-15`;
      else facts[q.id] = "bench";
    }
    if (checkProfile(library, facts, "en").issues.length === 0) out.push(facts);
  }
  return out;
}
