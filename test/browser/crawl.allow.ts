/**
 * What the crawl lets through, each with the reason it is right. Add an entry only when the text is
 * correct as it stands — never to hide a finding that should be fixed in the app. Text the app
 * marks `lang="en"` (quoted source text, a name typed in English) and text it shows as code
 * (`<code>`, `<pre>`, `<kbd>`, `<samp>`) need no entry: they are not checked for English (they are
 * for slugs, ids and paths).
 */

/** Why Latin text may stand in the Japanese UI, or an identifier on a page. */
export type AllowedKind =
  /** A name that has no Japanese form and is written in Latin letters in Japanese too. */
  | "proper-noun"
  /** A product's or project's own name. */
  | "product-name"
  /** An abbreviation Japanese official texts write in Latin letters. */
  | "abbreviation"
  /** A code, unit, key name, file format or identifier, named by its standard symbol. */
  | "code"
  /** Legal or licence wording quoted verbatim, which must not be translated. */
  | "legal-verbatim"
  /** A value the organisation typed in (the demo's seed data), shown as entered. */
  | "demo-data";

export interface Allowed {
  /** The exact words (case-sensitive, matched on word boundaries) or a pattern. */
  text: string | RegExp;
  kind: AllowedKind;
  reason: string;
  /**
   * Only in text the app marks `lang="ja"`: a Japanese source quoted verbatim, which itself writes
   * these words in English (the same words in Musubi's own text are still findings).
   */
  declaredJapaneseOnly?: boolean;
}

