import { describe, expect, it } from "vitest";
import { ticks } from "./pdf.chart.ts";
import { breakUnits, wrapText } from "./pdf.wrap.ts";

/** Every character one unit wide: a line of width n holds n characters. */
const mono = (s: string) => [...s].length;

describe("pdf.wrap", () => {
  it("breaks Japanese between any two characters", () => {
    expect(wrapText("日本語の文章を折り返す", 4, mono)).toEqual(["日本語の", "文章を折", "り返す"]);
  });

  it("keeps Latin words whole and drops the space at a break", () => {
    expect(wrapText("the quick brown fox", 10, mono)).toEqual(["the quick", "brown fox"]);
    expect(wrapText("AIシステム card", 8, mono)).toEqual(["AIシステム", "card"]);
  });

  it("never starts a line with closing punctuation or small kana", () => {
    const lines = wrapText("あいう。えおか、きくけ」こさしっと", 3, mono);
    for (const line of lines.slice(1)) expect("。、」っ").not.toContain(line[0]);
    expect(lines.join("")).toBe("あいう。えおか、きくけ」こさしっと");
  });

  it("never ends a line with an opening bracket", () => {
    const lines = wrapText("あいう「えお」", 4, mono);
    for (const line of lines) expect(line.at(-1)).not.toBe("「");
    expect(lines.join("")).toBe("あいう「えお」");
  });

  it("cuts a word longer than the line, and breaks at a newline", () => {
    expect(wrapText("abcdefghij", 4, mono)).toEqual(["abcd", "efgh", "ij"]);
    expect(wrapText("一行目\n二行目", 10, mono)).toEqual(["一行目", "二行目"]);
    expect(wrapText("", 10, mono)).toEqual([""]);
  });

  it("glues kinsoku characters to their neighbours", () => {
    expect(breakUnits("「AI」です。")).toEqual(["「AI」", "で", "す。"]);
  });
});

describe("pdf.chart.ticks", () => {
  it("steps by 1, 2 or 5 times a power of ten up to the maximum", () => {
    expect(ticks(3)).toEqual([0, 1, 2, 3]);
    expect(ticks(12)).toEqual([0, 5, 10, 15]);
    expect(ticks(0)).toEqual([0, 1]);
    expect(ticks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });
});
