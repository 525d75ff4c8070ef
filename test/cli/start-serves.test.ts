/**
 * `endtrace start` (what `npm start` runs) loads the lists and then serves the HTTP API on the
 * same store: it prints the URL, /healthz and /readyz answer, a match finds a loaded entry, and
 * SIGTERM stops it cleanly.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliFixture, requireBuild, spawnCli, tempDir } from './run-cli.js';

requireBuild();

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('endtrace start serves the API after loading', () => {
  const { dir, remove } = tempDir('cli-start-serve');
  afterAll(remove);

  it('prints the URL, answers /healthz, /readyz and /match, and stops on SIGTERM', async () => {
    const child = spawnCli(['--db', join(dir, 'serve.db'), 'start', '--offline', '--port', '0'], dir, { env: { ENDTRACE_LISTS_DIR: cliFixture('lists') } });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const url = await waitFor('the URL line', async () => /endtrace API on (http:\/\/127\.0\.0\.1:\d+) \(local mode, no key needed\)/.exec(stdout)?.[1]);
      // The status table comes first, then the URL.
      expect(stdout.indexOf('uk-ofsi')).toBeLessThan(stdout.indexOf('endtrace API on'));
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      await waitFor('/readyz', async () => ((await fetch(`${url}/readyz`)).status === 200 ? true : undefined));
      const res = await fetch(`${url}/match/default`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ queries: { q1: { schema: 'Person', properties: { name: ['Anna Testova'] } } } }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { responses: Record<string, { results: Array<{ id: string; match: boolean; datasets: string[] }> }> };
      const top = body.responses.q1!.results[0]!;
      expect([top.id, top.match, top.datasets]).toEqual(['gb-hmt-99001', true, ['uk-ofsi']]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, stderr).toBe(0);
    expect(stderr).toContain('endtrace: shutting down');
  });
});
