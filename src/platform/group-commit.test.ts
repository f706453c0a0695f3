import { describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit.ts";

/** A commit that waits until released, recording the batches it was given. */
function gated() {
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  const commit = async (key: string, batch: readonly string[]) => {
    batches.push([key, ...batch]);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (batch.includes("bad")) throw new Error("bad item");
    return batch.map((b) => `${b}!`);
  };
  const release = async () => {
    // Let queued microtasks (new adds, the next batch's start) run before and after opening.
    await new Promise((r) => setImmediate(r));
    gates.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, commit, release };
}

describe("group commit", () => {
  it("commits an item at once when nothing else is being committed", async () => {
    const g = gated();
    const gc = new GroupCommit(g.commit);
    const a = gc.add("org", "a");
    await g.release();
    expect(await a).toBe("a!");
    expect(g.batches).toEqual([["org", "a"]]);
  });

  it("commits what arrived during a commit together in the next one, each caller getting its own outcome", async () => {
    const g = gated();
    const gc = new GroupCommit(g.commit);
    const a = gc.add("org", "a");
    const rest = ["b", "c", "d"].map((x) => gc.add("org", x));
    await g.release();
    await g.release();
    expect(await a).toBe("a!");
    expect(await Promise.all(rest)).toEqual(["b!", "c!", "d!"]);
    expect(g.batches).toEqual([
      ["org", "a"],
      ["org", "b", "c", "d"],
    ]);
  });

  it("retries each item alone when a batch fails, so only the bad one is refused", async () => {
    const g = gated();
    const gc = new GroupCommit(g.commit);
    const first = gc.add("org", "a");
    const b = gc.add("org", "b");
    const bad = gc.add("org", "bad").then(
      () => "committed",
      (err: Error) => err.message,
    );
    const c = gc.add("org", "c");
    for (let i = 0; i < 5; i++) await g.release();
    expect(await first).toBe("a!");
    expect(await b).toBe("b!");
    expect(await bad).toBe("bad item");
    expect(await c).toBe("c!");
    expect(g.batches).toEqual([["org", "a"], ["org", "b", "bad", "c"], ["org", "b"], ["org", "bad"], ["org", "c"]]);
  });

  it("keeps keys apart and caps a batch's size", async () => {
    const g = gated();
    const gc = new GroupCommit(g.commit, { maxBatch: 2 });
    const x = gc.add("one", "a");
    const y = gc.add("two", "p");
    const more = ["b", "c", "d"].map((v) => gc.add("one", v));
    for (let i = 0; i < 4; i++) await g.release();
    expect(await Promise.all([x, y, ...more])).toEqual(["a!", "p!", "b!", "c!", "d!"]);
    expect(g.batches).toEqual([["one", "a"], ["two", "p"], ["one", "b", "c"], ["one", "d"]]);
  });

  it("holds a paused key's items until released, then commits them together", async () => {
    const g = gated();
    const gc = new GroupCommit(g.commit);
    const release = gc.pause("org");
    const items = ["a", "b"].map((x) => gc.add("org", x));
    await new Promise((r) => setImmediate(r));
    expect(g.batches).toEqual([]);
    expect(gc.waiting("org")).toBe(2);
    release();
    await g.release();
    expect(await Promise.all(items)).toEqual(["a!", "b!"]);
    expect(g.batches).toEqual([["org", "a", "b"]]);
  });

  it("lets as many batches of a key commit at once as its concurrency allows", async () => {
    const g = gated();
    const gc = new GroupCommit(g.commit, { concurrency: 2 });
    const a = gc.add("org", "a");
    const b = gc.add("org", "b");
    const rest = ["c", "d"].map((x) => gc.add("org", x));
    await new Promise((r) => setImmediate(r));
    // a and b each went at once; c and d wait for one of them.
    expect(g.batches).toEqual([
      ["org", "a"],
      ["org", "b"],
    ]);
    for (let i = 0; i < 3; i++) await g.release();
    expect(await Promise.all([a, b, ...rest])).toEqual(["a!", "b!", "c!", "d!"]);
    expect(g.batches).toEqual([["org", "a"], ["org", "b"], ["org", "c", "d"]]);
  });
});
