import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { aiidEntityName, aiidEntityNames } from "./aiid.entities.ts";
import { shippedAiidDir } from "./aiid.ts";

const PARTY_COLUMNS = ["Alleged deployer of AI system", "Alleged developer of AI system", "Alleged harmed or nearly harmed parties"];

describe("aiid entity names", () => {
  it("transcribes an entity id into words, not a translation", () => {
    expect(aiidEntityName("female-applicants")).toBe("Female Applicants");
    expect(aiidEntityName("keolis-north-america")).toBe("Keolis North America");
    expect(aiidEntityName("university-of-texas-at-austin's-department-of-computer-science")).toBe("University of Texas at Austin's Department of Computer Science");
    expect(aiidEntityName("of-the-people")).toBe("Of the People");
  });

  it("keeps a company's dotted name, a handle and digits as they are written", () => {
    expect(aiidEntityName("qure.ai")).toBe("Qure.ai");
    expect(aiidEntityName("@pokimane")).toBe("@pokimane");
    expect(aiidEntityName("15.ai-users")).toBe("15.ai Users");
  });

  it("drops names that transcribe alike and empty ids, keeping order", () => {
    expect(aiidEntityNames(["uber", "", "Uber", "pedestrians"])).toEqual(["Uber", "Pedestrians"]);
  });

  it("leaves no lower-case slug in any party of the shipped snapshot", () => {
    const rows = parse(readFileSync(join(shippedAiidDir(), "incidents.csv")), { columns: true, bom: true, relax_quotes: true }) as Record<string, string>[];
    const ids = new Set(rows.flatMap((r) => PARTY_COLUMNS.flatMap((c) => JSON.parse(r[c] || "[]") as string[])));
    expect(ids.size).toBeGreaterThan(1000);
    const slugLike = [...ids].map(aiidEntityName).filter((n) => /(^|\s)[a-z][a-z0-9]*[-_.][a-z]/.test(n) || n.includes("-"));
    expect(slugLike).toEqual([]);
  });
});
