/** Dates as YYYY-MM-DD; a time of day, when there is one, after a space. Serial dates are read as UTC. */
export function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  if (time === "00:00:00") return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${time.endsWith(":00") ? time.slice(0, 5) : time}`;
}

/**
 * A number as Excel shows it under the common formats — zero-padded codes (`0000` → 0042), fixed
 * decimals, thousands separators, percentages, quoted prefixes such as `"AIS-"000` — and otherwise
 * to 15 significant digits, as Excel does, so binary noise (0.30000000000000004) is not imported.
 */
export function formatNumber(n: number, numFmt = "General"): string {
  if (!Number.isFinite(n)) return String(n);
  const section = numFmt.split(";")[0] ?? "";
  const m = /^((?:"[^"]*"|\\.)*)([#0,]*0(?:\.0+)?%?)((?:"[^"]*"|\\.)*)$/.exec(section);
  if (!m || n < 0) return plainNumber(n);
  const [, prefix = "", core = "", suffix = ""] = m;
  const percent = core.endsWith("%");
  const digits = core.replace(/%$/, "");
  const [intPart = "", decPart = ""] = digits.split(".");
  let text = (percent ? n * 100 : n).toFixed(decPart.length);
  const minInt = (intPart.match(/0/g) ?? []).length;
  const [whole = "", frac] = text.split(".");
  let padded = whole.padStart(minInt, "0");
  if (intPart.includes(",")) padded = padded.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  text = frac === undefined ? padded : `${padded}.${frac}`;
  return `${literal(prefix)}${text}${percent ? "%" : ""}${literal(suffix)}`;
}

function plainNumber(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function literal(part: string): string {
  return part.replace(/"([^"]*)"|\\(.)/g, (_, quoted: string | undefined, escaped: string | undefined) => quoted ?? escaped ?? "");
}
