import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../../src/platform/errors.ts";
import { en } from "./en.ts";
import { ja } from "./ja.ts";
import { findHardCodedText } from "./literal-scan.ts";

const WEB_SRC = fileURLToPath(new URL("..", import.meta.url));

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n dictionaries", () => {
  it("have exactly the same keys in English and Japanese", () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it("have no empty values", () => {
    for (const [lang, dict] of Object.entries({ en, ja })) {
      const empty = Object.entries(dict).filter(([, v]) => v.trim() === "").map(([k]) => `${lang}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it("use the same {placeholders} in both languages", () => {
    const mismatched = Object.keys(en).filter(
      (k) => placeholders(en[k as keyof typeof en]).join() !== placeholders(ja[k as keyof typeof ja]).join(),
    );
    expect(mismatched).toEqual([]);
  });
});

describe("error messages", () => {
  it("translate every error code the server can answer with", () => {
    const missing = [...ERROR_CODES, "network"].flatMap((code) =>
      [["en", en], ["ja", ja]].filter(([, dict]) => !(`error.${code}` in (dict as object))).map(([lang]) => `${lang}: error.${code}`),
    );
    expect(missing).toEqual([]);
  });
});

describe("hard-coded UI text", () => {
  it("the scanner catches text between tags and in read-aloud attributes", () => {
    const bad = [
      "export const A = () => (",
      '  <div title="Help" aria-label={"Close"}>',
      "    Hello {name} <b>{ok ? \"保存\" : t(\"k\")}</b>",
      '    <img alt={`Logo of ${org}`} placeholder={t("x")} className="card" />',
      "    {\"×\"} — 42",
      "  </div>",
      ");",
    ].join("\n");
    expect(findHardCodedText("bad.tsx", bad)).toEqual([
      { line: 2, text: "Help" },
      { line: 2, text: "Close" },
      { line: 3, text: "Hello" },
      { line: 3, text: "保存" },
      { line: 4, text: "Logo of …" },
    ]);
  });

  it("finds none in web/src: every string comes from the dictionaries", () => {
    const offences = tsxFiles(WEB_SRC).flatMap((file) =>
      findHardCodedText(file, fs.readFileSync(file, "utf8")).map(
        (hit) => `${path.relative(WEB_SRC, file)}:${hit.line}: ${JSON.stringify(hit.text)}`,
      ),
    );
    expect(offences, `hard-coded UI text — move it to web/src/i18n/en.ts and ja.ts:\n${offences.join("\n")}`).toEqual([]);
  });
});
