/**
 * EU AI Act situations added for issue 13, section 1: who the Regulation gives a role, Art. 3(1),
 * Art. 2(12), Art. 5(1)(h) by role and objective, the Art. 50 law-enforcement exceptions,
 * Art. 6(1a)–(1c), Art. 25(1), general-purpose AI models and systems, and the Art. 113(c) dates of
 * importers, distributors and authorised representatives. Each case quotes the provision it rests on
 * (consolidated text of Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744).
 */

export const BASE = {
  deploymentRegions: ["eu"],
  euSystemKind: "ai-system",
  euRoles: ["provider"],
  euExclusion: "none",
  euPlacedOnMarketOn: "2026-09-01",
  prohibitedPractices: [],
  annexIProduct: "none",
  annexIIIAreas: [],
  interactsWithPeople: false,
  generative: false,
  emotionRecognition: false,
  biometricCategorisation: false,
  gpaiModel: false,
  copyrightedData: false,
  euLawEnforcementAuthorised: false,
};

export interface Case {
  name: string;
  /** The provision the expectation is read from. */
  cite: string;
  facts: Record<string, unknown>;
  asOf: string;
  tier: string | null;
  upcoming?: [string, string];
  roles?: string[];
  gpai?: string | null;
  has?: string[];
  hasLater?: string[];
  hasNot?: string[];
  /** [requirement id, rule id]: the requirement applies, and that rule is among the reasons. */
  via?: [string, string][];
  /** [requirement id, rule id]: that rule is not among the requirement's reasons. */
  notVia?: [string, string][];
}

/** A profile naming one Annex III area, with no derogation claimed. */
export const annexIII = (area: string, extra: Record<string, unknown> = {}) => ({
  ...BASE,
  annexIIIAreas: [area],
  art6Derogation: "none",
  profilingNaturalPersons: false,
  ...extra,
});

const ANNEX_I_A = { ...BASE, annexIProduct: "section-a", annexIComponent: "safety-component", annexIThirdPartyAssessment: true, annexIAssessmentSolelyOtherRisks: false };

/** A law-enforcement authority deploying real-time remote biometric identification in public spaces. */
const RBI_DEPLOYER = {
  ...BASE,
  euRoles: ["deployer"],
  prohibitedPractices: ["realtime-rbi-law-enforcement"],
  annexIIIAreas: ["biometrics"],
  art6Derogation: "none",
  profilingNaturalPersons: false,
  euPublicBodyOrPublicService: true,
  art25Trigger: false,
};

const RBI_OBJECTIVES: [string, string][] = [
  ["victims-missing-persons", "Art. 5(1)(h)(i): 'the targeted search for specific victims of abduction, trafficking in human beings or sexual exploitation of human beings, as well as the search for missing persons'"],
  ["imminent-threat-or-terrorist-attack", "Art. 5(1)(h)(ii): 'the prevention of a specific, substantial and imminent threat to the life or physical safety of natural persons or a genuine and present or genuine and foreseeable threat of a terrorist attack'"],
  ["criminal-suspect", "Art. 5(1)(h)(iii): 'the localisation or identification of a person suspected of having committed a criminal offence'"],
];

const ART_3_1 = "Art. 3(1): '‘AI system’ means a machine-based system that is designed to operate with varying levels of autonomy … and that, for explicit or implicit objectives, infers, from the input it receives, how to generate outputs'";
const ART_2_12 = "Art. 2(12): 'This Regulation does not apply to AI systems released under free and open-source licences, unless they are placed on the market or put into service as high-risk AI systems or as an AI system that falls under Article 5 or 50.'";
const ART_5_1_H = "Art. 5(1)(h): 'the use of ‘real-time’ remote biometric identification systems in publicly accessible spaces for the purposes of law enforcement, unless and in so far as such use is strictly necessary for one of the following objectives'";
const ANNEX_III_1_A = "Annex III point 1(a): 'remote biometric identification systems'";
const ART_113_C_I = "Art. 113(c)(i): '2 December 2027 as regards AI systems classified as high-risk pursuant to Article 6(2) and Annex III'";
const ART_113_C_II = "Art. 113(c)(ii): '2 August 2028 as regards AI systems classified as high-risk pursuant to Article 6(1) and Annex I'";
const ART_25_1 = "Art. 25(1): 'Any distributor, importer, deployer or other third-party shall be considered to be a provider of a high-risk AI system for the purposes of this Regulation and shall be subject to the obligations of the provider under Article 16'";

