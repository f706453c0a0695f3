import { describe, expect, it } from "vitest";
import { ApiError } from "../../../api/client.ts";
import { systemFormErrors } from "./form-errors.ts";

const i18n = { t: (key: string) => key, errorMessage: (e: unknown) => (e as Error).message } as Parameters<typeof systemFormErrors>[1];

describe("system form errors", () => {
  it("says plainly that a required field is empty, and keeps the server's other messages", () => {
    const error = new ApiError(400, "validation_failed", "", [
      { field: "body.nameJa", code: "too_small", message: "Too small: expected string to have >=1 characters" },
      { field: "body.models.1.name", code: "too_small", message: "Too small" },
      { field: "body.countries.0", code: "custom", message: "Use an ISO 3166-1 alpha-2 code such as JP or DE" },
    ], "en");
    expect(systemFormErrors(error, i18n)).toEqual({
      nameJa: "systems.form.required",
      "models.1.name": "systems.form.required",
      "countries.0": "Use an ISO 3166-1 alpha-2 code such as JP or DE",
    });
  });

  it("puts a taken code at the code field", () => {
    expect(systemFormErrors(new ApiError(409, "code_taken", "This code is taken", { field: "body.code" }, "en"), i18n)).toEqual({ code: "This code is taken" });
  });
});
