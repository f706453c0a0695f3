export const T = "https://example.test/spdx/";
const info = "_:creation";

/**
 * An SPDX 3.0.1 AI BOM written for these tests in the shape of the SPDX AI examples: a system
 * package, an AI package trained and tested on two datasets, a supplier, licences given as an
 * expression element, as a listed-licence IRI and as a bare id, and an AI package with no name.
 */
export const AI_BOM = {
  "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
  "@graph": [
    { type: "CreationInfo", "@id": info, specVersion: "3.0.1", created: "2026-11-30T00:00:00Z", createdBy: [`${T}person/tester`] },
    { type: "Person", spdxId: `${T}person/tester`, creationInfo: info, name: "Tester" },
    { type: "Organization", spdxId: `${T}org/acme`, creationInfo: info, name: "Acme Models K.K." },
    { type: "SpdxDocument", spdxId: `${T}doc`, creationInfo: info, profileConformance: ["core", "software", "ai", "dataset"], rootElement: [`${T}bom`] },
    { type: "software_Package", spdxId: `${T}app`, creationInfo: info, name: "Screening app", software_primaryPurpose: "application" },
    {
      type: "ai_AIPackage",
      spdxId: `${T}model/screen`,
      creationInfo: info,
      name: "screen-ranker",
      software_packageVersion: "2.1",
      software_primaryPurpose: "model",
      suppliedBy: `${T}org/acme`,
      ai_limitation: "Not evaluated on applicants over 60.",
      ai_metric: [{ type: "DictionaryEntry", key: "accuracy", value: "0.91" }, { type: "DictionaryEntry", key: "f1", value: "0.88" }],
      ai_metricDecisionThreshold: [{ type: "DictionaryEntry", key: "accuracy", value: "0.85" }],
      ai_safetyRiskAssessment: "high",
      ai_useSensitivePersonalInformation: "yes",
    },
    { type: "ai_AIPackage", spdxId: `${T}model/unnamed`, creationInfo: info, name: "", software_primaryPurpose: "model" },
    { type: "software_Package", spdxId: `${T}model/plain`, creationInfo: info, name: "word-model", software_primaryPurpose: "model", originatedBy: [`${T}person/tester`] },
    {
      type: "dataset_DatasetPackage",
      spdxId: `${T}data/cv`,
      creationInfo: info,
      name: "Applicant CVs 2024",
      software_primaryPurpose: "data",
      software_downloadLocation: "https://data.example.test/cv",
      dataset_hasSensitivePersonalInformation: "yes",
      dataset_intendedUse: "Training the ranker.",
      dataset_knownBias: ["Few applicants over 60.", "Mostly Kanto region."],
    },
    { type: "dataset_DatasetPackage", spdxId: `${T}data/public`, creationInfo: info, name: "Job titles", software_primaryPurpose: "data", dataset_hasSensitivePersonalInformation: "no" },
    { type: "dataset_DatasetPackage", spdxId: `${T}data/unknown`, creationInfo: info, name: "Interview notes", software_primaryPurpose: "data" },
    { type: "simplelicensing_LicenseExpression", spdxId: `${T}lic/expr`, creationInfo: info, simplelicensing_licenseExpression: "Apache-2.0 OR MIT" },
    { type: "Relationship", spdxId: `${T}rel/1`, creationInfo: info, relationshipType: "hasDeclaredLicense", from: `${T}model/screen`, to: [`${T}lic/expr`] },
    { type: "Relationship", spdxId: `${T}rel/2`, creationInfo: info, relationshipType: "hasConcludedLicense", from: `${T}model/screen`, to: ["https://spdx.org/licenses/MIT"] },
    { type: "Relationship", spdxId: `${T}rel/3`, creationInfo: info, relationshipType: "hasConcludedLicense", from: `${T}data/public`, to: "CC-BY-4.0" },
    { type: "Relationship", spdxId: `${T}rel/4`, creationInfo: info, relationshipType: "hasDeclaredLicense", from: `${T}data/unknown`, to: ["https://spdx.org/rdf/3.0.1/terms/SimpleLicensing/NoAssertionLicense"] },
    { type: "Relationship", spdxId: `${T}rel/5`, creationInfo: info, relationshipType: "trainedOn", from: `${T}model/screen`, to: [`${T}data/cv`] },
  ],
};