export const ISSUE_13_CASES: Case[] = [
  // Engine defect: a value that holds must win over an undecided rule for the same value.
  {
    name: "an Annex I Section A system needing third-party assessment is high-risk even with the Annex III question unanswered",
    cite: `Art. 6(1): 'that AI system shall be considered to be high-risk where both of the following conditions are fulfilled'; ${ART_113_C_II}`,
    facts: { ...ANNEX_I_A, annexIIIAreas: undefined },
    asOf: "2028-08-02",
    tier: "high-risk",
    has: ["art-9", "art-16"],
  },
  // Engine defect: Art. 113(c)(ii) dates for importers, distributors, authorised representatives and Art. 25.
  ...([
    ["importer", "art-23", "Art. 23 'Obligations of importers'"],
    ["distributor", "art-24", "Art. 24 'Obligations of distributors'"],
    ["authorised-representative", "art-22", "Art. 22 'Authorised representatives of providers of high-risk AI systems'"],
  ] as const).map(([role, article, cite]): Case => ({
    name: `the ${role} of an Annex I Section A system has ${article} only from 2 August 2028, like the tier`,
    cite: `${cite}; ${ART_113_C_II}`,
    facts: { ...ANNEX_I_A, euRoles: [role], art25Trigger: false },
    asOf: "2028-01-01",
    tier: "minimal",
    upcoming: ["high-risk", "2028-08-02"],
    roles: [role],
    hasLater: [article],
  })),
  {
    name: "the importer of an Annex III system has Art. 23 from 2 December 2027",
    cite: `Art. 23 'Obligations of importers'; ${ART_113_C_I}`,
    facts: annexIII("employment", { euRoles: ["importer"], art25Trigger: false }),
    asOf: "2027-12-02",
    tier: "high-risk",
    has: ["art-23"],
  },
  {
    name: "a deployer deemed provider of an Annex I Section A system has Art. 25 only from 2 August 2028",
    cite: `${ART_25_1}; ${ART_113_C_II}`,
    facts: { ...ANNEX_I_A, euRoles: ["deployer"], art25Trigger: true },
    asOf: "2028-01-01",
    tier: "minimal",
    upcoming: ["high-risk", "2028-08-02"],
    roles: ["deemed-provider", "deployer"],
    hasLater: ["art-25", "art-16"],
  },
  // Art. 3(1) and the organisation without a role.
  {
    name: "something that is not an AI system is out of scope, not classified",
    cite: ART_3_1,
    facts: { ...annexIII("employment"), euSystemKind: "not-ai-system" },
    asOf: "2027-12-02",
    tier: "out-of-scope",
    roles: [],
    hasNot: ["art-4", "art-9"],
  },
  {
    name: "an organisation with no EU role is told the Regulation gives it no role, not 'minimal'",
    cite: "Art. 3(8): '‘operator’ means a provider, product manufacturer, deployer, authorised representative, importer or distributor'",
    facts: { ...BASE, euRoles: [], art25Trigger: false, interactsWithPeople: true },
    asOf: "2026-11-22",
    tier: "no-role",
    roles: [],
    hasNot: ["art-4", "art-50"],
  },
  {
    name: "a third party with no other role that puts its name on a high-risk system is deemed its provider",
    cite: `${ART_25_1}; Art. 25(1)(a): 'they put their name or trademark on a high-risk AI system already placed on the market or put into service'`,
    facts: annexIII("employment", { euRoles: [], art25Trigger: true }),
    asOf: "2027-12-02",
    tier: "high-risk",
    roles: ["deemed-provider"],
    has: ["art-16", "art-25"],
  },
  {
    name: "a deployer that changes a system which is not high-risk stays a deployer: Art. 25(1) concerns high-risk systems",
    cite: `${ART_25_1}; Art. 25(1)(c): 'in such a way that the AI system concerned becomes a high-risk AI system in accordance with Article 6'`,
    facts: { ...BASE, euRoles: ["deployer"], art25Trigger: true },
    asOf: "2027-12-02",
    tier: "minimal",
    roles: ["deployer"],
    hasNot: ["art-16", "art-25"],
  },
  // Art. 5(1)(h) by role and objective.
  {
    name: "the provider of a real-time remote biometric identification system is high-risk, not prohibited",
    cite: `${ART_5_1_H} — the prohibition is of the use; ${ANNEX_III_1_A}; ${ART_113_C_I}`,
    facts: { ...BASE, prohibitedPractices: ["realtime-rbi-law-enforcement"], annexIIIAreas: ["biometrics"], art6Derogation: "none", profilingNaturalPersons: false },
    asOf: "2027-12-02",
    tier: "high-risk",
    roles: ["provider"],
    has: ["art-9", "art-16"],
    hasNot: ["art-5.1.h"],
  },
  {
    name: "the provider of a real-time remote biometric identification system is high-risk even without ticking Annex III",
    cite: `${ANNEX_III_1_A}; Art. 6(2): 'AI systems referred to in Annex III shall be considered to be high-risk'`,
    facts: { ...BASE, euRoles: ["importer"], art25Trigger: false, prohibitedPractices: ["realtime-rbi-law-enforcement"] },
    asOf: "2026-11-22",
    tier: "minimal",
    upcoming: ["high-risk", "2027-12-02"],
    roles: ["importer"],
    hasLater: ["art-23"],
  },
  {
    name: "a deployer using real-time remote biometric identification for no listed objective is prohibited",
    cite: ART_5_1_H,
    facts: { ...RBI_DEPLOYER, rbiObjective: "none" },
    asOf: "2026-11-22",
    tier: "prohibited",
    has: ["art-5.1.h"],
  },
  ...RBI_OBJECTIVES.map(([objective, cite]): Case => ({
    name: `a deployer using it for objective '${objective}' under national law is not prohibited and is high-risk`,
    cite: `${cite}; Art. 5(5): 'A Member State may decide to provide for the possibility to fully or partially authorise the use'; ${ANNEX_III_1_A}`,
    facts: { ...RBI_DEPLOYER, rbiObjective: objective, rbiNationalLaw: true },
    asOf: "2027-12-02",
    tier: "high-risk",
    roles: ["deployer"],
    has: ["art-5.1.h", "art-26", "art-27"],
  })),
  {
    name: "a deployer with a listed objective but no national law providing for authorisation is prohibited",
    cite: "Art. 5(3): 'each use … shall be subject to a prior authorisation granted by a judicial authority or an independent administrative authority … in accordance with the detailed rules of national law referred to in paragraph 5'",
    facts: { ...RBI_DEPLOYER, rbiObjective: "criminal-suspect", rbiNationalLaw: false },
    asOf: "2026-11-22",
    tier: "prohibited",
  },
  {
    name: "a deployer whose objective is unanswered gets no tier rather than a guess",
    cite: ART_5_1_H,
    facts: { ...RBI_DEPLOYER },
    asOf: "2026-11-22",
    tier: null,
  },
  // Art. 2(12) free and open-source AI systems.
  {
    name: "an open-source AI system that is neither high-risk nor under Art. 5 or 50 is out of scope",
    cite: ART_2_12,
    facts: { ...BASE, euSystemKind: "open-source-ai-system" },
    asOf: "2026-11-22",
    tier: "out-of-scope",
    roles: [],
    hasNot: ["art-4"],
  },
  {
    name: "an open-source AI system placed on the market as high-risk is in scope",
    cite: ART_2_12,
    facts: annexIII("employment", { euSystemKind: "open-source-ai-system" }),
    asOf: "2027-12-02",
    tier: "high-risk",
    has: ["art-9"],
  },
  {
    name: "an open-source AI system falling under Art. 5 is in scope and prohibited",
    cite: ART_2_12,
    facts: { ...BASE, euSystemKind: "open-source-ai-system", prohibitedPractices: ["social-scoring"] },
    asOf: "2026-11-22",
    tier: "prohibited",
  },
  {
    name: "an open-source chatbot falls under Art. 50 and is in scope",
    cite: `${ART_2_12}; Art. 50(1)`,
    facts: { ...BASE, euSystemKind: "open-source-ai-system", interactsWithPeople: true },
    asOf: "2026-11-22",
    tier: "transparency",
    has: ["art-50.1"],
  },
  {
    name: "an open-source chatbot authorised by law for law enforcement is outside Art. 50 and so out of scope",
    cite: `${ART_2_12}; Art. 50(1): 'This obligation shall not apply to AI systems authorised by law to detect, prevent, investigate or prosecute criminal offences'`,
    facts: { ...BASE, euSystemKind: "open-source-ai-system", interactsWithPeople: true, euLawEnforcementAuthorised: true, art50PublicReporting: false },
    asOf: "2026-11-22",
    tier: "out-of-scope",
  },
  // Art. 50 law-enforcement exceptions.
  {
    name: "Art. 50(1) does not apply to a system authorised by law to detect, prevent, investigate or prosecute criminal offences",
    cite: "Art. 50(1): 'This obligation shall not apply to AI systems authorised by law to detect, prevent, investigate or prosecute criminal offences, subject to appropriate safeguards for the rights and freedoms of third parties'",
    facts: { ...BASE, interactsWithPeople: true, euLawEnforcementAuthorised: true, art50PublicReporting: false },
    asOf: "2026-11-22",
    tier: "minimal",
    hasNot: ["art-50.1"],
  },
  {
    name: "Art. 50(1) applies again when the law-enforcement system is available for the public to report a criminal offence",
    cite: "Art. 50(1): 'unless those systems are available for the public to report a criminal offence'",
    facts: { ...BASE, interactsWithPeople: true, euLawEnforcementAuthorised: true, art50PublicReporting: true },
    asOf: "2026-11-22",
    tier: "transparency",
    has: ["art-50.1"],
  },
  {
    name: "Art. 50(2) marking does not apply where authorised by law to detect, prevent, investigate or prosecute criminal offences",
    cite: "Art. 50(2): 'This obligation shall not apply … where authorised by law to detect, prevent, investigate or prosecute criminal offences.'",
    facts: { ...BASE, generative: true, generatedContent: ["image"], deepFake: false, euLawEnforcementAuthorised: true },
    asOf: "2026-11-22",
    tier: "minimal",
    hasNot: ["art-50.2"],
  },
  {
    name: "Art. 50(3) does not apply to emotion recognition permitted by law to detect, prevent or investigate criminal offences",
    cite: "Art. 50(3): 'This obligation shall not apply to AI systems used for biometric categorisation and emotion recognition, which are permitted by law to detect, prevent or investigate criminal offences'",
    facts: { ...BASE, euRoles: ["deployer"], emotionRecognition: true, euLawEnforcementPermitted: true },
    asOf: "2026-11-22",
    tier: "minimal",
    hasNot: ["art-50.3"],
  },
  {
    name: "Art. 50(4) deep-fake disclosure does not apply where the use is authorised by law for criminal offences",
    cite: "Art. 50(4): 'This obligation shall not apply where the use is authorised by law to detect, prevent, investigate or prosecute criminal offence.'",
    facts: { ...BASE, euRoles: ["deployer"], generative: true, generatedContent: ["video"], deepFake: true, euLawEnforcementAuthorised: true },
    asOf: "2026-11-22",
    tier: "minimal",
    hasNot: ["art-50.4"],
  },
  {
    name: "Art. 50(4) public-interest text disclosure does not apply where the use is authorised by law for criminal offences",
    cite: "Art. 50(4), second subparagraph: 'This obligation shall not apply where the use is authorised by law to detect, prevent, investigate or prosecute criminal offences'",
    facts: { ...BASE, euRoles: ["deployer"], generative: true, generatedContent: ["text"], publicInterestText: true, humanEditorialControl: false, euLawEnforcementAuthorised: true },
    asOf: "2026-11-22",
    tier: "minimal",
    hasNot: ["art-50.4"],
  },
  // Art. 6(1a)–(1c) as inserted by Regulation (EU) 2026/1744.
  {
    name: "an Annex I system solely used for non-safety aspects is not a safety component and not high-risk",
    cite: "Art. 6(1a): 'AI systems that are solely used for non-safety related aspects of user assistance, performance optimisation, service efficiency, automation or convenience or quality control shall not qualify as safety components'",
    facts: { ...ANNEX_I_A, annexIComponent: "non-safety-aspects", annexIFailureEndangersHealthSafety: false },
    asOf: "2028-08-02",
    tier: "minimal",
    hasNot: ["art-9", "art-16"],
  },
  {
    name: "an Annex I system whose failure would endanger health and safety is a safety component after all",
    cite: "Art. 6(1b): 'Notwithstanding paragraph 1a, AI systems the failure or malfunctioning of which would endanger health and safety shall qualify as safety components.'",
    facts: { ...ANNEX_I_A, annexIComponent: "non-safety-aspects", annexIFailureEndangersHealthSafety: true },
    asOf: "2028-08-02",
    tier: "high-risk",
    has: ["art-9", "art-16"],
  },
  {
    name: "a third-party assessment required solely for risks other than health and safety does not make an Annex I product high-risk",
    cite: "Art. 6(1c): 'A product that is required to undergo a third-party conformity assessment solely due to risks other than risks to health and safety … shall not be considered as fulfilling the condition in paragraph 1, point (b).'",
    facts: { ...ANNEX_I_A, annexIAssessmentSolelyOtherRisks: true },
    asOf: "2028-08-02",
    tier: "minimal",
    hasNot: ["art-9", "art-16"],
  },
  // General-purpose AI models the organisation does not provide, and general-purpose AI systems.
  {
    name: "importing or distributing a GPAI model someone else provides gives no role under the Regulation",
    cite: "Art. 3(6): '‘importer’ means a natural or legal person … that places on the market an AI system'; Art. 3(7): '‘distributor’ means … that makes an AI system available on the Union market' — both concern AI systems, not models",
    facts: { ...BASE, euRoles: [], art25Trigger: false, gpaiModelOtherRole: "imports-or-distributes" },
    asOf: "2026-11-22",
    tier: "no-role",
    roles: [],
    gpai: null,
    hasNot: ["art-53", "art-54"],
  },
  {
    name: "the authorised representative of a GPAI model provider has the Art. 54 tasks from 2 August 2025",
    cite: "Art. 54(3): 'The authorised representative shall perform the tasks specified in the mandate received from the provider'; Art. 113(b): Chapter V applies from 2 August 2025",
    facts: { ...BASE, euRoles: [], art25Trigger: false, gpaiModelOtherRole: "authorised-representative", gpaiRepresentedModelExempt: false },
    asOf: "2026-11-22",
    tier: "no-role",
    roles: ["gpai-authorised-representative"],
    has: ["art-54.3"],
    hasNot: ["art-53"],
  },
  {
    name: "no Art. 54 mandate is needed for an open-source GPAI model without systemic risk",
    cite: "Art. 54(6): 'The obligation set out in this Article shall not apply to providers of general-purpose AI models that are released under a free and open-source licence … unless the general-purpose AI models present systemic risks.'",
    facts: { ...BASE, euRoles: [], art25Trigger: false, gpaiModelOtherRole: "authorised-representative", gpaiRepresentedModelExempt: true },
    asOf: "2026-11-22",
    tier: "no-role",
    roles: [],
    hasNot: ["art-54"],
  },
  {
    name: "a general-purpose AI system generating content is classified like any AI system and must mark its outputs",
    cite: "Art. 3(66): '‘general-purpose AI system’ means an AI system which is based on a general-purpose AI model'; Art. 50(2): 'Providers of AI systems, including general-purpose AI systems, generating synthetic audio, image, video or text content'",
    facts: { ...BASE, gpaiSystem: true, generative: true, generatedContent: ["text"], publicInterestText: false, art50AssistiveEditing: false },
    asOf: "2026-11-22",
    tier: "transparency",
    roles: ["provider"],
    has: ["art-50.2"],
  },
];

