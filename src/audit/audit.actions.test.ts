import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LIST, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "./audit.actions.ts";
import { scanWriters, sourceFiles } from "./audit.actions.scan.ts";

const SRC = fileURLToPath(new URL("..", import.meta.url));

const written = sourceFiles(SRC).map((file) => scanWriters(path.relative(SRC, file), fs.readFileSync(file, "utf8")));
const actions = new Set(written.flatMap((w) => w.actions));
const patterns = [...new Set(written.flatMap((w) => w.patterns))];
const matches = (pattern: string, action: string) => new RegExp(`^${pattern.replace(/\./g, "\\.").replace(/\*/g, "[a-z_]+")}$`).test(action);

describe("the ledger's action catalogue", () => {
  it("reads every action the server writes", () => {
    expect(written.flatMap((w) => w.unresolved)).toEqual([]);
    // A floor, so a scanner that silently stops matching fails here rather than passing empty.
    expect(actions.size).toBeGreaterThan(60);
  });

  it("lists every action the server writes", () => {
    expect([...actions].filter((a) => !(AUDIT_ACTION_LIST as readonly string[]).includes(a)).sort()).toEqual([]);
  });

  it("lists an action for every template the server writes", () => {
    expect(patterns.filter((p) => !AUDIT_ACTION_LIST.some((a) => matches(p, a)))).toEqual([]);
  });

  it("lists no action the server never writes", () => {
    const stale = AUDIT_ACTION_LIST.filter((a) => !actions.has(a) && !patterns.some((p) => matches(p, a)));
    expect(stale).toEqual([]);
  });

  it("lists every record type the server writes", () => {
    const types = new Set(written.flatMap((w) => w.entityTypes));
    expect([...types].filter((t) => !(AUDIT_ENTITY_TYPES as string[]).includes(t))).toEqual([]);
    expect(AUDIT_ENTITY_TYPES.filter((t) => !types.has(t))).toEqual([]);
  });

  it("names each action once", () => {
    expect(new Set(AUDIT_ACTION_LIST).size).toBe(AUDIT_ACTION_LIST.length);
    expect(Object.values(AUDIT_ACTIONS).every((list) => list.length > 0)).toBe(true);
  });
});

describe("scanWriters", () => {
  it("follows a constant, a parameter, a ternary and a template", () => {
    const source = [
      'const KIND = "thing.checked";',
      "record({ orgId: o, action: KIND, entityType: \"thing\" });",
      'record({ action: ok ? "thing.kept" : "thing.lost", entityType: "thing" });',
      "record({ action: `thing.${verb}`, entityType: \"thing\" });",
      "async function note(db: Db, action: string) {",
      '  record({ action, entityType: "thing" });',
      "}",
      'await note(db, "thing.noted");',
    ].join("\n");
    expect(scanWriters("x.ts", source)).toEqual({
      actions: ["thing.checked", "thing.kept", "thing.lost", "thing.noted"],
      patterns: ["thing.*"],
      entityTypes: ["thing", "thing", "thing", "thing"],
      unresolved: [],
    });
  });

  it("reports an action it cannot read", () => {
    expect(scanWriters("x.ts", 'record({ action: pick(), entityType: "thing" });').unresolved).toEqual(["x.ts:1: pick()"]);
  });
});
