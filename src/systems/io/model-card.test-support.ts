import { readFileSync } from "node:fs";
import { CORPUS } from "./io.test-support.ts";

/** The Hugging Face and Model Card Toolkit material of the shared corpus. */
export const CARDS = `${CORPUS}/model-cards`;

export const corpusBytes = (file: string): Uint8Array => readFileSync(`${CARDS}/${file}`);

/**
 * A corpus template with each `{placeholder}` replaced by the example its own comment gives
 * (`license: {license}  # Example: apache-2.0 or any license …` → `license: apache-2.0`): the
 * specification's own sample values, so tests read a filled card nobody here made up. Placeholders
 * without an `Example:` stay as they are; lines whose key is a placeholder (`{arg_0}: {value_0}`)
 * are dropped, since their example is prose ("Example for wikipedia: language: en").
 */
export function fillFromExamples(template: string): string {
  return template
    .split("\n")
    .filter((line) => !/^\s*-?\s*\{\w+\}\s*:/.test(line))
    .map((line) => {
      const example = /#.*?\bExample: (.*)$/.exec(line)?.[1];
      if (example === undefined) return line;
      const value = example.split(/ or | in `|\. /)[0]!.trim().replace(/\.$/, "");
      return line.replace(/\{\w+\}/, value.includes(":") || value.includes("#") ? JSON.stringify(value) : value);
    })
    .join("\n");
}
