/** `endtrace lists load|status|diff|update`: official lists, versioned and diffed. */
import type { Command } from 'commander';
import { EndtraceError } from '../../model/index.js';
import { diffLists, listStatus, loadLists, updateLists } from '../../service/index.js';
import type { LoadProgress, LoadReport, SourceStatus, UnitResult, UpdateResult } from '../../service/index.js';
import type { Store } from '../../store/index.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { ProgressBar, errorLine, log, out, printJson, table } from '../output.js';

type Globals = () => GlobalOptions;

export function progressReporter(json: boolean): LoadProgress & { bar: ProgressBar } {
  const bar = new ProgressBar();
  const started = new Map<string, number>();
  return {
    bar,
    skipped(file) {
      log(`skipped ${file.file}: ${file.reason}`);
    },
    unitStart(unit, total) {
      started.set(unit.files.map((f) => f.name).join(','), Date.now());
      bar.start(`${unit.source} ${unit.files.map((f) => f.name).join(' + ')}`, total);
    },
    bytes(read) {
      bar.update(read);
    },
    unitDone(r) {
      bar.stop();
      const key = r.files.join(',');
      const secs = started.has(key) ? ((Date.now() - started.get(key)!) / 1000).toFixed(1) : null;
      log(describeUnit(r, secs));
      void json;
    },
  };
}

function describeUnit(r: UnitResult, secs: string | null): string {
  const files = r.files.join(' + ');
  if (r.status === 'failed') {
    const error = r.error ?? new EndtraceError('internal', `${files}: the load failed`);
    return errorLine(error, `${r.source} was not changed`);
  }
  const v = r.version!;
  if (r.status === 'unchanged') return `${r.source} ${v.version}: unchanged (already loaded from ${files})`;
  const issues = r.issues
    ? `; ${r.issues} record issue(s): ${Object.entries(r.issueCodes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`
    : '';
  return `${r.source} ${v.version}: loaded ${v.entities.toLocaleString('en')} entities from ${files}${secs ? ` in ${secs} s` : ''}${r.activated ? ' (active)' : ' (kept inactive: a newer version is active)'}${issues}`;
}

export function printStatus(ctx: CommandContext, rows: SourceStatus[]): void {
  if (ctx.json) {
    printJson(rows);
    return;
  }
  if (rows.length === 0) {
    out('No lists loaded. Load some with: endtrace lists load --from PATH');
    return;
  }
  out(table(['source', 'version', 'published', 'entities', 'checksum', 'loaded at'], rows.map((r) => [r.source, r.version, r.published, r.entities.toLocaleString('en'), r.checksum.slice(0, 16), r.loadedAt])));
}

/**
 * Loads a path; each unit's outcome (and each failure, as one line) goes to stderr as it
 * finishes. Returns the sources it touched and the exit code.
 */
export async function runLoad(ctx: CommandContext, store: Store, from: string, opts: { dataset?: string | undefined }): Promise<{ code: number; sources: string[] }> {
  const progress = progressReporter(ctx.json);
  let report: LoadReport;
  try {
    report = await loadLists(store, from, { dataset: opts.dataset, progress });
  } finally {
    progress.bar.stop();
  }
  if (report.units.length === 0) {
    throw new EndtraceError('input', 'no list file endtrace recognises is here', { code: 'unrecognised', location: { file: from } });
  }
  const sources = [...new Set(report.units.map((u) => u.source))];
  return { code: report.units.some((u) => u.status === 'failed') ? 1 : 0, sources };
}

/**
 * Updates sources from their official addresses (or `base`), logging one line per source on
 * stderr: its outcome, or its error with the address.
 */
export async function runUpdate(ctx: CommandContext, store: Store, sources: string[], base: string | undefined, opts: { quiet?: boolean } = {}): Promise<UpdateResult[]> {
  const progress = progressReporter(ctx.json);
  const bar = progress.bar;
  try {
    const results = await updateLists(store, {
      sources,
      base,
      cacheDir: ctx.settings.cacheDir,
      timeoutMs: ctx.settings.downloadTimeoutMs,
      progress: {
        ...progress,
        // A failed load is reported with its address, once, below.
        unitDone: (r) => {
          if (r.status !== 'failed') progress.unitDone?.(r);
        },
        downloadStart: (s, url, total) => {
          log(`downloading ${s.id} from ${url}`);
          bar.start(`download ${s.id}`, total ?? 0);
        },
        downloadBytes: (n) => bar.update(n),
        downloadDone: () => bar.stop(),
      },
    });
    if (!opts.quiet) logUpdateResults(results);
    return results;
  } finally {
    bar.stop();
  }
}

