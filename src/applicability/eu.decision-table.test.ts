import { describe, expect, it } from "vitest";
import { getLibrary } from "../library/library.runtime.ts";
import { evaluateFacts } from "./evaluate.ts";
import { BASE } from "./golden.eu.situations.ts";
import { checkProfile } from "./profile.ts";

/**
 * The EU AI Act's decision structure written out independently of the rules file, as a decision
 * table: scope (Art. 2(1), (3), (12)), the definition of an AI system (Art. 3(1)), roles (Arts. 3 and
 * 25(1)), prohibitions with the Art. 5(1)(h) exceptions and the operators whose acts Art. 5(1)
 * names, high-risk under Art. 6(1)–(3) with Art. 6(1a)–(1c) and the Art. 6(3) derogations, Art. 50(1)
 * to (5) with their exceptions and the limited form of Art. 50(4) for evident works, and the dates of
 * Arts. 111(4) and 113. Every combination of the table's rows is run through the shipped library and
 * compared with what the table says. Where the table leaves an answer out, the expected tier (and
 * each expected requirement) is the one every possible answer agrees on, or "undetermined" when they
 * disagree: so the engine may say "undetermined" only when the missing fact matters.
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
  t: Transparency;
}

/** The Art. 50 facts of one path. "unanswered" leaves the question out of the profile. */
interface Transparency {
  name: string;
  interacts?: boolean;
  le?: boolean; // authorised by law to detect, prevent, investigate or prosecute criminal offences (Art. 50(1), (2), (4))
  reporting?: boolean; // available for the public to report a criminal offence (Art. 50(1))
  gen?: "image" | "video" | "text"; // video is a deep fake, image is not
  assistive?: boolean | "unanswered"; // Art. 50(2): assistive function for standard editing / no substantial alteration
  legacy?: boolean; // placed on the market before 2 August 2026 (Art. 111(4))
  artistic?: boolean | "unanswered"; // Art. 50(4): part of an evidently artistic, creative, satirical, fictional … work
  publicText?: boolean; // Art. 50(4), second subparagraph
  edited?: boolean; // human review or editorial control, with editorial responsibility
  emotion?: boolean;
  biometric?: boolean;
  permitted?: boolean; // Art. 50(3): permitted by law to detect, prevent or investigate criminal offences
}

type Full = Omit<Required<{ [K in keyof Answers]: NonNullable<Answers[K]> }>, "t"> & { t: Transparency & { assistive?: boolean; artistic?: boolean } };

const HIGH_RISK_III_FROM = "2027-12-02"; // Art. 113(c)(i)
const HIGH_RISK_I_FROM = "2028-08-02"; // Art. 113(c)(ii)
const PROHIBITIONS_FROM = "2025-02-02"; // Art. 113(a)
const TRANSPARENCY_FROM = "2026-08-02"; // Art. 113, second paragraph
const MARKING_LEGACY_FROM = "2026-12-02"; // Art. 111(4)
/** Operators whose act Art. 5(1) names: placing on the market, putting into service, use (Musubi's reading of Art. 3(3)–(11), 2(1)(e), 25(1)). */
const ART_5_OPERATORS = ["provider", "deemed-provider", "importer", "product-manufacturer", "deployer"];

