/**
 * The in-memory candidate index over every loaded name and alias. Each entity is filed under
 * keys of its name tokens — the spelling-neutral token key, its character trigrams, its
 * consonant skeleton, and the readings of CJK characters — and a query collects the entities
 * that share rare keys (weighted by inverse document frequency), then scores only the best of
 * them with the full algorithm. Exhaustive scoring of every entity is the reference it is
 * benchmarked against (bench/screening.bench.ts).
 */
import { explainResult, scoreEntity } from '../algorithm/endtrace-v1.js';
import type { ScoreResult } from '../algorithm/endtrace-v1.js';
import type { PreparedEntity } from '../entity/prepare-entity.js';
import { model } from '../../model/index.js';
import type { Token } from '../names/prepare.js';
import { skeleton } from '../text/latin.js';

export interface IndexEntry {
  id: string;
  caption: string;
  schema: string;
  /** Sources (datasets) the entity is listed in. */
  datasets: string[];
  /** FtM topics (sanction, crime, export.control…), for filters and facets. */
  topics?: string[] | undefined;
  prepared: PreparedEntity;
}

export interface SearchOptions {
  limit?: number;
  threshold?: number;
  /** Lowest score returned (results below are dropped); default 0.5. */
  cutoff?: number;
  /** Only entities in one of these datasets. */
  datasets?: readonly string[] | undefined;
  excludeDatasets?: readonly string[] | undefined;
  excludeIds?: readonly string[] | undefined;
  /** How many candidates to score fully (default 60). */
  candidates?: number;
}

export interface SearchResult {
  entry: IndexEntry;
  result: ScoreResult;
}

const TOKEN_WEIGHT = 1;
const GRAM_WEIGHT = 0.3;
const SKELETON_WEIGHT = 0.4;
const DELETION_WEIGHT = 0.6;
/** Candidates scored with the full algorithm per query. */
const DEFAULT_CANDIDATES = 40;
/** Keys held by more than this share of entities are too common to select candidates. */
const MAX_DF_SHARE = 0.15;
/** Trigrams are many and weak: only the rarer ones count. */
const MAX_GRAM_DF_SHARE = 0.03;

/** The `k` best items by score: a min-heap on parallel typed arrays. */
class TopK {
  private readonly ids: Int32Array;
  private readonly scores: Float64Array;
  private n = 0;

  constructor(private readonly k: number) {
    this.ids = new Int32Array(Math.max(1, k));
    this.scores = new Float64Array(Math.max(1, k));
  }

  accepts(score: number): boolean {
    return this.n < this.k || score > this.scores[0]!;
  }

  push(id: number, score: number): void {
    if (this.n < this.k) {
      let i = this.n++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.scores[parent]! <= score) break;
        this.ids[i] = this.ids[parent]!;
        this.scores[i] = this.scores[parent]!;
        i = parent;
      }
      this.ids[i] = id;
      this.scores[i] = score;
      return;
    }
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.n) break;
      const r = l + 1;
      const c = r < this.n && this.scores[r]! < this.scores[l]! ? r : l;
      if (this.scores[c]! >= score) break;
      this.ids[i] = this.ids[c]!;
      this.scores[i] = this.scores[c]!;
      i = c;
    }
    this.ids[i] = id;
    this.scores[i] = score;
  }

  sorted(): number[] {
    const out = Array.from({ length: this.n }, (_, i) => i);
    out.sort((a, b) => this.scores[b]! - this.scores[a]!);
    return out.map((i) => this.ids[i]!);
  }
}

function trigrams(key: string, out: Set<string>): void {
  const padded = `_${key}_`;
  for (let i = 0; i + 3 <= padded.length; i++) out.add(`g${padded.slice(i, i + 3)}`);
}

/** Index keys of one token. */
function tokenKeys(t: Token, out: Set<string>, query: boolean): void {
  if (t.lattice) {
    out.add(`h${t.key}`);
    for (const lattice of t.lattice) {
      const heads: string[] = [];
      for (const unit of lattice) {
        // A query tries every reading; an indexed name files only its first (most usual) ones.
        for (const r of query ? unit : unit.slice(0, 2)) if (r.length >= 2) out.add(`t${r}`);
        heads.push(unit[0] ?? '');
      }
      const joined = heads.join('');
      if (joined.length >= 3) {
        out.add(`t${joined}`);
        trigrams(joined, out);
      }
    }
    return;
  }
  if (t.cls === 'particle' || t.cls === 'initial') return;
  out.add(`t${t.key}`);
  for (const a of t.alt ?? []) out.add(`t${a}`);
  if (t.cls === 'number') return;
  // Deletion neighbourhoods (SymSpell): two keys one edit apart share a key with one letter
  // deleted, so every pair within one edit is found, whatever the letter and the position.
  if (t.key.length >= 4 && t.key.length <= 24) {
    for (let i = 0; i < t.key.length; i++) {
      const del = t.key.slice(0, i) + t.key.slice(i + 1);
      out.add(`d${del}`);
      if (query) out.add(`t${del}`);
    }
    if (query) out.add(`d${t.key}`);
  }
  if (t.key.length >= 3) trigrams(t.key, out);
  const sk = t.skel ?? skeleton(t.ascii);
  if (sk.length >= 3) out.add(`s${sk}`);
}