export function logUpdateResults(results: readonly UpdateResult[]): void {
  for (const r of results) {
    if (r.error) log(errorLine(r.error, `${r.source}: ${r.status}; its loaded version was not changed`));
    else log(`${r.source}: ${r.status}${r.version ? ` (version ${r.version.version})` : ''}`);
  }
}

export const updateFailed = (results: readonly UpdateResult[]): boolean => results.some((r) => r.status === 'failed' || r.status === 'unreachable');

export function registerLists(program: Command, globals: Globals): void {
  const lists = program.command('lists').description('load, inspect, diff and update the official sanctions lists');

  lists
    .command('load')
    .description('load list files (a file, or a folder of several lists and versions), recognised by content')
    .requiredOption('--from <path>', 'file or folder to load')
    .option('--dataset <name>', 'dataset name for FtM JSON files (default: the file base name)')
    .action(async (opts: { from: string; dataset?: string }) => {
      const ctx = makeContext(globals());
      process.exitCode = await ctx.withStore(async (store) => {
        const { code, sources } = await runLoad(ctx, store, opts.from, { dataset: opts.dataset });
        printStatus(ctx, await listStatus(store, sources));
        return code;
      });
    });

  lists
    .command('status')
    .description('per source: active version, publish date, entity count, checksum, load time')
    .action(async () => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => printStatus(ctx, await listStatus(store)));
    });

  lists
    .command('versions [source]')
    .description('every loaded version, newest first')
    .action(async (source: string | undefined) => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => {
        const versions = await store.versions(source);
        if (ctx.json) printJson(versions);
        else out(table(['source', 'version', 'published', 'entities', 'active', 'loaded at', 'files'], versions.map((v) => [v.source, v.version, v.published, v.entities, v.active ? 'yes' : '', v.loadedAt, v.files.map((f) => f.name).join(' + ')])));
      });
    });

  lists
    .command('diff <source>')
    .description('entities added, removed and modified between two versions (default: the two newest)')
    .option('--from <version>', 'older version')
    .option('--to <version>', 'newer version')
    .action(async (source: string, opts: { from?: string; to?: string }) => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => {
        const diff = await diffLists(store, source, { from: opts.from, to: opts.to, details: ctx.json });
        if (ctx.json) {
          printJson(diff);
          return;
        }
        out(`${source}: ${diff.from} → ${diff.to}`);
        out(`  added:    ${diff.added.length}`);
        out(`  removed:  ${diff.removed.length}`);
        out(`  modified: ${diff.modified.length}`);
        const show = (label: string, items: Array<{ id: string; caption: string }>) => {
          for (const i of items.slice(0, 20)) out(`  ${label} ${i.id}  ${i.caption}`);
          if (items.length > 20) out(`  … ${items.length - 20} more (use --json for all)`);
        };
        show('+', diff.details.added);
        show('-', diff.details.removed);
      });
    });

  lists
    .command('update [sources...]')
    .description('download the lists from their official addresses (conditional GET, checksum, atomic swap)')
    .option('--base <url>', 'mirror base URL replacing scheme and host of the official addresses')
    .action(async (sources: string[], opts: { base?: string }) => {
      const ctx = makeContext(globals());
      process.exitCode = await ctx.withStore(async (store) => {
        const results = await runUpdate(ctx, store, sources, opts.base ?? ctx.settings.registryBase);
        if (ctx.json) printJson(results.map((r) => ({ source: r.source, url: r.url, status: r.status, version: r.version?.version ?? null, error: r.error?.oneLine() ?? null })));
        else printStatus(ctx, await listStatus(store));
        return updateFailed(results) ? 1 : 0;
      });
    });
}
