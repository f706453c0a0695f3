import { describe, expect, it } from "vitest";
import { attribute, decodeEntities, parseAttributes, XmlError, XmlScanner, type XmlHandler } from "./xml.scan.ts";

/** Scans `xml` split into pieces of `size` characters and records every event. */
function events(xml: string, size: number, wantText = () => true): string[] {
  const out: string[] = [];
  const handler: XmlHandler = {
    get wantText() {
      return wantText();
    },
    open: (name, attrs, selfClosing) => out.push(`<${name}${attrs}${selfClosing ? "/" : ""}>`),
    close: (name) => out.push(`</${name}>`),
    text: (t) => out.push(t),
  };
  const scanner = new XmlScanner(handler);
  for (let i = 0; i < xml.length; i += size) scanner.write(xml.slice(i, i + size));
  scanner.end();
  return out;
}

const DOC = `<?xml version="1.0"?>\r\n<!-- note --><x:row r="1" x:spans='1:2'><c r="A1" f="a>b"><v>1 &lt; 2 &amp; &#x3042;&#12354;</v></c><c/><t><![CDATA[<raw> & ]]></t><t>a\r\nb\rc</t></x:row>`;

describe("systems.io xml scanner", () => {
  it("reports the same elements, local names and decoded text however the input is split", () => {
    const whole = events(DOC, DOC.length);
    expect(whole).toEqual([
      "\n",
      `<row r="1" x:spans='1:2'>`,
      '<c r="A1" f="a>b">',
      "<v>",
      "1 < 2 & ああ",
      "</v>",
      "</c>",
      "<c/>",
      "</c>",
      "<t>",
      "<raw> & ",
      "</t>",
      "<t>",
      "a\nb\nc",
      "</t>",
      "</row>",
    ]);
    for (const size of [1, 2, 3, 7, 64]) expect(events(DOC, size)).toEqual(whole);
  });

  it("drops text nobody wants as it streams, so megabytes of whitespace are never held", () => {
    const xml = `<a>${" ".repeat(10 * 2 ** 20)}</a>`;
    expect(events(xml, 65_536, () => false)).toEqual(["<a>", "</a>"]);
  });

  it("refuses a wanted text node over 4 MiB, and a DTD", () => {
    expect(() => events(`<t>${"x".repeat(5 * 2 ** 20)}</t>`, 65_536)).toThrow(expect.objectContaining({ hugeText: true }));
    expect(() => events('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', 100)).toThrow(XmlError);
  });

  it("refuses a document that ends inside a tag", () => {
    expect(() => events("<a><b x='1'", 4)).toThrow(XmlError);
  });

  it("reads attributes by local name, decoded, and one attribute without the others", () => {
    expect(parseAttributes(` xmlns:r="ns" r:id="rId1" name='台帳 &amp; 旧' state="hidden"`)).toEqual({ id: "rId1", name: "台帳 & 旧", state: "hidden" });
    expect(attribute(` r="B5" s="3" t="s"`, "s")).toBe("3");
    expect(attribute(` t="s" r="B5"`, "r")).toBe("B5");
    expect(attribute(` ref="A1:B2"`, "r")).toBeUndefined();
    expect(decodeEntities("&unknown; &#x110000; &quot;")).toBe('&unknown; &#x110000; "');
  });
});