/** English allowed in the Japanese UI outside elements marked `lang="en"`. */
export const ENGLISH_ALLOWED: readonly Allowed[] = [
  { text: "Musubi", kind: "product-name", reason: "The product's name; the Japanese UI writes it in Latin letters." },
  { text: "AI", kind: "abbreviation", reason: "Japanese law and guidelines write AI in Latin letters (AI推進法, AI事業者ガイドライン)." },
  { text: "EU", kind: "abbreviation", reason: "Written EU in Japanese official texts (EU AI法)." },
  { text: "OECD", kind: "abbreviation", reason: "The organisation's name as Japanese official texts write it." },
  { text: "NIST", kind: "abbreviation", reason: "The US institute's name as Japanese texts write it." },
  { text: "RMF", kind: "abbreviation", reason: "NIST's own abbreviation of its framework; Japanese texts write “NIST AI RMF” (the full English name is not allowed)." },
  { text: "HAIP", kind: "abbreviation", reason: "The OECD's abbreviation of the Hiroshima AI Process reporting framework (the full English name is not allowed)." },
  { text: /ISO(?:\/IEC)?/, kind: "abbreviation", reason: "Standards bodies' prefix of a standard's number (ISO/IEC 42001, ISO 3166)." },
  { text: /J-AISI|AISI/, kind: "abbreviation", reason: "Japan AI Safety Institute's own abbreviation, used in its Japanese publications." },
  { text: "aisev", kind: "product-name", reason: "J-AISI's evaluation tool, named so in its Japanese documentation (AIセーフティ評価環境（aisev））." },
  { text: "e-Gov", kind: "proper-noun", reason: "The Japanese government portal's name (e-Gov法令検索)." },
  { text: "CSET", kind: "abbreviation", reason: "The Center for Security and Emerging Technology, author of the harm taxonomy; it has no Japanese name." },
  { text: "AI Incident Database", kind: "proper-noun", reason: "The public database's name; it has no Japanese name." },
  { text: "AIID", kind: "abbreviation", reason: "The AI Incident Database's case-number prefix (AIID #1000), part of the case's citation." },
  { text: "MIT", kind: "proper-noun", reason: "The MIT AI Risk Repository's taxonomy is named after the institution." },
  { text: /CC BY(?:-SA)?/, kind: "legal-verbatim", reason: "Creative Commons licence identifier, quoted as the licence requires." },
  { text: /(?:GOVERN|MAP|MEASURE|MANAGE)(?= \d)/, kind: "code", reason: "NIST AI RMF function names as part of a subcategory's identifier (MEASURE 2.6)." },
  { text: /SOC(?= \d)/, kind: "code", reason: "The SOC 2 report's name." },
  { text: /(?<=(?:附属書|セクション|略号|第\d+部)\s?)[A-Z]/, kind: "code", reason: "The letter of an annex, part, section or actor in a legal or guideline citation (附属書A, 第2部 C)." },
  { text: /A(?=\.\d)/, kind: "code", reason: "A control's number in ISO/IEC 42001's Annex A (A.5, A.6.2.4), as the crosswalks' Japanese rationales cite it (“A.5 の題名は …”); the authority's administrator's sample of library pages reaches them." },
  { text: /\((?:[a-z]{1,2}|[ivx]+)\)/, kind: "code", reason: "A point of an article as the EU cites it (第6条第1項(a), (h)(i))." },
  { text: /(?<=\d)[a-z](?=[項号条])/, kind: "code", reason: "An inserted paragraph's number as the EU numbers it (第1a項)." },
  { text: /(?:AIS|CTL|RSK|INC|VND|TSK)(?=番号|-)/, kind: "code", reason: "The prefix of Musubi's business codes (VND-0001), named when explaining them." },
  { text: "Habuka", kind: "proper-noun", reason: "An author's name in a citation (Habuka, 2025-10-09)." },
  { text: /"[^"]{2,}"|“[^”]{2,}”|‘[^’]{2,}’/, kind: "legal-verbatim", reason: "A passage in quotation marks inside Japanese text is a verbatim quotation of the source." },
  { text: /C[Yy]cloneDX/, kind: "product-name", reason: "The SBOM standard's own name." },
  { text: "SPDX", kind: "product-name", reason: "The SBOM standard's own name (ISO/IEC 5962), written so in Japanese texts, like CycloneDX." },
  { text: "JSON-LD", kind: "code", reason: "The W3C serialisation SPDX 3 documents are written in: a file format's name." },
  { text: /S?BOM/, kind: "abbreviation", reason: "(Software) bill of materials; written SBOM/BOM in Japanese (経済産業省の手引)." },
  { text: "GSN", kind: "abbreviation", reason: "Goal Structuring Notation, as J-AISI's Japanese documents write it." },
  { text: /CSV|JSON|PDF|Excel/, kind: "code", reason: "File format names." },
  { text: "YAML", kind: "code", reason: "A file format's name, written so in Japanese: the library's YAML format, which an organisation's own framework may be added in." },
  { text: "Hugging Face", kind: "product-name", reason: "The model hub's own name, written so in Japanese (Hugging Faceモデルカード): the card formats Musubi reads are named after it." },
  { text: "Model Card Toolkit", kind: "product-name", reason: "Google's toolkit's own name; it has no Japanese name (Model Card ToolkitのJSON形式カード)." },
  { text: "Google", kind: "proper-noun", reason: "The company's name, written so in Japanese: the author of the Model Card Toolkit, named in that format's label." },
  { text: "OSCAL", kind: "abbreviation", reason: "NIST's Open Security Controls Assessment Language, written OSCAL in Japanese texts: its catalogs and resolved profiles can be added as an organisation's own framework." },
  { text: "Word", kind: "product-name", reason: "Microsoft Word, named so in Japanese (Word文書): the format a HAIP report downloads in for editing." },
  { text: /API|URL|ID|IP|SaaS|Web|Webhook|LLM|PDCA|CAIO/, kind: "abbreviation", reason: "Technical terms Japanese writes in Latin letters (APIトークン, IPアドレス, Webフォーム, 外部LLM事業者)." },
  { text: /HMAC|SHA|HTTPS?|GMT|GET|POST|PUT|PATCH|DELETE|UTF|Shift_JIS|xlsx|https?(?=:\/\/)|(?<=\d)xx/, kind: "code", reason: "Algorithm, protocol, HTTP method and status-class, encoding and format names; GMT+9 is how Intl writes an offset in Japanese." },
  { text: "IANA", kind: "abbreviation", reason: "The body that names time zones (IANAタイムゾーン名)." },
  { text: /[A-Z][a-z]+(?:\/[A-Z][A-Za-z_]+)+/, kind: "code", reason: "An IANA time-zone name (Asia/Tokyo), the value to type." },
  {
    text: /RAG|Retrieval-Augmented Generation|CBRN|Chemical, Biological, Radiological, Nuclear|EU AI Act|well-being/,
    kind: "legal-verbatim",
    reason: "The Japanese sources themselves (J-AISI's evaluation texts, the AI Guidelines for Business) write these terms in English; the library quotes them verbatim.",
    declaredJapaneseOnly: true,
  },
  { text: /Enter|Ctrl|Mac/, kind: "code", reason: "Key and platform names as printed on keyboards (Enterキー, Ctrlキー)." },
  { text: /N(?=か月)/, kind: "code", reason: "A variable in a description (Nか月ごと)." },
  { text: /JP|US|DE/, kind: "code", reason: "ISO 3166 country codes, shown beside the country's name or as the format to type." },
  { text: /EN|JA/, kind: "code", reason: "The language codes Musubi marks one-language library text with (text.code.en / text.code.ja)." },
  { text: /DX|HR|CS|LEGAL/, kind: "demo-data", reason: "The demo departments' codes (src/demo/demo.seed.ts), shown as entered." },
  { text: /\((?:Admin|CAIO|System owner|Reviewer|Auditor|Viewer)\)/, kind: "demo-data", reason: "The demo users' display names (src/demo/demo.seed.ts) carry their role in English; names are shown as entered." },
  {
    text: /\((?:Authority admin|Supervisor|Analyst|Publisher|Authority auditor)\)/,
    kind: "demo-data",
    reason: "The demo authority's people's display names (src/demo/demo.oversight.ts) carry their role in English, as the company's do; names are shown as entered.",
  },
  { text: "screening-ranker", kind: "demo-data", reason: "The demo HR system's model name (src/demo/demo.workspace.ts), shown as entered." },
  { text: /musubi(?: demo)?/, kind: "demo-data", reason: "The label of the API token the demo seed acts under (src/demo: “musubi”, “musubi demo”), shown as the actor." },
];

