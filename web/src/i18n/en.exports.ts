/** English UI strings (exports); spread into `en.ts`. */
export const enExports = {
  "exports.people.title": "For reading",
  "exports.people.hint": "Headings and values in the language you use here, with each system's EU AI Act class and the date it applies from, its posture per framework and its profile answers. Times are in the organisation's time zone.",
  "exports.machine.title": "For re-import into Musubi",
  "exports.machine.hint": "Field names and stored values as they are, so the file can be imported again without loss.",
} as const;
