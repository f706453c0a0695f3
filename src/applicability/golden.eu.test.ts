import { describe, expect, it } from "vitest";
import { assess, primaryOf, requirementIds, under, valuesOf } from "./golden.support.ts";
import { annexIII, ART_50_AND_5_CASES, BASE, type Case, ISSUE_13_CASES } from "./golden.eu.situations.ts";

/**
 * EU AI Act golden cases. Each expectation is written from the consolidated text of Regulation (EU)
 * 2024/1689 as amended by Regulation (EU) 2026/1744 (library/frameworks/eu-ai-act/2026-07-27.json),
 * and each case quotes the provision it rests on.
 */

const PROHIBITED: [string, string, string][] = [
  ["subliminal-manipulation", "a", "Art. 5(1)(a): 'deploys subliminal techniques beyond a person’s consciousness or purposefully manipulative or deceptive techniques'"],
  ["exploiting-vulnerabilities", "b", "Art. 5(1)(b): 'exploits any of the vulnerabilities of a natural person or a specific group of persons due to their age, disability or a specific social or economic situation'"],
  ["social-scoring", "c", "Art. 5(1)(c): 'evaluation or classification of natural persons … based on their social behaviour'"],
  ["crime-risk-profiling", "d", "Art. 5(1)(d): 'risk assessments of natural persons in order to assess or predict the risk of a natural person committing a criminal offence, based solely on the profiling'"],
  ["facial-scraping", "e", "Art. 5(1)(e): 'create or expand facial recognition databases through the untargeted scraping of facial images'"],
  ["emotion-workplace-education", "f", "Art. 5(1)(f): 'infer emotions of a natural person in the areas of workplace and education institutions'"],
  ["biometric-categorisation-sensitive", "g", "Art. 5(1)(g): 'biometric categorisation systems that categorise individually natural persons based on their biometric data to deduce or infer their race, political opinions…'"],
];

const AREAS: [string, string][] = [
  ["biometrics", "Annex III point 1: 'Biometrics, in so far as their use is permitted under relevant Union or national law'"],
  ["critical-infrastructure", "Annex III point 2: 'Critical infrastructure: AI systems intended to be used as safety components…'"],
  ["education", "Annex III point 3: 'Education and vocational training'"],
  ["employment", "Annex III point 4: 'Employment, workers’ management and access to self-employment'"],
  ["essential-services", "Annex III point 5: 'Access to and enjoyment of essential private services and essential public services and benefits'"],
  ["law-enforcement", "Annex III point 6: 'Law enforcement, in so far as their use is permitted…'"],
  ["migration", "Annex III point 7: 'Migration, asylum and border control management'"],
  ["justice-democracy", "Annex III point 8: 'Administration of justice and democratic processes'"],
];

const DEROGATIONS: [string, string][] = [
  ["narrow-procedural-task", "Art. 6(3)(a): 'the AI system is intended to perform a narrow procedural task'"],
  ["improves-completed-human-activity", "Art. 6(3)(b): 'intended to improve the result of a previously completed human activity'"],
  ["detects-decision-patterns", "Art. 6(3)(c): 'intended to detect decision-making patterns or deviations from prior decision-making patterns'"],
  ["preparatory-task", "Art. 6(3)(d): 'intended to perform a preparatory task to an assessment relevant for the purposes of the use cases listed in Annex III'"],
];

