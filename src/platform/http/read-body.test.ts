import { describe, expect, it } from "vitest";
import { readBody } from "./read-body.ts";

const streamOf = (chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });

describe("platform.http readBody", () => {
  it("reads a body of the declared length into one buffer of that length", async () => {
    const body = await readBody(new Request("http://x/", { method: "POST", body: streamOf(["ab", "cd", "e"]), headers: { "content-length": "5" }, duplex: "half" } as RequestInit));
    expect(new TextDecoder().decode(body)).toBe("abcde");
    expect(body.buffer.byteLength).toBe(5);
  });

  it("grows past a missing or short length, and reads an empty body", async () => {
    const chunked = await readBody(new Request("http://x/", { method: "POST", body: streamOf(["x".repeat(70_000), "y"]), duplex: "half" } as RequestInit));
    expect(chunked.length).toBe(70_001);
    expect((await readBody(new Request("http://x/", { method: "POST" }))).length).toBe(0);
  });
});
