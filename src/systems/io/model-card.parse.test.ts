import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { appErrorOf, hasCorpus, utf8 } from "./io.test-support.ts";
import { parseModelCard } from "./model-card.parse.ts";
import { CARDS, corpusBytes, fillFromExamples } from "./model-card.test-support.ts";

const haveCards = hasCorpus("the model-card corpus tests");
const filled = (file: string) => utf8(fillFromExamples(readFileSync(`${CARDS}/${file}`, "utf8")));

describe.skipIf(!haveCards)("systems.io parseModelCard on the Hugging Face specification cards", () => {
  it("refuses the model card spec as shipped, naming the line of its {arg_0}: {value_0} keys in both languages", async () => {
    const err = await appErrorOf(() => parseModelCard(corpusBytes("hf/modelcard.md"), { name: "m" }));
    expect(err.status).toBe(422);
    expect(err.code).toBe("import_invalid_card");
    expect(err.details).toMatchObject({ reason: "yaml", line: 39, column: 9 });
    const { message } = err.details as { message: { en: string; ja: string } };
    expect(message.en).toContain("line 39, column 9");
    expect(message.ja).toContain("39行9列目");
  });

  it("maps the spec's own example values: licence, languages, tags, base model, library, the model-index result, training datasets", () => {
    const card = parseModelCard(filled("hf/modelcard.md"), { name: "my-asr-model", fileName: "README.md" });
    expect(card.format).toBe("hf-model-card");
    const source = { format: "hf-model-card", name: "my-asr-model", file: "README.md" };
    expect(card.models).toEqual([
      {
        name: "my-asr-model",
        licence: "apache-2.0",
        baseModel: "stabilityai/stable-diffusion-xl-base-1.0",
        library: "keras",
        languages: ["fr", "en"],
        tags: ["audio", "automatic-speech-recognition", "speech"],
        evaluations: [
          {
            metric: "wer",
            metricName: "Test WER",
            value: "20.90",
            task: "Speech Recognition",
            dataset: "Common Voice (French)",
            datasetConfig: "fr",
            split: "test",
            source: "https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard",
          },
        ],
        importedFrom: [source],
      },
    ]);
    expect(card.datasets).toEqual([{ name: "common_voice", personalData: false, sensitiveData: false, importedFrom: [source] }]);
  });

  it("invents nothing: no provider, version, task, emissions or uses that the card does not state, and says which placeholder it left empty", () => {
    const card = parseModelCard(filled("hf/modelcard.md"), { name: "my-asr-model" });
    for (const absent of ["provider", "version", "task", "co2Emissions", "intendedUse", "outOfScopeUse", "limitations", "biasRisks", "hosting", "bomRef"]) {
      expect(card.models[0], absent).not.toHaveProperty(absent);
    }
    // `- {tag_3}  # Example to specify a library: allennlp` has no plain example: it stays a placeholder.
    expect(card.warnings).toContainEqual({ en: expect.stringContaining("placeholders and were left empty: tags"), ja: expect.stringContaining("tags") });
    expect(card.warnings).toContainEqual({ en: expect.stringContaining("common_voice hold personal data"), ja: expect.stringContaining("common_voice") });
  });

  it("reads the unfilled dataset card spec to nothing but the name it is given, every placeholder named", () => {
    const card = parseModelCard(corpusBytes("hf/datasetcard.md"), { name: "Squad copy" });
    expect(card.format).toBe("hf-dataset-card");
    expect(card.models).toEqual([]);
    expect(card.datasets).toEqual([{ name: "Squad copy", personalData: false, sensitiveData: false, importedFrom: [{ format: "hf-dataset-card", name: "Squad copy" }] }]);
    expect(card.warnings[0]).toEqual({ en: "These card fields are unfilled template placeholders and were left empty: license, language.", ja: "次の項目はテンプレートのプレースホルダーのままのため、空欄にしました：license, language。" });
  });

  it("names a filled dataset card by its pretty_name and takes its licence and languages", () => {
    const card = parseModelCard(filled("hf/datasetcard.md"), {});
    expect(card.datasets).toEqual([{ name: "SQuAD", licence: "apache-2.0", languages: ["fr", "en"], personalData: false, sensitiveData: false, importedFrom: [{ format: "hf-dataset-card", name: "SQuAD" }] }]);
  });

  it("reads the eval results file's one complete result under the model name it is given, skipping the placeholder one", () => {
    const card = parseModelCard(corpusBytes("hf/eval_results.yaml"), { name: "my-model", fileName: "eval_results.yaml" });
    expect(card.format).toBe("hf-eval-results");
    expect(card.models).toEqual([{ name: "my-model", evaluations: [{ dataset: "Idavidrein/gpqa", task: "gpqa_diamond", value: "0.412" }], importedFrom: [{ format: "hf-eval-results", name: "my-model", file: "eval_results.yaml" }] }]);
    expect(card.warnings).toContainEqual({ en: "1 result(s) have no value and were not imported.", ja: "1件の結果に値がないため、取り込みませんでした。" });
  });

  it("refuses eval results without a model name to put them under", async () => {
    const err = await appErrorOf(() => parseModelCard(corpusBytes("hf/eval_results.yaml"), { fileName: "eval_results.yaml" }));
    expect(err.details).toMatchObject({ reason: "name_missing", message: { en: expect.stringContaining("does not name its model"), ja: expect.stringContaining("モデル名がありません") } });
  });
});

