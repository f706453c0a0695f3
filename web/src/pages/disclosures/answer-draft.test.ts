import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client.ts";
import { adoptTheirs, conflictOf, draftOf, isDirty, keepMine, syncDraft } from "./answer-draft.ts";

const answer = (ja: string, en: string, version: number) => ({ answer: { ja, en }, version });

describe("disclosures.answerDraft", () => {
  it("starts clean from the server's answer", () => {
    const d = draftOf(answer("日本語", "English", 3));
    expect(d).toMatchObject({ ja: "日本語", en: "English", version: 3 });
    expect(isDirty(d)).toBe(false);
    expect(isDirty({ ...d, en: "Changed" })).toBe(true);
  });

  it("follows the server while untouched", () => {
    const d = draftOf(answer("古い", "old", 1));
    expect(syncDraft(d, answer("新しい", "new", 2))).toMatchObject({ ja: "新しい", en: "new", version: 2 });
  });

  it("keeps text being edited and its base version when the server's answer moves on", () => {
    const editing = { ...draftOf(answer("古い", "old", 1)), ja: "私の文" };
    const synced = syncDraft(editing, answer("同僚の文", "colleague", 2));
    expect(synced).toBe(editing);
    expect(synced.version).toBe(1);
  });

  it("returns the same draft when nothing changed, so an editor does not re-render for nothing", () => {
    const d = draftOf(answer("同じ", "same", 4));
    expect(syncDraft(d, answer("同じ", "same", 4))).toBe(d);
  });

  it("reads a colleague's answer from a 409 conflict, and nothing from other errors", () => {
    const err = new ApiError(409, "conflict", "…", { version: 5, answer: { ja: "同僚", en: "colleague" }, editedBy: "usr_x", editedAt: "2026-05-01T00:00:00Z" }, "ja");
    expect(conflictOf(err)).toEqual({ version: 5, answer: { ja: "同僚", en: "colleague" }, editedAt: "2026-05-01T00:00:00Z" });
    expect(conflictOf(new ApiError(409, "report_not_editable", "…", { status: "in_review" }, "ja"))).toBeUndefined();
    expect(conflictOf(new ApiError(409, "conflict", "…", { reason: "report_changed" }, "ja"))).toBeUndefined();
    expect(conflictOf(new Error("x"))).toBeUndefined();
  });

  it("adopts the colleague's text clean, or keeps one's own to replace theirs knowingly", () => {
    const conflict = { version: 5, answer: { ja: "同僚", en: "colleague" }, editedAt: null };
    const mine = { ...draftOf(answer("元", "orig", 4)), ja: "私" };
    const theirs = adoptTheirs(conflict);
    expect(theirs).toMatchObject({ ja: "同僚", en: "colleague", version: 5 });
    expect(isDirty(theirs)).toBe(false);
    const kept = keepMine(mine, conflict);
    expect(kept).toMatchObject({ ja: "私", en: "orig", version: 5 });
    expect(isDirty(kept)).toBe(true);
  });
});
