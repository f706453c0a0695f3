import { parse as parseCsv } from "csv-parse/sync";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { CHROMIUM, HAVE_CHROMIUM, launchChromium, SHOTS, signIn } from "./browser.support.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../src/cli/web-build.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { startServer, type RunningServer } from "../../src/server.ts";

const PASSWORD = "browser-test-password-1";

if (!HAVE_CHROMIUM) console.warn(`[browser test] inventory skipped: no Chromium at ${CHROMIUM}`);

/**
 * A CV-screening assistant that also chats with candidates, offered in Japan and the EU. Its EU
 * class is high-risk (Annex III, employment) from 2027-12-02, and it is shown so, with that date;
 * what applies today is the transparency obligations of Art. 50 (since 2026-08-02).
 */
const PROFILE = {
  facts: {
    jpRoles: ["ai-provider"],
    businessUseOfAi: true,
    researchInstitution: false,
    advancedAiDeveloper: false,
    publicSector: false,
    generative: false,
    interactsWithPeople: true,
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
    euLawEnforcementAuthorised: false,
    euRoles: ["provider"],
    euExclusion: "none",
    euPlacedOnMarketOn: "2027-04-01",
    prohibitedPractices: [],
    annexIProduct: "none",
    annexIIIAreas: ["employment"],
    art6Derogation: "none",
    profilingNaturalPersons: true,
  },
};

