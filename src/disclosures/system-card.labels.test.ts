import { describe, expect, it } from "vitest";
import { en } from "../../web/src/i18n/en.ts";
import { ja } from "../../web/src/i18n/ja.ts";
import { AUDIT_ACTIONS } from "../audit/audit.actions.ts";
import { ITEM_STATUSES } from "../compliance/statuses.ts";
import { RATINGS } from "../vendors/questionnaire.ts";
import { VENDOR_STATUSES } from "../vendors/vendors.schema.ts";
import { ACTOR_KIND_WORDS, ITEM_STATUS_WORDS, SYSTEM_ACTION_WORDS, VENDOR_RATING_WORDS, VENDOR_STATUS_WORDS } from "./system-card.labels.ts";

type Words = Record<string, { ja: string; en: string }>;
const ui = (key: string) => ({ ja: (ja as Record<string, string>)[key], en: (en as Record<string, string>)[key] });

describe("system card words", () => {
  const tables: [string, readonly string[], Words, string][] = [
    ["assessment row status", ITEM_STATUSES, ITEM_STATUS_WORDS, "compliance.status."],
    ["vendor status", VENDOR_STATUSES, VENDOR_STATUS_WORDS, "vendors.status."],
    ["vendor rating", RATINGS, VENDOR_RATING_WORDS, "vendors.rating."],
    ["ledger action on a system", AUDIT_ACTIONS.system, SYSTEM_ACTION_WORDS, "audit.action."],
    ["kind of actor", ["user", "token", "system"], ACTOR_KIND_WORDS, "audit.actorType."],
  ];

  it.each(tables)("names every %s as the web UI does, in Japanese and English", (_, values, table, prefix) => {
    expect(Object.keys(table).sort()).toEqual([...values].sort());
    for (const v of values) expect(table[v], v).toEqual(ui(`${prefix}${v}`));
  });
});
