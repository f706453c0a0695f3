import { SYSTEM_ACTOR } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { createFieldBody } from "../fields/fields.schema.ts";
import { createField } from "../fields/fields.service.ts";

/**
 * The demo organisation's own fields: what a company typically keeps beyond Musubi's fields (the
 * state of its impact assessment, how many people use a system, its internal approval number, when
 * a vendor's data processing agreement was signed). Musubi's example, not a legal requirement.
 */
const DEMO_FIELDS = [
  {
    entity: "system",
    key: "impact_assessment",
    labelJa: "影響評価の状況",
    labelEn: "Impact assessment status",
    type: "choice",
    options: [
      { value: "not_started", labelJa: "未着手", labelEn: "Not started" },
      { value: "in_progress", labelJa: "実施中", labelEn: "In progress" },
      { value: "done", labelJa: "完了", labelEn: "Done" },
    ],
    helpJa: "社内の影響評価（個人情報・人権への影響）の進み具合",
    helpEn: "How far the company's own impact assessment (privacy and human rights) has come",
    inList: true,
  },
  { entity: "system", key: "monthly_users", labelJa: "月間利用者数（概数）", labelEn: "Monthly users (approx.)", type: "number" },
  { entity: "system", key: "internal_approval", labelJa: "社内承認番号", labelEn: "Internal approval no.", type: "text" },
  { entity: "vendor", key: "dpa_signed_on", labelJa: "データ処理契約の締結日", labelEn: "Data processing agreement signed on", type: "date", inList: true },
] as const;

export async function seedDemoFields(db: Db, orgId: string): Promise<void> {
  for (const f of DEMO_FIELDS) await createField(db, { actor: SYSTEM_ACTOR, orgId }, createFieldBody.parse(f));
}
