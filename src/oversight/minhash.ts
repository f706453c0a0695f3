/**
 * MinHash signatures and locality-sensitive bands for near-duplicate detection at an authority's
 * scale (a million submissions): each document's set of terms becomes {@link HASHES} minima, and
 * two documents share a band (a run of {@link ROWS} minima) with a probability that rises steeply
 * with their Jaccard similarity — so candidates come from an index lookup on the bands, never from
 * a scan, and the similarity is then estimated from the two signatures.
 *
 * With 16 bands of 4 rows, a pair with similarity 0.5 becomes a candidate with probability 0.64,
 * at 0.7 with 0.98, at 0.3 with 0.12.
 */
export const HASHES = 64;
export const ROWS = 4;
export const BANDS = HASHES / ROWS;

/** Fixed, arbitrary odd seeds: signatures must mean the same on every server and after every restart. */
const SEEDS = Array.from({ length: HASHES }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995) >>> 0);

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mixer (murmur3's finaliser) to derive independent-looking hashes from one. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The signature of a set of terms; an empty set has no signature (nothing to compare). */
export function minhash(terms: Iterable<string>): Uint32Array | undefined {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  let any = false;
  for (const t of new Set(terms)) {
    any = true;
    const base = fnv1a(t);
    for (let i = 0; i < HASHES; i++) {
      const v = mix(base ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return any ? sig : undefined;
}

export function toHex(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString("hex");
}

export function fromHex(hex: string): Uint32Array | undefined {
  if (hex.length !== HASHES * 8) return undefined;
  const buf = Buffer.from(hex, "hex");
  return new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

/** The band keys to index and to look up: `<band>:<hash of its rows>`. */
export function bands(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]!);
    out.push(`${b}:${h.toString(36)}`);
  }
  return out;
}

/** Estimated Jaccard similarity: the share of positions where the minima agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}
