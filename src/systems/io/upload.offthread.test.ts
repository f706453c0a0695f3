import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hugeRegister, rowsXml, workbookOf } from "../../../test/support/xlsx.ts";
import { appErrorOf, utf8 } from "./io.test-support.ts";
import { readTable } from "./table.read.ts";
import { parseBomOffThread, readTableOffThread } from "./upload.offthread.ts";
import { expectTooLarge, limitsWith } from "./upload.test-support.ts";

const FIXTURE = new URL("./fixtures/register-cp932.csv", import.meta.url);

describe("systems.io reading uploads in a worker", () => {
  it("reads the same table as the calling thread would, CSV and XLSX", async () => {
    const csv = readFileSync(FIXTURE);
    expect(await readTableOffThread(csv, "台帳.csv", { limits: limitsWith({}) })).toEqual({ ...(await readTable(csv, "台帳.csv")), rowCount: 11, sha256: expect.any(String) });
    const rows = Array.from({ length: 5_000 }, (_, i) => [`AIS-${i}`, `需要予測 ${i}`, "営業部"]);
    const xlsx = workbookOf([{ name: "台帳", part: rowsXml([["code", "名称", "部署"], ...rows]) }]);
    const table = await readTableOffThread(xlsx, "台帳.xlsx", { limits: limitsWith({}), headerRow: 1 });
    expect(table).toEqual({ ...(await readTable(xlsx, "台帳.xlsx", { headerRow: 1 })), rowCount: 5_000, sha256: expect.any(String) });
    expect(table.rows).toHaveLength(5_000);
    const sample = await readTableOffThread(xlsx, "台帳.xlsx", { limits: limitsWith({}), headerRow: 1, sampleRows: 20 });
    expect(sample.rows).toEqual(table.rows.slice(0, 20));
    expect(sample.rowCount).toBe(5_000);
  });

  it("reads a stored file by its path in the worker, and hashes what it read", async () => {
    const table = await readTableOffThread({ path: fileURLToPath(FIXTURE) }, "台帳.csv", { limits: limitsWith({}) });
    expect(table.rows).toEqual((await readTable(readFileSync(FIXTURE), "台帳.csv")).rows);
    expect(table.sha256).toBe(createHash("sha256").update(readFileSync(FIXTURE)).digest("hex"));
  });

  it("answers the worker's refusals as the same errors, and leaves the caller's bytes intact", async () => {
    const bytes = utf8("a,b\n1,2\n3,4\n");
    const err = await appErrorOf(() => readTableOffThread(bytes, "a.csv", { limits: limitsWith({ rows: 2 }) }));
    expectTooLarge(err, "rows", 2, "at most 2 rows", "2行まで");
    expect(new TextDecoder().decode(bytes)).toBe("a,b\n1,2\n3,4\n");
    const bad = await appErrorOf(() => readTableOffThread(bytes, "a.csv", { encoding: "shift_jis", limits: limitsWith({}), headerRow: 9 }));
    expect(bad).toMatchObject({ status: 422, code: "import_unreadable", details: { reason: "no_header" } });
  });

  it("stops a read that runs past the time limit", async () => {
    const err = await appErrorOf(() => readTableOffThread(hugeRegister(3_800_000, 200 * 2 ** 20), "台帳.xlsx", { limits: limitsWith({ seconds: 0.5 }) }));
    expectTooLarge(err, "seconds", 0.5, "longer than 0.5 seconds", "0.5秒");
  });

  it("stops a read that needs more memory than the worker may use", async () => {
    const lines = ["code,name,purpose,vendors,countries,tags"];
    for (let i = 0; i < 150_000; i++) lines.push(`AIS-${i},需要予測システム${i},在庫の最適化と需要予測 ${i},Acme; 富士通,JP;US,retail`);
    const err = await appErrorOf(() => readTableOffThread(utf8(lines.join("\n")), "big.csv", { limits: limitsWith({ workerHeapMb: 48 }) }));
    expectTooLarge(err, "memory", 48, "48 MB of memory", "48MB");
  });

  it("parses a BOM in a worker, and refuses deep nesting before sending it there", async () => {
    const bom = { bomFormat: "CycloneDX", specVersion: "1.6", components: [{ type: "machine-learning-model", name: "m", version: "1" }] };
    expect((await parseBomOffThread(bom, limitsWith({}))).models).toEqual([{ name: "m", version: "1" }]);
    let deep: unknown = {};
    for (let i = 0; i < 1_000; i++) deep = { components: [deep] };
    expectTooLarge(await appErrorOf(() => parseBomOffThread({ ...bom, components: [deep] }, limitsWith({}))), "depth", 64, "64 levels", "64階層");
  });
});
