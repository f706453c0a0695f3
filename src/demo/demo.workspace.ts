import { JP_BUSINESS_USER_PROFILE } from "../applicability/profile.examples.ts";
import { SYSTEM_ACTOR } from "../audit/audited.ts";
import { createAssessment, updateItem } from "../compliance/assessments.service.ts";
import { listItems } from "../compliance/assessments.read.ts";
import { createControl } from "../compliance/controls.service.ts";
import { createEvidence } from "../compliance/evidence.service.ts";
import type { Db } from "../db/connect.ts";
import type { Library } from "../library/library.model.ts";
import type { Actor } from "../platform/authz.ts";
import { todayInTokyo } from "../platform/time.ts";
import type { CreateSystemInput } from "../systems/systems.schema.ts";
import { createSystem } from "../systems/systems.service.ts";

/** A business user of AI in Japan that follows NIST AI RMF only (see the shared example). */
const JP_USER = { ...JP_BUSINESS_USER_PROFILE, voluntaryFrameworks: ["nist-ai-rmf"] };

/** An HR screening tool offered in Japan and the EU: Annex III point 4 (employment), provider. */
export const HR_SCREENING = {
  jpRoles: ["ai-provider"],
  businessUseOfAi: true,
  researchInstitution: false,
  advancedAiDeveloper: false,
  publicSector: false,
  generative: false,
  interactsWithPeople: false,
  emotionRecognition: false,
  biometricCategorisation: false,
  gpaiModel: false,
  personalData: true,
  sensitiveData: false,
  thirdPartyProvision: false,
  crossBorderTransfer: true,
  pseudonymisedData: false,
  anonymisedData: false,
  deploymentRegions: ["jp", "eu"],
  euSystemKind: "ai-system",
  euRoles: ["provider"],
  euExclusion: "none",
  euPlacedOnMarketOn: "2026-04-01",
  prohibitedPractices: [],
  annexIProduct: "none",
  annexIIIAreas: ["employment"],
  art6Derogation: "none",
  profilingNaturalPersons: true,
};

type Seed = Omit<Partial<CreateSystemInput>, "businessOwnerId" | "technicalOwnerId" | "departmentId"> & { nameJa: string; nameEn: string; owner: string; department: string };

const SYSTEMS: Seed[] = [
  {
    code: "AIS-HR-01",
    nameJa: "採用書類スクリーニングAI",
    nameEn: "CV screening assistant",
    purpose: "応募書類を読み、選考担当者に確認すべき候補者を提示する。最終判断は担当者が行う。",
    lifecycle: "deployed",
    owner: "owner",
    department: "HR",
    profile: HR_SCREENING,
    models: [{ name: "screening-ranker", provider: "社内開発", version: "2.3", hosting: "cloud" }],
    datasets: [{ name: "過去の応募書類（匿名加工前）", source: "人事システム", personalData: true, sensitiveData: false }],
    vendors: ["クラウド基盤ベンダー"],
    countries: ["JP", "DE"],
    tags: ["採用", "高リスク候補"],
    custom: { impact_assessment: "done", monthly_users: 40, internal_approval: "承認-2026-014" },
    lastReviewedAt: "2026-04-01",
    nextReviewAt: "2026-10-01",
  },
  {
    code: "AIS-CS-01",
    nameJa: "顧客問い合わせチャットボット",
    nameEn: "Customer support chatbot",
    purpose: "よくある問い合わせに回答し、解決しない場合はオペレーターへ引き継ぐ。",
    lifecycle: "deployed",
    owner: "owner",
    department: "CS",
    profile: { ...JP_USER, generative: true },
    models: [{ name: "汎用LLM（API利用）", provider: "外部LLM事業者", hosting: "saas-api" }],
    vendors: ["外部LLM事業者"],
    countries: ["JP"],
    tags: ["生成AI", "顧客接点"],
    custom: { impact_assessment: "in_progress", monthly_users: 12000 },
    nextReviewAt: "2027-03-31",
  },
  {
    code: "AIS-DX-01",
    nameJa: "需要予測モデル",
    nameEn: "Demand forecasting model",
    purpose: "店舗別の需要を予測し、発注量の提案に使う。",
    lifecycle: "development",
    owner: "caio",
    department: "DX",
    profile: { ...JP_USER, personalData: false },
    countries: ["JP"],
    tags: ["需要予測"],
    custom: { impact_assessment: "not_started" },
    nextReviewAt: "2027-06-30",
  },
  {
    code: "AIS-LEGAL-01",
    nameJa: "契約書レビュー支援",
    nameEn: "Contract review assistant",
    purpose: "契約書の条項を読み、社内基準と異なる箇所を指摘する。",
    lifecycle: "planning",
    owner: "caio",
    department: "LEGAL",
    profile: { ...JP_USER, generative: true, personalData: false },
    tags: ["生成AI"],
  },
];

