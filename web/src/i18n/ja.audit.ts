import type { enAudit } from "./en.audit.ts";

/** Japanese UI strings of the audit ledger; spread into `ja.ts`. */
export const jaAudit: Record<keyof typeof enAudit, string> = {
};