const CARD = `---
license: other
license_name: acme-model-licence-1.0
language: ja
pipeline_tag: text-classification
base_model:
  - org/base-a
  - org/base-b
co2_eq_emissions:
  emissions: 1500.5
  source: CodeCarbon
  training_type: fine-tuning
  geographical_location: Tokyo, Japan
  hardware_used: 1 x A100
model-index:
  - name: acme/review-classifier
    results:
      - task: { type: text-classification }
        dataset: { type: acme/reviews, name: ACME reviews, split: test }
        metrics:
          - { type: accuracy, value: 0.930 }
          - { type: f1 }
---

# Model Card for acme/review-classifier

- **Developed by:** ACME Research
- **Model type:** [More Information Needed]

## Uses

### Direct Use

Sorting customer reviews by topic.

### Out-of-Scope Use

Decisions about individual people.

## Bias, Risks, and Limitations

Trained on Japanese reviews only.

### Recommendations

[More Information Needed]

## How to Get Started with the Model

\`\`\`python
# Uses: not a heading inside a code fence
\`\`\`
`;

describe("systems.io parseModelCard on a filled Hugging Face model card", () => {
  const [model] = parseModelCard(utf8(CARD), { fileName: "README.md" }).models;

  it("takes the name from model-index, the provider from the card's Developed by line, and a licence named for 'other'", () => {
    expect(model).toMatchObject({ name: "acme/review-classifier", provider: "ACME Research", licence: "acme-model-licence-1.0", task: "text-classification", languages: ["ja"], baseModel: "org/base-a, org/base-b" });
  });

  it("keeps the sections on uses, out-of-scope use, limitations and bias apart, leaving out unfilled sub-sections and code", () => {
    expect(model?.intendedUse).toBe("### Direct Use\n\nSorting customer reviews by topic.");
    expect(model?.outOfScopeUse).toBe("Decisions about individual people.");
    expect(model?.limitations).toBe("Trained on Japanese reviews only.");
    expect(model?.biasRisks).toBe("Trained on Japanese reviews only.");
  });

  it("keeps a metric value as written, and skips a metric that has none", () => {
    expect(model?.evaluations).toEqual([{ metric: "accuracy", value: "0.930", task: "text-classification", dataset: "ACME reviews", split: "test" }]);
  });

  it("reads co2_eq_emissions in grams with how it was measured", () => {
    expect(model?.co2Emissions).toEqual({ grams: 1500.5, source: "CodeCarbon", trainingType: "fine-tuning", location: "Tokyo, Japan", hardware: "1 x A100" });
  });

  it("takes the name from the title when model-index is absent, and the given name over the card's", () => {
    const titled = "---\nlicense: mit\n---\n# Model Card for tiny-bert\n";
    expect(parseModelCard(utf8(titled)).models[0]?.name).toBe("tiny-bert");
    expect(parseModelCard(utf8(titled), { name: "社内分類モデル" }).models[0]?.name).toBe("社内分類モデル");
  });

  it("refuses a card that names no model at all, asking for a name", async () => {
    const err = await appErrorOf(() => parseModelCard(utf8("---\nlicense: mit\n---\nSome text.\n")));
    expect(err.details).toMatchObject({ reason: "name_missing", message: { en: expect.stringContaining("give the name"), ja: expect.stringContaining("名前を指定") } });
  });
});

