import { describe, expect, it } from "vitest";
import type { VendorLink } from "../../../api/vendors.ts";
import { addableVendors, linkName, registerEntryFor, unlinkedNames } from "./vendor-field.ts";

const v = (id: string, name: string, code = id.toUpperCase()): VendorLink => ({ id, code, name, status: "active", rating: "low" });
const register = [v("vnd_b", "富士通"), v("vnd_a", "Acme, Inc.", "VND-000001"), v("vnd_t1", "Twin"), v("vnd_t2", "twin")];

describe("registerEntryFor", () => {
  it("finds the one register vendor a name or code stands for, across width and case", () => {
    expect(registerEntryFor("ＡＣＭＥ,  inc.", register)?.id).toBe("vnd_a");
    expect(registerEntryFor("vnd-000001", register)?.id).toBe("vnd_a");
    expect(registerEntryFor("富士通", register)?.id).toBe("vnd_b");
  });

  it("finds none for an unknown or ambiguous name", () => {
    expect(registerEntryFor("NEC", register)).toBeUndefined();
    expect(registerEntryFor("TWIN", register)).toBeUndefined();
  });
});

describe("linkName", () => {
  it("replaces the free-text name by the link, once", () => {
    expect(linkName({ vendors: ["富士通", "NEC"], vendorIds: [] }, "富士通", "vnd_b")).toEqual({ vendors: ["NEC"], vendorIds: ["vnd_b"] });
    expect(linkName({ vendors: ["Fujitsu"], vendorIds: ["vnd_b"] }, "Fujitsu", "vnd_b")).toEqual({ vendors: [], vendorIds: ["vnd_b"] });
  });
});

describe("addableVendors", () => {
  it("offers the vendors not yet chosen, by name", () => {
    expect(addableVendors(register, ["vnd_t1"], "en").map((x) => x.id)).toEqual(["vnd_a", "vnd_t2", "vnd_b"]);
    expect(addableVendors(register, register.map((x) => x.id), "ja")).toEqual([]);
  });
});

describe("unlinkedNames", () => {
  it("keeps names that are not a linked vendor's, so nothing shows twice", () => {
    expect(unlinkedNames(["富士通", "NEC", "vnd-000001"], [register[0]!, register[1]!])).toEqual(["NEC"]);
    expect(unlinkedNames(["NEC"], [])).toEqual(["NEC"]);
  });
});
