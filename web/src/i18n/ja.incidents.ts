import type { enIncidents } from "./en.incidents.ts";

/** incidents の日本語UI文言（キーは en.incidents.ts と一致させる）。ja.ts に展開する。 */
export const jaIncidents: Record<keyof typeof enIncidents, string> = {
  "nav.incidents": "インシデント",
  "home.desc.incidents": "人と監視ツールから届くインシデント：損害・権利・個人データ、是正措置、クローズ、規制当局向け報告書。",
};
