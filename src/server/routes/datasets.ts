/** Dataset names in URLs: a loaded list's source id, or `default` for all of them. */
import { notFound } from '../../model/index.js';
import type { ServerDeps } from '../deps.js';
import { DEFAULT_DATASET } from './catalog.js';

/** The sources a dataset name stands for; undefined means all (`default`). */
export async function resolveDataset(deps: ServerDeps, name: string): Promise<string[] | undefined> {
  if (name === DEFAULT_DATASET) return undefined;
  const active = await deps.store.activeVersions();
  if (!active.some((v) => v.source === name)) {
    throw notFound(`unknown dataset "${name}" (loaded: ${[...active.map((v) => v.source), DEFAULT_DATASET].join(', ')})`);
  }
  return [name];
}

export function intersect(a: string[] | undefined, b: readonly string[]): string[] | undefined {
  if (!b.length) return a;
  if (!a) return [...b];
  return a.filter((x) => b.includes(x));
}
