import { describe, expect, it } from "vitest";
import type { FieldView } from "../../api/fields.ts";
import { customInputOf, draftOf, valueText } from "./custom-values.ts";

const field = (key: string, type: FieldView["type"], options: FieldView["options"] = []): FieldView => ({
  id: `cfd_${key}`, entity: "system", key, labelJa: key, labelEn: key, type, options, helpJa: "", helpEn: "", position: 0, inList: false, archived: false, used: 0, createdAt: "", updatedAt: "", version: 1,
});
const FIELDS = [field("basis", "text"), field("users", "number"), field("tier", "choice", [{ value: "high", labelJa: "高", labelEn: "High" }]), field("outputs", "multi_choice", [{ value: "score", labelJa: "スコア", labelEn: "Score" }, { value: "text", labelJa: "文章", labelEn: "Text" }])];

describe("custom values in a form", () => {
  it("starts from the record's values, numbers as text", () => {
    expect(draftOf(FIELDS, { users: 1200, tier: "high", outputs: ["score"] })).toEqual({ users: "1200", tier: "high", outputs: ["score"] });
  });

  it("sends only what changed: a number as a number, an emptied field as null, nothing when nothing changed", () => {
    const before = { basis: "GDPR", users: 1200 };
    expect(customInputOf(FIELDS, { basis: "GDPR", users: "1200" }, before)).toBeUndefined();
    expect(customInputOf(FIELDS, { basis: "", users: "1,300", outputs: ["text"] }, before)).toEqual({ basis: null, users: 1300, outputs: ["text"] });
    // A number the reader cannot read goes as typed, for the server to say what is wrong.
    expect(customInputOf(FIELDS, { basis: "GDPR", users: "about 12" }, before)).toEqual({ users: "about 12" });
  });

  it("shows choices by their labels in the reader's language and people by name", () => {
    const name = (id: string) => (id === "usr_1" ? "佐藤 花子" : undefined);
    expect(valueText(FIELDS[3]!, ["score", "text"], "ja", name, String)).toBe("スコア、文章");
    expect(valueText(FIELDS[2]!, "high", "en", name, String)).toBe("High");
    expect(valueText(field("who", "person"), "usr_1", "en", name, String)).toBe("佐藤 花子");
  });
});
