/** English UI strings of the workflow pages; spread into `en.ts`. */
export const enWorkflow = {
  "nav.myTasks": "My tasks",
  "nav.vendors": "Vendors",
  "nav.schedules": "Review schedules",
  "nav.webhooks": "Webhooks",
  "home.desc.myTasks": "Your tasks and the approvals waiting for you.",
  "home.desc.vendors": "Third-party AI tools and services: due diligence, rating, contracts and the systems that depend on them.",
  "home.desc.schedules": "Recurring reviews of systems, risks and vendors, by fiscal year or a custom cycle.",
  "home.desc.webhooks": "Signed webhooks that carry the organisation's events to other tools.",
} as const;
