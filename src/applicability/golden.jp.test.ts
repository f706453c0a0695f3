import { describe, expect, it } from "vitest";
import { assess, primaryOf, requirementIds, valuesOf } from "./golden.support.ts";

/**
 * Japanese-framework golden cases across the three actor roles of the AI Guidelines for Business
 * (AI developer, AI provider, AI business user). Expectations are read from the AI Promotion Act
 * (Act No. 53 of 2025), the APPI (Act No. 57 of 2003, text as of 2026-07-17), the AI Guidelines
 * v1.2 common principles and the other Japanese and international sources in library/.
 */

const BASE = {
  jpRoles: [] as string[],
  businessUseOfAi: false,
  researchInstitution: false,
  advancedAiDeveloper: false,
  publicSector: false,
  generative: false,
  personalData: false,
  deploymentRegions: ["jp"],
  euOutputUsed: false,
  voluntaryFrameworks: [] as string[],
};

const PRINCIPLES = Array.from({ length: 10 }, (_, i) => `principle-${i + 1}`);
const ALL_ROLES = ["ai-developer", "ai-provider", "ai-business-user"];

interface Case {
  name: string;
  cite: string;
  facts: Record<string, unknown>;
  asOf?: string;
  /** framework → ids that must apply now (exact set when `exact`). */
  now?: Record<string, string[]>;
  later?: Record<string, string[]>;
  none?: string[];
  exact?: boolean;
  da?: string | null;
  /** What the State may do that concerns the organisation (scheme `jp-state-measures`), now and later. */
  state?: { now?: string[]; later?: string[] };
}

/** Arts. 16 and 25 bind the State: shown as its measures, never as the business's requirements. */
const STATE_NOW = { now: ["state-guidance-art-16", "cooperation-request-art-25"] };
const STATE_ARTICLES = ["art-16", "art-25"];

