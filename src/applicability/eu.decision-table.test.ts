import { describe, expect, it } from "vitest";
import { getLibrary } from "../library/library.runtime.ts";
import { evaluateFacts } from "./evaluate.ts";
import { BASE } from "./golden.eu.situations.ts";
import { checkProfile } from "./profile.ts";

/**
 * The EU AI Act's decision structure written out independently of the rules file, as a decision
 * table: scope (Art. 2(1), (3), (12)), the definition of an AI system (Art. 3(1)), roles (Arts. 3 and
 * 25(1)), prohibitions with the Art. 5(1)(h) exceptions, high-risk under Art. 6(1)–(3) with
 * Art. 6(1a)–(1c) and the Art. 6(3) derogations, Art. 50(1) with its law-enforcement exception, and
 * the dates of Art. 113. Every combination of the table's rows is run through the shipped library
 * and compared with what the table says. Where the table leaves an answer out, the expected tier is
 * the one every possible answer agrees on, or "undetermined" when they disagree: so the engine may
 * say "undetermined" only when the missing fact matters.
 */

type Facts = Record<string, unknown>;

interface Answers {
  nexus: boolean;
  kind: "ai-system" | "open-source-ai-system" | "not-ai-system" | undefined;
  exclusion: "none" | "military";
  roles: string[];
  art25: boolean;
  practice: "none" | "social-scoring" | "rbi";
  rbiObjective: "none" | "victims-missing-persons" | "criminal-suspect" | undefined;
  rbiNationalLaw: boolean | undefined;
  annexIII: "none" | "employment" | "employment-derogation";
  annexI: "none" | "section-a" | "section-b";
  component: "product" | "safety-component" | "non-safety-aspects" | undefined;
  endangers: boolean;
  solelyOtherRisks: boolean;
  interacts: "no" | "yes" | "law-enforcement";
}

const HIGH_RISK_III_FROM = "2027-12-02"; // Art. 113(c)(i)
const HIGH_RISK_I_FROM = "2028-08-02"; // Art. 113(c)(ii)
const PROHIBITIONS_FROM = "2025-02-02"; // Art. 113(a)
const TRANSPARENCY_FROM = "2026-08-02"; // Art. 113, second paragraph

/** What the table concludes for one fully answered path. */
function decide(a: Required<{ [K in keyof Answers]: NonNullable<Answers[K]> }>, asOf: string) {
  const none = { tier: "out-of-scope", roles: [] as string[], highRisk: null as null | "i" | "iii" };
  if (!a.nexus) return none; // Art. 2(1)
  if (a.kind === "not-ai-system") return none; // Art. 3(1)
  if (a.exclusion !== "none") return none; // Art. 2(3)
  const deployer = a.roles.includes("deployer");
  const rbi = a.practice === "rbi";
  // Art. 5(1)(h) prohibits the use (deployers), unless for an objective in (i)–(iii) that national law allows (Art. 5(3), (5)).
  const art5 = a.practice === "social-scoring" || (rbi && deployer && !(a.rbiObjective !== "none" && a.rbiNationalLaw));
  // Art. 6(2) with Annex III (point 1(a) for remote biometric identification), less the Art. 6(3) derogations.
  const hr3 = (a.annexIII !== "none" || rbi) && a.annexIII !== "employment-derogation";
  // Art. 6(1)(a)–(b) with (1a), (1b) and (1c).
  const safety = a.component !== "non-safety-aspects" || a.endangers;
  const hr1 = a.annexI !== "none" && safety && !a.solelyOtherRisks;
  const highRisk = hr3 ? "iii" : hr1 ? "i" : null;
  // Art. 50(1) and its law-enforcement exception.
  const art50 = a.interacts === "yes" && a.roles.includes("provider");
  if (a.kind === "open-source-ai-system" && !highRisk && !art5 && !art50) return none; // Art. 2(12)
  const deemed = highRisk !== null && !a.roles.includes("provider") && a.art25; // Art. 25(1)
  const roles = [...a.roles, ...(deemed ? ["deemed-provider"] : [])].sort();
  if (roles.length === 0) return { tier: "no-role", roles, highRisk };
  let tier = "minimal";
  if (art50 && asOf >= TRANSPARENCY_FROM) tier = "transparency";
  if ((hr3 && asOf >= HIGH_RISK_III_FROM) || (hr1 && asOf >= HIGH_RISK_I_FROM)) tier = "high-risk";
  if (art5 && asOf >= PROHIBITIONS_FROM) tier = "prohibited";
  return { tier, roles, highRisk };
}

