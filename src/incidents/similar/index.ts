import { queryTerms, tokenize } from "./tokenize.ts";

interface Posting {
  docs: number[];
  tfs: number[];
}

export interface Hit {
  id: string;
  score: number;
}

const K1 = 1.2;
const B = 0.75;
/** Terms in more than this share of documents say little and cost much; they are skipped. */
const COMMON = 0.25;

/**
 * An in-memory BM25 index over incident text. Documents are appended; a changed document is
 * re-added and its old copy ignored (rebuilt away once stale copies pile up). Classification ids
 * are indexed as terms too (`cat:1.1`), so two incidents filed under the same MIT sub-domain are
 * alike even when one is written in Japanese and the other in English.
 */
export class SimilarIndex {
  private ids: string[] = [];
  private lengths: number[] = [];
  private live: boolean[] = [];
  private slot = new Map<string, number>();
  private postings = new Map<string, Posting>();
  private totalLength = 0;
  private liveCount = 0;

  get size(): number {
    return this.liveCount;
  }

  /** Adds or replaces a document. */
  put(id: string, text: string, categories: readonly string[] = []): void {
    this.remove(id);
    const terms = [...tokenize(text), ...categories.map((c) => `cat:${c}`)];
    const doc = this.ids.length;
    this.ids.push(id);
    this.lengths.push(terms.length);
    this.live.push(true);
    this.slot.set(id, doc);
    this.totalLength += terms.length;
    this.liveCount++;
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = { docs: [], tfs: [] }));
      p.docs.push(doc);
      p.tfs.push(n);
    }
  }

  remove(id: string): void {
    const doc = this.slot.get(id);
    if (doc === undefined) return;
    this.live[doc] = false;
    this.slot.delete(id);
    this.totalLength -= this.lengths[doc]!;
    this.liveCount--;
    if (this.ids.length > 1000 && this.liveCount < this.ids.length * 0.7) this.compact();
  }

  /**
   * The `k` best matches for a text (and categories), best first, never `exclude`. With `alongside`,
   * terms are weighed over both indexes' documents together (their count, lengths and document
   * frequencies), so that scores of the two, each searching its own, compare as if they were one
   * index: an organisation's few reference cases are ranked among the installation's many.
   */
  search(text: string, categories: readonly string[] = [], k = 10, exclude?: string, alongside?: SimilarIndex): Hit[] {
    if (this.liveCount === 0) return [];
    const n = this.liveCount + (alongside?.liveCount ?? 0);
    const avg = (this.totalLength + (alongside?.totalLength ?? 0)) / n;
    const weights = new Map<string, number>();
    for (const t of [...queryTerms(text), ...categories.map((c) => `cat:${c}`)]) weights.set(t, (weights.get(t) ?? 0) + 1);
    const scores = new Float64Array(this.ids.length);
    const touched: number[] = [];
    for (const [term, qtf] of weights) {
      const p = this.postings.get(term);
      if (!p) continue;
      const df = p.docs.length + (alongside?.postings.get(term)?.docs.length ?? 0);
      if (n > 50 && df > n * COMMON) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const w = idf * Math.min(qtf, 3);
      for (let i = 0; i < df; i++) {
        const d = p.docs[i]!;
        if (!this.live[d]) continue;
        const tf = p.tfs[i]!;
        if (scores[d] === 0) touched.push(d);
        scores[d]! += (w * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * this.lengths[d]!) / avg));
      }
    }
    const excluded = exclude === undefined ? -1 : (this.slot.get(exclude) ?? -1);
    const best: Hit[] = [];
    for (const d of touched) {
      if (d === excluded) continue;
      const s = scores[d]!;
      if (best.length < k) {
        best.push({ id: this.ids[d]!, score: s });
        if (best.length === k) best.sort((a, b) => b.score - a.score);
      } else if (s > best[k - 1]!.score) {
        best[k - 1] = { id: this.ids[d]!, score: s };
        for (let i = k - 1; i > 0 && best[i]!.score > best[i - 1]!.score; i--) [best[i], best[i - 1]] = [best[i - 1]!, best[i]!];
      }
    }
    return best.sort((a, b) => b.score - a.score);
  }

  /** Drops stale copies: postings are rebuilt with live documents only. */
  private compact(): void {
    const remap = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const lengths: number[] = [];
    this.ids.forEach((id, d) => {
      if (!this.live[d]) return;
      remap[d] = ids.length;
      ids.push(id);
      lengths.push(this.lengths[d]!);
    });
    for (const [t, p] of this.postings) {
      const docs: number[] = [];
      const tfs: number[] = [];
      p.docs.forEach((d, i) => {
        if (remap[d]! >= 0) {
          docs.push(remap[d]!);
          tfs.push(p.tfs[i]!);
        }
      });
      if (docs.length) this.postings.set(t, { docs, tfs });
      else this.postings.delete(t);
    }
    this.ids = ids;
    this.lengths = lengths;
    this.live = ids.map(() => true);
    this.slot = new Map(ids.map((id, d) => [id, d]));
  }
}
