/**
 * Where the real list files live (../shared/data, read-only, never committed). Tests that need
 * them use `describeShared`, which skips with a clear message when the folder is absent.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.ENDTRACE_SHARED_DIR ?? resolve(REPO_ROOT, '../shared');
export const DATA_DIR = join(SHARED_DIR, 'data');
export const EVAL_DIR = join(SHARED_DIR, 'eval-dev');
export const FIXTURES_DIR = join(REPO_ROOT, 'test/fixtures');
export const hasSharedData = existsSync(DATA_DIR);

/** `describe` when ../shared/data exists; otherwise a skipped suite that says why. */
export const describeShared: typeof describe = ((name: string, fn: () => void) => {
  if (hasSharedData) return describe(name, fn);
  return describe.skip(`${name} [skipped: ${DATA_DIR} not found; the real list files are not available]`, fn);
}) as typeof describe;

export const dataFile = (...parts: string[]) => join(DATA_DIR, ...parts);
export const fixture = (...parts: string[]) => join(FIXTURES_DIR, ...parts);