const CASES: Case[] = [
  ...PROHIBITED.map(([practice, point, cite]): Case => ({
    name: `prohibited practice 5(1)(${point}) is prohibited from 2 February 2025`,
    cite: `${cite}; Art. 113(a): Chapters I and II apply from 2 February 2025`,
    facts: { ...BASE, prohibitedPractices: [practice] },
    asOf: "2026-11-22",
    tier: "prohibited",
    has: [`art-5.1.${point}`],
  })),
  {
    name: "non-consensual intimate imagery (5(1)(ba)) is not yet prohibited on 1 December 2026",
    cite: "Art. 113(a): 'Article 5(1), first subparagraph, points (ba) and (bb) … shall apply from 2 December 2026'",
    facts: { ...BASE, prohibitedPractices: ["intimate-imagery"] },
    asOf: "2026-12-01",
    tier: "minimal",
    upcoming: ["prohibited", "2026-12-02"],
    hasLater: ["art-5.1.ba"],
  },
  {
    name: "non-consensual intimate imagery (5(1)(ba)) is prohibited from 2 December 2026",
    cite: "Art. 5(1)(ba) with Art. 113(a)",
    facts: { ...BASE, prohibitedPractices: ["intimate-imagery"] },
    asOf: "2026-12-02",
    tier: "prohibited",
    has: ["art-5.1.ba"],
  },
  {
    name: "child sexual abuse material (5(1)(bb)) is prohibited from 2 December 2026",
    cite: "Art. 5(1)(bb): 'generates or manipulates material or performance within the meaning of Article 2, points (c) and (e), of Directive 2011/93/EU'; Art. 113(a)",
    facts: { ...BASE, prohibitedPractices: ["child-sexual-abuse-material"] },
    asOf: "2026-12-02",
    tier: "prohibited",
  },
  {
    name: "a prohibited practice outranks a high-risk use",
    cite: "Art. 5 prohibits the practice outright; Art. 6 classification cannot make it lawful",
    facts: { ...annexIII("employment"), prohibitedPractices: ["emotion-workplace-education"] },
    asOf: "2027-12-02",
    tier: "prohibited",
  },
  ...AREAS.map(([area, cite]): Case => ({
    name: `Annex III area '${area}' is high-risk from 2 December 2027 with the provider's obligations`,
    cite: `${cite}; Art. 6(2); Art. 113(c)(i): Chapter III Sections 1–3 apply 'from 2 December 2027 as regards AI systems classified as high-risk pursuant to Article 6(2) and Annex III'`,
    facts: annexIII(area),
    asOf: "2027-12-02",
    tier: "high-risk",
    has: ["art-9", "art-16", "art-17"],
    hasNot: ["art-26"],
  })),
  {
    name: "Annex III employment use is still not high-risk on 1 December 2027 (high-risk comes later)",
    cite: "Art. 113(c)(i): Annex III high-risk obligations apply from 2 December 2027",
    facts: annexIII("employment"),
    asOf: "2027-12-01",
    tier: "minimal",
    upcoming: ["high-risk", "2027-12-02"],
    hasLater: ["art-9", "art-16"],
  },
  ...DEROGATIONS.map(([derogation, cite]): Case => ({
    name: `Art. 6(3) derogation '${derogation}' takes an Annex III system out of high-risk; the provider documents it`,
    cite: `${cite}; Art. 6(4): 'A provider who considers that an AI system referred to in Annex III is not high-risk shall document its assessment'`,
    facts: annexIII("education", { art6Derogation: derogation }),
    asOf: "2027-12-02",
    tier: "minimal",
    has: ["art-6.4"],
    hasNot: ["art-9", "art-16"],
  })),
  {
    name: "a derogation does not apply when the system profiles natural persons",
    cite: "Art. 6(3), last subparagraph: 'an AI system referred to in Annex III shall always be considered to be high-risk where the AI system performs profiling of natural persons'",
    facts: annexIII("employment", { art6Derogation: "preparatory-task", profilingNaturalPersons: true }),
    asOf: "2027-12-02",
    tier: "high-risk",
    has: ["art-9"],
    hasNot: ["art-6.4"],
  },
  {
    name: "a deployer of an Annex III system gets the deployer's obligations (Art. 26), not the provider's",
    cite: "Art. 26 'Obligations of deployers of high-risk AI systems'",
    facts: annexIII("employment", { euRoles: ["deployer"], euPublicBodyOrPublicService: false, art25Trigger: false }),
    asOf: "2027-12-02",
    tier: "high-risk",
    roles: ["deployer"],
    has: ["art-26"],
    hasNot: ["art-16", "art-27"],
  },
  {
    name: "a public body deploying an education system must do a fundamental rights impact assessment",
    cite: "Art. 27(1): 'deployers that are bodies governed by public law, or are private entities providing public services … shall perform an assessment of the impact on fundamental rights'",
    facts: annexIII("education", { euRoles: ["deployer"], euPublicBodyOrPublicService: true, art25Trigger: false }),
    asOf: "2027-12-02",
    tier: "high-risk",
    has: ["art-26", "art-27"],
  },
  {
    name: "a private deployer of credit scoring must do a fundamental rights impact assessment",
    cite: "Art. 27(1): '… and deployers of high-risk AI systems referred to in points 5 (b) and (c) of Annex III'",
    facts: annexIII("essential-services", { euRoles: ["deployer"], euPublicBodyOrPublicService: false, annexIIICreditOrInsurance: true, art25Trigger: false }),
    asOf: "2027-12-02",
    tier: "high-risk",
    has: ["art-27"],
  },
  {
    name: "no fundamental rights impact assessment for critical infrastructure, even for a public body",
    cite: "Art. 27(1): 'with the exception of high-risk AI systems intended to be used in the area listed in point 2 of Annex III'",
    facts: annexIII("critical-infrastructure", { euRoles: ["deployer"], euPublicBodyOrPublicService: true, art25Trigger: false }),
    asOf: "2027-12-02",
    tier: "high-risk",
    has: ["art-26"],
    hasNot: ["art-27"],
  },
  {
    name: "a deployer that puts its own name on a high-risk system is deemed its provider",
    cite: "Art. 25(1)(a): 'they put their name or trademark on a high-risk AI system already placed on the market' → subject to the obligations of the provider under Article 16",
    facts: annexIII("employment", { euRoles: ["deployer"], euPublicBodyOrPublicService: false, art25Trigger: true }),
    asOf: "2027-12-02",
    tier: "high-risk",
    roles: ["deemed-provider", "deployer"],
    has: ["art-16", "art-25", "art-26"],
  },
  {
    name: "an importer of a high-risk system gets the importer's obligations",
    cite: "Art. 23 'Obligations of importers'",
    facts: annexIII("employment", { euRoles: ["importer"], art25Trigger: false }),
    asOf: "2027-12-02",
    tier: "high-risk",
    roles: ["importer"],
    has: ["art-23"],
    hasNot: ["art-16"],
  },
  {
    name: "a distributor of a high-risk system gets the distributor's obligations",
    cite: "Art. 24 'Obligations of distributors'",
    facts: annexIII("education", { euRoles: ["distributor"], art25Trigger: false }),
    asOf: "2027-12-02",
    tier: "high-risk",
    roles: ["distributor"],
    has: ["art-24"],
  },
  {
    name: "an Annex I Section A safety component needing third-party assessment is high-risk from 2 August 2028",
    cite: "Art. 6(1)(a)–(b); Art. 113(c)(ii): 'from 2 August 2028 as regards AI systems classified as high-risk pursuant to Article 6(1) and Annex I'",
    facts: { ...BASE, annexIProduct: "section-a", annexIComponent: "safety-component", annexIThirdPartyAssessment: true, annexIAssessmentSolelyOtherRisks: false },
    asOf: "2028-08-02",
    tier: "high-risk",
    has: ["art-9", "art-16"],
  },
  {
    name: "the same Annex I product is not yet high-risk on 1 August 2028",
    cite: "Art. 113(c)(ii)",
    facts: { ...BASE, annexIProduct: "section-a", annexIComponent: "safety-component", annexIThirdPartyAssessment: true, annexIAssessmentSolelyOtherRisks: false },
    asOf: "2028-08-01",
    tier: "minimal",
    upcoming: ["high-risk", "2028-08-02"],
  },
  {
    name: "an Annex I product without third-party conformity assessment is not high-risk under Art. 6(1)",
    cite: "Art. 6(1)(b): 'is required to undergo a third-party conformity assessment'",
    facts: { ...BASE, annexIProduct: "section-a", annexIComponent: "safety-component", annexIThirdPartyAssessment: false },
    asOf: "2028-08-02",
    tier: "minimal",
    hasNot: ["art-9"],
  },
  {
    name: "an Annex I Section B product is high-risk but none of the Chapter III obligations apply",
    cite: "Art. 2(2): 'only Article 6(1), Article 60a and Articles 102 to 112 shall apply'",
    facts: { ...BASE, annexIProduct: "section-b", annexIComponent: "product", annexIThirdPartyAssessment: true, annexIAssessmentSolelyOtherRisks: false },
    asOf: "2028-08-02",
    tier: "high-risk",
    hasNot: ["art-9", "art-16", "art-26", "art-43"],
  },
  {
    name: "a general-purpose AI model provider has the Art. 53 obligations from 2 August 2025",
    cite: "Art. 53(1) 'Providers of general-purpose AI models shall…'; Art. 113(b): Chapter V applies from 2 August 2025",
    facts: { ...BASE, gpaiModel: true, gpaiSystemicRisk: false, gpaiOpenSource: false, gpaiPlacedOnMarketOn: "2025-09-01" },
    asOf: "2026-11-22",
    tier: "minimal",
    gpai: "gpai",
    roles: ["gpai-provider", "provider"],
    has: ["art-53"],
    hasNot: ["art-55"],
  },
  {
    name: "a general-purpose AI model with systemic risk also has the Art. 55 obligations",
    cite: "Art. 51(1) classification; Art. 55 'Obligations of providers of general-purpose AI models with systemic risk'",
    facts: { ...BASE, gpaiModel: true, gpaiSystemicRisk: true, gpaiOpenSource: false, gpaiPlacedOnMarketOn: "2025-09-01" },
    asOf: "2026-11-22",
    tier: "minimal",
    gpai: "gpai-systemic-risk",
    has: ["art-53", "art-55"],
  },
  {
    name: "an open-source GPAI model without systemic risk keeps only the copyright policy and training summary",
    cite: "Art. 53(2): the obligations in paragraph 1, points (a) and (b), shall not apply to providers of models released under a free and open-source licence … except GPAI models with systemic risk",
    facts: { ...BASE, gpaiModel: true, gpaiSystemicRisk: false, gpaiOpenSource: true, gpaiPlacedOnMarketOn: "2025-09-01" },
    asOf: "2026-11-22",
    tier: "minimal",
    gpai: "gpai",
    has: ["art-53.1.c", "art-53.1.d"],
    hasNot: ["art-53.1.a", "art-53.1.b", "art-55"],
  },
  {
    name: "an open-source GPAI model with systemic risk has every Art. 53 and Art. 55 obligation",
    cite: "Art. 53(2), last sentence: the exception does not apply to general-purpose AI models with systemic risk",
    facts: { ...BASE, gpaiModel: true, gpaiSystemicRisk: true, gpaiOpenSource: true, gpaiPlacedOnMarketOn: "2025-09-01" },
    asOf: "2026-11-22",
    tier: "minimal",
    gpai: "gpai-systemic-risk",
    has: ["art-53.1.a", "art-55"],
  },
  {
    name: "a GPAI model placed on the market before 2 August 2025 has until 2 August 2027",
    cite: "Art. 111(3): 'Providers of general-purpose AI models that have been placed on the market before 2 August 2025 shall … comply … by 2 August 2027'",
    facts: { ...BASE, gpaiModel: true, gpaiSystemicRisk: false, gpaiOpenSource: false, gpaiPlacedOnMarketOn: "2025-03-01" },
    asOf: "2026-11-22",
    tier: "minimal",
    gpai: "gpai",
    hasLater: ["art-53"],
  },
  {
    name: "a chatbot's provider has transparency obligations from 2 August 2026",
    cite: "Art. 50(1): 'Providers shall ensure that AI systems intended to interact directly with natural persons are designed … [so that] the natural persons concerned are informed'; Art. 113: applies from 2 August 2026",
    facts: { ...BASE, interactsWithPeople: true },
    asOf: "2026-08-02",
    tier: "transparency",
    has: ["art-50.1"],
  },
  {
    name: "the same chatbot on 1 August 2026 is minimal risk, with transparency coming",
    cite: "Art. 113: 'It shall apply from 2 August 2026'",
    facts: { ...BASE, interactsWithPeople: true },
    asOf: "2026-08-01",
    tier: "minimal",
    upcoming: ["transparency", "2026-08-02"],
    hasLater: ["art-50.1"],
  },
  {
    name: "a generative system's provider must mark outputs (Art. 50(2))",
    cite: "Art. 50(2): 'Providers of AI systems … generating synthetic audio, image, video or text content, shall ensure that the outputs … are marked in a machine-readable format'",
    facts: { ...BASE, generative: true, generatedContent: ["image"], deepFake: false, art50AssistiveEditing: false },
    asOf: "2026-11-22",
    tier: "transparency",
    has: ["art-50.2"],
  },
  {
    name: "a generative system placed on the market before 2 August 2026 must mark outputs by 2 December 2026",
    cite: "Art. 111(4): systems 'placed on the market before 2 August 2026 shall take the necessary steps in order to comply with Article 50(2) by 2 December 2026'",
    facts: { ...BASE, generative: true, generatedContent: ["text"], publicInterestText: false, art50AssistiveEditing: false, euPlacedOnMarketOn: "2026-05-01" },
    asOf: "2026-11-22",
    tier: "transparency",
    hasLater: ["art-50.2"],
  },
  {
    name: "a deployer of a deep-fake generator must disclose it",
    cite: "Art. 50(4): 'Deployers of an AI system that generates or manipulates image, audio or video content constituting a deep fake, shall disclose…'",
    facts: { ...BASE, euRoles: ["deployer"], generative: true, generatedContent: ["video"], deepFake: true, deepFakeArtisticWork: false },
    asOf: "2026-11-22",
    tier: "transparency",
    roles: ["deployer"],
    has: ["art-50.4"],
  },
  {
    name: "a deployer of emotion recognition must inform the people exposed",
    cite: "Art. 50(3): 'Deployers of an emotion recognition system or a biometric categorisation system shall inform the natural persons exposed thereto'",
    facts: { ...BASE, euRoles: ["deployer"], emotionRecognition: true, euLawEnforcementPermitted: false },
    asOf: "2026-11-22",
    tier: "transparency",
    has: ["art-50.3"],
  },
  {
    name: "public-interest text under human editorial control needs no disclosure",
    cite: "Art. 50(4), second subparagraph: not where 'the AI-generated content has undergone a process of human review or editorial control'",
    facts: { ...BASE, euRoles: ["deployer"], generative: true, generatedContent: ["text"], publicInterestText: true, humanEditorialControl: true },
    asOf: "2026-11-22",
    tier: "minimal",
    hasNot: ["art-50.4"],
  },
  {
    name: "public-interest text without editorial control must be disclosed",
    cite: "Art. 50(4), second subparagraph: 'Deployers of an AI system that generates or manipulates text which is published with the purpose of informing the public on matters of public interest shall disclose…'",
    facts: { ...BASE, euRoles: ["deployer"], generative: true, generatedContent: ["text"], publicInterestText: true, humanEditorialControl: false },
    asOf: "2026-11-22",
    tier: "transparency",
    has: ["art-50.4"],
  },
  {
    name: "an ordinary system in the EU is minimal risk with AI literacy",
    cite: "Art. 4 'AI literacy': providers and deployers shall take measures to ensure … AI literacy; no Art. 5, 6 or 50 condition holds",
    facts: BASE,
    asOf: "2026-11-22",
    tier: "minimal",
    roles: ["provider"],
    has: ["art-4"],
  },
  {
    name: "AI literacy is still to come on 1 February 2025 (the article's own date, inherited by its paragraphs)",
    cite: "Art. 113(a): 'Chapters I and II shall apply from 2 February 2025' — Art. 4 is in Chapter I",
    facts: BASE,
    asOf: "2025-02-01",
    tier: "minimal",
    hasLater: ["art-4"],
  },
  {
    name: "a system used only in Japan, with no output used in the EU, is out of scope",
    cite: "Art. 2(1): the Regulation applies to providers placing on the market … in the Union, deployers in the Union, and third-country providers and deployers 'where the output produced by the AI system is used in the Union'",
    facts: { deploymentRegions: ["jp"], euOutputUsed: false, generative: false, interactsWithPeople: true, gpaiModel: false },
    asOf: "2026-11-22",
    tier: "out-of-scope",
    hasNot: ["art-4", "art-50.1"],
  },
  {
    name: "a Japanese system whose output is used in the EU is in scope",
    cite: "Art. 2(1)(c): providers and deployers in a third country 'where the output produced by the AI system is used in the Union'",
    facts: { ...BASE, deploymentRegions: ["jp"], euOutputUsed: true, interactsWithPeople: true },
    asOf: "2026-11-22",
    tier: "transparency",
  },
  {
    name: "an exclusively military system is out of scope",
    cite: "Art. 2(3): 'This Regulation does not apply to AI systems … used … exclusively for military, defence or national security purposes'",
    facts: { ...annexIII("law-enforcement"), euExclusion: "military" },
    asOf: "2027-12-02",
    tier: "out-of-scope",
  },
  {
    name: "a system developed solely for scientific research is out of scope",
    cite: "Art. 2(6): 'This Regulation does not apply to AI systems or AI models … specifically developed and put into service for the sole purpose of scientific research and development'",
    facts: { ...BASE, euExclusion: "scientific-research", interactsWithPeople: true },
    asOf: "2026-11-22",
    tier: "out-of-scope",
  },
  {
    name: "an unanswered Annex III question leaves the tier undetermined rather than minimal",
    cite: "Art. 6(2): whether the system is listed in Annex III decides high-risk; without the answer Musubi cannot classify",
    facts: { ...BASE, annexIIIAreas: undefined },
    asOf: "2027-12-02",
    tier: null,
  },
];