/** Every way of answering the facts a path left out. */
function completions(a: Answers): Required<{ [K in keyof Answers]: NonNullable<Answers[K]> }>[] {
  let out: Answers[] = [a];
  const expand = <K extends keyof Answers>(key: K, values: NonNullable<Answers[K]>[]) => {
    out = out.flatMap((x) => (x[key] === undefined ? values.map((v) => ({ ...x, [key]: v })) : [x]));
  };
  expand("kind", ["ai-system", "open-source-ai-system", "not-ai-system"]);
  expand("rbiObjective", ["none", "victims-missing-persons", "criminal-suspect"]);
  expand("rbiNationalLaw", [true, false]);
  out = out.flatMap((x) => (x.component === undefined ? [{ ...x, component: "product" as const }, { ...x, component: "non-safety-aspects" as const, endangers: true }, { ...x, component: "non-safety-aspects" as const, endangers: false }] : [x]));
  return out as ReturnType<typeof completions>;
}

function factsOf(a: Answers): Facts {
  const f: Facts = {
    ...BASE,
    deploymentRegions: a.nexus ? ["eu"] : ["jp"],
    euOutputUsed: false,
    euSystemKind: a.kind,
    euExclusion: a.exclusion,
    euRoles: a.roles,
    art25Trigger: a.art25,
    prohibitedPractices: a.practice === "none" ? [] : a.practice === "rbi" ? ["realtime-rbi-law-enforcement"] : ["social-scoring"],
    rbiObjective: a.rbiObjective,
    rbiNationalLaw: a.rbiNationalLaw,
    annexIIIAreas: a.annexIII === "none" ? [] : ["employment"],
    art6Derogation: a.annexIII === "employment-derogation" ? "narrow-procedural-task" : "none",
    profilingNaturalPersons: false,
    euPublicBodyOrPublicService: false,
    annexIProduct: a.annexI,
    annexIComponent: a.annexI === "none" ? undefined : a.component,
    annexIFailureEndangersHealthSafety: a.endangers,
    annexIThirdPartyAssessment: a.annexI !== "none",
    annexIAssessmentSolelyOtherRisks: a.solelyOtherRisks,
    interactsWithPeople: a.interacts !== "no",
    euLawEnforcementAuthorised: a.interacts === "law-enforcement",
    art50PublicReporting: false,
    gpaiModelOtherRole: "none",
  };
  if (!a.nexus) {
    for (const k of ["euSystemKind", "euRoles", "euExclusion", "art25Trigger"]) delete f[k];
  }
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
}

