import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, errorBody } from "../errors.ts";
import { fieldText } from "./field-messages.ts";
import { validate } from "./validate.ts";

function messages(schema: z.ZodType, input: unknown, locale: "ja" | "en"): Record<string, string> {
  try {
    validate(schema, input, "body", locale);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const body = errorBody(e.code, locale, e.details);
    return Object.fromEntries((body.error.details as { field: string; message: string }[]).map((d) => [d.field, d.message]));
  }
  throw new Error("expected a refusal");
}

const schema = z.strictObject({
  name: z.string().trim().min(1).max(10),
  code: z.string().regex(/^[A-Z]+$/, fieldText("code_chars")),
  count: z.number().int().min(1).max(5),
  tags: z.array(z.string()).max(2),
  email: z.email(),
  kind: z.enum(["a", "b"]),
});

describe("validation messages", () => {
  it("say what to do with the limit and what was typed, in Japanese", () => {
    const m = messages(schema, { name: "あいうえおかきくけこさ", code: "販売", count: 9, tags: ["a", "b", "c"], email: "x", kind: "z" }, "ja");
    expect(m["body.name"]).toBe("10文字以内で入力してください（現在11文字）。");
    expect(m["body.code"]).toMatch(/^半角英数字/);
    expect(m["body.count"]).toBe("5以下の値を入力してください。");
    expect(m["body.tags"]).toBe("2件以内にしてください（現在3件）。");
    expect(m["body.email"]).toMatch(/メールアドレス/);
    expect(m["body.kind"]).toBe("一覧から選んでください。");
  });

  it("say the same in English, never the validator's own wording", () => {
    const m = messages(schema, { code: "x", count: 0, tags: [], email: "a@b.jp", kind: "a" }, "en");
    expect(m["body.name"]).toBe("Enter a value.");
    expect(m["body.count"]).toBe("Enter 1 or more.");
    expect(m["body.code"]).toMatch(/^Use only letters/);
    for (const text of Object.values(m)) expect(text).not.toMatch(/Invalid|Too small|Too big|expected/i);
  });

  it("say what a business code allows even where the schema gave no message", () => {
    const code = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9._-]+$/) });
    expect(messages(code, { code: "部署" }, "ja")["body.code"]).toMatch(/^半角英数字/);
  });

  it("ask for a value when a required text is blank after trimming", () => {
    expect(messages(schema, { name: "   ", code: "A", count: 1, tags: [], email: "a@b.jp", kind: "a" }, "ja")["body.name"]).toBe("入力してください。");
  });

  it("word a service's own field messages in the caller's language when answered", () => {
    const details = [{ field: "body.ownerId", code: "not_found", message: fieldText("no_such_user") }];
    expect((errorBody("validation_failed", "ja", details).error.details as { message: string }[])[0]!.message).toMatch(/有効なユーザー/);
    expect((errorBody("validation_failed", "en", details).error.details as { message: string }[])[0]!.message).toMatch(/not an active user/);
  });
});
