import { Environment } from "@marcbachmann/cel-js";
import { describe, expect, it } from "vitest";
import { randomProfiles } from "./profile.random.ts";
import { getLibrary } from "../library/library.runtime.ts";
import { ERROR, FALSE, TRUE, UNKNOWN } from "./kleene.ts";

/**
 * The Kleene evaluator must agree with cel-js itself: on every shipped expression and many
 * partly answered profiles, a value cel-js computes is the value we compute, and where cel-js
 * fails for an unanswered fact we answer UNKNOWN.
 */
describe("applicability.kleene", () => {
  const library = getLibrary();
  const env = new Environment({ homogeneousAggregateLiterals: false, unlistedVariablesAreDyn: true });
  const exprs = [
    ...library.compiled.definitions.map((d) => d.expr),
    ...library.compiled.rules.map((r) => r.expr),
    ...library.compiled.constraints.map((c) => c.expr),
    ...library.compiled.askIf.values(),
  ];

  it("agrees with cel-js on every shipped expression over 400 random profiles", () => {
    let compared = 0;
    let unknowns = 0;
    for (const facts of randomProfiles(library, 400, 3)) {
      const ctx: Record<string, unknown> = { ...facts, asOf: "2026-11-22" };
      // Definitions first, as the engine does, so rules see their values.
      for (const d of library.compiled.definitions) {
        const v = d.expr.test(ctx, { missing: [], error: null });
        if (v === TRUE || v === FALSE) ctx[d.def.id] = v === TRUE;
      }
      for (const expr of exprs) {
        const ours = expr.test(ctx, { missing: [], error: null });
        let theirs: number;
        try {
          theirs = env.evaluate(expr.source, ctx) === true ? TRUE : FALSE;
        } catch (err) {
          theirs = /Unknown variable|No such key/.test(String((err as Error).message)) ? UNKNOWN : ERROR;
        }
        expect(ours, `${expr.source} with ${JSON.stringify(ctx)}`).toBe(theirs);
        compared++;
        if (ours === UNKNOWN) unknowns++;
      }
    }
    expect(compared).toBeGreaterThan(40_000);
    expect(unknowns).toBeGreaterThan(100);
  });
});
