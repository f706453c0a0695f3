/** English UI strings of the audit ledger (actions, record types, field labels); spread into `en.ts`. */
export const enAudit = {
} as const;