/**
 * A small, realistic workspace for the demo organisation: four systems across the lifecycle, an
 * assessment half answered, two controls mapped across frameworks and evidence about to expire —
 * so the dashboard, the inventory and the system pages have something to show on first start.
 */
export async function seedDemoWorkspace(db: Db, library: Library, orgId: string, users: Record<string, string>, departments: Record<string, string>): Promise<{ systems: string[]; controls: string[] }> {
  const who = { actor: SYSTEM_ACTOR, orgId };
  // The demo organisation keeps the default zone (Asia/Tokyo, see createOrganization): Tokyo's day is its day.
  const today = todayInTokyo();
  const actor: Actor = { kind: "token", userId: users.admin!, orgId, role: "admin", timeZone: "Asia/Tokyo", label: "musubi" };
  const ctx = { db, library, locale: "ja" as const, asOf: today };
  const ids: string[] = [];
  for (const s of SYSTEMS) {
    const { owner, department, ...rest } = s;
    const created = await createSystem(ctx, who, {
      purpose: "",
      lifecycle: "planning",
      profile: {},
      models: [],
      datasets: [],
      components: [],
      vendors: [],
      countries: [],
      tags: [],
      lastReviewedAt: null,
      nextReviewAt: null,
      ...rest,
      businessOwnerId: users[owner] ?? null,
      technicalOwnerId: users.owner ?? null,
      departmentId: departments[department] ?? null,
    });
    ids.push(created.id);
  }
  const guidelines = await createAssessment(db, library, who, actor, ids[0]!, "jp-ai-guidelines", today);
  await createAssessment(db, library, who, actor, ids[1]!, "jp-ai-guidelines", today);
  const rows = await listItems(db.kysely, library, orgId, { assessmentId: guidelines.id, limit: 20, offset: 0, sort: "position" }, today);
  const answers = ["met", "met", "partially_met", "met", "not_met", "in_progress"] as const;
  for (const [i, status] of answers.entries()) {
    const row = rows.items[i];
    if (row) await updateItem(db, who, actor, row.id, { version: row.version, status, ...(status === "not_met" && { comment: "説明責任の記録が未整備。2027年3月までに対応予定。" }) });
  }
  const urns = rows.items.map((r) => r.requirement.urn);
  const policy = await createControl(db, library, who, {
    code: "CTL-GOV-01",
    titleJa: "AI利用規程の制定と周知",
    titleEn: "AI use policy, adopted and communicated",
    description: "全社のAI利用規程を定め、年1回の研修で周知する。",
    ownerId: users.caio ?? null,
    status: "met",
    requirements: urns.slice(6, 8),
  });
  const data = await createControl(db, library, who, {
    code: "CTL-DATA-01",
    titleJa: "個人データの取扱い手順",
    titleEn: "Personal data handling procedure",
    description: "学習・推論に使う個人データの取得、利用目的の通知、第三者提供の確認手順。",
    ownerId: users.owner ?? null,
    status: "in_progress",
    requirements: urns.slice(8, 9),
  });
  const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await createEvidence(db, who, { kind: "note", title: "AI利用規程 研修実施記録（2026年度）", note: "全従業員の受講を確認。", validFrom: null, validUntil: soon, links: [{ type: "control", id: policy.id }] }, null);
  return { systems: ids, controls: [policy.id, data.id] };
}