const CASES: Case[] = [
  ...ALL_ROLES.map((role): Case => ({
    name: `an ${role} gets all ten common principles and the AI Promotion Act's business duty`,
    cite: "AI Guidelines v1.2 共通の指針: 各主体は…開発・提供・利用すべきである (all three actors); AI Promotion Act Art. 7: 活用事業者…協力しなければならない",
    facts: { ...BASE, jpRoles: [role] },
    now: { "jp-ai-guidelines": PRINCIPLES, "jp-ai-promotion-act": ["art-7"] },
    state: STATE_NOW,
    none: ["jaisi-evaluation", "jp-appi", "hiroshima-code-of-conduct"],
  })),
  {
    name: "an organisation in all three roles gets each principle once",
    cite: "AI Guidelines v1.2 共通の指針 address developers, providers and business users alike",
    facts: { ...BASE, jpRoles: ALL_ROLES },
    now: { "jp-ai-guidelines": PRINCIPLES },
    exact: true,
  },
  {
    name: "a business that uses AI without naming a guideline role is still a utilization business operator",
    cite: "AI Promotion Act Art. 7: 人工知能関連技術を事業活動において活用しようとする者（以下「活用事業者」という。）",
    facts: { ...BASE, businessUseOfAi: true },
    now: { "jp-ai-promotion-act": ["art-7"] },
    state: STATE_NOW,
    none: ["jp-ai-guidelines"],
  },
  {
    name: "a research institution has the Art. 6 duties, not the Art. 7 ones",
    cite: "AI Promotion Act Art. 6: 大学…その他の人工知能関連技術の研究開発を行う機関（以下「研究開発機関」という。）は…協力するよう努めるものとする",
    facts: { ...BASE, researchInstitution: true },
    now: { "jp-ai-promotion-act": ["art-6"] },
    state: STATE_NOW,
  },
  {
    name: "an organisation that neither uses nor researches AI has no AI Promotion Act duties",
    cite: "AI Promotion Act Arts. 6–7 address research institutions and utilization business operators only",
    facts: BASE,
    none: ["jp-ai-promotion-act", "jp-ai-guidelines"],
  },
  {
    name: "before 1 September 2025, Art. 25 (Chapter IV) is still to come",
    cite: "AI Promotion Act supplementary provisions Art. 1: 第三章及び第四章…は、公布の日から起算して三月を超えない範囲内において政令で定める日から施行する (in force 2025-09-01)",
    facts: { ...BASE, businessUseOfAi: true },
    asOf: "2025-08-31",
    now: { "jp-ai-promotion-act": ["art-7"] },
    state: { now: ["state-guidance-art-16"], later: ["cooperation-request-art-25"] },
  },
  {
    name: "from 1 September 2025, Art. 25 applies",
    cite: "AI Promotion Act supplementary provisions Art. 1; Art. 25 in Chapter IV",
    facts: { ...BASE, businessUseOfAi: true },
    asOf: "2025-09-01",
    state: STATE_NOW,
  },
  {
    name: "an advanced-AI developer faces the Hiroshima code's 11 actions and the 7 HAIP sections",
    cite: "Hiroshima Process International Code of Conduct for Organizations Developing Advanced AI Systems (11 actions); OECD HAIP reporting framework (7 sections)",
    facts: { ...BASE, jpRoles: ["ai-developer"], advancedAiDeveloper: true },
    now: {
      "hiroshima-code-of-conduct": Array.from({ length: 11 }, (_, i) => `action-${i + 1}`),
      "oecd-haip": Array.from({ length: 7 }, (_, i) => `section-${i + 1}`),
    },
  },
  {
    name: "a developer of generative AI is pointed to the J-AISI evaluation perspectives",
    cite: "J-AISI evaluation perspectives (AIセーフティに関する評価観点) for LLM systems",
    facts: { ...BASE, jpRoles: ["ai-developer"], generative: true, generatedContent: ["text"], interactsWithPeople: false },
    now: { "jaisi-evaluation": ["perspective-1", "perspective-10"] },
  },
  {
    name: "a provider of generative AI is pointed to the J-AISI evaluation perspectives",
    cite: "J-AISI evaluation perspectives, as read for AI providers",
    facts: { ...BASE, jpRoles: ["ai-provider"], generative: true, generatedContent: ["image"] },
    now: { "jaisi-evaluation": ["perspective-5"] },
  },
  {
    name: "a business user of generative AI is not",
    cite: "Musubi reads the evaluation perspectives as addressed to developers and providers",
    facts: { ...BASE, jpRoles: ["ai-business-user"], generative: true, generatedContent: ["text"] },
    none: ["jaisi-evaluation"],
  },
  {
    name: "a business user handling personal information has the APPI's core duties",
    cite: "APPI Art. 17 利用目的の特定, Art. 18 利用目的による制限, Art. 19 不適正な利用の禁止, Art. 20 適正な取得, Art. 21 通知, Art. 23 安全管理措置, Art. 26 漏えい等の報告",
    facts: { ...BASE, jpRoles: ["ai-business-user"], personalData: true, sensitiveData: false, thirdPartyProvision: false, crossBorderTransfer: false, pseudonymisedData: false, anonymisedData: false },
    now: { "jp-appi": ["art-17", "art-18", "art-19", "art-20", "art-21", "art-23", "art-26"] },
    none: ["jaisi-evaluation"],
  },
  {
    name: "acquiring special care-required information brings Art. 20(2)",
    cite: "APPI Art. 20(2): 個人情報取扱事業者は…あらかじめ本人の同意を得ないで、要配慮個人情報を取得してはならない",
    facts: { ...BASE, jpRoles: ["ai-developer"], personalData: true, sensitiveData: true, thirdPartyProvision: false, crossBorderTransfer: false, pseudonymisedData: false, anonymisedData: false },
    now: { "jp-appi": ["art-20.2"] },
  },
  {
    name: "providing personal data to third parties brings Arts. 27, 29 and 30",
    cite: "APPI Art. 27 第三者提供の制限, Art. 29 第三者提供に係る記録の作成等, Art. 30 第三者提供を受ける際の確認等",
    facts: { ...BASE, jpRoles: ["ai-provider"], personalData: true, sensitiveData: false, thirdPartyProvision: true, crossBorderTransfer: false, pseudonymisedData: false, anonymisedData: false },
    now: { "jp-appi": ["art-27", "art-29", "art-30"] },
  },
  {
    name: "providing personal data abroad brings Art. 28",
    cite: "APPI Art. 28 外国にある第三者への提供の制限",
    facts: { ...BASE, jpRoles: ["ai-provider"], personalData: true, sensitiveData: false, thirdPartyProvision: true, crossBorderTransfer: true, pseudonymisedData: false, anonymisedData: false },
    now: { "jp-appi": ["art-28"] },
  },
  {
    name: "pseudonymised and anonymised information bring their own articles",
    cite: "APPI Arts. 41–42 仮名加工情報; Arts. 43–46 匿名加工情報",
    facts: { ...BASE, jpRoles: ["ai-developer"], personalData: true, sensitiveData: false, thirdPartyProvision: false, crossBorderTransfer: false, pseudonymisedData: true, anonymisedData: true },
    now: { "jp-appi": ["art-41", "art-42", "art-43", "art-44", "art-45", "art-46"] },
  },
  {
    name: "a ministry handling personal information is not a personal information handling business operator",
    cite: "APPI Art. 16(2): 「個人情報取扱事業者」… ただし、次に掲げる者を除く。一 国の機関 (Chapter V governs administrative organs)",
    facts: { ...BASE, jpRoles: ["ai-business-user"], publicSector: true, personalData: true, sensitiveData: false, thirdPartyProvision: false, crossBorderTransfer: false, pseudonymisedData: false, anonymisedData: false },
    none: ["jp-appi"],
  },
  {
    name: "a ministry's generative AI answering the public shows a high-risk indicator for the Chief AI Officer",
    cite: "Digital Agency generative-AI guideline: high-risk determination over scope/type of users, nature of work, confidential training data, staff judgement",
    facts: { ...BASE, jpRoles: ["ai-business-user"], publicSector: true, publicBodyKind: "national-government-organ", generative: true, generatedContent: ["text"], daUsersPublic: true, daWorkAffectsPeople: false, daConfidentialTraining: false, daStaffJudgeOutput: true },
    now: { "jp-da-genai-guideline": ["chief-ai-officer", "high-risk-determination"] },
    da: "high-risk-indicators",
  },
  {
    name: "a ministry's internal generative AI whose output staff judge shows no indicator",
    cite: "Digital Agency guideline's four factors, each answered on the lower-risk side",
    facts: { ...BASE, jpRoles: ["ai-business-user"], publicSector: true, publicBodyKind: "national-government-organ", generative: true, generatedContent: ["text"], daUsersPublic: false, daWorkAffectsPeople: false, daConfidentialTraining: false, daStaffJudgeOutput: true },
    da: "no-indicators",
  },
  {
    name: "output used without staff judgement is a high-risk indicator",
    cite: "Digital Agency guideline factor: whether staff judge the output",
    facts: { ...BASE, jpRoles: ["ai-business-user"], publicSector: true, publicBodyKind: "national-government-organ", generative: true, generatedContent: ["text"], daUsersPublic: false, daWorkAffectsPeople: false, daConfidentialTraining: false, daStaffJudgeOutput: false },
    da: "high-risk-indicators",
  },
  {
    name: "a private company's generative AI is not under the Digital Agency guideline",
    cite: "The guideline addresses ministries and agencies",
    facts: { ...BASE, jpRoles: ["ai-provider"], generative: true, generatedContent: ["text"] },
    none: ["jp-da-genai-guideline"],
    da: null,
  },
  {
    name: "adopting NIST AI RMF brings its 72 subcategories",
    cite: "NIST AI 100-1: 4 functions, 19 categories, 72 subcategories",
    facts: { ...BASE, jpRoles: ["ai-developer"], voluntaryFrameworks: ["nist-ai-rmf"] },
  },
  {
    name: "a Japanese developer offering a chatbot in the EU has both Japanese and EU duties",
    cite: "AI Promotion Act Art. 7; AI Guidelines common principles; EU AI Act Art. 50(1)",
    facts: {
      ...BASE, jpRoles: ["ai-developer", "ai-provider"], deploymentRegions: ["jp", "eu"], euRoles: ["provider"], euExclusion: "none",
      euPlacedOnMarketOn: "2026-09-01", prohibitedPractices: [], annexIProduct: "none", annexIIIAreas: [], interactsWithPeople: true,
      emotionRecognition: false, biometricCategorisation: false, gpaiModel: false, euSystemKind: "ai-system", euLawEnforcementAuthorised: false,
    },
    now: { "jp-ai-promotion-act": ["art-7"], "jp-ai-guidelines": PRINCIPLES, "eu-ai-act": ["art-50.1"] },
  },
];

