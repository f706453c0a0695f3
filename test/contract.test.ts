import { describe, expect, it } from "vitest";
import { contractProblems } from "./support/contract.ts";

const JSON_TYPE = "application/json; charset=UTF-8";
const live = { status: "ok", version: "0.1.0" };

/** The check every API test's answers go through (test/support/app.ts): it must catch each kind of drift. */
describe("the answers' check against the API's description", () => {
  it("passes an answer as described", () => {
    expect(contractProblems("GET", "/api/health/live", 200, JSON_TYPE, live)).toEqual([]);
    expect(contractProblems("GET", "/api/systems?limit=5", 401, JSON_TYPE, { error: { code: "unauthenticated", message: "Sign in" } })).toEqual([]);
  });

  it("refuses a property the description does not declare, and a missing required one", () => {
    expect(contractProblems("GET", "/api/health/live", 200, JSON_TYPE, { ...live, extra: 1 }).join()).toMatch(/additional properties/);
    expect(contractProblems("GET", "/api/health/live", 200, JSON_TYPE, { status: "ok" }).join()).toMatch(/required property 'version'/);
  });

  it("refuses a status the operation does not document", () => {
    expect(contractProblems("GET", "/api/health/live", 418, JSON_TYPE, live).join()).toMatch(/status not in the description/);
  });

  it("refuses a media type the operation does not document, and a body where none is documented", () => {
    expect(contractProblems("GET", "/api/health/live", 200, "text/html", "<p>ok</p>").join()).toMatch(/text\/html where the description documents application\/json/);
    expect(contractProblems("DELETE", "/api/reference-incidents/sources/src_1", 204, JSON_TYPE, { deleted: true }).join()).toMatch(/a body/);
  });

  it("accepts the router's 404 for an unknown path only in the error shape", () => {
    expect(contractProblems("GET", "/api/no-such-thing", 404, JSON_TYPE, { error: { code: "not_found", message: "Not found" } })).toEqual([]);
    expect(contractProblems("GET", "/api/no-such-thing", 200, JSON_TYPE, {}).join()).toMatch(/operation the description does not have/);
  });

  it("leaves pages outside the API alone", () => {
    expect(contractProblems("GET", "/systems", 200, "text/html", "<html></html>")).toEqual([]);
  });
});
