/**
 * "An INN shared by a trade record and an SDN entry links them" (issue 5 §4), through the
 * service on a fresh store: a fictional two-entry list in OFAC's legacy SDN CSV layout (its
 * `Tax ID No. … (Russia)` remark becomes innCode), fictional trade records ingested with
 * ingestRecords, and a fictional letter naming the company's INN and OGRN. Every name and number
 * is invented (test/fixtures/resolve/README.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoResolve, cluster, ingestDocuments, ingestRecords, judge, loadLists, resolveCandidates, undo } from '../../src/service/index.js';
import type { AutoResolveReport } from '../../src/service/index.js';
import { SqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { fixture } from '../helpers/shared-data.js';
import { isEndtraceError } from '../../src/model/index.js';

const LISTED = 'ofac-990001';
const RECORD = 'party-inn-9909054320';

let store: Store;
let report: AutoResolveReport;
let mentions: { inn: string; ogrn: string; name: string };

async function failure(p: Promise<unknown>): Promise<{ kind: string; code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (isEndtraceError(err)) return { kind: err.kind, code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  store = new SqliteStore(':memory:');
  expect((await loadLists(store, fixture('resolve', 'sdn'), { worker: false })).units.map((u) => [u.source, u.status])).toEqual([['ofac-sdn', 'loaded']]);
  const trade = await ingestRecords(store, { kind: 'trade', path: fixture('resolve', 'trade.csv'), worker: false });
  expect(trade.issues.map((i) => [i.line, i.code])).toEqual([[4, 'bad_identifier']]);
  const docs = await ingestDocuments(store, [fixture('resolve', 'letter-ru.txt')]);
  const found = docs.documents[0]!.mentions;
  const id = (value: string) => (found.find((m) => m.value === value) ? value : '');
  expect([id('inn:9909054320'), id('ogrn:1099900007778')]).toEqual(['inn:9909054320', 'ogrn:1099900007778']);
  // The mention entities' ids, as stored.
  const stored: Record<string, string> = {};
  for await (const batch of store.iterateEntities({ schemata: ['DocumentMention'], sources: ['docs'] })) {
    for (const m of batch) stored[m.first('value') ?? ''] = m.id;
  }
  mentions = { inn: stored['inn:9909054320']!, ogrn: stored['ogrn:1099900007778']!, name: stored['ООО Невымышленные системы']! };
  report = await autoResolve(store);
});
afterAll(async () => {
  await store.close();
});

describe('resolve auto: a shared INN links the SDN entry and the trade record', () => {
  it('stores exactly the automatic links the shared keys prove', () => {
    // Keys in order; a key's holders by rank (list, record, mention), each linked to the first.
    const pair = (a: string, b: string) => (a < b ? { left: a, right: b } : { left: b, right: a });
    expect(report.linked).toEqual([
      { left: LISTED, right: RECORD, keys: ['inn:9909054320'] },
      { ...pair(mentions.inn, LISTED), keys: ['inn:9909054320'] },
      { ...pair(mentions.ogrn, LISTED), keys: ['ogrn:1099900007778'] },
    ]);
    expect(report.refused).toEqual([]);
    expect(report.clusters).toBe(1);
  });

  it('stores them as automatic judgements of score 1', async () => {
    const j = await store.getJudgement(RECORD, LISTED);
    expect(j).toMatchObject({ left: LISTED, right: RECORD, judgement: 'positive', origin: 'auto', score: 1, user: 'endtrace/auto' });
  });

  it('shows one cluster named after the list entry, with the evidence of each link', async () => {
    const c = await cluster(store, RECORD);
    expect(c.canonical).toBe(LISTED);
    expect(c.members.map((m) => [m.id, m.role, m.keys])).toEqual([
      [LISTED, 'list', ['inn:9909054320', 'ogrn:1099900007778']],
      [RECORD, 'record', ['inn:9909054320']],
      ...[[mentions.inn, 'mention', ['inn:9909054320']], [mentions.ogrn, 'mention', ['ogrn:1099900007778']]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ]);
    expect(c.judgements.find((j) => j.right === RECORD)?.evidence).toEqual(['shared strong identifier inn:9909054320']);
    expect(c.missing).toEqual([]);
  });

  it('does not link the record whose INN fails its check digits, nor the other company', async () => {
    const c = await cluster(store, LISTED);
    expect(c.members.some((m) => m.caption === 'OOO Nevymyshlennye Sistemy' && m.id !== RECORD)).toBe(false);
    expect((await cluster(store, 'ofac-990002')).members.map((m) => m.id)).toEqual(['ofac-990002']);
    expect((await cluster(store, 'party-inn-9909011119')).members.map((m) => m.id)).toEqual(['party-inn-9909011119']);
  });

  it('adds nothing when run again', async () => {
    const again = await autoResolve(store);
    expect(again.linked).toEqual([]);
    expect(again.kept).toBe(3);
    expect(again.withdrawn).toEqual([]);
  });
});

describe('candidates, judgements and undo on the same store', () => {
  it('proposes the records without a valid INN, and the name in the letter, against the list entry', async () => {
    const r = await resolveCandidates(store, { minScore: 0.7 });
    const pairs = r.candidates.map((c) => [c.left.caption, c.right.id]);
    expect(pairs).toContainEqual(['NEVYMYSHLENNYE SISTEMY LLC', LISTED]);
    expect(pairs).toContainEqual(['OOO Nevymyshlennye Sistemy', LISTED]);
    expect(pairs).toContainEqual(['ООО «Невымышленные системы»', LISTED]);
    const mistyped = r.candidates.find((c) => c.left.caption === 'OOO Nevymyshlennye Sistemy')!;
    expect(mistyped.explanations.identifier?.detail).toBe('different taxNumber: 9909054321 vs 9909054320');
    expect(mistyped.context.map((c) => c.detail)).toEqual(['same trading partner: party-uscc-91440300ma5fnw0x0r']);
    // Each proposed pair is between two clusters; none is inside one.
    for (const c of r.candidates) expect(c.left.canonical).not.toBe(c.right.canonical);
  });

  it('an analyst "same" merges transitively; undo takes it back', async () => {
    const english = (await resolveCandidates(store, {})).candidates.find((c) => c.left.caption === 'NEVYMYSHLENNYE SISTEMY LLC')!.left.id;
    const judged = await judge(store, english, RECORD, 'positive', 'alice');
    expect(judged.clusters.map((c) => c.canonical)).toEqual([LISTED]);
    expect(judged.clusters[0]!.members.map((m) => m.id)).toContain(english);
    expect((await resolveCandidates(store, {})).candidates.some((c) => c.left.id === english)).toBe(false);
    const undone = await undo(store, RECORD, english);
    expect(undone.removed).toMatchObject({ judgement: 'positive', origin: 'analyst', user: 'alice' });
    expect(undone.clusters.map((c) => c.members.length)).toEqual([4, 1]);
  });

  it('refuses unknown ids and a "same" across a "not same"', async () => {
    expect(await failure(judge(store, 'ofac-000000', LISTED, 'positive', 'alice'))).toMatchObject({ kind: 'not_found' });
    await judge(store, 'ofac-990002', RECORD, 'negative', 'alice');
    const refused = await failure(judge(store, 'ofac-990002', LISTED, 'positive', 'alice'));
    expect(refused.kind).toBe('conflict');
    expect(refused.message).toContain(`ofac-990002 not same ${RECORD}`);
    await undo(store, 'ofac-990002', RECORD);
  });

  it('an analyst "not same" replaces the automatic link, and automation leaves it alone', async () => {
    const r = await judge(store, RECORD, LISTED, 'negative', 'bob');
    expect(r.replaced).toMatchObject({ origin: 'auto', judgement: 'positive' });
    expect(r.clusters.map((c) => c.canonical)).toEqual([RECORD, LISTED]);
    expect(r.clusters[0]!.members.map((m) => m.id)).toEqual([RECORD]);
    expect(r.clusters[0]!.constraints.map((j) => [j.left, j.right, j.judgement])).toEqual([[LISTED, RECORD, 'negative']]);
    const again = await autoResolve(store);
    expect(again.linked).toEqual([]);
    expect(again.refused.map((f) => [f.reason, f.ids])).toEqual([['judged_apart', [RECORD, LISTED]]]);
    expect(await store.getJudgement(LISTED, RECORD)).toMatchObject({ judgement: 'negative', origin: 'analyst', user: 'bob' });
  });

  it('keeps, and reports, judgements naming entities no longer in the store', async () => {
    await store.putJudgement({ left: 'ofac-990002', right: 'zz-withdrawn-entry', judgement: 'positive', origin: 'analyst', score: null, user: 'carol', createdAt: '2025-02-01T00:00:00.000Z' });
    const r = await autoResolve(store);
    expect(r.dangling.map((j) => [j.left, j.right, j.user])).toEqual([['ofac-990002', 'zz-withdrawn-entry', 'carol']]);
    expect(await store.getJudgement('zz-withdrawn-entry', 'ofac-990002')).toMatchObject({ judgement: 'positive', user: 'carol' });
    const c = await cluster(store, 'zz-withdrawn-entry');
    expect(c.canonical).toBe('ofac-990002');
    expect(c.members.map((m) => [m.id, m.role, m.exists])).toEqual([['ofac-990002', 'list', true], ['zz-withdrawn-entry', 'missing', false]]);
    expect(c.missing).toEqual(['zz-withdrawn-entry']);
  });
});
