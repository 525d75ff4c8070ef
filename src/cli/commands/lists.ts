/** `endtrace lists load|status|diff|update`: official lists, versioned and diffed. */
import type { Command } from 'commander';
import { EndtraceError } from '../../model/index.js';
import { diffLists, listStatus, loadLists, updateLists } from '../../service/index.js';
import type { LoadProgress, SourceStatus, UnitResult } from '../../service/index.js';
import type { Store } from '../../store/index.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { ProgressBar, log, out, printJson, table } from '../output.js';

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
  if (r.status === 'failed') return `error: ${r.source} (${files}): ${r.error?.oneLine() ?? 'failed'} — nothing was changed`;
  const v = r.version!;
  if (r.status === 'unchanged') return `${r.source} ${v.version}: unchanged (already loaded from ${files})`;
  const issues = r.issues
    ? `; ${r.issues} record issue(s): ${Object.entries(r.issueCodes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`
    : '';
  return `${r.source} ${v.version}: loaded ${v.entities.toLocaleString('en')} entities from ${files}${secs ? ` in ${secs} s` : ''}${r.activated ? ' (active)' : ' (kept inactive: an newer version is active)'}${issues}`;
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

/** Loads a path and prints the resulting status of the sources it touched. Returns the exit code. */
export async function runLoad(ctx: CommandContext, store: Store, from: string, opts: { dataset?: string | undefined }): Promise<number> {
  const progress = progressReporter(ctx.json);
  const report = await loadLists(store, from, { dataset: opts.dataset, progress });
  progress.bar.stop();
  const touched = [...new Set(report.units.map((u) => u.source))];
  printStatus(ctx, await listStatus(store, touched));
  const failed = report.units.filter((u) => u.status === 'failed');
  if (report.units.length === 0) {
    throw new EndtraceError('input', `no list files found in ${from}`, { code: 'unrecognised', location: { file: from } });
  }
  if (failed.length) {
    const first = failed[0]!.error;
    log(`endtrace: error: ${first?.oneLine() ?? 'a list failed to load'}`);
    return 1;
  }
  return 0;
}

export function registerLists(program: Command, globals: Globals): void {
  const lists = program.command('lists').description('load, inspect, diff and update the official sanctions lists');

  lists
    .command('load')
    .description('load list files (a file, or a folder of several lists and versions), recognised by content')
    .requiredOption('--from <path>', 'file or folder to load')
    .option('--dataset <name>', 'dataset name for FtM JSON files (default: the file base name)')
    .action(async (opts: { from: string; dataset?: string }) => {
      const ctx = makeContext(globals());
      process.exitCode = await ctx.withStore((store) => runLoad(ctx, store, opts.from, { dataset: opts.dataset }));
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
        const progress = progressReporter(ctx.json);
        const bar = progress.bar;
        const results = await updateLists(store, {
          sources,
          base: opts.base ?? ctx.settings.registryBase,
          cacheDir: ctx.settings.cacheDir,
          timeoutMs: ctx.settings.downloadTimeoutMs,
          progress: {
            ...progress,
            downloadStart: (s, url, total) => {
              log(`downloading ${s.id} from ${url}`);
              bar.start(`download ${s.id}`, total ?? 0);
            },
            downloadBytes: (n) => bar.update(n),
            downloadDone: () => bar.stop(),
          },
        });
        bar.stop();
        for (const r of results) {
          if (r.error) log(`${r.source}: ${r.status}: ${r.error.oneLine()}`);
          else log(`${r.source}: ${r.status}${r.version ? ` (version ${r.version.version})` : ''}`);
        }
        if (ctx.json) printJson(results.map((r) => ({ source: r.source, url: r.url, status: r.status, version: r.version?.version ?? null, error: r.error?.oneLine() ?? null })));
        else printStatus(ctx, await listStatus(store));
        return results.some((r) => r.status === 'failed') ? 1 : 0;
      });
    });
}
