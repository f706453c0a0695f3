/**
 * The time zone the UI shows times in and reads typed dates in: the organisation's (from the
 * session), not the browser's, so a Tokyo incident reads the same from Los Angeles and Berlin.
 * Module state like the API client's language, because plain functions (form models) need it too.
 */
let displayZone: string | undefined;

/** The browser's own zone: the one the viewer lives in. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Sets the organisation's zone (undefined: follow the browser, as before anyone signs in). */
export function setDisplayTimeZone(timeZone: string | undefined): void {
  displayZone = timeZone;
}

/** The zone times are shown in. */
export function displayTimeZone(): string {
  return displayZone ?? viewerTimeZone();
}

/** Whether the viewer is somewhere else than the organisation, so shown times must name their zone. */
export function zoneDiffersFromViewer(timeZone = displayTimeZone()): boolean {
  const at = new Date();
  return offsetMinutes(at, timeZone) !== offsetMinutes(at, viewerTimeZone());
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `date` in `timeZone`. */
export function wallClock(date: Date, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  let f = partsFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    partsFormats.set(timeZone, f);
  }
  const get = (type: string) => Number(f.formatToParts(date).find((p) => p.type === type)?.value);
  return { y: get("year"), mo: get("month"), d: get("day"), h: get("hour") % 24, mi: get("minute"), s: get("second") };
}

/** How far `timeZone` is ahead of UTC at `date`, in minutes (Tokyo +540, Berlin +60 or +120). */
export function offsetMinutes(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time in `timeZone` means. Tries the offset at the naive guess and again
 * at the result, so times next to a daylight-saving change land on the right side of it.
 */
export function instantOfWallClock(y: number, mo: number, d: number, h: number, mi: number, timeZone: string): Date {
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  let at = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  at = naive - offsetMinutes(new Date(at), timeZone) * 60_000;
  return new Date(at);
}