/** The query's keys, grouped by the token they come from (identifiers and joined forms apart). */
function queryKeyGroups(q: PreparedEntity): string[][] {
  const groups = new Map<string, Set<string>>();
  for (const n of q.names) {
    for (const t of n.name.tokens) {
      let set = groups.get(t.key);
      if (!set) {
        set = new Set();
        groups.set(t.key, set);
      }
      tokenKeys(t, set, true);
    }
    if (n.name.tokens.length === 1 && n.name.tokens[0]!.key.length >= 8) {
      const set = new Set<string>();
      trigrams(n.name.tokens[0]!.key, set);
      groups.set(`joined:${n.name.joined}`, set);
    }
  }
  for (const id of q.identifiers) groups.set(`id:${id.norm}`, new Set([`i${id.norm}`]));
  return [...groups.values()].map((s) => [...s]);
}

export function entityKeys(p: PreparedEntity, query = false): Set<string> {
  const keys = new Set<string>();
  for (const n of p.names) {
    for (const t of n.name.tokens) tokenKeys(t, keys, query);
    // Tokens written together ("VladimirPutin") and apart: the joined form's trigrams.
    if (query && n.name.tokens.length === 1 && n.name.tokens[0]!.key.length >= 8) trigrams(n.name.tokens[0]!.key, keys);
  }
  for (const id of p.identifiers) keys.add(`i${id.norm}`);
  return keys;
}

export class ScreeningIndex {
  private readonly entries: IndexEntry[] = [];
  private readonly removed = new Set<number>();
  private readonly postings = new Map<string, number[]>();
  private frozen: Map<string, Int32Array> | null = null;
  private acc = new Float64Array(0);
  private tokenAcc = new Float64Array(0);
  private gramAcc = new Float64Array(0);

  /** Live entries (removed ones not counted). */
  get size(): number {
    return this.entries.length - this.removed.size;
  }

  /** Removes every entry of a dataset (when a new version of it replaces the old). */
  removeDataset(dataset: string): number {
    let n = 0;
    this.entries.forEach((e, i) => {
      if (!this.removed.has(i) && e.datasets.length === 1 && e.datasets[0] === dataset) {
        this.removed.add(i);
        n++;
      }
    });
    return n;
  }

  add(entry: IndexEntry): void {
    const idx = this.entries.length;
    this.entries.push(entry);
    for (const k of entityKeys(entry.prepared)) {
      let list = this.postings.get(k);
      if (!list) {
        list = [];
        this.postings.set(k, list);
      }
      list.push(idx);
    }
    this.frozen = null;
  }

  static build(entries: Iterable<IndexEntry>): ScreeningIndex {
    const index = new ScreeningIndex();
    for (const e of entries) index.add(e);
    index.freeze();
    return index;
  }

  /** Compacts the postings into typed arrays; done once after loading, again after changes. */
  freeze(): void {
    if (this.frozen) return;
    const frozen = new Map<string, Int32Array>();
    for (const [k, list] of this.postings) frozen.set(k, Int32Array.from(list));
    this.frozen = frozen;
    this.acc = new Float64Array(this.entries.length);
    this.tokenAcc = new Float64Array(this.entries.length);
    this.gramAcc = new Float64Array(this.entries.length);
  }

  /** Number of distinct keys, for reports. */
  get keyCount(): number {
    return this.postings.size;
  }

  entry(i: number): IndexEntry {
    return this.entries[i]!;
  }

  /** Every live entry, in index order. */
  *live(): IterableIterator<IndexEntry> {
    for (let i = 0; i < this.entries.length; i++) if (!this.removed.has(i)) yield this.entries[i]!;
  }

  /**
   * Entities sharing rare keys with the query, best first (at most `limit`). Each query token
   * contributes its best evidence per entity — an exact key, else a one-edit key, else its
   * trigrams (capped) — weighted by rarity, so the ranking follows weighted token coverage
   * rather than the raw number of shared keys (which favours long names with many aliases).
   */
  candidates(q: PreparedEntity, limit: number, accept?: (e: IndexEntry) => boolean): number[] {
    this.freeze();
    const acc = this.acc;
    const touched: number[] = [];
    for (const group of queryKeyGroups(q)) this.accumulate(group, acc, touched);
    // Top `limit` by accumulated weight: a bounded min-heap, filtering only what could enter it.
    const heap = new TopK(limit);
    for (const idx of touched) {
      const score = acc[idx]!;
      if (!heap.accepts(score)) continue;
      if (this.removed.size && this.removed.has(idx)) continue;
      if (accept && !accept(this.entries[idx]!)) continue;
      heap.push(idx, score);
    }
    for (const i of touched) acc[i] = 0;
    return heap.sorted();
  }

