import fs from "node:fs";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { ROUTES } from "../../routes.ts";
import { openApiText } from "./openapi.file.ts";

/**
 * Redocly's recommended rules, each one Musubi switches off with its reason. Everything else is
 * at the severity the recommended set gives it, and the description must pass with no problem at all.
 */
const RULES_OFF: Record<string, string> = {
  // `/api/incidents/imports/{id}` and `/api/incidents/{id}/report` would both match
  // `/api/incidents/imports/report`, but no record id is a word: ids are `inc_…`, `imp_…`
  // (src/platform/ids.ts), and the router tries the literal segment first.
  "no-ambiguous-paths": "literal segments never collide with record ids",
};

describe("the API's description", () => {
  it("is committed as docs/openapi.json exactly as the server serves it (else: npm run docs:openapi)", () => {
    const committed = fs.readFileSync(new URL("../../../docs/openapi.json", import.meta.url), "utf8");
    expect(committed === openApiText(), "docs/openapi.json differs from the routes: run npm run docs:openapi and review the change").toBe(true);
  });

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const config = await createConfig({ extends: ["recommended"], rules: Object.fromEntries(Object.keys(RULES_OFF).map((r) => [r, "off"])) });
    const problems = await lintFromString({ source: openApiText(), absoluteRef: "openapi.json", config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? "?"}`)).toEqual([]);
  });

  it("documents every JSON answer: each route declares its body, answers a file, or answers nothing", () => {
    const undocumented = ROUTES.filter((r) => !r.response && !r.files && r.status !== 204).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(undocumented).toEqual([]);
  });
});
