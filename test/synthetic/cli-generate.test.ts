/** `endtrace generate` as users run it: the --json contract, determinism across processes, exit codes. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATTERNS } from '../../src/synthetic/index.js';
import { requireBuild, runCli, tempDir } from '../cli/run-cli.js';

const scratch = tempDir('generate-cli');
beforeAll(() => requireBuild());
afterAll(() => scratch.remove());

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('endtrace generate', () => {
  it('prints {out, files, patterns} with --json, progress on stderr only, and repeats itself byte for byte', async () => {
    const args = ['generate', '--seed', '42', '--companies', '250', '--shipments', '2500'];
    const a = await runCli(['--json', ...args, '--out', 'a'], scratch.dir);
    expect(a.code).toBe(0);
    const out = JSON.parse(a.stdout) as { out: string; files: Array<{ path: string; rows: number }>; patterns: Record<string, number> };
    expect(Object.keys(out).sort()).toEqual(['files', 'out', 'patterns']);
    expect(out.out).toBe(join(scratch.dir, 'a'));
    expect(out.files.map((f) => f.path).sort()).toEqual(['companies.csv', 'directorships.csv', 'documents', 'listed.ftm.json', 'ownership.csv', 'trade-ru.csv', 'trade.csv', 'travel.csv']);
    const rows = Object.fromEntries(out.files.map((f) => [f.path, f.rows]));
    expect(rows['companies.csv']).toBe(250);
    expect(readFileSync(join(scratch.dir, 'a', 'trade.csv'), 'utf8').trimEnd().split('\n').length - 1).toBe(rows['trade.csv']);
    expect(Object.keys(out.patterns)).toEqual([...PATTERNS]);
    expect(Object.values(out.patterns).every((n) => n >= 2)).toBe(true);
    expect(a.stderr).toMatch(/wrote .* in [\d.]+ s/);

    const b = await runCli([...args, '--out', 'b'], scratch.dir);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/^file +rows/);
    for (const f of ['trade.csv', 'trade-ru.csv', 'travel.csv', 'ownership.csv', 'directorships.csv', 'companies.csv', 'listed.ftm.json', 'ground-truth.json', 'README.md']) {
      expect(sha(join(scratch.dir, 'b', f)), f).toBe(sha(join(scratch.dir, 'a', f)));
    }
  });

  it('exits 2 on a bad number or sizes the patterns do not fit in, and 1 when it cannot write', async () => {
    const bad = await runCli(['generate', '--seed', 'x', '--out', 'c'], scratch.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('endtrace: error: --seed must be a whole number, not "x"');
    const small = await runCli(['generate', '--companies', '20', '--shipments', '3000', '--out', 'c'], scratch.dir);
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/--companies must be at least \d+ for --shipments 3000/);
    const notEmpty = await runCli(['generate', '--out', '.'], scratch.dir);
    expect(notEmpty.code).toBe(2);
    expect(notEmpty.stderr).toMatch(/is not empty and holds no earlier output of endtrace generate/);
    const notDir = await runCli(['generate', '--companies', '250', '--shipments', '2500', '--out', 'a/README.md'], scratch.dir);
    expect(notDir.code).toBe(1);
    expect(notDir.stderr.trim().split('\n')).toHaveLength(1);
    expect(notDir.stderr).toMatch(/README\.md: cannot write: ENOTDIR/);
  });
});