CASES.push(...ISSUE_13_CASES, ...ART_50_AND_5_CASES);

describe("applicability.eu-ai-act golden cases", () => {
  it("has at least 40 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });
  for (const c of CASES) {
    it(c.name, () => {
      const facts = Object.fromEntries(Object.entries(c.facts).filter(([, v]) => v !== undefined));
      const report = assess(facts, c.asOf);
      expect(report.errors, c.cite).toEqual([]);
      expect(primaryOf(report, "eu-ai-act-risk"), c.cite).toBe(c.tier);
      if (c.upcoming) {
        const v = report.classifications.find((x) => x.scheme === "eu-ai-act-risk")!.values.find((x) => x.value === c.upcoming![0]);
        expect(v, c.cite).toMatchObject({ timing: "upcoming", from: c.upcoming[1] });
      }
      if (c.roles) expect(valuesOf(report, "eu-ai-act-role").sort(), c.cite).toEqual([...c.roles].sort());
      if (c.gpai !== undefined) expect(primaryOf(report, "eu-ai-act-gpai"), c.cite).toBe(c.gpai);
      const now = requirementIds(report, "eu-ai-act", "current");
      const later = requirementIds(report, "eu-ai-act", "upcoming");
      for (const id of c.has ?? []) expect(under(now, id).length, `${id} should apply now — ${c.cite}`).toBeGreaterThan(0);
      for (const id of c.hasLater ?? []) {
        expect(under(later, id).length, `${id} should apply later — ${c.cite}`).toBeGreaterThan(0);
        expect(under(now, id), `${id} should not apply yet — ${c.cite}`).toEqual([]);
      }
      for (const id of c.hasNot ?? []) expect(under([...now, ...later], id), `${id} should not apply — ${c.cite}`).toEqual([]);
      const rulesOf = (id: string) => report.requirements.find((r) => r.framework === "eu-ai-act" && r.id === id)?.rules ?? [];
      for (const [id, rule] of c.via ?? []) expect(rulesOf(id), `${id} should apply by ${rule} — ${c.cite}`).toContain(rule);
      for (const [id, rule] of c.notVia ?? []) expect(rulesOf(id), `${id} should not apply by ${rule} — ${c.cite}`).not.toContain(rule);
    });
  }
});
