/**
 * `endtrace serve --workers 2`: two processes share one port; the primary prints the URL once,
 * names each worker, restarts a worker that dies, and SIGTERM stops the primary and every worker.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliFixture, cliOk, requireBuild, spawnCli, tempDir } from './run-cli.js';

requireBuild();

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await Promise.resolve(probe()).catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('endtrace serve --workers', () => {
  const { dir, remove } = tempDir('cli-serve-workers');
  afterAll(remove);
  const db = join(dir, 'workers.db');

  it('serves from two processes, replaces a dead worker, and stops them all on SIGTERM', async () => {
    await cliOk(db, ['lists', 'load', '--from', cliFixture('lists')], dir);
    const child = spawnCli(['--db', db, 'serve', '--port', '0', '--workers', '2'], dir);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const workerPids = () => [...stderr.matchAll(/worker (\d+) listening/g)].map((m) => Number(m[1]));
    let pids: number[] = [];
    try {
      const url = await waitFor('the URL line', () => /endtrace API on (http:\/\/127\.0\.0\.1:\d+) \(2 worker processes, local mode/.exec(stdout)?.[1]);
      expect(stdout.match(/endtrace API on/g)).toHaveLength(1);
      pids = await waitFor('two workers', () => (new Set(workerPids()).size === 2 ? workerPids() : undefined));
      expect(pids).not.toContain(child.pid);
      await waitFor('both indexes', () => ((stderr.match(/screening index ready/g) ?? []).length === 2 ? true : undefined));
      // Fresh connections are spread over the workers; every one answers the same.
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${url}/match/default`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', connection: 'close' },
          body: JSON.stringify({ queries: { q1: { schema: 'Person', properties: { name: ['Anna Testova'] } } } }),
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { responses: Record<string, { results: Array<{ id: string; match: boolean }> }> };
        expect([body.responses.q1!.results[0]!.id, body.responses.q1!.results[0]!.match]).toEqual(['gb-hmt-99001', true]);
      }
      // A worker that dies is replaced, and the port keeps answering.
      process.kill(pids[0]!, 'SIGKILL');
      const replacement = await waitFor('a replacement worker', () => workerPids().find((p) => !pids.includes(p)));
      pids.push(replacement);
      expect(stderr).toContain(`worker ${pids[0]} stopped (SIGKILL)`);
      expect((await fetch(`${url}/healthz`, { headers: { connection: 'close' } })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, stderr).toBe(0);
    expect(stderr).toContain('endtrace: shutting down');
    await waitFor('the workers to exit', () => (pids.some(alive) ? undefined : true), 10_000);
  });

  it('refuses a bad worker count (exit 2)', async () => {
    const child = spawnCli(['--db', db, 'serve', '--port', '0', '--workers', 'many'], dir);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toContain('--workers must be a whole number from 1 to 64, or auto');
  });
});