/** What the table concludes for one fully answered path. */
function decide(a: Full, asOf: string) {
  const none = { tier: "out-of-scope", roles: [] as string[], highRisk: null as null | "i" | "iii", reqs: {} as Record<string, string> };
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
  const t = a.t;
  const provider = a.roles.includes("provider");
  // Art. 50(1) and its law-enforcement exception, unless available for the public to report a criminal offence.
  const a50_1 = !!t.interacts && provider && !(t.le && !t.reporting);
  // Art. 50(2): providers of generative systems, not to the extent of assistive editing, nor where authorised by law.
  const a50_2 = !!t.gen && provider && !t.le && !t.assistive;
  // Art. 50(3): deployers of emotion recognition or biometric categorisation, unless permitted by law.
  const a50_3 = !!(t.emotion || t.biometric) && deployer && !t.permitted;
  // Art. 50(4): deployers; deep fakes (limited in form, not removed, for evident works) and public-interest text.
  const a50_4df = t.gen === "video" && deployer && !t.le;
  const a50_4pt = !!t.publicText && !t.edited && deployer && !t.le;
  const art50 = a50_1 || a50_2 || a50_3 || a50_4df || a50_4pt;
  if (a.kind === "open-source-ai-system" && !highRisk && !art5 && !art50) return none; // Art. 2(12)
  const deemed = highRisk !== null && !a.roles.includes("provider") && a.art25; // Art. 25(1)
  const roles = [...a.roles, ...(deemed ? ["deemed-provider"] : [])].sort();
  // Requirements the table tracks, with the date each applies from.
  const reqs: Record<string, string> = {};
  if (a50_1) reqs["art-50.1"] = TRANSPARENCY_FROM;
  if (a50_2) reqs["art-50.2"] = t.legacy ? MARKING_LEGACY_FROM : TRANSPARENCY_FROM;
  if (a50_3) reqs["art-50.3"] = TRANSPARENCY_FROM;
  if (a50_4df || a50_4pt) reqs["art-50.4"] = TRANSPARENCY_FROM;
  if (a50_1 || a50_3 || a50_4df || a50_4pt) reqs["art-50.5"] = TRANSPARENCY_FROM; // Art. 50(5): 'The information referred to in paragraphs 1 to 4'
  if (a50_4df && t.artistic) reqs["eu-transparency-deepfake-artistic"] = TRANSPARENCY_FROM;
  // Art. 5(1)(c) reaches those who place on the market, put into service or use; (h) only the use.
  if (a.practice === "social-scoring" && roles.some((r) => ART_5_OPERATORS.includes(r))) reqs["art-5.1.c"] = PROHIBITIONS_FROM;
  if (rbi && deployer) reqs["art-5.1.h"] = PROHIBITIONS_FROM;
  if (roles.length === 0) return { tier: "no-role", roles, highRisk, reqs };
  let tier = "minimal";
  if (art50 && asOf >= TRANSPARENCY_FROM) tier = "transparency";
  if ((hr3 && asOf >= HIGH_RISK_III_FROM) || (hr1 && asOf >= HIGH_RISK_I_FROM)) tier = "high-risk";
  if (art5 && asOf >= PROHIBITIONS_FROM) tier = "prohibited";
  return { tier, roles, highRisk, reqs };
}

/** Every way of answering the facts a path left out. */
function completions(a: Answers): Full[] {
  let out: Answers[] = [a];
  const expand = <K extends keyof Answers>(key: K, values: NonNullable<Answers[K]>[]) => {
    out = out.flatMap((x) => (x[key] === undefined ? values.map((v) => ({ ...x, [key]: v })) : [x]));
  };
  expand("kind", ["ai-system", "open-source-ai-system", "not-ai-system"]);
  expand("rbiObjective", ["none", "victims-missing-persons", "criminal-suspect"]);
  expand("rbiNationalLaw", [true, false]);
  out = out.flatMap((x) => (x.component === undefined ? [{ ...x, component: "product" as const }, { ...x, component: "non-safety-aspects" as const, endangers: true }, { ...x, component: "non-safety-aspects" as const, endangers: false }] : [x]));
  for (const key of ["assistive", "artistic"] as const) {
    out = out.flatMap((x) => (x.t[key] === "unanswered" ? [true, false].map((v) => ({ ...x, t: { ...x.t, [key]: v } })) : [x]));
  }
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
    gpaiModelOtherRole: "none",
    ...transparencyFacts(a.t),
  };
  if (!a.nexus) {
    for (const k of ["euSystemKind", "euRoles", "euExclusion", "art25Trigger"]) delete f[k];
  }
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
}

function transparencyFacts(t: Transparency): Facts {
  const answer = (v: boolean | "unanswered" | undefined) => (v === "unanswered" ? undefined : v);
  return {
    interactsWithPeople: !!t.interacts,
    euLawEnforcementAuthorised: !!t.le,
    art50PublicReporting: !!t.reporting,
    generative: !!t.gen,
    generatedContent: t.gen ? [t.gen] : undefined,
    deepFake: t.gen === "image" || t.gen === "video" ? t.gen === "video" : undefined,
    art50AssistiveEditing: t.gen ? answer(t.assistive ?? false) : undefined,
    deepFakeArtisticWork: t.gen === "video" ? answer(t.artistic ?? false) : undefined,
    publicInterestText: t.gen === "text" ? !!t.publicText : undefined,
    humanEditorialControl: t.publicText ? !!t.edited : undefined,
    emotionRecognition: !!t.emotion,
    biometricCategorisation: !!t.biometric,
    euLawEnforcementPermitted: t.emotion || t.biometric ? !!t.permitted : undefined,
    euPlacedOnMarketOn: t.legacy ? "2026-05-01" : "2026-09-01",
  };
}

