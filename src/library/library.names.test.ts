import { describe, expect, it } from "vitest";
import { loadLibrary } from "./library.load.ts";
import { frameworkLabel, stepName } from "./library.present.ts";

/** The frameworks whose sources give no Japanese name: Musubi names them, and says so. */
const NAMED_BY_MUSUBI = {
  "eu-ai-act": "EU AI法",
  "nist-ai-rmf": "NIST AIリスクマネジメントフレームワーク 1.0（NIST AI 100-1）",
  "iso-42001": "ISO/IEC 42001（AIマネジメントシステム）",
  "hiroshima-code-of-conduct": "広島プロセス国際行動規範",
  "oecd-haip": "OECD 広島AIプロセス報告枠組み",
};

describe("library.names", () => {
  const { library } = loadLibrary();
  const current = (id: string) => library!.current.get(id)!.file;

  it.each(Object.entries(NAMED_BY_MUSUBI))("names %s in Japanese as Musubi's wording, keeping the official English name", (id, ja) => {
    const fw = current(id);
    expect(fw.shortName?.ja).toBe(ja);
    expect(fw.shortNameOrigin?.ja).toBe("musubi-editorial");
    expect(fw.name.en).toBeTruthy();
    expect(fw.name.ja).toBeUndefined();
    expect(frameworkLabel(fw)).toEqual({ ja, en: fw.shortName!.en });
  });

  it("marks every Japanese short name that has no official Japanese name behind it", () => {
    for (const versions of library!.frameworks.values()) {
      for (const { file } of versions.values()) {
        if (file.shortName?.ja && !file.name.ja) expect(file.shortNameOrigin?.ja, file.framework).toBeDefined();
      }
    }
  });

  it("gives a Japanese name to every framework the Japanese UI lists", () => {
    for (const [id, fw] of library!.current) expect(frameworkLabel(fw.file).ja, id).toBeTruthy();
  });

  it("cites each statute's source by publisher and law number", () => {
    expect(current("jp-ai-promotion-act").source).toMatchObject({ reference: { ja: "令和七年法律第五十三号", en: "Act No. 53 of June 4, 2025" } });
    expect(current("jp-appi").source).toMatchObject({ reference: { ja: "平成十五年法律第五十七号", en: "Act No. 57 of 2003" } });
    expect(current("jp-appi").source.publisher?.map((p) => p.ja)).toEqual(["e-Gov法令検索", "日本法令外国語訳データベース"]);
    expect(current("nist-ai-rmf").source.reference?.en).toBe("NIST AI 100-1, doi:10.6028/NIST.AI.100-1");
    expect(current("hiroshima-code-of-conduct").source.publisher).toEqual([{ ja: "外務省", en: "Ministry of Foreign Affairs of Japan" }]);
  });

  it("names a crosswalk step by framework and label, and nothing for an unknown URN", () => {
    expect(stepName(library!, "urn:musubi:jp-ai-guidelines:1.2:principle-2")).toMatchObject({ frameworkName: { ja: "AI事業者ガイドライン" }, label: { ja: expect.any(String) } });
    expect(stepName(library!, "urn:musubi:nope:1:x")).toEqual({});
  });
});
