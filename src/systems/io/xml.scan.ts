/** Receives the elements of an XML document as the scanner finds them. Names are local (no prefix). */
export interface XmlHandler {
  /** Whether text is wanted at this point; unwanted text is skipped without being decoded. */
  readonly wantText: boolean;
  /** `attrs` is the raw attribute text; read it with {@link parseAttributes} only when needed. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** Malformed XML, or a construct an Office part never has (a DTD, an element of megabytes). */
export class XmlError extends Error {
  constructor(
    message: string,
    /** Set when the error is a single text node larger than the scanner holds. */
    readonly hugeText = false,
  ) {
    super(message);
    this.name = "XmlError";
  }
}

/** Largest single token (tag or text node) held while waiting for its end: 4 MiB of characters. */
const MAX_TOKEN = 4 * 2 ** 20;

/**
 * A streaming XML scanner for Office Open XML parts: chunks go in, elements come out, and memory
 * stays at one token however large the document. It is not a validating parser — Office parts are
 * machine-written — but it refuses DTDs outright, so no entity expansion can happen.
 */
export class XmlScanner {
  private pending = "";

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    this.pending = this.pending.length === 0 ? chunk : this.pending + chunk;
    this.scan();
  }

  end(): void {
    this.scan();
    if (this.pending.trim() !== "") throw new XmlError("The XML ends inside an element.");
  }

  private scan(): void {
    const s = this.pending;
    const h = this.handler;
    const len = s.length;
    let pos = 0;
    while (pos < len) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) {
        // Unwanted text is dropped as it streams, so whitespace of any length costs nothing.
        if (!h.wantText) pos = len;
        break;
      }
      if (lt > pos && h.wantText) h.text(decodeEntities(s.slice(pos, lt)));
      pos = lt;
      if (lt + 1 >= len) break;
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        const gt = s.indexOf(">", lt + 2);
        if (gt < 0) break;
        h.close(localName(s.slice(lt + 2, gt).trim()));
        pos = gt + 1;
      } else if (c === 63 /* ? */) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) break;
        pos = end + 2;
      } else if (c === 33 /* ! */) {
        if (s.startsWith("<!--", lt)) {
          const end = s.indexOf("-->", lt + 4);
          if (end < 0) break;
          pos = end + 3;
        } else if (len - lt < 9) {
          break;
        } else if (s.startsWith("<![CDATA[", lt)) {
          const end = s.indexOf("]]>", lt + 9);
          if (end < 0) break;
          if (h.wantText) h.text(normalizeLineEnds(s.slice(lt + 9, end)));
          pos = end + 3;
        } else {
          throw new XmlError("The XML has a document type declaration, which Office files never have.");
        }
      } else {
        const gt = tagEnd(s, lt + 1);
        if (gt < 0) break;
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        const end = selfClosing ? gt - 1 : gt;
        let space = lt + 1;
        while (space < end && s.charCodeAt(space) > 32) space++;
        const name = localName(s.slice(lt + 1, space));
        h.open(name, space < end ? s.slice(space, end) : "", selfClosing);
        if (selfClosing) h.close(name);
        pos = gt + 1;
      }
    }
    this.pending = pos === 0 ? s : s.slice(pos);
    if (this.pending.length > MAX_TOKEN) {
      const inText = !this.pending.startsWith("<");
      throw new XmlError(inText ? "A text node is larger than 4 MiB." : "An XML tag is larger than 4 MiB.", inText);
    }
  }
}

/** The index of the `>` closing a tag that starts before `from`, skipping quoted attribute values. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * A copy of `text` that does not keep the chunk it was cut from alive. V8 represents a slice of
 * 13 or more characters as a view into its parent, so one kept cell value held a whole 64 KiB
 * chunk of XML, and a 100,000-row sheet of inline strings outgrew a 256 MB heap. Keep texts
 * through this; short ones are copies already.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (` ${text}`).slice(1);
}

/** XML reads CR LF and a lone CR as LF (a `&#13;` reference stays a CR). */
function normalizeLineEnds(text: string): string {
  return text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
}

/**
 * Text as XML defines it: line ends normalised, the five predefined entities and character
 * references replaced; any other `&name;` is left as written.
 */
export function decodeEntities(raw: string): string {
  const text = normalizeLineEnds(raw);
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref.charCodeAt(0) !== 35) return NAMED[ref]!;
    const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * One attribute of a tag by its exact name, without building the whole set: the hot path for the
 * millions of `<c r="B5" s="3" t="s">` of a large sheet.
 */
export function attribute(raw: string, name: string): string | undefined {
  for (let i = raw.indexOf(name); i >= 0; i = raw.indexOf(name, i + name.length)) {
    const before = raw.charCodeAt(i - 1);
    let j = i + name.length;
    while (raw.charCodeAt(j) <= 32) j++;
    if ((before > 32 && before !== 58) || raw.charCodeAt(j) !== 61) continue;
    j++;
    while (raw.charCodeAt(j) <= 32) j++;
    const quote = raw.charCodeAt(j);
    if (quote !== 34 && quote !== 39) return undefined;
    const close = raw.indexOf(quote === 34 ? '"' : "'", j + 1);
    return close < 0 ? undefined : decodeEntities(raw.slice(j + 1, close));
  }
  return undefined;
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a tag by local name (`r:id` → `id`), values decoded. */
export function parseAttributes(raw: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (raw === "") return out;
  for (const m of raw.matchAll(ATTRIBUTE)) if (!m[1]!.startsWith("xmlns")) out[localName(m[1]!)] = decodeEntities(m[2] ?? m[3] ?? "");
  return out;
}
