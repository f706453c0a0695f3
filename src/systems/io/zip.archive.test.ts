import { describe, expect, it } from "vitest";
import { hugeRegister, rowsXml, workbookOf, zipBomb, zipOf } from "../../../test/support/xlsx.ts";
import { appErrorOf } from "./io.test-support.ts";
import { readTable } from "./table.read.ts";
import { expectTooLarge, limitsWith } from "./upload.test-support.ts";

describe("systems.io zip archive", () => {
  it("refuses a 1.1 GB zip bomb from its directory, before inflating anything", async () => {
    const bomb = zipBomb(1_100_000_000);
    expect(bomb.length).toBeLessThan(3_000_000);
    const started = process.cpuUsage();
    const err = await appErrorOf(() => readTable(bomb, "bomb.xlsx"));
    expectTooLarge(err, "zip_ratio", 100, "more than 100-fold", "100倍");
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(500);
  });

  it("stops a zip bomb whose directory lies as soon as a part outgrows its declared size", async () => {
    const err = await appErrorOf(() => readTable(zipBomb(1_100_000_000, 1_000_000), "bomb.xlsx"));
    expect(err.status).toBe(422);
    expect(err.details).toMatchObject({ reason: "bad_xlsx", message: { en: expect.stringContaining("larger than the archive declares"), ja: expect.stringContaining("宣言されたサイズ") } });
  });

  it("refuses the reported 530 MB sheet from its declared size, naming the byte limit", async () => {
    const err = await appErrorOf(() => readTable(hugeRegister(3_800_000), "台帳.xlsx"));
    expectTooLarge(err, "uncompressed_bytes", 256 * 2 ** 20, "at most 256 MB", "256MBまで");
  });

  it("applies a configured byte limit", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`AIS-${i}`, `システム${i}`]);
    const err = await appErrorOf(() => readTable(workbookOf([{ name: "S", part: rowsXml(rows) }]), "a.xlsx", { limits: limitsWith({ uncompressedBytes: 2 ** 20 }) }));
    expectTooLarge(err, "uncompressed_bytes", 2 ** 20, "at most 1 MB", "1MBまで");
  });

  it("refuses an archive of more than 10,000 parts", async () => {
    const parts = Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}`, data: "", store: true }));
    const err = await appErrorOf(() => readTable(zipOf(parts), "many.xlsx"));
    expectTooLarge(err, "zip_entries", 10_000, "at most 10,000", "10,000個まで");
  });

  it("refuses a truncated workbook or a ZIP that is not a workbook as damaged (422)", async () => {
    const whole = workbookOf([{ name: "S", part: rowsXml([["a", "b"]]) }]);
    for (const bytes of [whole.subarray(0, whole.length - 30), zipOf([{ name: "word/document.xml", data: "<w/>" }])]) {
      const err = await appErrorOf(() => readTable(bytes, "a.xlsx"));
      expect(err.status).toBe(422);
      expect(err.details).toMatchObject({ reason: "bad_xlsx" });
    }
  });
});