const ART_50_2_EXCEPTION = "Art. 50(2): 'This obligation shall not apply to the extent the AI systems perform an assistive function for standard editing or do not substantially alter the input data provided by the deployer or the semantics thereof'";
const ART_50_4_DEEP_FAKE = "Art. 50(4): 'Deployers of an AI system that generates or manipulates image, audio or video content constituting a deep fake, shall disclose that the content has been artificially generated or manipulated.'";
const ART_50_4_WORK = "Art. 50(4): 'Where the content forms part of an evidently artistic, creative, satirical, fictional or analogous work or programme, the transparency obligations set out in this paragraph are limited to disclosure of the existence of such generated or manipulated content in an appropriate manner that does not hamper the display or enjoyment of the work.'";
const ART_50_5 = "Art. 50(5): 'The information referred to in paragraphs 1 to 4 shall be provided to the natural persons concerned in a clear and distinguishable manner at the latest at the time of the first interaction or exposure.'";
const ART_5_1_C = "Art. 5(1)(c): 'the placing on the market, the putting into service or the use of AI systems for the evaluation or classification of natural persons or groups of persons over a certain period of time based on their social behaviour'";
const ART_3_9 = "Art. 3(9): '‘placing on the market’ means the first making available of an AI system or a general-purpose AI model on the Union market'";