/**
 * Identifiers that are right where they stand: shown as codes for people who need the identifier
 * itself (to configure a receiver, to correlate with a server log, to cite a node).
 */
export const IDENTIFIERS_ALLOWED: readonly (Allowed & { pages?: RegExp })[] = [
  {
    text: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/,
    pages: /^\/fields/,
    kind: "code",
    reason: "A custom field's key (legal_basis), which the organisation chose and which the API, exports and import mappings name the field by: shown as code on the page that defines the fields, and in the key's hint as the example of the rule.",
  },
  { text: /urn:musubi:[\w.:-]+/, kind: "code", reason: "A library node's public identifier, shown to cite it in the API, rules and exports." },
  {
    text: /org-[a-z0-9]+(?:-[a-z0-9]+)*/,
    pages: /^\/library/,
    kind: "code",
    reason: "An organisation's own framework id, which it chose and writes in its files (the org- prefix): shown as code on the library pages, since its rules, crosswalks and the CLI name the framework by it.",
  },
  {
    text: "README.md",
    pages: /^\/systems\//,
    kind: "code",
    reason: "The file a Hugging Face model or dataset card is (every card on the hub is a README.md), not a path of Musubi's: shown as code in the card import dialog as the file to choose, and as the file an entry's card values came from.",
  },
  { text: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, pages: /^\/audit/, kind: "code", reason: "An entry's request id, shown so an auditor can find the request in the server's log." },
  {
    text: /(?<![\w-])[A-Za-z0-9_-]{43}(?![\w-])/,
    pages: /^\/audit/,
    kind: "code",
    reason: "A signing key's id in a ledger entry (its JWK thumbprint, RFC 7638: base64url SHA-256, 43 characters), kept so an auditor can match a message to the key it was signed with. Random letters that sometimes read like an English word.",
  },
  { text: "screening-ranker", kind: "demo-data", reason: "The demo HR system's model name (src/demo/demo.workspace.ts), shown as entered." },
  {
    text: /aisev-[0-9a-f]{8}/,
    kind: "code",
    reason: "The J-AISI evaluation guide's version: J-AISI publishes no version number, so the library names it by the aisev source commit it was read from; shown as a code and part of the node identifiers.",
  },
  {
    text: /(?:task|approval|incident|review|audit)\.(?:\*|[a-z]+)/,
    pages: /^\/webhooks/,
    kind: "code",
    reason: "A webhook event's name, shown as code beside its label: the receiving service matches on it (the Musubi-Event header and the body's event field).",
  },
];

/** A request that may answer HTTP ≥ 400 without it being a defect. */
export interface ExpectedFailure {
  method: string;
  /** Matched against the path of the request. */
  path: RegExp;
  status: number;
  reason: string;
}

/**
 * Failed requests the app expects. The sign-in page's 401 for `/api/auth/session` is not here:
 * issue 14 asks for it to go.
 */
export const EXPECTED_FAILURES: readonly ExpectedFailure[] = [];

/**
 * Writes the crawl lets through while it presses every button: requests that change nothing.
 * Every other POST, PATCH, PUT and DELETE is refused in the page, so no click alters the demo data.
 */
export const READ_ONLY_WRITES: readonly { method: string; path: RegExp; reason: string }[] = [
  { method: "POST", path: /^\/api\/applicability\/evaluate$/, reason: "Evaluates a profile and stores nothing (applicability.evaluate)." },
];