function* paths(): Generator<Answers> {
  const kinds: [boolean, Answers["kind"], Answers["exclusion"]][] = [
    [true, "ai-system", "none"],
    [true, "open-source-ai-system", "none"],
    [true, "not-ai-system", "none"],
    [true, undefined, "none"],
    [true, "ai-system", "military"],
    [false, "ai-system", "none"],
  ];
  const roles: [string[], boolean][] = [
    [[], false], [[], true], [["provider"], false], [["deployer"], false], [["deployer"], true], [["importer"], false],
    [["importer"], true], [["distributor"], false], [["authorised-representative"], false], [["product-manufacturer"], false],
    [["provider", "deployer"], false],
  ];
  const practices: [Answers["practice"], Answers["rbiObjective"], Answers["rbiNationalLaw"]][] = [
    ["none", "none", false], ["social-scoring", "none", false], ["rbi", "none", false],
    ["rbi", "criminal-suspect", true], ["rbi", "victims-missing-persons", false], ["rbi", undefined, undefined],
  ];
  const highRisk: [Answers["annexIII"], Answers["annexI"], Answers["component"], boolean, boolean][] = [
    ["none", "none", "product", false, false],
    ["employment", "none", "product", false, false],
    ["employment-derogation", "none", "product", false, false],
    ["none", "section-a", "safety-component", false, false],
    ["none", "section-a", "non-safety-aspects", false, false],
    ["none", "section-a", "non-safety-aspects", true, false],
    ["none", "section-a", "safety-component", false, true],
    ["none", "section-b", "product", false, false],
    ["none", "section-a", undefined, false, false],
  ];
  const interacts: Answers["interacts"][] = ["no", "yes", "law-enforcement"];
  for (const [nexus, kind, exclusion] of kinds)
    for (const [r, art25] of roles) {
      if (!nexus && (r.length > 0 || art25)) continue; // refused: EU roles need an EU link
      for (const [practice, rbiObjective, rbiNationalLaw] of practices)
        for (const [annexIII, annexI, component, endangers, solelyOtherRisks] of highRisk)
          for (const i of interacts)
            yield { nexus, kind, exclusion, roles: r, art25, practice, rbiObjective, rbiNationalLaw, annexIII, annexI, component, endangers, solelyOtherRisks, interacts: i };
    }
}

const DATES = ["2025-01-15", "2026-11-22", "2028-01-01", "2028-08-02"];
const DUTY: Record<string, string> = { importer: "art-23", distributor: "art-24", "authorised-representative": "art-22", "deemed-provider": "art-25" };
const URN = "urn:musubi:eu-ai-act:2026-07-27:";

describe("applicability.eu-ai-act decision table", () => {
  it("gives every path of the Regulation exactly the tier, roles and dates the table does", { timeout: 300_000 }, () => {
    const library = getLibrary();
    let checked = 0;
    const failures: string[] = [];
    for (const a of paths()) {
      const checkedProfile = checkProfile(library, factsOf(a), "en");
      expect(checkedProfile.issues, JSON.stringify(a)).toEqual([]);
      const options = completions(a);
      for (const asOf of DATES) {
        checked++;
        const ev = evaluateFacts(library, checkedProfile.facts, asOf);
        const risk = ev.schemes.find((s) => s.scheme === "eu-ai-act-risk")!;
        const outcomes = options.map((o) => decide(o, asOf));
        const tiers = new Set(outcomes.map((o) => o.tier));
        const expected = tiers.size === 1 ? outcomes[0]!.tier : null;
        const where = `${JSON.stringify(a)} @ ${asOf}`;
        if (ev.errors.length) failures.push(`${where}: errors ${JSON.stringify(ev.errors)}`);
        if (risk.primary !== expected) failures.push(`${where}: tier ${risk.primary}, expected ${expected}`);
        if (options.length > 1) continue;
        const want = outcomes[0]!;
        const roles = ev.schemes.find((s) => s.scheme === "eu-ai-act-role")!.values.map((v) => v.value).sort();
        if (JSON.stringify(roles) !== JSON.stringify(want.roles)) failures.push(`${where}: roles ${roles}, expected ${want.roles}`);
        // Chapter III duties of the other operators start on the date of Art. 113(c) for the system's kind.
        for (const role of want.roles) {
          const article = DUTY[role];
          if (!article) continue;
          const reqs = ev.requirements.filter((r) => r.urn === URN + article || r.urn.startsWith(`${URN}${article}.`));
          const from = want.highRisk === "iii" ? HIGH_RISK_III_FROM : want.highRisk === "i" && a.annexI === "section-a" ? HIGH_RISK_I_FROM : null;
          const got = reqs.length ? reqs.map((r) => r.from).sort()[0] : null;
          if (got !== from) failures.push(`${where}: ${article} from ${got}, expected ${from}`);
        }
      }
    }
    console.log(`EU AI Act decision table: ${checked} paths checked`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });
});
