import { describe, expect, it } from "vitest";
import type { ConnectionView } from "../../api/exchange.ts";
import { approvedOrganisations, audienceInput, audienceReady, audienceWords, NO_AUDIENCE } from "./audience-logic.ts";

const registration = (id: string, ja: string, en: string, status: ConnectionView["status"]): ConnectionView => ({
  id,
  direction: "member",
  status,
  counterpart: { party: `https://x/orgs/${id}`, name: { ja, en }, sameInstance: true },
  selfParty: "https://x/orgs/fsa",
  sector: "finance",
  requestedAt: "2026-01-01T00:00:00Z",
  decidedAt: null,
  note: null,
  counterpartKeys: [],
  version: 1,
});
const sectors = [{ value: "finance", label: { ja: "金融", en: "Finance" } }];
const registrations = [registration("xcn_b", "デモ銀行", "Demo Bank", "approved"), registration("xcn_c", "診療所", "Clinic", "pending"), registration("xcn_a", "アルファ", "Alpha", "approved")];

describe("a request's or an advisory's audience", () => {
  it("sends only the field its choice needs", () => {
    expect(audienceInput({ type: "all", sector: "finance", connectionId: "xcn_b" })).toEqual({ audience: "all" });
    expect(audienceInput({ type: "sector", sector: "finance", connectionId: "xcn_b" })).toEqual({ audience: "sector", sector: "finance" });
    expect(audienceInput({ type: "one", sector: "finance", connectionId: "xcn_b" })).toEqual({ audience: "one", connectionId: "xcn_b" });
  });

  it("is ready once the sector or the organisation is chosen", () => {
    expect(audienceReady(NO_AUDIENCE)).toBe(true);
    expect(audienceReady({ ...NO_AUDIENCE, type: "sector" })).toBe(false);
    expect(audienceReady({ ...NO_AUDIENCE, type: "one", connectionId: "xcn_b" })).toBe(true);
  });

  it("offers approved registrations only, by name in the UI language", () => {
    expect(approvedOrganisations(registrations, "en").map((r) => r.id)).toEqual(["xcn_a", "xcn_b"]);
  });

  it("says who it goes to in words, never by a sector's value or a registration's id", () => {
    expect(audienceWords({ type: "all" }, sectors, registrations, "ja")).toEqual({ key: "oversight.audience.allRegistered" });
    expect(audienceWords({ type: "sector", sector: "finance" }, sectors, registrations, "ja")).toEqual({ key: "oversight.audience.sectorNamed", params: { sector: "金融" } });
    expect(audienceWords({ type: "sector", sector: "space" }, sectors, registrations, "ja")).toEqual({ key: "oversight.audience.sectorUnknown" });
    expect(audienceWords({ type: "one", connectionId: "xcn_b" }, sectors, registrations, "en")).toEqual({ key: "oversight.audience.oneNamed", params: { name: "Demo Bank" } });
    expect(audienceWords({ type: "one", connectionId: "xcn_gone" }, sectors, registrations, "en")).toEqual({ key: "oversight.audience.oneUnknown" });
  });
});
