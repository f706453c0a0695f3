import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { filePath, sha256Of } from "../../compliance/files.store.ts";
import { storeUpload } from "./upload.store.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-upload-store-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("systems.io storeUpload", () => {
  it("stores the bytes under their hash once, with no temporary file left behind", async () => {
    const bytes = new TextEncoder().encode("名称,目的\n需要予測,在庫\n");
    const sha256 = sha256Of(bytes);
    expect(await storeUpload(dir, bytes, sha256)).toEqual({ sha256, size: bytes.byteLength });
    expect(await storeUpload(dir, bytes, sha256)).toEqual({ sha256, size: bytes.byteLength });
    expect(fs.readFileSync(filePath(dir, sha256))).toEqual(Buffer.from(bytes));
    expect(fs.readdirSync(path.dirname(filePath(dir, sha256)))).toEqual([sha256]);
  });
});