describe("applicability.japan golden cases", () => {
  it("has at least 20 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });
  for (const c of CASES) {
    it(c.name, () => {
      const report = assess(c.facts, c.asOf ?? "2026-11-22");
      expect(report.errors, c.cite).toEqual([]);
      for (const [fw, ids] of Object.entries(c.now ?? {})) {
        const now = requirementIds(report, fw, "current");
        for (const id of ids) expect(now.some((x) => x === id || x.startsWith(`${id}.`)), `${fw} ${id} now — ${c.cite}`).toBe(true);
        if (c.exact) expect(now.filter((x) => x.startsWith("principle-")).sort(), c.cite).toEqual([...ids].sort());
      }
      for (const [fw, ids] of Object.entries(c.later ?? {})) {
        const later = requirementIds(report, fw, "upcoming");
        for (const id of ids) expect(later.some((x) => x === id || x.startsWith(`${id}.`)), `${fw} ${id} later — ${c.cite}`).toBe(true);
      }
      for (const fw of c.none ?? []) expect(requirementIds(report, fw), `${fw} — ${c.cite}`).toEqual([]);
      if (c.da !== undefined) expect(primaryOf(report, "jp-da-high-risk"), c.cite).toBe(c.da);
      if (c.state) {
        expect(valuesOf(report, "jp-state-measures", "current").sort(), c.cite).toEqual([...(c.state.now ?? [])].sort());
        expect(valuesOf(report, "jp-state-measures", "upcoming").sort(), c.cite).toEqual([...(c.state.later ?? [])].sort());
      }
      const promotion = requirementIds(report, "jp-ai-promotion-act");
      for (const id of STATE_ARTICLES) expect(promotion.some((x) => x === id || x.startsWith(`${id}.`)), `${id} binds the State — ${c.cite}`).toBe(false);
      if (c.name.startsWith("adopting NIST")) {
        expect(requirementIds(report, "nist-ai-rmf").filter((id) => /^[A-Z]+-\d+\.\d+$/.test(id))).toHaveLength(72);
      }
    });
  }
});
