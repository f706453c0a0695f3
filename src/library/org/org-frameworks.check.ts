import type { z } from "zod";
import { wordIssue } from "../../platform/http/field-messages.ts";
import type { Locale } from "../../platform/i18n.ts";
import { AppError } from "../../platform/errors.ts";
import { CrosswalkFile, FrameworkFile, RulesFile } from "../library.schema.ts";
import type { OrgFiles } from "./org-library.ts";

/** An organisation's framework ids start with this, so that no release of Musubi can ever ship the same id. */
export const ORG_PREFIX = "org-";

/** A sentence in the caller's language. */
export const say = (locale: Locale, ja: string, en: string) => (locale === "ja" ? ja : en);

export interface Problem {
  at: string;
  message: string;
}

/** The house error for a framework file that cannot be used, with every problem found. */
export function frameworkInvalid(problems: readonly Problem[]): AppError {
  return new AppError(400, "framework_invalid", problems.slice(0, 100).map((p) => ({ field: p.at, message: p.message })));
}

/** Each part against the library's schema, every problem named with where it is. */
export function checkFiles(parts: { framework: unknown; rules: unknown; crosswalk: unknown }, locale: Locale): OrgFiles {
  const problems: Problem[] = [];
  const check = <T>(schema: z.ZodType<T>, value: unknown, part: string): T | null => {
    if (value === null || value === undefined) return null;
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    problems.push(...r.error.issues.map((i) => ({ at: [part, ...i.path].join("."), message: wordIssue(i, value, locale) })));
    return null;
  };
  const framework = check(FrameworkFile, parts.framework, "framework");
  const rules = check(RulesFile, parts.rules, "rules");
  const crosswalk = check(CrosswalkFile, parts.crosswalk, "crosswalk");
  if (!framework && problems.length === 0) problems.push({ at: "framework", message: say(locale, "ファイルにフレームワークがありません。", "The file holds no framework.") });
  if (problems.length || !framework) throw frameworkInvalid(problems);
  return { framework, rules, crosswalk };
}

/**
 * What an organisation's files may do beyond the schema: use an `org-` id, and only make their own
 * frameworks apply — a rule cannot classify systems under a shipped scheme (the EU AI Act class
 * stays the Regulation's) nor make a shipped framework apply.
 */
export function orgRulesProblems(files: OrgFiles, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const id = files.framework.framework;
  if (!id.startsWith(ORG_PREFIX)) problems.push({ at: "framework.framework", message: say(locale, `組織のフレームワークの識別子は「${ORG_PREFIX}」で始めてください（例: ${ORG_PREFIX}${id}）。Musubi が同じ識別子を将来配布しないようにするためです。`, `An organisation's framework id must start with "${ORG_PREFIX}" (e.g. ${ORG_PREFIX}${id}), so that no Musubi release can ship the same id.`) });
  if (files.rules) {
    if (files.rules.schemes.length) problems.push({ at: "rules.schemes", message: say(locale, "組織の規則では分類の体系を定義できません。規則は、そのフレームワークがいつ適用されるかを定めます。", "An organisation's rules cannot define classification schemes; they say when its framework applies.") });
    files.rules.rules.forEach((r, i) => {
      if (r.effect.kind !== "applies") problems.push({ at: `rules.rules.${i}.effect`, message: say(locale, "組織の規則は、自組織のフレームワークを適用させること（kind: applies）だけができます。", "An organisation's rule can only make its own framework apply (kind: applies).") });
      else if (r.effect.framework !== id) problems.push({ at: `rules.rules.${i}.effect.framework`, message: say(locale, `組織の規則が適用させられるのは自組織のフレームワーク（${id}）だけです。`, `An organisation's rule can only make its own framework (${id}) apply.`) });
    });
  }
  if (files.crosswalk && !files.crosswalk.edges.every((e) => e.from.startsWith(`urn:musubi:${id}:`) || e.to.startsWith(`urn:musubi:${id}:`))) {
    problems.push({ at: "crosswalk.edges", message: say(locale, `対応関係の各行は、一方の端が自組織のフレームワーク（${id}）である必要があります。`, `Every crosswalk edge must have one end in the organisation's framework (${id}).`) });
  }
  return problems;
}
