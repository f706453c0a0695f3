/**
 * Line breaking for mixed Japanese and Latin text. Japanese has no spaces, so a line may break
 * between any two CJK characters; Latin words stay whole and break at spaces. Kinsoku shori:
 * closing punctuation and small kana never start a line, opening brackets never end one — each is
 * glued to its neighbour before breaking. A word wider than the line is cut by characters.
 */

/** Characters that may not start a line (JIS X 4051 gyoto kinsoku, the common subset). */
const NO_LINE_START = new Set([..."、。，．・：；？！゛゜ヽヾゝゞ々ー）］｝〕〉》」』】〙〗〟’”｠»ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ‐゠–〜～!),.:;?]}…‥%％"]);
/** Characters that may not end a line (gyomatsu kinsoku). */
const NO_LINE_END = new Set([..."（［｛〔〈《「『【〘〖〝‘“｟«([{"]);

/** Scripts written without spaces: a break may fall after any one of these characters. */
function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) || // radicals, CJK symbols, kana, CJK unified ideographs
    (cp >= 0xac00 && cp <= 0xd7af) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xffef) || // full- and half-width forms
    (cp >= 0x20000 && cp <= 0x3ffff) // supplementary ideographs
  );
}

/**
 * Splits one line of text into unbreakable pieces: a CJK character, a Latin word, or a run of
 * spaces, with kinsoku characters glued to the piece they must stay with.
 */
export function breakUnits(line: string): string[] {
  const units: string[] = [];
  let glueNext = false;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const space = ch === " " || ch === "\t" || ch === "\u3000";
    const prev = units.length ? units[units.length - 1]! : undefined;
    const prevLast = prev ? [...prev].at(-1)! : "";
    const prevSpace = prevLast === " " || prevLast === "\t" || prevLast === "\u3000";
    if (prev !== undefined && !space && (glueNext || (NO_LINE_START.has(ch) && !prevSpace))) units[units.length - 1] = prev + ch;
    else if (prev !== undefined && space && prevSpace) units[units.length - 1] = prev + ch;
    else if (prev !== undefined && !space && !isCjk(cp) && !prevSpace && !isCjk(prevLast.codePointAt(0)!) && !NO_LINE_END.has(prevLast)) units[units.length - 1] = prev + ch;
    else units.push(ch);
    glueNext = NO_LINE_END.has(ch);
  }
  return units;
}

const isBlank = (s: string) => /^[\s\u3000]*$/.test(s);

/**
 * Wraps `text` to lines no wider than `maxWidth` as `measure` reports widths. `\n` forces a
 * break; spaces at a break are dropped. Never returns an empty array (an empty text is one empty line).
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  for (const para of text.replace(/\r\n?/g, "\n").split("\n")) {
    let line = "";
    let width = 0;
    const flush = () => {
      out.push(line.trimEnd());
      line = "";
      width = 0;
    };
    const pieces = breakUnits(para);
    for (let i = 0; i < pieces.length; i++) {
      const unit = pieces[i]!;
      if (isBlank(unit) && line === "") continue;
      const w = measure(unit);
      if (width + w <= maxWidth || (isBlank(unit) && line !== "")) {
        line += unit;
        width += w;
        continue;
      }
      if (line.trim() !== "") flush();
      if (w <= maxWidth) {
        line = unit;
        width = w;
        continue;
      }
      // A word longer than a whole line (a URL, a hash): cut it where it must be cut.
      for (const ch of unit) {
        const cw = measure(ch);
        if (width + cw > maxWidth && line !== "") flush();
        line += ch;
        width += cw;
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}