  /** Adds one query token's best evidence per entity to `acc`. */
  private accumulate(keys: readonly string[], acc: Float64Array, touched: number[]): void {
    const postings = this.frozen!;
    const n = this.entries.length;
    const maxTokenDf = Math.max(50, n * MAX_DF_SHARE);
    const maxGramDf = Math.max(50, n * MAX_GRAM_DF_SHARE);
    const tok = this.tokenAcc;
    const gram = this.gramAcc;
    const local: number[] = [];
    let cap = 0;
    for (const key of keys) {
      const list = postings.get(key);
      if (!list) continue;
      const kind = key[0];
      const isGram = kind === 'g';
      if (list.length > (isGram ? maxGramDf : maxTokenDf)) continue;
      const idf = Math.log(1 + n / list.length);
      const w = idf * (kind === 't' || kind === 'h' || kind === 'i' ? TOKEN_WEIGHT : kind === 'd' ? DELETION_WEIGHT : kind === 's' ? SKELETON_WEIGHT : GRAM_WEIGHT) * (kind === 'i' ? 10 : 1);
      if (kind === 't' && idf > cap) cap = idf;
      for (let j = 0; j < list.length; j++) {
        const idx = list[j]!;
        if (tok[idx] === 0 && gram[idx] === 0) local.push(idx);
        if (isGram) gram[idx] = gram[idx]! + w;
        else if (w > tok[idx]!) tok[idx] = w;
      }
    }
    // Trigrams alone never count for more than most of an exact hit on the token.
    const gramCap = 0.7 * (cap || Math.log(1 + n));
    for (const idx of local) {
      const best = Math.max(tok[idx]!, Math.min(gram[idx]!, gramCap));
      if (acc[idx] === 0) touched.push(idx);
      acc[idx] = acc[idx]! + best;
      tok[idx] = 0;
      gram[idx] = 0;
    }
  }

  /** Candidates, scored with the full algorithm, best first. */
  search(q: PreparedEntity, opts: SearchOptions = {}): SearchResult[] {
    const accept = filterFor(q, opts);
    const ids = this.candidates(q, opts.candidates ?? DEFAULT_CANDIDATES, accept);
    return this.rank(q, ids.map((i) => this.entries[i]!), opts);
  }

  /** The reference: every entity scored. */
  searchExhaustive(q: PreparedEntity, opts: SearchOptions = {}): SearchResult[] {
    const accept = filterFor(q, opts);
    return this.rank(q, this.entries.filter((e, i) => !this.removed.has(i) && accept(e)), opts);
  }

  private rank(q: PreparedEntity, entries: IndexEntry[], opts: SearchOptions): SearchResult[] {
    const cutoff = opts.cutoff ?? 0.5;
    const out: SearchResult[] = [];
    const scoring = opts.threshold === undefined ? {} : { threshold: opts.threshold };
    for (const entry of entries) {
      const result = scoreEntity(q, entry.prepared, { ...scoring, explain: false });
      if (result.score >= cutoff) out.push({ entry, result });
    }
    out.sort((a, b) => b.result.score - a.result.score || a.entry.id.localeCompare(b.entry.id));
    // An id listed by several sources appears once, with the best score and every dataset.
    const byId = new Map<string, SearchResult>();
    for (const r of out) {
      const seen = byId.get(r.entry.id);
      if (!seen) byId.set(r.entry.id, r);
      else if (!r.entry.datasets.every((d) => seen.entry.datasets.includes(d))) {
        seen.entry = { ...seen.entry, datasets: [...new Set([...seen.entry.datasets, ...r.entry.datasets])] };
      }
    }
    // Explanations are written for the results returned only.
    return [...byId.values()].slice(0, opts.limit ?? 10).map((r) => ({ entry: r.entry, result: explainResult(r.result) }));
  }
}

function filterFor(q: PreparedEntity, opts: SearchOptions): (e: IndexEntry) => boolean {
  const include = opts.datasets?.length ? new Set(opts.datasets) : null;
  const exclude = opts.excludeDatasets?.length ? new Set(opts.excludeDatasets) : null;
  const ids = opts.excludeIds?.length ? new Set(opts.excludeIds) : null;
  const compatible = new Map<string, boolean>();
  return (e) => {
    if (ids?.has(e.id)) return false;
    if (include && !e.datasets.some((d) => include.has(d))) return false;
    if (exclude && e.datasets.every((d) => exclude.has(d))) return false;
    let ok = compatible.get(e.schema);
    if (ok === undefined) {
      ok = model.compatible(q.schema, e.schema);
      compatible.set(e.schema, ok);
    }
    return ok;
  };
}
