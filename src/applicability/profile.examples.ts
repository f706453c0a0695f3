/**
 * A business user of AI in Japan handling personal data: in scope of the AI Promotion Act, the AI
 * Guidelines and the APPI, and (by choice) NIST AI RMF and ISO/IEC 42001 — so one system carries
 * several assessments the crosswalks can join. Used by the demo workspace and the tests.
 */
export const JP_BUSINESS_USER_PROFILE = {
  jpRoles: ["ai-business-user"],
  businessUseOfAi: true,
  researchInstitution: false,
  advancedAiDeveloper: false,
  publicSector: false,
  generative: false,
  personalData: true,
  deploymentRegions: ["jp"],
  euOutputUsed: false,
  voluntaryFrameworks: ["nist-ai-rmf", "iso-42001"],
};