describe("systems.io parseModelCard on a filled Hugging Face dataset card", () => {
  const DATASET = "\uFEFF---\r\npretty_name: 顧客レビュー\r\nlicense: cc-by-4.0\r\ntask_categories: [text-classification]\r\n---\r\n# Dataset Card for reviews\r\n\r\n## Uses\r\n\r\nTraining review classifiers.\r\n\r\n### Personal and Sensitive Information\r\n\r\nReviews may contain customers' names.\r\n";

  it("reads a UTF-8 card with a byte-order mark and CRLF lines, named by its pretty_name", () => {
    const card = parseModelCard(utf8(DATASET));
    expect(card.format).toBe("hf-dataset-card");
    expect(card.datasets).toEqual([{ name: "顧客レビュー", licence: "cc-by-4.0", intendedUse: "Training review classifiers.", personalData: false, sensitiveData: false, importedFrom: [{ format: "hf-dataset-card", name: "顧客レビュー" }] }]);
  });

  it("quotes the card's section on personal information instead of setting the APPI flags from it", () => {
    const { warnings } = parseModelCard(utf8(DATASET));
    expect(warnings).toEqual([{ en: expect.stringContaining("Reviews may contain customers' names."), ja: expect.stringContaining("個人情報・機微情報の節があります") }]);
  });
});

describe("systems.io parseModelCard refuses malformed and hostile cards", () => {
  const reasonOf = async (text: string | Uint8Array) => {
    const err = await appErrorOf(() => parseModelCard(typeof text === "string" ? utf8(text) : text, { name: "m" }));
    return { status: err.status, code: err.code, details: err.details as { reason?: string; limit?: string; line?: number; message: { en: string; ja: string } } };
  };

  it("refuses a duplicate key, naming the file's line in English and Japanese", async () => {
    const { status, details } = await reasonOf("---\nlicense: mit\nlicense: apache-2.0\n---\n");
    expect(status).toBe(422);
    expect(details).toMatchObject({ reason: "yaml", line: 3 });
    expect(details.message).toEqual({
      en: "The card's metadata (the YAML block between the --- lines) is not valid YAML at line 3, column 1: the same key appears twice.",
      ja: "カードのメタデータ（---で囲まれたYAMLブロック）の3行1列目がYAMLとして正しくありません：同じキーが2回出現しています。",
    });
  });

  it("refuses an unclosed bracket and an unclosed metadata block", async () => {
    expect((await reasonOf("---\ntags: [a, b\nlicense: mit\n---\n")).details.reason).toBe("yaml");
    expect((await reasonOf("---\nlicense: mit\n# Title\n")).details).toMatchObject({ reason: "front_matter_unclosed", message: { ja: expect.stringContaining("閉じる---") } });
  });

  it("refuses metadata that is a list rather than key: value lines", async () => {
    expect((await reasonOf("---\n- a\n- b\n---\n")).details.reason).toBe("metadata_not_mapping");
  });

  it("refuses a file that is not UTF-8 (a Shift_JIS card)", async () => {
    const sjis = new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x83, 0x82, 0x83, 0x66, 0x83, 0x8b, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]);
    expect((await reasonOf(sjis)).details).toMatchObject({ reason: "not_utf8", message: { ja: expect.stringContaining("UTF-8") } });
  });

  it("refuses a card over 1 MiB before reading it", async () => {
    const big = utf8(`---\nlicense: mit\n---\n${"x".repeat(1024 * 1024)}`);
    const { status, code, details } = await reasonOf(big);
    expect([status, code, details.limit]).toEqual([413, "import_too_large", "bytes"]);
    expect(details.message.ja).toContain("1MB");
  });

  it("refuses an alias bomb (billion laughs) without expanding it", async () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const { status, details } = await reasonOf(`---\n${levels.join("\n")}\n---\n`);
    expect([status, details.limit]).toEqual([413, "yaml_aliases"]);
    expect(details.message.en).toContain("alias bomb");
  });

  it("refuses metadata nested deeper than it may be, in YAML and in JSON", async () => {
    expect((await reasonOf(`---\nx: ${"[".repeat(100)}${"]".repeat(100)}\n---\n`)).details.limit).toBe("depth");
    expect((await reasonOf(`{"model_details": ${"[".repeat(100)}${"]".repeat(100)}}`)).details.limit).toBe("depth");
  });

  it("reads a few ordinary aliases", () => {
    const card = parseModelCard(utf8("---\nlang: &l [ja, en]\nlanguage: *l\n---\n"), { name: "m" });
    expect(card.models[0]?.languages).toEqual(["ja", "en"]);
  });
});
