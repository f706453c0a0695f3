import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { libraryCurrency, nodeCurrency, versionInForce } from "../src/library/library.currency.ts";
import { fixtureFiles, writeLibrary } from "../src/library/library.fixture.ts";
import { loadLibrary } from "../src/library/library.load.ts";
import { presentRef } from "../src/library/library.present.ts";
import { runCli } from "./support/process.ts";

/**
 * `musubi library currency` on a fixture law whose stored text (as of 2026-01-01) lacks one
 * amendment in force on 2026-03-01 and one coming on 2027-01-17 that Musubi reads as touching a-1.
 */
const IN_FORCE = {
  id: "rev-in-force",
  lawNumber: { ja: "令和八年法律第一号" },
  title: { ja: "試験改正法" },
  promulgatedOn: "2025-12-01",
  effectiveOn: "2026-03-01",
  dateCertainty: "fixed-date",
  inText: false,
};
const UPCOMING = {
  id: "rev-upcoming",
  lawNumber: { ja: "令和八年法律第二号" },
  title: { ja: "試験改正法二" },
  promulgatedOn: "2026-07-17",
  effectiveOn: "2027-01-17",
  dateCertainty: "fixed-date",
  inText: false,
  touches: { nodes: ["a-1"], basis: { en: "(Musubi's reading) test" }, origin: "musubi-editorial" },
};

function alphaWith(amendments: unknown[]): Record<string, unknown> {
  const alpha2 = fixtureFiles()["frameworks/alpha/2.json"] as Record<string, unknown>;
  return { "frameworks/alpha/2.json": { ...alpha2, dates: { publishedOn: "2026-01-01", effectiveFrom: "2025-01-01", textAsOf: "2026-01-01" }, amendments } };
}

const ack = (amendment: string) => ({
  "currency-acknowledged.json": {
    format: "musubi-currency-ack/1",
    acknowledged: [{ framework: "alpha", version: "2", amendment, acknowledgedOn: "2026-03-02", reason: { en: "newer text not in the sources" } }],
  },
});

describe("musubi library currency", () => {
  const dirs: string[] = [];
  const lib = (patch: Record<string, unknown>) => {
    const dir = writeLibrary(patch);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("lists an amendment in force that the text lacks and one to come, and fails while the first is unacknowledged", async () => {
    const dir = lib(alphaWith([IN_FORCE, UPCOMING]));
    const r = await runCli(["library", "currency", "--dir", dir, "--as-of", "2026-12-06"], {});
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/in force, not in text +alpha 2 \(text as of 2026-01-01\) +2026-03-01 .*\[rev-in-force\] NOT ACKNOWLEDGED/);
    expect(r.stdout).toMatch(/upcoming +alpha 2 +2027-01-17 .*\[rev-upcoming\] +changes a-1 \(Musubi's reading\)/);
    expect(r.stdout).toMatch(/1 amendment\(s\) in force but not in the stored text \(1 unacknowledged\), 1 upcoming/);

    const json = JSON.parse((await runCli(["library", "currency", "--dir", dir, "--as-of", "2026-12-06", "--json"], {})).stdout);
    expect(json.inForceNotInText.map((c: { amendment: { id: string } }) => c.amendment.id)).toEqual(["rev-in-force"]);
    expect(json.upcoming.map((c: { amendment: { id: string } }) => c.amendment.id)).toEqual(["rev-upcoming"]);
  });

  it("decides by effective date: before it comes into force an amendment is upcoming and nothing fails", async () => {
    const dir = lib(alphaWith([IN_FORCE, UPCOMING]));
    const r = await runCli(["library", "currency", "--dir", dir, "--as-of", "2026-02-28"], {});
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/0 amendment\(s\) in force but not in the stored text \(0 unacknowledged\), 2 upcoming/);
  });

  it("passes an acknowledged case but still lists it; --strict fails on it", async () => {
    const dir = lib({ ...alphaWith([IN_FORCE, UPCOMING]), ...ack("rev-in-force") });
    const r = await runCli(["library", "currency", "--dir", dir, "--as-of", "2026-12-06"], {});
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/\[rev-in-force\] acknowledged 2026-03-02/);
    expect((await runCli(["library", "currency", "--dir", dir, "--as-of", "2026-12-06", "--strict"], {})).code).toBe(1);
  });

  it("fails on a stale acknowledgement, so the list cannot rot", async () => {
    const dir = lib({ ...alphaWith([{ ...IN_FORCE, inText: true }]), ...ack("rev-in-force") });
    const r = await runCli(["library", "currency", "--dir", dir, "--as-of", "2026-12-06"], {});
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/stale acknowledgement +alpha 2 \[rev-in-force\]: the stored text now includes it/);
  });

  it("warns on every node of the stale text and says when a touched node changes", () => {
    const { library, problems } = loadLibrary(lib(alphaWith([IN_FORCE, UPCOMING])));
    expect(problems).toEqual([]);
    const fw = library!.current.get("alpha")!;
    expect(nodeCurrency(fw, "a-3", "2026-12-06")).toEqual({ textAsOf: "2026-01-01", missing: [expect.objectContaining({ id: "rev-in-force", effectiveOn: "2026-03-01" })] });
    const a1 = presentRef(library!, "urn:musubi:alpha:2:a-1", "2026-12-06");
    expect(a1.currency?.changes).toEqual([expect.objectContaining({ id: "rev-upcoming", effectiveOn: "2027-01-17", origin: "musubi-editorial" })]);
    expect(presentRef(library!, "urn:musubi:alpha:2:a-1", "2025-06-01").currency?.missing).toBeUndefined();
    expect(presentRef(library!, "urn:musubi:alpha:2:a-3", "2025-06-01").currency).toBeUndefined();
    expect(libraryCurrency(library!, "2027-01-17").inForceNotInText.map((c) => c.amendment.id)).toEqual(["rev-in-force", "rev-upcoming"]);
  });

  it("refuses an amendment that touches a node the framework does not have", () => {
    const { problems } = loadLibrary(lib(alphaWith([{ ...UPCOMING, touches: { ...UPCOMING.touches, nodes: ["a-9"] } }])));
    expect(problems).toContainEqual(expect.objectContaining({ code: "dangling", message: "amendment touches unknown node a-9" }));
  });

  it("chooses the version in force by effective date, not by publication date", () => {
    const { library } = loadLibrary(lib({}));
    const versions = [...library!.frameworks.get("alpha")!.values()];
    const [v1, v2] = versions.map((v) => ({ ...v, file: { ...v.file, dates: { ...v.file.dates } } }));
    // Version 2 published first but effective later: before its date, version 1 is the law in force.
    v2!.file.dates = { publishedOn: "2024-06-01", effectiveFrom: "2025-01-01", textAsOf: "2027-01-01" };
    expect(versionInForce([v1!, v2!], "2026-12-06").file.version).toBe("1");
    expect(versionInForce([v1!, v2!], "2027-01-01").file.version).toBe("2");
  });
});
