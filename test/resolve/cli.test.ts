/**
 * `endtrace resolve` end to end through the built CLI, on the fictional fixtures of
 * test/fixtures/resolve: auto, candidates, judge, show, undo, the JSON contracts, the exit codes,
 * and that `resolve auto` never overwrites an analyst's "not same".
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/shared-data.js';
import { cliOk, requireBuild, runCli, stderrLines, tempDir } from '../cli/run-cli.js';

requireBuild();

const LISTED = 'ofac-990001';
const RECORD = 'party-inn-9909054320';
const { dir, remove } = tempDir('resolve-cli');
const db = join(dir, 'store.db');
const json = async <T>(args: string[]): Promise<T> => JSON.parse((await cliOk(db, ['--json', ...args], dir)).stdout) as T;

interface Brief {
  id: string;
  caption: string;
  canonical: string;
}
interface Candidates {
  candidates: Array<{ left: Brief; right: Brief; score: number; matchScore: number; algorithm: string; explanations: Record<string, { score: number; detail: string | null }>; context: unknown[] }>;
  total: number;
  queries: number;
  compared: number;
  listEntities: number;
}
interface Judgement {
  left: string;
  right: string;
  judgement: string;
  origin: string;
  user: string | null;
  evidence: string[];
}
interface Cluster {
  id: string;
  canonical: string;
  members: Array<{ id: string; role: string; keys: string[]; exists: boolean }>;
  judgements: Judgement[];
  constraints: Judgement[];
  conflicts: unknown[];
  missing: string[];
}

let english: string;

beforeAll(async () => {
  await cliOk(db, ['lists', 'load', '--from', fixture('resolve', 'sdn')], dir);
  await cliOk(db, ['ingest', 'trade', fixture('resolve', 'trade.csv')], dir);
});
afterAll(remove);

describe('endtrace resolve', () => {
  it('auto links the SDN entry and the trade record that share an INN', async () => {
    const r = await json<{ linked: unknown[]; refused: unknown[]; clusters: number }>(['resolve', 'auto']);
    expect(r.linked).toEqual([{ left: LISTED, right: RECORD, keys: ['inn:9909054320'] }]);
    expect(r.refused).toEqual([]);
    expect(r.clusters).toBe(1);
  });

  it('candidates lists the unjudged pairs, best first, in the documented JSON', async () => {
    const r = await json<Candidates>(['resolve', 'candidates', '--min-score', '0.7']);
    expect(Object.keys(r).sort()).toEqual(['candidates', 'compared', 'listEntities', 'queries', 'total']);
    expect(r.candidates.map((c) => [c.left.caption, c.right.id])).toEqual([
      ['NEVYMYSHLENNYE SISTEMY LLC', LISTED],
      ['OOO Nevymyshlennye Sistemy', LISTED],
    ]);
    expect(r.candidates[0]!.algorithm).toBe('endtrace-v1');
    expect(r.candidates[0]!.right.canonical).toBe(LISTED);
    expect(r.listEntities).toBe(2);
    english = r.candidates[0]!.left.id;
    const limited = await json<Candidates>(['resolve', 'candidates', '--limit', '1']);
    expect(limited.candidates.length).toBe(1);
    expect(limited.total).toBe(2);
    const human = await cliOk(db, ['resolve', 'candidates'], dir);
    expect(human.stdout).toContain(`1. 1.000  NEVYMYSHLENNYE SISTEMY LLC [Company] ${english} (trade:trade)`);
  });

  it('judge same merges the clusters; show gives the members and the evidence; undo takes it back', async () => {
    const judged = await json<{ judgement: Judgement; clusters: Cluster[] }>(['resolve', 'judge', english, LISTED, 'same', '--user', 'alice']);
    expect(judged.judgement).toMatchObject({ judgement: 'positive', origin: 'analyst', user: 'alice' });
    // The list entry first (it names the cluster), then the records by id.
    expect(judged.clusters.map((c) => [c.canonical, c.members.map((m) => m.id)])).toEqual([[LISTED, [LISTED, ...[english, RECORD].sort()]]]);

    const shown = await json<Cluster>(['resolve', 'show', english]);
    expect(shown.canonical).toBe(LISTED);
    expect(shown.judgements.map((j) => [j.origin, j.evidence[0]!.split(' at ')[0]])).toEqual([
      ['analyst', 'same: judged by alice'],
      ['auto', 'shared strong identifier inn:9909054320'],
    ]);
    const human = await cliOk(db, ['resolve', 'show', RECORD], dir);
    expect(human.stdout.split('\n')[0]).toBe(`cluster ${LISTED} (of ${RECORD}): 3 members`);

    expect((await json<Candidates>(['resolve', 'candidates'])).candidates.map((c) => c.left.id)).not.toContain(english);
    const undone = await json<{ removed: Judgement; clusters: Cluster[] }>(['resolve', 'undo', LISTED, english]);
    expect(undone.removed).toMatchObject({ judgement: 'positive', origin: 'analyst', user: 'alice' });
    expect(undone.clusters.map((c) => c.members.length)).toEqual([2, 1]);
  });

  it('resolve auto never overwrites an analyst’s not-same', async () => {
    await cliOk(db, ['resolve', 'judge', RECORD, LISTED, 'not-same', '--user', 'bob'], dir);
    const again = await json<{ linked: unknown[]; refused: Array<{ reason: string; ids: string[] }> }>(['resolve', 'auto']);
    expect(again.linked).toEqual([]);
    expect(again.refused.map((r) => [r.reason, r.ids])).toEqual([['judged_apart', [RECORD, LISTED]]]);
    const shown = await json<Cluster>(['resolve', 'show', RECORD]);
    expect(shown.members.map((m) => m.id)).toEqual([RECORD]);
    expect(shown.constraints.map((j) => [j.left, j.right, j.judgement, j.origin, j.user])).toEqual([[LISTED, RECORD, 'negative', 'analyst', 'bob']]);
  });

  it('refuses a "same" across a "not same", with one line naming it (exit 1)', async () => {
    await cliOk(db, ['resolve', 'judge', english, LISTED, 'same', '--user', 'alice'], dir);
    const r = await runCli(['--db', db, 'resolve', 'judge', RECORD, english, 'same'], dir);
    expect(r.code).toBe(1);
    expect(stderrLines(r)).toEqual([`endtrace: error: cannot judge ${RECORD} same ${english}: their clusters are kept apart by ${LISTED} not same ${RECORD} (analyst bob, ${JSON.parse((await cliOk(db, ['--json', 'resolve', 'show', RECORD], dir)).stdout).constraints[0].createdAt}); undo that judgement first [judgement_conflict]`]);
  });

  it('exits 1 for unknown ids and missing judgements, 2 for a bad judgement word', async () => {
    const unknown = await runCli(['--db', db, 'resolve', 'judge', LISTED, 'no-such-id', 'same'], dir);
    expect([unknown.code, stderrLines(unknown)]).toEqual([1, ['endtrace: error: no entity with id no-such-id']]);
    const none = await runCli(['--db', db, 'resolve', 'undo', LISTED, 'ofac-990002'], dir);
    expect([none.code, stderrLines(none)]).toEqual([1, [`endtrace: error: no judgement on ${LISTED} and ofac-990002`]]);
    const show = await runCli(['--db', db, 'resolve', 'show', 'no-such-id'], dir);
    expect([show.code, stderrLines(show)]).toEqual([1, ['endtrace: error: no entity and no judgement with id no-such-id']]);
    const word = await runCli(['--db', db, 'resolve', 'judge', LISTED, RECORD, 'maybe'], dir);
    expect([word.code, stderrLines(word)]).toEqual([2, ['endtrace: error: the judgement must be same, not-same or unsure, not "maybe"']]);
    const score = await runCli(['--db', db, 'resolve', 'candidates', '--min-score', 'high'], dir);
    expect(score.code).toBe(2);
  });

  it('documents the JSON of each command in its help', async () => {
    for (const cmd of ['auto', 'candidates', 'judge', 'undo', 'show']) {
      const r = await runCli(['resolve', cmd, '--help'], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('--json prints');
    }
  });
});
