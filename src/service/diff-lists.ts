/**
 * Differences between two versions of a source: roots added, removed and modified (their
 * bundle digests differ), and for modified roots the statements added and removed — a set
 * difference of statements, as in nomenklatura.
 */
import { EndtraceError } from '../model/index.js';
import type { Statement } from '../model/index.js';
import { statementKey } from '../store/index.js';
import type { BundleStatement, Store, VersionInfo } from '../store/index.js';

export interface ValueChange {
  entity: string;
  schema: string;
  prop: string;
  value: string;
}

export interface EntityChange {
  id: string;
  caption: string;
  schema: string;
  added: ValueChange[];
  removed: ValueChange[];
}

export interface ListDiff {
  source: string;
  from: string;
  to: string;
  added: string[];
  removed: string[];
  modified: string[];
}

export interface DetailedDiff extends ListDiff {
  details: {
    added: Array<{ id: string; caption: string; schema: string }>;
    removed: Array<{ id: string; caption: string; schema: string }>;
    modified: EntityChange[];
  };
}

async function pickVersions(store: Store, source: string, from?: string, to?: string): Promise<[VersionInfo, VersionInfo]> {
  const all = await store.versions(source);
  if (all.length === 0) {
    const loaded = [...new Set((await store.versions()).map((v) => v.source))].sort();
    throw new EndtraceError('not_found', `no version of ${source} is loaded (loaded sources: ${loaded.join(', ') || 'none'})`, { code: 'unknown_source' });
  }
  const byName = (v: string) => {
    const found = all.find((x) => x.version === v);
    if (!found) throw new EndtraceError('not_found', `${source} has no version ${v} (loaded: ${all.map((x) => x.version).join(', ')})`, { code: 'unknown_version' });
    return found;
  };
  const ordered = [...all].sort((a, b) => (a.published ?? a.version).localeCompare(b.published ?? b.version) || a.id - b.id);
  if (from && to) return [byName(from), byName(to)];
  if (ordered.length < 2 && !(from || to)) throw new EndtraceError('not_found', `${source} has only one version loaded (${all[0]!.version}); nothing to compare`, { code: 'no_other_version' });
  if (to) {
    const t = byName(to);
    const before = ordered.filter((v) => v.id !== t.id && (v.published ?? v.version) <= (t.published ?? t.version));
    if (!before.length) throw new EndtraceError('not_found', `${source} has no version before ${to}`, { code: 'no_other_version' });
    return [before[before.length - 1]!, t];
  }
  if (from) {
    const f = byName(from);
    const after = ordered.filter((v) => v.id !== f.id && (v.published ?? v.version) >= (f.published ?? f.version));
    if (!after.length) throw new EndtraceError('not_found', `${source} has no version after ${from}`, { code: 'no_other_version' });
    return [f, after[after.length - 1]!];
  }
  return [ordered[ordered.length - 2]!, ordered[ordered.length - 1]!];
}

export async function diffLists(store: Store, source: string, opts: { from?: string | undefined; to?: string | undefined; details?: boolean } = {}): Promise<DetailedDiff> {
  const [from, to] = await pickVersions(store, source, opts.from, opts.to);
  const a = new Map((await store.digests(from.id)).map((d) => [d.rootId, d]));
  const b = new Map((await store.digests(to.id)).map((d) => [d.rootId, d]));
  const added = [...b.keys()].filter((id) => !a.has(id)).sort();
  const removed = [...a.keys()].filter((id) => !b.has(id)).sort();
  const modified = [...b.keys()].filter((id) => a.has(id) && a.get(id)!.hash !== b.get(id)!.hash).sort();
  const result: DetailedDiff = {
    source,
    from: from.version,
    to: to.version,
    added,
    removed,
    modified,
    details: {
      added: added.map((id) => ({ id, caption: b.get(id)!.caption, schema: b.get(id)!.schema })),
      removed: removed.map((id) => ({ id, caption: a.get(id)!.caption, schema: a.get(id)!.schema })),
      modified: [],
    },
  };
  if (opts.details) {
    const batch = 5000;
    for (let i = 0; i < modified.length; i += batch) {
      const ids = modified.slice(i, i + batch);
      const before = groupByRoot(await store.bundleStatements(from.id, ids));
      const after = groupByRoot(await store.bundleStatements(to.id, ids));
      for (const id of ids) {
        const d = b.get(id)!;
        result.details.modified.push({ id, caption: d.caption, schema: d.schema, ...statementDiff(before.get(id) ?? [], after.get(id) ?? []) });
      }
    }
  }
  return result;
}

function groupByRoot(statements: BundleStatement[]): Map<string, Statement[]> {
  const out = new Map<string, Statement[]>();
  for (const s of statements) {
    const list = out.get(s.rootId) ?? [];
    list.push(s);
    out.set(s.rootId, list);
  }
  return out;
}

function statementDiff(before: Statement[], after: Statement[]): { added: ValueChange[]; removed: ValueChange[] } {
  const keysBefore = new Set(before.map(statementKey));
  const keysAfter = new Set(after.map(statementKey));
  const change = (s: Statement): ValueChange => ({ entity: s.entityId, schema: s.schema, prop: s.prop, value: s.value });
  return {
    added: after.filter((s) => !keysBefore.has(statementKey(s))).map(change),
    removed: before.filter((s) => !keysAfter.has(statementKey(s))).map(change),
  };
}
