/**
 * `npm run library:build`: regenerates every framework file derived from `../shared/data/sources/`.
 * The committed files must come out byte-identical; the library tests check that per generator.
 */
import { writeFramework } from "./common.ts";
import * as euAiAct from "./eu-ai-act.ts";
import * as hiroshima from "./hiroshima.ts";
import * as iso42001 from "./iso-42001.ts";
import * as jaisi from "./jaisi.ts";
import * as aiGuidelines from "./jp-ai-guidelines.ts";
import * as promotionAct from "./jp-ai-promotion-act.ts";
import * as appi from "./jp-appi.ts";
import * as mitAiRisk from "./mit-ai-risk.ts";
import * as nist from "./nist-ai-rmf.ts";

const builders = [promotionAct, appi, aiGuidelines, hiroshima, jaisi, euAiAct, nist, iso42001];
for (const b of builders) {
  const built = b.build();
  for (const file of Array.isArray(built) ? built : [built]) process.stdout.write(`wrote ${writeFramework(file)}\n`);
}
process.stdout.write(`wrote ${mitAiRisk.writeTaxonomy(mitAiRisk.build())}\n`);
