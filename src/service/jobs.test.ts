/**
 * JobRegistry over a store: two registries over one store stand for two server processes. The
 * one running a job writes its progress (throttled), heartbeat and end; the other reads them,
 * and reads a job whose heartbeat stopped as failed. Retention as before the store kept jobs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../store/index.js';
import { JOB_RUNNER_STOPPED, JobRegistry } from './jobs.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise and its resolver: work that waits for the test. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await sleep(10);
  }
}

describe('JobRegistry over a store', () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = new SqliteStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
  });

  it('shows a job started by one process to another: progress while it runs, then the result', async () => {
    const runner = new JobRegistry<{ rows: number[] }>(store, { progressMs: 0 });
    const reader = new JobRegistry<{ rows: number[] }>(store);
    const step = [gate(), gate()];
    const started = await runner.start('screen-batch', 10, 'key_1', async (progress) => {
      await step[0]!.wait;
      progress(4);
      await step[1]!.wait;
      return { rows: [1, 2, 3] };
    });
    expect(started).toMatchObject({ kind: 'screen-batch', status: 'queued', total: 10, done: 0, owner: 'key_1', finishedAt: null, error: null });
    expect(await reader.get(started.id)).toMatchObject({ id: started.id, total: 10, owner: 'key_1' });
    expect(await until(() => reader.get(started.id), (j) => j?.status === 'running')).toMatchObject({ status: 'running', done: 0 });
    step[0]!.open();
    expect(await until(() => reader.get(started.id), (j) => j?.done === 4)).toMatchObject({ status: 'running', done: 4 });
    expect(await reader.result(started.id)).toBeNull();
    step[1]!.open();
    const done = await until(() => reader.get(started.id), (j) => j?.status === 'done');
    expect(done).toMatchObject({ status: 'done', done: 10, error: null });
    expect(done!.finishedAt).not.toBeNull();
    expect(await reader.result(started.id)).toEqual({ rows: [1, 2, 3] });
    expect(await runner.get(started.id)).toEqual(done);
    expect(await runner.result(started.id)).toEqual({ rows: [1, 2, 3] });
    expect(await reader.get('nope')).toBeUndefined();
    expect(await reader.result('nope')).toBeUndefined();
  });

  it('answers for its own running job from memory and writes progress at most every progressMs', async () => {
    const runner = new JobRegistry(store, { progressMs: 200 });
    const reader = new JobRegistry(store);
    const writes = vi.spyOn(store, 'updateJobProgress');
    const release = gate();
    const job = await runner.start('screen-batch', 1000, null, async (progress) => {
      for (let i = 1; i <= 1000; i++) {
        progress(i);
        if (i % 100 === 0) await sleep(5);
      }
      await release.wait;
      return 'ok';
    });
    const live = await until(() => runner.get(job.id), (j) => j?.done === 1000);
    expect(live).toMatchObject({ status: 'running', done: 1000 });
    // One write on starting to run, at most one per 200 ms since.
    expect(writes.mock.calls.length).toBeLessThanOrEqual(3);
    expect(await until(() => reader.get(job.id), (j) => j?.done === 1000, 2000)).toMatchObject({ status: 'running', done: 1000 });
    release.open();
    expect(await until(() => reader.get(job.id), (j) => j?.status === 'done')).toMatchObject({ status: 'done', done: 1000 });
    expect(await reader.result(job.id)).toBe('ok');
  });

  it('records a failed job with its error for every process', async () => {
    const runner = new JobRegistry(store);
    const reader = new JobRegistry(store);
    const job = await runner.start('screen-batch', 5, 'local', async (progress) => {
      progress(2);
      throw new Error('the screening index is not built');
    });
    const failed = await until(() => reader.get(job.id), (j) => j?.status === 'failed');
    expect(failed).toMatchObject({ status: 'failed', error: 'the screening index is not built' });
    expect(await reader.result(job.id)).toBeNull();
  });

  it('reads a job whose process stopped (no heartbeat) as failed; a live heartbeat keeps it running', async () => {
    const reader = new JobRegistry(store, { staleMs: 200 });
    const old = new Date(Date.now() - 60_000).toISOString();
    await store.createJob({ id: 'gone', kind: 'screen-batch', status: 'running', total: 9, done: 3, createdAt: old, finishedAt: null, error: null, owner: 'local', runner: 'elsewhere:1:dead', updatedAt: old });
    expect(await reader.get('gone')).toEqual({ id: 'gone', kind: 'screen-batch', status: 'failed', total: 9, done: 3, createdAt: old, finishedAt: old, error: JOB_RUNNER_STOPPED, owner: 'local' });

    const runner = new JobRegistry(store, { heartbeatMs: 30, staleMs: 200 });
    const release = gate();
    const job = await runner.start('screen-batch', 1, null, async () => {
      await release.wait;
      return 1;
    });
    await sleep(500);
    expect(await reader.get(job.id)).toMatchObject({ status: 'running', error: null });
    release.open();
    expect(await until(() => reader.get(job.id), (j) => j?.status === 'done')).toMatchObject({ status: 'done' });
  });

  it('records its unfinished jobs as failed when closed, and ignores their work from then on', async () => {
    const runner = new JobRegistry(store);
    const reader = new JobRegistry(store);
    const release = gate();
    const job = await runner.start('screen-batch', 3, null, async (progress) => {
      await release.wait;
      progress(3);
      return 'late';
    });
    await until(() => reader.get(job.id), (j) => j?.status === 'running');
    await runner.close();
    expect(await reader.get(job.id)).toMatchObject({ status: 'failed', error: JOB_RUNNER_STOPPED });
    release.open();
    await sleep(50);
    expect(await reader.get(job.id)).toMatchObject({ status: 'failed', error: JOB_RUNNER_STOPPED });
    expect(await reader.result(job.id)).toBeNull();
  });

  it('keeps finished jobs keepMs and at most maxJobs, the oldest going first', async () => {
    const jobs = new JobRegistry(store, { maxJobs: 3, keepMs: 60_000 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await jobs.start('screen-batch', 1, null, async () => i)).id);
      await until(() => jobs.get(ids[i]!), (j) => j?.status === 'done');
      await sleep(2);
    }
    expect(await jobs.get(ids[0]!)).toBeUndefined();
    for (const id of ids.slice(1)) expect((await jobs.get(id))?.status).toBe('done');
    const longAgo = new Date(Date.now() - 120_000).toISOString();
    await store.createJob({ id: 'ancient', kind: 'screen-batch', status: 'done', total: 1, done: 1, createdAt: longAgo, finishedAt: longAgo, error: null, owner: null, runner: null, updatedAt: longAgo });
    await new JobRegistry(store, { keepMs: 60_000 }).start('screen-batch', 1, null, async () => 0);
    expect(await jobs.get('ancient')).toBeUndefined();
    for (const id of ids.slice(1)) expect((await jobs.get(id))?.status).toBe('done');
  });
});
