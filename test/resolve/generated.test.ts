/**
 * "A generated dataset ingests and resolves" (issue 5 §4): a small synthetic data set (all
 * parties fictional) is generated, its fictional list loaded as a list, its trade, Russian
 * customs, ownership and travel records ingested, and resolved; the result is checked against
 * the generator's ground-truth.json:
 * - every ingested party holding a listed party's INN, OGRN or USCC (as the ground truth gives
 *   them) is in that listed party's cluster, and no other ingested party is;
 * - the listed party of every planted `listed-party-direct` shipment (its consignee, notify
 *   party or shipper, as the ground truth's reason says) resolves to its list entry:
 *   linked automatically when the records carry its number, else that party is its best candidate;
 * - the `similar-name` decoys (another company with a look-alike name and its own INN) stay out.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoResolve, cluster, generateDataset, ingestRecords, loadLists, resolveCandidates } from '../../src/service/index.js';
import type { AutoResolveReport } from '../../src/service/index.js';
import { SqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import type { GroundTruth } from '../../src/synthetic/index.js';
import { tempDir } from '../cli/run-cli.js';

const SIZES = { seed: 4242, companies: 300, shipments: 1500 };
const scratch = tempDir('resolve-generated');
const out = join(scratch.dir, 'data');

let store: Store;
let truth: GroundTruth;
let report: AutoResolveReport;
/** Ingested party ids with their identifier values as stored (innCode, ogrnCode, registrationNumber). */
const records = new Map<string, Set<string>>();
/** Declaration number → the ids of its parties, by role (shipper, consignee, notifyParty…). */
const shipments = new Map<string, Record<string, string | undefined>>();
const ROLES: Record<string, string> = { consignee: 'consignee', 'notify party': 'notifyParty', shipper: 'shipper', forwarder: 'forwarder', declarant: 'declarant' };

beforeAll(async () => {
  const generated = await generateDataset({ ...SIZES, out });
  truth = generated.truth;
  store = new SqliteStore(':memory:');
  await loadLists(store, join(out, 'listed.ftm.json'), { dataset: 'synthetic-list', worker: false });
  await ingestRecords(store, { kind: 'trade', path: join(out, 'trade.csv'), worker: false });
  await ingestRecords(store, { kind: 'trade', path: join(out, 'trade-ru.csv'), mapping: 'ru-customs', worker: false });
  await ingestRecords(store, { kind: 'ownership', path: join(out, 'ownership.csv'), worker: false });
  await ingestRecords(store, { kind: 'travel', path: join(out, 'travel.csv'), worker: false });
  const sources = ['trade:trade', 'trade:trade-ru', 'ownership:ownership', 'travel:travel'];
  for await (const batch of store.iterateEntities({ sources, schemata: ['Company', 'LegalEntity', 'Organization', 'Person'] })) {
    for (const e of batch) records.set(e.id, new Set([...e.get('innCode'), ...e.get('ogrnCode'), ...e.get('registrationNumber')]));
  }
  for await (const batch of store.iterateEntities({ sources: ['trade:trade', 'trade:trade-ru'], schemata: ['Shipment'] })) {
    for (const s of batch) {
      const parties = Object.fromEntries(Object.values(ROLES).map((r) => [r, s.first(r)]));
      for (const d of s.get('declarationNumber')) shipments.set(d, parties);
    }
  }
  report = await autoResolve(store);
});
afterAll(async () => {
  await store?.close();
  scratch.remove();
});

describe('a generated data set resolves against its fictional list', () => {
  it('puts every ingested holder of a listed party’s number in its cluster, and nobody else', async () => {
    const listed = truth.parties.filter((p) => p.listed);
    expect(listed.map((p) => p.ref).sort()).toEqual([...truth.listed].sort());
    let linked = 0;
    for (const p of listed) {
      const numbers = new Set(['inn', 'ogrn', 'uscc'].map((k) => p.identifiers[k]).filter((v): v is string => !!v));
      const expected = [...records].filter(([, ids]) => [...ids].some((v) => numbers.has(v))).map(([id]) => id).sort();
      const c = await cluster(store, p.ref);
      expect({ ref: p.ref, records: c.members.filter((m) => m.role === 'record').map((m) => m.id).sort() }).toEqual({ ref: p.ref, records: expected });
      expect(c.canonical).toBe(p.ref);
      linked += expected.length;
    }
    // The data set does carry listed parties' numbers in its records.
    expect(linked).toBeGreaterThanOrEqual(3);
    expect(report.refused).toEqual([]);
  });

  it('resolves the listed party of every planted listed-party-direct shipment (consignee, notify party, shipper)', async () => {
    const planted = truth.patterns.filter((p) => p.pattern === 'listed-party-direct');
    expect(planted.length).toBeGreaterThan(0);
    const byKey: string[] = [];
    const byName: string[] = [];
    for (const p of planted) {
      const listedId = p.evidence.entities!.find((e) => truth.listed.includes(e))!;
      // "the consignee OOO … (listed …) is on the list": the role of the listed party.
      const role = ROLES[/^the (consignee|notify party|shipper|forwarder|declarant) /.exec(p.reason)?.[1] ?? '']!;
      const party = shipments.get(p.flag[0]!)?.[role];
      expect({ shipment: p.flag[0], role, party: typeof party }).toEqual({ shipment: p.flag[0], role, party: 'string' });
      const c = await cluster(store, party!);
      if (c.canonical === listedId) {
        byKey.push(party!);
        continue;
      }
      const r = await resolveCandidates(store, { ids: [party!], minScore: 0.7 });
      expect({ party, best: r.candidates[0]?.right.id }).toEqual({ party, best: listedId });
      byName.push(party!);
    }
    // Both paths occur in this data set.
    expect(byKey.length).toBeGreaterThan(0);
    expect(byName.length).toBeGreaterThan(0);
  });

  it('keeps the look-alike decoys out of the listed clusters', async () => {
    const decoys = truth.decoys.filter((d) => d.decoy === 'similar-name');
    expect(decoys.length).toBeGreaterThan(0);
    for (const d of decoys) {
      const listedId = d.evidence.entities!.find((e) => truth.listed.includes(e))!;
      const decl = d.evidence.shipments![0]!;
      const decoy = shipments.get(decl)?.consignee ?? '';
      expect(decoy).toMatch(/^party-/);
      const members = (await cluster(store, listedId)).members.map((m) => m.id);
      expect({ decoy, inListedCluster: members.includes(decoy) }).toEqual({ decoy, inListedCluster: false });
    }
  });
});
