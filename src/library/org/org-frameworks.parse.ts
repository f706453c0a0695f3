import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import type { OrgFiles } from "./org-library.ts";
import { checkFiles, frameworkInvalid, say } from "./org-frameworks.check.ts";
import type { Locale } from "../../platform/i18n.ts";
import { readOrgFrameworkWorkbook } from "./org-frameworks.xlsx.ts";

export const SOURCE_FORMATS = ["json", "yaml", "xlsx", "oscal"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** A framework file may be at most this large (SP 800-53 rev5 as OSCAL is about 10 MB). */
export const ORG_FRAMEWORK_MAX_BYTES = 16 * 1024 * 1024;
const MAX_YAML_ALIASES = 100;

/** The file format for a framework with what comes with it: its applicability rules and its crosswalk. */
export const FrameworkBundle = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal("musubi-framework-bundle/1"),
  framework: z.unknown(),
  rules: z.unknown().optional(),
  crosswalk: z.unknown().optional(),
});

/**
 * Reads a framework an organisation wrote — a library JSON or YAML file (a `musubi-framework/1`
 * file, or a `musubi-framework-bundle/1` with its rules and crosswalk), the Excel template, or an
 * OSCAL catalog (a resolved profile is a catalog too) — into library files, each checked against
 * the library's own schemas. Bounded: size first, YAML aliases capped, the workbook streamed.
 */
export async function readOrgFrameworkFile(bytes: Uint8Array, fileName: string, convertOscal: (doc: unknown) => unknown, locale: Locale): Promise<{ files: OrgFiles; format: SourceFormat }> {
  if (bytes.byteLength > ORG_FRAMEWORK_MAX_BYTES) throw new AppError(413, "payload_too_large", { limitBytes: ORG_FRAMEWORK_MAX_BYTES });
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return { files: await readOrgFrameworkWorkbook(bytes, fileName, locale), format: "xlsx" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw frameworkInvalid([{ at: "file", message: say(locale, "ファイルが UTF-8 のテキスト（JSON 又は YAML）でも Excel ブックでもありません。", "The file is not UTF-8 text, JSON, YAML or an Excel workbook.") }]);
  }
  const isJson = /^\s*[{[]/.test(text);
  let value: unknown;
  try {
    value = isJson ? JSON.parse(text) : parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES, uniqueKeys: true });
  } catch (err) {
    throw frameworkInvalid([{ at: "file", message: say(locale, `ファイルが正しい ${isJson ? "JSON" : "YAML"} ではありません: ${(err as Error).message.split("\n")[0]}`, `The file is not valid ${isJson ? "JSON" : "YAML"}: ${(err as Error).message.split("\n")[0]}`) }]);
  }
  if (value && typeof value === "object" && "catalog" in value) return { files: checkFiles({ framework: convertOscal(value), rules: null, crosswalk: null }, locale), format: "oscal" };
  const bundle = FrameworkBundle.safeParse(value);
  const parts = bundle.success ? { framework: bundle.data.framework, rules: bundle.data.rules ?? null, crosswalk: bundle.data.crosswalk ?? null } : { framework: value, rules: null, crosswalk: null };
  return { files: checkFiles(parts, locale), format: isJson ? "json" : "yaml" };
}

