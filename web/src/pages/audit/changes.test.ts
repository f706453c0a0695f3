import { describe, expect, it } from "vitest";
import type { AuditEntry, Locale } from "../../api/types.ts";
import { formatDay, formatMonth, formatNumber, isMessageKey, translate } from "../../i18n/translate.ts";
import { entryChanges, fieldLabel, recordName } from "./changes.ts";
import type { AuditRefs } from "./ledger.api.ts";
import type { LedgerWords } from "./words.ts";

/** A well-formed internal id: a prefix and 20 Crockford base-32 characters. */
const id = (prefix: string, n: number) => `${prefix}_01jd${String(n).padStart(16, "0")}`;
const USR_A = id("usr", 1);
const USR_B = id("usr", 2);
const DEP = id("dep", 3);
const GONE = id("dep", 4);
const SYS = id("sys", 5);

const REFS: AuditRefs = {
  [USR_A]: { type: "user", code: null, name: { ja: "佐藤 花子", en: "佐藤 花子" } },
  [USR_B]: { type: "user", code: null, name: { ja: "鈴木 一郎", en: "鈴木 一郎" } },
  [DEP]: { type: "department", code: "LEGAL", name: { ja: "法務部", en: "Legal" } },
  [SYS]: { type: "system", code: "AIS-000001", name: { ja: "採用AI", en: "Hiring AI" } },
};

function wordsFor(lang: Locale, refs: AuditRefs = REFS): LedgerWords {
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    maybe: (key, params) => (isMessageKey(key) ? translate(lang, key, params) : undefined),
    dateTime: (iso) => `<${iso}>`,
    day: (d) => formatDay(lang, d),
    month: (m) => formatMonth(lang, m),
    number: (n) => formatNumber(lang, n),
    refs,
    framework: (id) => (id === "eu-ai-act" ? "EU AI Act" : undefined),
    question: (id) => (id === "usesBiometrics" ? { label: "生体情報を扱う", option: () => undefined } : undefined),
  };
}

const entry = (e: Partial<AuditEntry>): AuditEntry => ({
  seq: 1,
  ts: "2026-11-20T00:30:00.000Z",
  actor: { type: "user", id: USR_A, label: "a@example.com" },
  action: "system.updated",
  entityType: "system",
  entityId: SYS,
  before: null,
  after: null,
  requestId: null,
  prevHash: "",
  hash: "",
  ...e,
});

const rows = (e: AuditEntry, lang: Locale = "ja") => entryChanges(e, wordsFor(lang)).map((r) => [r.label, r.before, r.after]);