/** Every Art. 50 situation the table distinguishes. */
const TRANSPARENCY: Transparency[] = [
  { name: "none" },
  { name: "interacts", interacts: true },
  { name: "interacts, law enforcement", interacts: true, le: true },
  { name: "interacts, law enforcement, public reporting", interacts: true, le: true, reporting: true },
  { name: "marking", gen: "image", assistive: false },
  { name: "marking, placed before 2 August 2026", gen: "image", assistive: false, legacy: true },
  { name: "assistive editing", gen: "image", assistive: true },
  { name: "assistive editing unanswered", gen: "image", assistive: "unanswered" },
  { name: "marking, law enforcement", gen: "image", le: true, assistive: "unanswered" },
  { name: "deep fake", gen: "video", assistive: false, artistic: false },
  { name: "deep fake in an evident work", gen: "video", assistive: false, artistic: true },
  { name: "deep fake, work unanswered", gen: "video", assistive: false, artistic: "unanswered" },
  { name: "deep fake in an evident work, assistive editing", gen: "video", assistive: true, artistic: true },
  { name: "deep fake, law enforcement", gen: "video", le: true, assistive: "unanswered", artistic: "unanswered" },
  { name: "public-interest text", gen: "text", assistive: false, publicText: true, edited: false },
  { name: "public-interest text, editorial control", gen: "text", assistive: false, publicText: true, edited: true },
  { name: "public-interest text, law enforcement", gen: "text", le: true, assistive: "unanswered", publicText: true, edited: false },
  { name: "emotion recognition", emotion: true, permitted: false },
  { name: "emotion recognition permitted by law", emotion: true, permitted: true },
  { name: "biometric categorisation", biometric: true, permitted: false },
  { name: "chatbot making deep fakes, both exceptions unanswered", interacts: true, gen: "video", assistive: "unanswered", artistic: "unanswered" },
];
/** The Art. 50(1) rows alone, for the paths whose other rows are crossed in full. */
const TRANSPARENCY_SHORT = TRANSPARENCY.slice(0, 3);

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
  for (const [nexus, kind, exclusion] of kinds)
    for (const [r, art25] of roles) {
      if (!nexus && (r.length > 0 || art25)) continue; // refused: EU roles need an EU link
      for (const [practice, rbiObjective, rbiNationalLaw] of practices)
        for (const [h, [annexIII, annexI, component, endangers, solelyOtherRisks]] of highRisk.entries()) {
          // Every Art. 50 row is crossed with the roles and kinds, with no practice or social scoring and with or without Annex III.
          const full = h < 2 && (practice === "none" || practice === "social-scoring");
          for (const t of full ? TRANSPARENCY : TRANSPARENCY_SHORT)
            yield { nexus, kind, exclusion, roles: r, art25, practice, rbiObjective, rbiNationalLaw, annexIII, annexI, component, endangers, solelyOtherRisks, t };
        }
    }
}

const DATES = ["2025-01-15", "2026-11-22", "2028-01-01", "2028-08-02"];
const DUTY: Record<string, string> = { importer: "art-23", distributor: "art-24", "authorised-representative": "art-22", "deemed-provider": "art-25" };
const URN = "urn:musubi:eu-ai-act:2026-07-27:";
const TRACKED = ["art-50.1", "art-50.2", "art-50.3", "art-50.4", "art-50.5", "eu-transparency-deepfake-artistic", "art-5.1.c", "art-5.1.h"];

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
        const where = `${JSON.stringify({ ...a, t: a.t.name })} @ ${asOf}`;
        if (ev.errors.length) failures.push(`${where}: errors ${JSON.stringify(ev.errors)}`);
        if (risk.primary !== expected) failures.push(`${where}: tier ${risk.primary}, expected ${expected}`);
        // Each tracked requirement (or the rule giving the limited Art. 50(4) form) where every completion agrees on it.
        for (const key of TRACKED) {
          const wants = new Set(outcomes.map((o) => o.reqs[key] ?? null));
          if (wants.size > 1) continue;
          const want = [...wants][0];
          const got = key.startsWith("eu-")
            ? (ev.requirements.find((r) => r.urn === `${URN}art-50.4` && r.rules.includes(key))?.from ?? null)
            : (ev.requirements.find((r) => r.urn === URN + key)?.from ?? null);
          if (got !== want) failures.push(`${where}: ${key} from ${got}, expected ${want}`);
        }
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
