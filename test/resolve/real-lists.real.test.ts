/**
 * "List entities that are the same party on several lists resolve to one canonical entity"
 * (issue 5 §4), on the real OFAC SDN list of 2023-12-28 and the UK OFSI ConList of 2025-04-14
 * in one store. The two lists share no ids, so a link comes either from a strong identifier
 * both give (TSK VEKTOR, OOO: INN and OGRN on both; IZHMASH UNMANNED SYSTEMS: the INN) or from a
 * scored candidate an analyst judges "same" (JSC KALASHNIKOV CONCERN: no identifier on either
 * list, found by name and country). The lists' own copy errors — one number given to two
 * companies — are refused and reported, not merged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoResolve, cluster, judge, loadLists, resolveCandidates } from '../../src/service/index.js';
import type { AutoResolveReport } from '../../src/service/index.js';
import { SqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { dataFile, describeShared } from '../helpers/shared-data.js';

describeShared('resolution across OFAC SDN (2023-12-28) and UK OFSI (2025-04-14)', () => {
  let store: Store;
  let report: AutoResolveReport;

  beforeAll(async () => {
    store = new SqliteStore(':memory:');
    const sdn = await loadLists(store, dataFile('ofac_sdn', '2023-12-28'));
    const uk = await loadLists(store, dataFile('uk', 'ConList.from_xlsx.csv.gz'));
    expect([...sdn.units, ...uk.units].map((u) => [u.source, u.status, u.version?.entities])).toEqual([
      ['ofac-sdn', 'loaded', 13_821],
      ['uk-ofsi', 'loaded', 4_688],
    ]);
    report = await autoResolve(store);
  }, 400_000);
  afterAll(async () => {
    await store?.close();
  });

  describe('by a shared strong identifier (resolve auto)', () => {
    it('TSK VEKTOR on both lists is one cluster, linked by its INN and OGRN', async () => {
      const c = await cluster(store, 'ofac-46441');
      expect(c.canonical).toBe('gb-hmt-16667');
      expect(c.members.map((m) => [m.id, m.caption, m.datasets, m.keys])).toEqual([
        ['gb-hmt-16667', 'TSK VEKTOR', ['uk-ofsi'], ['inn:3849055365', 'ogrn:1153850042246']],
        ['ofac-46441', 'TSK VEKTOR, OOO', ['ofac-sdn'], ['inn:3849055365', 'ogrn:1153850042246']],
      ]);
      expect(c.judgements.map((j) => [j.left, j.right, j.origin, j.score, j.evidence])).toEqual([
        ['gb-hmt-16667', 'ofac-46441', 'auto', 1, ['shared strong identifier inn:3849055365', 'shared strong identifier ogrn:1153850042246']],
      ]);
    });

    it('the drone maker IZHMASH UNMANNED SYSTEMS is linked by its INN alone', async () => {
      const c = await cluster(store, 'gb-hmt-15376');
      expect(c.members.map((m) => m.id)).toEqual(['gb-hmt-15376', 'ofac-35337']);
      expect(c.judgements[0]!.evidence).toEqual(['shared strong identifier inn:1831117433']);
    });

    it('KUPOL, on the SDN list only, stays a cluster of one', async () => {
      expect((await cluster(store, 'ofac-46431')).members.map((m) => m.id)).toEqual(['ofac-46431']);
    });

    it('makes 75 links, 15 of them by IMO number (vessels on both lists)', () => {
      expect(report.linked.length).toBe(75);
      expect(report.linked.filter((l) => l.keys.some((k) => k.startsWith('imo:'))).length).toBe(15);
      expect(report.linked.every((l) => l.keys.length > 0)).toBe(true);
    });

    it('refuses the SDN list’s copy errors: one number for two companies', () => {
      const refused = (key: string) => report.refused.filter((r) => r.key === key).map((r) => [r.reason, r.ids, r.detail]);
      // LLC BERING METALS and ASTECLING: one Tax ID, two registration numbers.
      expect(refused('inn:9703077116')).toEqual([['conflicting_keys', ['ofac-46735', 'ofac-46732'], 'different ogrn: 1207500001851 vs 1227700134826']]);
      // BANK BELVEB (Belarus) carries the Tax ID of VNESHECONOMBANK (Russia).
      expect(refused('inn:7750004150')).toEqual([['countries_differ', ['ofac-18291', 'ofac-17015'], 'by vs ru']]);
      // LLC DV HOLDING and JSC AVRORA: the same INN and OGRN, names with nothing in common.
      expect(refused('inn:9704004093').map((r) => r.slice(0, 2))).toEqual([['names_differ', ['ofac-46754', 'ofac-46753']]]);
      expect((report.refused.map((r) => r.reason) as string[]).sort()).toEqual([...Array(10).fill('conflicting_keys'), 'countries_differ', 'names_differ', 'names_differ']);
    });
  });

  describe('by name and country: a candidate judged "same"', () => {
    it('proposes the SDN entry for the UK entry of the Kalashnikov concern, with its explanation', async () => {
      const r = await resolveCandidates(store, { ids: ['gb-hmt-15305'], minScore: 0.7 });
      const top = r.candidates[0]!;
      expect([top.left.id, top.left.caption, top.right.id, top.right.caption]).toEqual(['gb-hmt-15305', 'JSC KALASHNIKOV CONCERN', 'ofac-16911', 'JOINT STOCK COMPANY CONCERN KALASHNIKOV']);
      expect(top.score).toBeGreaterThanOrEqual(0.9);
      expect(top.explanations.country?.detail).toContain('ru');
      expect(top.explanations.identifier).toBeUndefined();
      // Neither list gives a strong identifier: nothing linked them automatically.
      expect([top.left.canonical, top.right.canonical]).toEqual(['gb-hmt-15305', 'ofac-16911']);
    }, 120_000);

    it('an analyst "same" makes them one canonical entity, and the pair is not proposed again', async () => {
      const r = await judge(store, 'ofac-16911', 'gb-hmt-15305', 'positive', 'analyst-1');
      expect(r.clusters.map((c) => [c.canonical, c.members.map((m) => m.id)])).toEqual([['gb-hmt-15305', ['gb-hmt-15305', 'ofac-16911']]]);
      expect(r.clusters[0]!.judgements[0]!.evidence[0]).toMatch(/^same: judged by analyst-1 at /);
      const again = await resolveCandidates(store, { ids: ['gb-hmt-15305'], minScore: 0.7 });
      expect(again.candidates.some((c) => c.right.id === 'ofac-16911' || c.left.id === 'ofac-16911')).toBe(false);
    }, 120_000);
  });
});
