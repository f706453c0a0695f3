import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LIST, AUDIT_ENTITY_TYPES } from "../../../../src/audit/audit.actions.ts";
import { en } from "../../i18n/en.ts";
import { ja } from "../../i18n/ja.ts";
import { ACTION_GROUPS, ACTION_PREFIX, ENTITY_PREFIX } from "./vocabulary.ts";

const missingIn = (keys: string[]) =>
  keys.flatMap((key) => [["en", en], ["ja", ja]].filter(([, dict]) => !Object.hasOwn(dict as object, key)).map(([lang]) => `${lang}: ${key}`));

describe("the ledger's vocabulary", () => {
  it("names every action the server can write, in Japanese and English", () => {
    expect(missingIn(AUDIT_ACTION_LIST.map((a) => ACTION_PREFIX + a))).toEqual([]);
  });

  it("names every record type the server can write, in Japanese and English", () => {
    expect(missingIn(AUDIT_ENTITY_TYPES.map((type) => ENTITY_PREFIX + type))).toEqual([]);
  });

  it("offers every action in the filter, each under its record type", () => {
    expect(ACTION_GROUPS.flatMap((g) => g.actions).sort()).toEqual([...AUDIT_ACTION_LIST].sort());
    expect(ACTION_GROUPS.find((g) => g.type === "incident")?.actions).toContain("incident.closed");
    expect(ACTION_GROUPS.find((g) => g.type === "task")?.actions).toContain("task.created");
  });

  it("gives no two actions the same words", () => {
    for (const dict of [en, ja] as Record<string, string>[]) {
      const words = AUDIT_ACTION_LIST.map((a) => dict[ACTION_PREFIX + a]);
      expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
    }
  });
});
