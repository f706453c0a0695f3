import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A small, valid library for tests: two frameworks, one crosswalk chain, three questions, a few rules. */
export function fixtureFiles(): Record<string, unknown> {
  const node = (fw: string, v: string, id: string, extra: Record<string, unknown> = {}) => ({
    id,
    urn: `urn:musubi:${fw}:${v}:${id}`,
    type: "article",
    ref: { label: { en: id } },
    title: { en: `Title ${id}`, ja: `見出し${id}` },
    text: { en: `Text of ${id}`, ja: `${id}の本文` },
    requirement: true,
    ...extra,
  });
  const framework = (fw: string, v: string, nodes: unknown[], extra: Record<string, unknown> = {}) => ({
    format: "musubi-framework/1",
    framework: fw,
    version: v,
    name: { en: fw },
    kind: "law",
    jurisdiction: "jp",
    issuer: [{ en: "Issuer" }],
    legalEffect: { en: "binding" },
    dates: { publishedOn: "2025-01-01", effectiveFrom: "2025-01-01" },
    source: { title: { en: "test" }, files: [{ path: "test" }] },
    licence: [{ appliesTo: "all", name: "CC0", attribution: "test" }],
    actorRoles: [{ id: "operator", name: { en: "Operator" } }],
    silence: [],
    nodes,
    ...extra,
  });
  return {
    "frameworks/alpha/1.json": framework("alpha", "1", [node("alpha", "1", "a-1"), node("alpha", "1", "a-2")]),
    "frameworks/alpha/2.json": framework(
      "alpha",
      "2",
      [node("alpha", "2", "a-1", { text: { en: "Changed text of a-1" } }), node("alpha", "2", "a-3", { dates: { appliesFrom: "2027-01-01" } })],
      { previousVersion: "1", dates: { publishedOn: "2026-01-01", effectiveFrom: "2026-01-01" } },
    ),
    "frameworks/beta/1.json": framework("beta", "1", [node("beta", "1", "b-1"), node("beta", "1", "b-2")]),
    "crosswalks/alpha--beta.json": {
      format: "musubi-crosswalk/1",
      id: "alpha--beta",
      name: { en: "alpha to beta" },
      description: { en: "test" },
      licence: [{ appliesTo: "all", name: "CC0", attribution: "test" }],
      edges: [
        { from: "urn:musubi:alpha:2:a-1", to: "urn:musubi:beta:1:b-1", relationship: "equal", rationale: { en: "same" }, provenance: "editorial" },
        { from: "urn:musubi:beta:1:b-1", to: "urn:musubi:beta:1:b-2", relationship: "subset", rationale: { en: "narrower" }, provenance: "editorial" },
        { from: "urn:musubi:alpha:2:a-3", to: "urn:musubi:beta:1:b-2", relationship: "superset", rationale: { en: "broader" }, provenance: "editorial" },
      ],
    },
    "profile/questions.json": {
      format: "musubi-profile/1",
      version: "1",
      groups: [{ id: "main", label: { en: "Main" } }],
      questions: [
        { id: "usesAi", type: "boolean", group: "main", label: { en: "Uses AI" } },
        { id: "roles", type: "multi", group: "main", label: { en: "Roles" }, options: [{ value: "maker", label: { en: "Maker" } }, { value: "user", label: { en: "User" } }] },
        { id: "startedOn", type: "date", group: "main", label: { en: "Started" }, askIf: "usesAi" },
      ],
      constraints: [
        { id: "roles-need-ai", violatedWhen: "!usesAi && size(roles) > 0", fields: ["roles", "usesAi"], message: { en: "Roles need AI use.", ja: "役割にはAIの利用が必要です。" } },
      ],
    },
    "rules/test.json": {
      format: "musubi-rules/1",
      id: "test",
      name: { en: "test rules" },
      description: { en: "test" },
      schemes: [{ id: "tier", name: { en: "Tier" }, exclusive: true, default: "low", values: [{ id: "high", label: { en: "High" } }, { id: "low", label: { en: "Low" } }] }],
      definitions: [{ id: "isMaker", title: { en: "Maker" }, expr: 'usesAi && "maker" in roles', cites: ["urn:musubi:alpha:2:a-1"] }],
      rules: [
        { id: "maker-duties", title: { en: "Maker duties" }, when: "isMaker", effect: { kind: "applies", framework: "alpha", nodes: ["a-1", "a-3"] }, cites: ["urn:musubi:alpha:2:a-1"] },
        { id: "maker-high", title: { en: "Maker is high" }, when: "isMaker", effect: { kind: "classify", scheme: "tier", value: "high" }, from: "2026-06-01", cites: ["urn:musubi:alpha:2:a-1"] },
        { id: "late-starter", title: { en: "Late starter" }, when: 'startedOn >= "2026-01-01"', effect: { kind: "applies", framework: "beta", nodes: ["b-1"] }, cites: ["urn:musubi:beta:1:b-1"] },
      ],
    },
  };
}

/** Writes library files (fixture by default, with `patch` applied per path) into a fresh temp folder. */
export function writeLibrary(patch: Record<string, unknown | string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "musubi-lib-"));
  const files = { ...fixtureFiles(), ...patch };
  for (const [rel, content] of Object.entries(files)) {
    if (content === undefined) continue;
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === "string" || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}