/** Shift_JIS bytes for `text`, from a reverse table of what the platform's decoder reads (no encoder ships with Node). */
function shiftJis(text: string): Buffer {
  const decoder = new TextDecoder("shift_jis");
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

const IMPORT_CSV = [
  "管理番号,システム名,英語名,利用目的,事業責任者,部署,ステータス,次回レビュー日",
  "IMP-001,需要予測,Demand forecast,在庫の最適化,caio@demo.musubi.example,DX,運用中,2027-04-01",
  "IMP-002,問い合わせチャットボット,Support chatbot,顧客対応,owner@demo.musubi.example,CS,開発中,",
  "IMP-003,,,名前のない行,,HR,運用中,",
].join("\r\n");

describe.skipIf(!HAVE_CHROMIUM)("AI inventory, system pages and assessments in a browser", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let systemUrl = "";
  let systemCode = "";
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const header = () => page.getByTestId("page-system").locator(".system-page__class").getByTestId("eu-class");

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuilt(() => {});
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-browser-inventory-"));
    server = await startServer(loadConfig({ MUSUBI_DATA_DIR: dataDir }, { port: 0, logLevel: "silent" }), { demo: true, demoPassword: PASSWORD, print: () => {} });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    await signIn(page, server.url, "caio@demo.musubi.example", PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("registers a system from the inventory and classifies it from its profile", async () => {
    await page.getByTestId("nav-systems").click();
    await page.getByTestId("page-systems").waitFor();
    // The demo organisation comes with a few systems.
    await page.getByTestId("system-row-AIS-HR-01").waitFor();
    await page.getByTestId("system-new").click();
    await page.getByTestId("page-system-new").waitFor();

    // Refused without names: the server's messages appear next to the fields.
    await page.getByTestId("system-save").click();
    await expect.poll(() => page.locator(".field--invalid").count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: path.join(SHOTS, "system-form-ja.png") });

    await page.getByTestId("field-nameJa").fill("採用候補者スクリーニングAI");
    await page.getByTestId("field-nameEn").fill("Candidate screening assistant");
    await page.getByTestId("field-purpose").fill("応募書類の一次選考を補助し、候補者からの質問にチャットで回答する。");
    await page.getByTestId("field-lifecycle").selectOption("deployed");
    await page.getByTestId("field-businessOwnerId").selectOption({ label: "統括 花子 (CAIO)（caio@demo.musubi.example）" });
    await page.getByTestId("field-departmentId").selectOption({ label: "HR — 人事部" });
    await page.getByTestId("field-nextReviewAt").fill("2026-10-01");
    const tags = page.getByTestId("field-tags").locator("input");
    await tags.fill("人事");
    await tags.press("Enter");
    await tags.fill("EU展開");
    await tags.press("Enter");
    const countries = page.getByTestId("field-countries").locator("input");
    await countries.fill("jp, de");
    await countries.press("Enter");
    await page.getByTestId("models-table").getByRole("button", { name: "行を追加" }).click();
    await page.getByLabel("1行目の名称").first().fill("screening-llm");
    await page.getByTestId("system-save").click();

    await page.getByTestId("system-profile").waitFor();
    systemUrl = page.url().replace(/\?.*$/, "");
    systemCode = (await page.locator(".system-page__code").textContent()) ?? "";
    expect(systemCode).toMatch(/^AIS-\d{6}$/);
    await expect.poll(() => header().textContent()).toBe("未分類");

    await page.getByTestId("profile-form").waitFor();
    // What the record already says is shown from it, not asked again.
    await expect.poll(() => page.getByTestId("from-record-deploymentRegions").textContent()).toContain("提供・利用国");
    expect(await page.getByTestId("question-deploymentRegions").locator("input:checked").count()).toBe(2);
    expect(await page.getByTestId("question-deploymentRegions").locator("input").first().isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId("question-purpose").locator("input, textarea").first().inputValue()).toBe("応募書類の一次選考を補助し、候補者からの質問にチャットで回答する。");
    await page.getByTestId("profile-file").setInputFiles({ name: "screening.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(PROFILE)) });
    await expect.poll(() => page.getByTestId("classification-eu-ai-act-risk").textContent()).toContain("高リスク（2027年12月2日から適用）");
    await expect.poll(() => page.getByTestId("classification-eu-ai-act-risk-today").textContent()).toBe("本日時点で適用される区分: 透明性義務");
    await page.getByTestId("profile-submit").click();
    await expect.poll(() => header().textContent()).toBe("高リスク（2027年12月2日から適用）");

    await page.getByTestId("tab-overview").click();
    await page.getByTestId("system-overview").waitFor();
    await expect.poll(() => page.getByTestId("posture").textContent()).toContain("未評価");
    await shot("system-ja");
  });

  it("shows the Japanese duties and the EU classification with the reasons", async () => {
    await page.getByTestId("tab-requirements").click();
    const tier = page.getByTestId("classification-eu-ai-act-risk");
    await expect.poll(() => tier.textContent()).toMatch(/高リスク.*2027年12月2日/);
    await expect.poll(() => page.getByTestId("classification-eu-ai-act-risk-today").textContent()).toContain("透明性義務");
    const japan = page.getByTestId("duties-jp");
    await expect.poll(() => japan.textContent()).toContain("AI事業者ガイドライン");
    await expect.poll(() => japan.textContent()).toContain("個人情報保護法");
    await expect.poll(() => japan.textContent()).toContain("第七条");
    // The AI Promotion Act: no penalties, and Art. 7 read as best-effort and cooperation.
    await expect.poll(() => japan.getByTestId("penalties-jp-ai-promotion-act").textContent()).toContain("罰則がない");
    const promotion = japan.getByTestId("requirements-jp-ai-promotion-act");
    await expect.poll(() => promotion.getByTestId("obligation").allTextContents()).toEqual(expect.arrayContaining(["協力"]));
    // The APPI text predates an amendment in force: said once, above its provisions.
    await expect.poll(() => japan.getByTestId("currency-missing-jp-appi").first().textContent()).toMatch(/施行された改正.*含まれていません/);
    const appi = japan.getByTestId("requirements-jp-appi");
    await appi.locator("button[aria-expanded=false]").first().click();
    await expect.poll(() => appi.textContent()).toContain("第二十八条");
    await appi.getByText("なぜ？").first().click();
    await expect.poll(() => appi.locator(".explanation").count()).toBeGreaterThan(0);
    await shot("requirements-ja");
  });

  it("starts an assessment, answers rows with evidence and refuses an incomplete sign-off", async () => {
    await page.getByTestId("tab-assessments").click();
    await page.getByTestId("assessment-framework").selectOption("jp-ai-promotion-act");
    await page.getByTestId("assessment-start").click();
    const rows = page.getByTestId("items-table").locator("tr.item-row");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);

    const first = rows.nth(0);
    await first.getByTestId("item-status").selectOption("met");
    await expect.poll(() => first.getAttribute("data-status")).toBe("met");
    await first.getByTestId("item-add-evidence").click();
    await page.getByTestId("evidence-file").setInputFiles({ name: "AI利用規程_2026.txt", mimeType: "text/plain", buffer: Buffer.from("AI利用規程 第1版\n") });
    await expect.poll(() => page.getByTestId("evidence-title").inputValue()).toBe("AI利用規程_2026.txt");
    await page.getByTestId("evidence-save").click();
    await expect.poll(() => first.getByTestId("item-evidence").textContent()).toContain("AI利用規程_2026.txt");

    // With a row still unanswered, the assessment cannot be signed off.
    expect(await page.getByTestId("sign-off-open").isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId("sign-off-blocked").textContent()).toContain("すべて回答してから承認してください");

    // Not applicable needs a reason.
    const second = rows.nth(1);
    await second.getByTestId("item-status").selectOption("not_applicable");
    await page.getByTestId("item-dialog").waitFor();
    await page.getByTestId("item-save").click();
    await expect.poll(() => page.getByTestId("item-dialog").textContent()).toContain("対象外とする理由を記入してください。");
    await page.getByTestId("item-justification").fill("当社は研究開発機関ではないため。");
    await page.getByTestId("item-save").click();
    await expect.poll(() => second.getAttribute("data-status")).toBe("not_applicable");
    await expect.poll(() => second.textContent()).toContain("対象外の理由：当社は研究開発機関ではないため。");

    await expect.poll(() => page.getByTestId("assessment-card-jp-ai-promotion-act").textContent()).toMatch(/2件完了/);
    await shot("assessment-ja");
  });

  it("infers answers for the EU AI Act assessment from the AI Guidelines one through the crosswalk", async () => {
    await page.getByTestId("assessment-framework").selectOption("jp-ai-guidelines");
    await page.getByTestId("assessment-start").click();
    const panel = page.getByTestId("assessment-panel");
    const transparency = panel.getByTestId("item-principle-6");
    await transparency.getByTestId("item-status").selectOption("met");
    await expect.poll(() => transparency.getAttribute("data-status")).toBe("met");

    await page.getByTestId("assessment-framework").selectOption("eu-ai-act");
    await page.getByTestId("assessment-start").click();
    await expect.poll(() => panel.locator("#assessment-title").textContent()).toContain("EU AI法");
    await page.getByTestId("infer-open").click();
    const dialog = page.getByTestId("inference-dialog");
    await expect.poll(() => dialog.getByTestId("infer-from").locator("option:checked").textContent()).toBe("AI事業者ガイドライン");
    const proposal = dialog.locator("tr[data-testid^=proposal-]").filter({ hasText: "Article 50(1)" });
    await expect.poll(() => proposal.textContent()).toContain("部分");
    await expect.poll(() => proposal.textContent()).toContain("一部達成");
    expect(await dialog.getByTestId("infer-accept").isDisabled()).toBe(true);
    await proposal.locator("input[type=checkbox]").check();
    await page.screenshot({ path: path.join(SHOTS, "inference-ja.png") });
    await dialog.getByTestId("infer-accept").click();
    await expect.poll(() => page.getByTestId("assessment-notice").textContent()).toContain("1件採用しました");
    await panel.locator(".pager__size select").selectOption("100");
    const art50 = panel.getByTestId("item-art-50.1");
    await expect.poll(() => art50.getAttribute("data-status")).toBe("partially_met");
    await expect.poll(() => art50.textContent()).toContain("推定");
  });

  it("keeps someone else's change when two people edit the same system", async () => {
    await page.getByTestId("tab-overview").click();
    await page.getByTestId("system-edit").click();
    await page.getByTestId("field-purpose").fill("書類選考の補助（自分の変更）");
    // Meanwhile another session renames the system.
    const status = await page.evaluate(async (url) => {
      const id = url.split("/").pop()!;
      const session = (await (await fetch("/api/auth/session")).json()) as { csrfToken: string };
      const current = (await (await fetch(`/api/systems/${id}`)).json()) as { version: number };
      const res = await fetch(`/api/systems/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: JSON.stringify({ version: current.version, nameEn: "Candidate screening assistant (renamed)" }),
      });
      return res.status;
    }, systemUrl);
    expect(status).toBe(200);
    await page.getByTestId("system-save").click();
    const conflict = page.getByTestId("system-conflict");
    await expect.poll(() => conflict.textContent()).toContain("Candidate screening assistant (renamed)");
    await expect.poll(() => conflict.textContent()).toContain("書類選考の補助（自分の変更）");
    await conflict.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "conflict-ja.png") });
    await page.getByTestId("conflict-reapply").click();
    await expect.poll(() => page.getByTestId("field-nameEn").inputValue()).toBe("Candidate screening assistant (renamed)");
    await page.getByTestId("system-save").click();
    await expect.poll(() => page.getByTestId("system-overview").textContent()).toContain("書類選考の補助（自分の変更）");
    await expect.poll(() => page.getByTestId("page-system").locator(".page-header__subtitle").textContent()).toBe("Candidate screening assistant (renamed)");
  });

  it("adds models from a CycloneDX BOM and shows the system's history", async () => {
    const bom = {
      bomFormat: "CycloneDX",
      specVersion: "1.6",
      version: 1,
      components: [{ type: "machine-learning-model", "bom-ref": "model-resume-ranker", name: "resume-ranker", version: "2.1", supplier: { name: "Example AI" } }],
    };
    await page.getByTestId("bom-import").click();
    await page.getByTestId("bom-file").setInputFiles({ name: "ml-bom.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bom)) });
    await expect.poll(() => page.getByTestId("bom-preview").textContent()).toContain("resume-ranker");
    await page.getByTestId("bom-add").click();
    await expect.poll(() => page.getByTestId("technology-models").textContent()).toContain("resume-ranker");
    await expect.poll(() => page.getByTestId("technology-models").textContent()).toContain("screening-llm");

    await page.getByTestId("tab-history").click();
    const history = page.getByTestId("system-history");
    await expect.poll(() => history.locator("tr[data-action='system.updated']").count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => history.textContent()).toContain("Candidate screening assistant (renamed)");
    await expect.poll(() => history.locator("tr[data-action='system.created']").count()).toBe(1);
    await shot("history-ja");
  });

  it("lists, filters and links the system in the inventory", async () => {
    await page.getByTestId("nav-systems").click();
    const row = page.getByTestId(`system-row-${systemCode}`);
    await expect.poll(() => row.textContent()).toContain("高リスク（2027年12月2日から適用）");
    await expect.poll(() => row.textContent()).toContain("期限超過");
    await expect.poll(() => row.textContent()).toContain("統括 花子");
    await expect.poll(() => row.textContent()).toContain("人事部");
    await shot("inventory-ja");
    await page.goto(`${server.url}/systems?euClass=minimal`);
    await page.getByTestId("page-systems").waitFor();
    await expect.poll(() => page.getByTestId("systems-table").getAttribute("aria-busy")).toBe("false");
    expect(await row.count()).toBe(0);
    // Counted as high-risk, with its date, wherever systems are filtered or exported.
    await page.goto(`${server.url}/systems?euClass=high-risk&reviewOverdue=true`);
    await row.waitFor();
    const classes = await page.getByTestId("systems-table").getByTestId("eu-class").evaluateAll((els) => els.map((e) => e.getAttribute("data-value")));
    expect(new Set(classes)).toEqual(new Set(["high-risk"]));
    expect(await page.getByTestId("filter-overdue").isChecked()).toBe(true);
    await page.getByTestId("export-menu").locator("summary").click();
    const href = await page.getByTestId("export-machine-csv").getAttribute("href");
    expect(href).toBe("/api/systems/export?format=csv&euClass=high-risk&reviewOverdue=true&audience=machine");
    const csv = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    const records = parseCsv(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(records.find((r) => r.code === systemCode)).toMatchObject({ euClass: "high-risk", euClassFrom: "2027-12-02" });
  });

  it("imports a Shift_JIS register through the wizard, leaving out the invalid row", async () => {
    await page.goto(`${server.url}/systems`);
    await page.getByTestId("system-import").click();
    await page.getByTestId("import-file").setInputFiles({ name: "AI台帳.csv", mimeType: "text/csv", buffer: shiftJis(IMPORT_CSV) });
    await page.getByTestId("import-mapping").waitFor();
    expect(await page.getByTestId("import-encoding").inputValue()).toBe("shift_jis");
    await expect.poll(() => page.getByTestId("mapping-table").textContent()).toContain("需要予測");
    // Another header row reads the file again: the columns and the row count follow it.
    await page.getByTestId("import-header-row").fill("2");
    await expect.poll(() => page.getByTestId("import-row-count").textContent()).toBe("2");
    await page.getByTestId("import-header-row").fill("1");
    await expect.poll(() => page.getByTestId("import-row-count").textContent()).toBe("3");
    await expect.poll(() => page.getByTestId("mapping-table").textContent()).toContain("需要予測");
    // The stage column's values, with Musubi's reading of each; one translated (開発中 → 運用中 for this register).
    const stage = page.locator('tr[data-column="ステータス"]');
    await stage.getByTestId("import-values").click();
    const values = page.getByTestId("values-table");
    await expect.poll(() => values.locator('tr[data-value="運用中"]').textContent()).toBe("運用中2運用中（Musubiの読みのまま）企画開発運用中廃止不明（空欄として扱う）");
    await values.locator('tr[data-value="開発中"] select').selectOption("deployed");
    await expect.poll(() => stage.getByTestId("import-values").textContent()).toContain("1件読み替え");
    await shot("import-values-ja");
    await page.getByTestId("values-close").click();
    // Saved for the next time this register comes, translation included.
    await page.getByTestId("import-preset-name").fill("部門台帳");
    await page.getByTestId("import-preset-save").click();
    await expect.poll(() => page.getByTestId("import-preset-select").textContent()).toContain("部門台帳");
    const presets = await page.evaluate(async () => (await fetch("/api/import-presets")).json());
    expect(presets[0].settings.mapping.find((m: { field: string }) => m.field === "lifecycle").values).toEqual({ 開発中: "deployed" });
    await page.getByTestId("import-preview").click();
    await expect.poll(() => page.getByTestId("import-valid").textContent()).toBe("2");
    await expect.poll(() => page.getByTestId("import-invalid").textContent()).toBe("1");
    await expect.poll(() => page.getByTestId("import-errors").textContent()).toContain("4");
    // Every problem as a file, in the page's language.
    const problems = await page.getByTestId("import-problems-download").locator("a").first().getAttribute("href");
    const problemsCsv = await page.evaluate(async (url) => (await fetch(url!)).text(), problems);
    expect(problemsCsv.replace(/^\uFEFF/, "").split("\r\n")[1]).toMatch(/^4,エラー（取り込まない）,/);
    expect(await page.getByTestId("import-commit").isDisabled()).toBe(true);
    await page.getByTestId("import-skip-invalid").check();
    await shot("import-preview-ja");
    await page.getByTestId("import-commit").click();
    await expect.poll(() => page.getByTestId("import-done").textContent(), { timeout: 20_000 }).toContain("2件");
    await page.getByTestId("import-to-inventory").click();
    await expect.poll(() => page.getByTestId("system-row-IMP-001").textContent()).toContain("デジタル推進部");
    await expect.poll(() => page.getByTestId("system-row-IMP-002").textContent()).toContain("運用中");
  });

  it("shows the demo's résumé-screening system as high-risk with its date on its page, the dashboard and the export", async () => {
    await page.goto(`${server.url}/systems`);
    const row = page.getByTestId("system-row-AIS-HR-01");
    await expect.poll(() => row.getByTestId("eu-class").textContent()).toBe("高リスク（2027年12月2日から適用）");
    await row.getByRole("link", { name: "AIS-HR-01" }).click();
    await expect.poll(() => header().textContent()).toBe("高リスク（2027年12月2日から適用）");
    await page.getByTestId("tab-requirements").click();
    await expect.poll(() => page.getByTestId("classification-eu-ai-act-risk-today").textContent()).toContain("本日時点で適用される区分");
    await page.getByTestId("nav-dashboard").click();
    const highRisk = page.getByTestId("eu-class-high-risk");
    await expect.poll(() => highRisk.textContent()).toMatch(/高リスク\s*[1-9]/);
    await expect.poll(() => page.getByTestId("eu-class-high-risk-note").textContent()).toMatch(/^うち2027年12月2日から適用: [1-9]\d*件$/);
    const json = await page.evaluate(async () => (await fetch("/api/systems/export?format=json")).text());
    const exported = (JSON.parse(json) as { code: string; euClass: string; euClassFrom: string }[]).find((x) => x.code === "AIS-HR-01");
    expect(exported).toMatchObject({ euClass: "high-risk", euClassFrom: "2027-12-02" });
  });

  it("shows the high-risk system's card: what it covers of Annex IV, the bilingual document and the CycloneDX BOM", async () => {
    await page.goto(`${server.url}/systems`);
    await page.getByTestId("system-row-AIS-HR-01").getByRole("link", { name: "AIS-HR-01" }).click();
    await page.getByTestId("tab-card").click();
    const coverage = page.getByTestId("annex-coverage");
    // Annex IV's points come from the library; each is recorded, empty or outside Musubi's data.
    await expect.poll(() => coverage.getByTestId("annex-point").count()).toBeGreaterThan(10);
    await expect.poll(() => coverage.textContent()).toMatch(/記録あり: \d+件中[1-9]\d*件/);
    await expect.poll(() => coverage.textContent()).toContain("Musubiによる解釈");
    await shot("system-card-ja");
    const html = await page.evaluate(async (href) => {
      const res = await fetch(href);
      return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
    }, (await page.getByTestId("system-card-html").getAttribute("href"))!);
    expect(html.status).toBe(200);
    expect(html.type).toContain("text/html");
    expect(html.body).toContain("AIシステムカード");
    expect(html.body).toContain("AIS-HR-01");
    const bom = await page.evaluate(async (href) => (await fetch(href)).json(), (await page.getByTestId("system-bom").getAttribute("href"))!);
    expect(bom).toMatchObject({ bomFormat: "CycloneDX", specVersion: "1.6" });
    expect((bom as { components: { type: string }[] }).components.some((c) => c.type === "machine-learning-model")).toBe(true);
  });

  it("does the same in English", async () => {
    await page.getByTestId("language-switch").getByRole("button", { name: "English" }).click();
    await page.goto(`${server.url}/systems`);
    await expect.poll(() => page.locator(".page-header__title").textContent()).toBe("AI inventory");
    const row = page.getByTestId(`system-row-${systemCode}`);
    await expect.poll(() => row.textContent()).toContain("High-risk (applies from 2 Dec 2027)");
    await expect.poll(() => row.textContent()).toContain("Overdue");
    await shot("inventory-en");

    await row.getByRole("link", { name: systemCode }).click();
    await expect.poll(() => header().textContent()).toBe("High-risk (applies from 2 Dec 2027)");
    await expect.poll(() => page.getByTestId("page-system").locator(".page-header__title").textContent()).toBe("Candidate screening assistant (renamed)");
    await shot("system-en");
    await page.goto(`${server.url}/systems`);
    await expect.poll(() => page.getByTestId("system-row-AIS-HR-01").getByTestId("eu-class").textContent()).toBe("High-risk (applies from 2 Dec 2027)");
    await page.getByTestId("system-row-AIS-HR-01").getByRole("link", { name: "AIS-HR-01" }).click();
    await expect.poll(() => header().textContent()).toBe("High-risk (applies from 2 Dec 2027)");
    await page.getByTestId("tab-requirements").click();
    await expect.poll(() => page.getByTestId("classification-eu-ai-act-risk-today").textContent()).toContain("What applies today");
    await page.getByTestId("nav-dashboard").click();
    await expect.poll(() => page.getByTestId("eu-class-high-risk-note").textContent()).toMatch(/^[1-9]\d* of them from 2 Dec 2027$/);
    await page.goto(systemUrl);
    await page.getByTestId("page-system").waitFor();

    await page.getByTestId("tab-requirements").click();
    await expect.poll(() => page.getByTestId("duties-jp").textContent()).toContain("Japan's duties and guidance");
    await expect.poll(() => page.getByTestId("classification-eu-ai-act-risk").textContent()).toMatch(/High-risk.*2 Dec 2027/);

    await page.getByTestId("tab-assessments").click();
    await page.getByTestId("assessment-card-jp-ai-promotion-act").click();
    // Art. 7 binds the business; Art. 25 binds the State and is not a row to answer.
    await expect.poll(() => page.getByTestId("items-table").textContent()).toContain("Article 7");
    expect(await page.getByTestId("items-table").textContent()).not.toContain("Article 25");
    await expect.poll(() => page.getByTestId("assessment-card-jp-ai-promotion-act").textContent()).toMatch(/2 of \d+ done/);
    await shot("assessment-en");
  });

  it("flags rows that no longer apply after a profile change until someone reviews them", async () => {
    await page.getByTestId("tab-profile").click();
    await page.getByTestId("question-interactsWithPeople").getByText("No", { exact: true }).click();
    await expect.poll(() => page.getByTestId("classification-eu-ai-act-risk-today").textContent()).toBe("What applies today: Minimal risk");
    await page.getByTestId("profile-submit").click();
    await expect.poll(() => header().textContent()).toBe("High-risk (applies from 2 Dec 2027)");

    await page.getByTestId("tab-assessments").click();
    await page.getByTestId("assessment-card-eu-ai-act").click();
    const banner = page.getByTestId("changes-banner");
    await expect.poll(() => banner.textContent()).toMatch(/[1-9]\d* no longer apply/);
    await page.getByTestId("acknowledge").click();
    await expect.poll(() => banner.count()).toBe(0);
  });

  it("shows a viewer the same pages without the actions they may not take", async () => {
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1440, height: 1000 } });
    const viewer = await context.newPage();
    await signIn(viewer, server.url, "viewer@demo.musubi.example", PASSWORD);
    await viewer.getByTestId("nav-systems").click();
    await viewer.getByTestId(`system-row-${systemCode}`).waitFor();
    expect(await viewer.getByTestId("system-new").count()).toBe(0);
    expect(await viewer.getByTestId("system-import").count()).toBe(0);
    await viewer.getByTestId("export-menu").waitFor();
    await viewer.goto(`${systemUrl}?tab=assessments`);
    await viewer.getByTestId("items-table").locator("tr.item-row").first().waitFor();
    expect(await viewer.getByTestId("item-status").count()).toBe(0);
    expect(await viewer.getByTestId("item-add-evidence").count()).toBe(0);
    expect(await viewer.getByTestId("sign-off-open").count()).toBe(0);
    expect(await viewer.getByTestId("assessment-start").count()).toBe(0);
    await viewer.getByTestId("tab-overview").click();
    await viewer.getByTestId("system-overview").waitFor();
    expect(await viewer.getByTestId("system-edit").count()).toBe(0);
    await viewer.goto(`${server.url}/systems/new`);
    await viewer.getByText("アクセス権限がありません").waitFor();
    await context.close();
  });
});
