/** English UI strings of the incidents pages; spread into `en.ts`. */
export const enIncidents = {
  "nav.incidents": "Incidents",
  "home.desc.incidents": "Incidents from people and monitoring tools: harms, rights, personal data, actions, closure and the report for regulators.",
} as const;
