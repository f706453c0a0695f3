import fs from "node:fs";
import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server.ts";
import { CHROMIUM, HAVE_CHROMIUM, DEMO_PASSWORD, openDemoSite, SHOTS, signIn, type DemoSite } from "./browser.support.ts";

const PASSWORD = DEMO_PASSWORD;

if (!HAVE_CHROMIUM) console.warn(`[browser test] model card skipped: no Chromium at ${CHROMIUM}`);

/** A small Hugging Face model card written for this test: licence, a dataset, one evaluation result and a limitations section. */
const README = `---
license: apache-2.0
language:
- ja
datasets:
- support-dialogues
model-index:
- name: support-reply-ranker
  results:
  - task:
      type: text-classification
    dataset:
      name: Support dialogues
      type: support-dialogues
      split: test
    metrics:
    - type: accuracy
      value: 0.874
      name: Accuracy
---

# support-reply-ranker

## Limitations

Trained on Japanese customer-support dialogues only; replies in other languages are not ranked reliably.
`;

describe.skipIf(!HAVE_CHROMIUM)("model and dataset cards on a system's page, in a browser", () => {
  let site: DemoSite;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await openDemoSite("model-card", { jobs: true });
    ({ server, browser } = site);
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    await signIn(page, server.url, "caio", PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  it("refuses a card with broken YAML, saying where", async () => {
    await page.goto(`${server.url}/systems`);
    await page.getByTestId("system-row-AIS-HR-01").getByRole("link", { name: "AIS-HR-01" }).click();
    await page.getByTestId("model-card-import").click();
    const dialog = page.getByTestId("model-card-dialog");
    await dialog.getByTestId("model-card-file").setInputFiles({ name: "README.md", mimeType: "text/markdown", buffer: Buffer.from("---\nlicense: mit\nlicense: mit\n---\n") });
    await expect.poll(() => dialog.getByTestId("model-card-error").textContent()).toContain("3行1列目");
    expect(await dialog.getByTestId("model-card-apply").isDisabled()).toBe(true);
  });

  it("previews a Hugging Face README.md, applies it, and shows the licence, the evaluation result and where they came from", async () => {
    const dialog = page.getByTestId("model-card-dialog");
    await dialog.getByTestId("model-card-file").setInputFiles({ name: "README.md", mimeType: "text/markdown", buffer: Buffer.from(README) });
    const preview = dialog.getByTestId("model-card-preview");
    await expect.poll(() => preview.textContent()).toContain("Hugging Faceモデルカード：モデル1件、データセット1件");
    const changes = preview.getByTestId("model-card-change");
    await expect.poll(() => changes.count()).toBe(2);
    expect(await changes.nth(0).textContent()).toMatch(/^追加\s*モデル\s*support-reply-ranker/);
    expect(await changes.nth(0).textContent()).toContain("ライセンス");
    expect(await changes.nth(0).textContent()).toContain("評価結果");
    // Neither card format says whether a dataset holds personal data: the person is asked to check.
    expect(await dialog.getByTestId("model-card-warnings").textContent()).toContain("個人情報を含むかどうかの記載がありません");
    await page.screenshot({ path: path.join(SHOTS, "model-card-preview-ja.png") });

    await dialog.getByTestId("model-card-apply").click();
    await dialog.waitFor({ state: "detached" });
    const models = page.getByTestId("technology-models");
    await expect.poll(() => models.textContent()).toContain("support-reply-ranker");
    const row = models.locator("tr", { hasText: "support-reply-ranker" }).first();
    expect(await row.textContent()).toContain("apache-2.0");
    const facts = models.getByTestId("card-facts-model");
    const squeezed = async (l: ReturnType<Page["locator"]>) => (await l.textContent())?.replace(/\s+/g, "");
    expect(await squeezed(facts.locator("summary"))).toContain("取込み元：HuggingFaceモデルカード「support-reply-ranker」README.md");
    expect(await facts.locator("summary").textContent()).toContain("評価結果1件");
    await facts.locator("summary").click();
    const evaluation = facts.getByTestId("card-evaluations").locator("tbody tr").first();
    await expect.poll(() => evaluation.textContent()).toBe("Accuracy0.874Support dialoguestesttext-classification");
    expect(await facts.textContent()).toContain("制約・限界");
    expect(await facts.textContent()).toContain("replies in other languages are not ranked reliably");

    const datasets = page.getByTestId("technology-datasets");
    expect(await squeezed(datasets.getByTestId("card-facts-dataset"))).toContain("取込み元：HuggingFaceモデルカード「support-reply-ranker」");
    await page.screenshot({ path: path.join(SHOTS, "model-card-table-ja.png"), fullPage: true });
  });

  it("says nothing would change when the same card is read again", async () => {
    await page.getByTestId("model-card-import").click();
    const dialog = page.getByTestId("model-card-dialog");
    await dialog.getByTestId("model-card-file").setInputFiles({ name: "README.md", mimeType: "text/markdown", buffer: Buffer.from(README) });
    await expect.poll(() => dialog.getByTestId("model-card-preview").textContent()).toContain("このカードを取り込んでもシステムは変わりません");
    expect(await dialog.getByTestId("model-card-apply").isDisabled()).toBe(true);
  });
});
