/** English UI strings of the risks pages; spread into `en.ts`. */
export const enRisks = {
  "nav.risks": "Risks",
  "home.desc.risks": "The risk register: risks per system and organisation-wide on your risk matrix, with treatment, acceptance and a heat map.",
} as const;