describe("entryChanges", () => {
  it("shows only the fields that changed, labelled, with names for ids and labels for slugs", () => {
    const e = entry({
      before: { code: "AIS-000001", lifecycle: "development", businessOwnerId: USR_A, departmentId: null, tags: ["hr"], version: 1 },
      after: { code: "AIS-000001", lifecycle: "deployed", businessOwnerId: USR_B, departmentId: DEP, tags: ["hr"], version: 2 },
    });
    expect(rows(e)).toEqual([
      ["業務責任者", "佐藤 花子", "鈴木 一郎"],
      ["部署", "—", "LEGAL 法務部"],
      ["ライフサイクル", "開発", "運用中"],
    ]);
    expect(rows(e, "en")).toEqual([
      ["Business owner", "佐藤 花子", "鈴木 一郎"],
      ["Department", "—", "LEGAL Legal"],
      ["Lifecycle", "Development", "Deployed"],
    ]);
  });

  it("never shows an internal id, even of a record it cannot name", () => {
    const e = entry({ action: "user.updated", entityType: "user", entityId: USR_A, before: { departmentId: GONE }, after: { departmentId: DEP } });
    const shown = JSON.stringify(entryChanges(e, wordsFor("ja")));
    expect(shown).not.toMatch(/[a-z]{3}_[0-9a-z]{20}/);
    expect(rows(e)).toEqual([["部署", "（表示できない記録）", "LEGAL 法務部"]]);
  });

  it("leaves out the record's own id, bookkeeping and the blank fields of a new record", () => {
    const e = entry({ action: "user.created", entityType: "user", entityId: USR_B, after: { id: USR_B, email: "b@x", displayName: "鈴木 一郎", role: "auditor", departmentId: null, createdAt: "2026-01-01T00:00:00Z", version: 1 } });
    expect(rows(e, "en")).toEqual([
      ["E-mail address", undefined, "b@x"],
      ["Display name", undefined, "鈴木 一郎"],
      ["Role", undefined, "Auditor"],
    ]);
  });

  it("reads statuses by record type, ratings, plans, booleans, months and countries", () => {
    const risk = entry({ action: "risk.updated", entityType: "risk", before: { status: "open", residual: [4, 5] }, after: { status: "accepted", residual: [2, 3] } });
    expect(rows(risk, "en")).toEqual([
      ["Status", "Open", "Accepted"],
      ["Residual rating", "likelihood 4 × impact 5", "likelihood 2 × impact 3"],
    ]);
    const task = entry({ action: "task.created", entityType: "task", after: { status: "open", approvalPlan: [[USR_A], [USR_B]] } });
    expect(rows(task, "en")).toEqual([
      ["Status", undefined, "Open"],
      ["Approvers", undefined, "Stage 1: 佐藤 花子 / Stage 2: 鈴木 一郎"],
    ]);
    const org = entry({ action: "org.updated", entityType: "organization", before: { settings: { fiscalYearStartMonth: 4 } }, after: { settings: { fiscalYearStartMonth: 1 } } });
    expect(rows(org, "ja")).toEqual([["設定 › 会計年度の開始月", "4月", "1月"]]);
    const vendor = entry({ action: "vendor.reviewed", entityType: "vendor", before: { rating: "medium" }, after: { rating: "high", overridden: true, dataCountries: ["JP", "US"] } });
    expect(rows(vendor, "en")).toEqual([
      ["Rating", "Medium", "High"],
      ["Rating overridden", undefined, "Yes"],
      ["Data stored or processed in", undefined, "Japan, United States"],
    ]);
  });

  it("names frameworks and profile questions from the library", () => {
    const e = entry({ before: { frameworks: [], profile: { usesBiometrics: false } }, after: { frameworks: ["eu-ai-act"], profile: { usesBiometrics: true } } });
    expect(rows(e)).toEqual([
      ["プロファイル › 生体情報を扱う", "いいえ", "はい"],
      ["対象のフレームワーク", "—", "EU AI Act"],
    ]);
  });

  it("lists code and name before the other fields, whatever order the ledger stored them in", () => {
    const e = entry({ action: "incident.filed", entityType: "incident", after: { categories: ["2.1"], code: "INC-000001", severity: "high", title: "漏えい" } });
    expect(rows(e, "en").map(([label]) => label)).toEqual(["Code", "Title", "Severity", "MIT AI Risk Repository categories"]);
  });

  it("makes a field with no label readable instead of showing its key", () => {
    expect(fieldLabel("system", "businessOwnerEmail", wordsFor("en"))).toBe("Business owner email");
    expect(fieldLabel("organization", "settings.segregationOfDuties", wordsFor("en"))).toBe("Settings › Segregation of duties");
  });
});

describe("recordName", () => {
  it("names the record by code and name, from refs or from the entry's own snapshot", () => {
    expect(recordName(entry({}), wordsFor("en"))).toBe("AIS-000001 Hiring AI");
    const deleted = entry({ action: "department.deleted", entityType: "department", entityId: GONE, before: { code: "OLD", nameJa: "旧部署", nameEn: "Old" } });
    expect(recordName(deleted, wordsFor("ja"))).toBe("OLD 旧部署");
    expect(recordName({ ...deleted, before: null }, wordsFor("ja"))).toBe("（表示できない記録）");
    const ref = { ...REFS, [GONE]: { type: "department", code: "OLD", name: { ja: "旧部署", en: "Old" }, deleted: true as const } };
    expect(recordName(deleted, wordsFor("en", ref))).toBe("OLD Old (deleted)");
  });
});