/** A provider of a system generating images in the EU. */
const GENERATOR = { ...BASE, generative: true, generatedContent: ["image"], deepFake: false };
/** A deployer of a system generating deep-fake video. */
const DEEP_FAKE_DEPLOYER = { ...BASE, euRoles: ["deployer"], art25Trigger: false, generative: true, generatedContent: ["video"], deepFake: true };
const SOCIAL_SCORING = { ...BASE, prohibitedPractices: ["social-scoring"], art25Trigger: false };

/**
 * Art. 50(2)–(4) exceptions and limits, and who the Art. 5(1) prohibitions reach (the acts of
 * placing on the market, putting into service and use).
 */
export const ART_50_AND_5_CASES: Case[] = [
  // Art. 50(2): assistive editing and no substantial alteration.
  {
    name: "Art. 50(2) marking does not apply to a system performing an assistive function for standard editing",
    cite: ART_50_2_EXCEPTION,
    facts: { ...GENERATOR, art50AssistiveEditing: true },
    asOf: "2026-11-22",
    tier: "minimal",
    roles: ["provider"],
    hasNot: ["art-50.2"],
  },
  {
    name: "nor, under Art. 111(4), to such a system placed on the market before 2 August 2026",
    cite: `${ART_50_2_EXCEPTION}; Art. 111(4): 'shall take the necessary steps in order to comply with Article 50(2) by 2 December 2026'`,
    facts: { ...GENERATOR, art50AssistiveEditing: true, euPlacedOnMarketOn: "2026-05-01" },
    asOf: "2026-12-02",
    tier: "minimal",
    hasNot: ["art-50.2"],
  },
  {
    name: "a generative provider that has not said whether the exception applies gets no tier rather than a guess",
    cite: ART_50_2_EXCEPTION,
    facts: GENERATOR,
    asOf: "2026-11-22",
    tier: null,
  },
  {
    name: "the exception does not touch a deployer's own Art. 50(4) disclosure",
    cite: `${ART_50_2_EXCEPTION}; ${ART_50_4_DEEP_FAKE}`,
    facts: { ...DEEP_FAKE_DEPLOYER, euRoles: ["provider", "deployer"], art50AssistiveEditing: true, deepFakeArtisticWork: false },
    asOf: "2026-11-22",
    tier: "transparency",
    has: ["art-50.4"],
    hasNot: ["art-50.2"],
  },
  {
    name: "the provider of a deep-fake generator marks outputs under Art. 50(2); the Art. 50(4) disclosure is the deployer's",
    cite: `Art. 50(2): 'Providers of AI systems … shall ensure that the outputs of the AI system are marked'; ${ART_50_4_DEEP_FAKE}`,
    facts: { ...DEEP_FAKE_DEPLOYER, euRoles: ["provider"], art50AssistiveEditing: false },
    asOf: "2026-11-22",
    tier: "transparency",
    has: ["art-50.2"],
    hasNot: ["art-50.4"],
  },
  // Art. 50(4), first subparagraph: evident works limit the form of the disclosure, not the duty.
  {
    name: "a deep fake in an evidently artistic or fictional work must still be disclosed, in the limited form",
    cite: ART_50_4_WORK,
    facts: { ...DEEP_FAKE_DEPLOYER, deepFakeArtisticWork: true },
    asOf: "2026-11-22",
    tier: "transparency",
    roles: ["deployer"],
    has: ["art-50.4", "art-50.5"],
    via: [["art-50.4", "eu-transparency-deepfake"], ["art-50.4", "eu-transparency-deepfake-artistic"]],
  },
  {
    name: "a deep fake outside such a work is disclosed without that limitation",
    cite: ART_50_4_DEEP_FAKE,
    facts: { ...DEEP_FAKE_DEPLOYER, deepFakeArtisticWork: false },
    asOf: "2026-11-22",
    tier: "transparency",
    has: ["art-50.4", "art-50.5"],
    notVia: [["art-50.4", "eu-transparency-deepfake-artistic"]],
  },
  {
    name: "the duty to disclose a deep fake does not wait for the answer on evident works",
    cite: `${ART_50_4_DEEP_FAKE}; ${ART_50_4_WORK}`,
    facts: DEEP_FAKE_DEPLOYER,
    asOf: "2026-11-22",
    tier: "transparency",
    has: ["art-50.4"],
  },
  {
    name: "the deep-fake disclosure applies from 2 August 2026, in a work as elsewhere",
    cite: `${ART_50_4_WORK}; Art. 113: 'It shall apply from 2 August 2026'`,
    facts: { ...DEEP_FAKE_DEPLOYER, deepFakeArtisticWork: true },
    asOf: "2026-08-01",
    tier: "minimal",
    upcoming: ["transparency", "2026-08-02"],
    hasLater: ["art-50.4"],
  },
  // Art. 50(4), second subparagraph, and Art. 50(5).
  {
    name: "public-interest text without editorial control is disclosed at the latest at first exposure",
    cite: `Art. 50(4), second subparagraph: 'Deployers of an AI system that generates or manipulates text which is published with the purpose of informing the public on matters of public interest shall disclose that the text has been artificially generated or manipulated'; ${ART_50_5}`,
    facts: { ...BASE, euRoles: ["deployer"], art25Trigger: false, generative: true, generatedContent: ["text"], publicInterestText: true, humanEditorialControl: false },
    asOf: "2026-11-22",
    tier: "transparency",
    has: ["art-50.4", "art-50.5"],
    via: [["art-50.4", "eu-transparency-public-text"]],
  },
  {
    name: "public-interest text concerns deployers: its provider has only the Art. 50(2) marking",
    cite: "Art. 50(4), second subparagraph: 'Deployers of an AI system that generates or manipulates text which is published with the purpose of informing the public on matters of public interest shall disclose'",
    facts: { ...BASE, generative: true, generatedContent: ["text"], publicInterestText: true, humanEditorialControl: false, art50AssistiveEditing: false },
    asOf: "2026-11-22",
    tier: "transparency",
    has: ["art-50.2"],
    hasNot: ["art-50.4"],
  },
  // Art. 5(1)(a)–(g): the acts prohibited, and who does them.
  ...([
    ["provider", "Art. 3(3): '‘provider’ means … that develops an AI system … and places it on the market or puts the AI system into service under its own name or trademark'"],
    ["importer", "Art. 3(6): '‘importer’ means a natural or legal person located or established in the Union that places on the market an AI system'"],
    ["product-manufacturer", "Art. 2(1)(e): 'product manufacturers placing on the market or putting into service an AI system together with their product and under their own name or trademark'"],
    ["deployer", "Art. 3(4): '‘deployer’ means a natural or legal person, public authority, agency or other body using an AI system under its authority'"],
  ] as const).map(([role, cite]): Case => ({
    name: `a ${role} of a social-scoring system is prohibited from doing what Art. 5(1)(c) names`,
    cite: `${ART_5_1_C}; ${cite}`,
    facts: { ...SOCIAL_SCORING, euRoles: [role] },
    asOf: "2026-11-22",
    tier: "prohibited",
    roles: [role],
    has: ["art-5.1.c"],
  })),
  ...([
    ["distributor", `Art. 3(7): '‘distributor’ means a natural or legal person in the supply chain, other than the provider or the importer, that makes an AI system available on the Union market'; ${ART_3_9}`],
    ["authorised-representative", "Art. 3(5): '‘authorised representative’ means a natural or legal person located or established in the Union who has received and accepted a written mandate from a provider … to … perform and carry out on its behalf the obligations and procedures established by this Regulation'"],
  ] as const).map(([role, cite]): Case => ({
    name: `a ${role} handles a system that falls under Art. 5, but Art. 5(1)(c) does not name its act`,
    cite: `${ART_5_1_C}; ${cite}; Art. 2(12): 'an AI system that falls under Article 5'`,
    facts: { ...SOCIAL_SCORING, euRoles: [role] },
    asOf: "2026-11-22",
    tier: "prohibited",
    roles: [role],
    hasNot: ["art-5.1"],
  })),
  {
    name: "a distributor that also uses the system is reached as its deployer",
    cite: `${ART_5_1_C}; Art. 3(4)`,
    facts: { ...SOCIAL_SCORING, euRoles: ["distributor", "deployer"], prohibitedPractices: ["emotion-workplace-education"] },
    asOf: "2026-11-22",
    tier: "prohibited",
    has: ["art-5.1.f"],
  },
];
